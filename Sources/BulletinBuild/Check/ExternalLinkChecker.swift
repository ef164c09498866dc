public import BulletinCore
public import BulletinResolve

internal import Foundation
import Synchronization
#if canImport(Glibc)
import CLinuxSupport
import Glibc
#endif

/// Checks links to other sites (`bulletin check --external`): each URL once, a bounded number
/// at a time, each with a timeout. A failure is a warning at the link's first use: other
/// sites go down and come back, and an editor should not be blocked by them.
public struct ExternalLinkChecker: Sendable {
    /// Requests in flight at once.
    public var concurrency: Int
    /// Seconds before a request is given up.
    public var timeout: Double

    public init(concurrency: Int = 8, timeout: Double = 10) {
        self.concurrency = max(1, concurrency)
        self.timeout = timeout
    }

    /// A warning for each URL that did not answer with success.
    public func check(_ links: [ExternalLink]) async -> [Diagnostic] {
        var firstUse: [String: ExternalLink] = [:]
        var uses: [String: Int] = [:]
        var order: [String] = []
        for link in links {
            if firstUse[link.url] == nil {
                firstUse[link.url] = link
                order.append(link.url)
            }
            uses[link.url, default: 0] += 1
        }
        if Self.curl == nil {
            guard let first = order.first.flatMap({ firstUse[$0] }) else { return [] }
            // No link can be checked: said once, as an error, for the check to fail.
            return [Diagnostic(
                .error, .externalLinkFailed, "links to other sites were not checked: libcurl (libcurl.so.4) could not be loaded",
                at: first.location, sourceLine: first.sourceLine,
                hint: "install libcurl (Debian: apt-get install libcurl4; Ubuntu 24.04: libcurl4t64), or check without --external")]
        }
        // On threads of their own: libcurl's requests block.
        let urls = order
        let problems = await withCheckedContinuation { continuation in
            let checker = self
            Thread.detachNewThread {
                continuation.resume(returning: checker.problems(urls))
            }
        }
        var failures: [String: String] = [:]
        for (url, problem) in zip(urls, problems) where problem != nil { failures[url] = problem }

        return order.compactMap { url -> Diagnostic? in
            guard let problem = failures[url], let link = firstUse[url] else { return nil }
            let others = (uses[url] ?? 1) - 1
            return Diagnostic(
                .warning, .externalLinkFailed,
                "\(url) \(problem)" + (others > 0 ? " (linked \(others) more time\(others == 1 ? "" : "s") after this)" : ""),
                at: link.location, sourceLine: link.sourceLine,
                hint: "check the address in a browser; if the page moved, link to its new address")
        }
    }

    /// Why each URL failed, or nil, in order: `concurrency` threads take the next URL each,
    /// at most `connectionsPerHost` of them asking one host at a time (a site links to a few
    /// hosts again and again, and a host asked by many at once answers 429).
    func problems(_ urls: [String]) -> [String?] {
        let next = Mutex(0)
        let results = Mutex([String?](repeating: nil, count: urls.count))
        let hosts = Mutex([String: DispatchSemaphore]())
        let connectionsPerHost = Self.connectionsPerHost
        let done = DispatchGroup()
        let timeout = timeout
        for _ in 0..<min(concurrency, urls.count) {
            done.enter()
            Thread.detachNewThread {
                while true {
                    let index: Int = next.withLock { value in
                        defer { value += 1 }
                        return value
                    }
                    guard index < urls.count else { break }
                    let host = URL(string: urls[index])?.host?.lowercased() ?? ""
                    let turn = hosts.withLock { hosts in
                        if let semaphore = hosts[host] { return semaphore }
                        let semaphore = DispatchSemaphore(value: connectionsPerHost)
                        hosts[host] = semaphore
                        return semaphore
                    }
                    turn.wait()
                    let problem = Self.problem(with: urls[index], timeout: timeout)
                    turn.signal()
                    results.withLock { $0[index] = problem }
                }
                done.leave()
            }
        }
        done.wait()
        return results.withLock { $0 }
    }

    /// Why a URL failed, or nil when it answered with success. HEAD first; GET when the
    /// server refuses HEAD.
    static func problem(with url: String, timeout: Double) -> String? {
        // As a browser sends it: spaces and other characters percent-encoded, a host in
        // another script in its ASCII form (libcurl refuses the address as written).
        guard let parsed = URL(string: url) else { return "is not a valid URL" }
        let address = parsed.absoluteString
        var status = Self.status(of: address, head: true, timeout: timeout)
        if case .code(let code) = status, [400, 403, 404, 405, 429, 501].contains(code) {
            status = Self.status(of: address, head: false, timeout: timeout)
        }
        switch status {
        case .code(let code) where (200..<400).contains(code): return nil
        case .code(let code): return "answered HTTP \(code)"
        case .failed(let reason): return "could not be reached (\(reason))"
        }
    }

    package enum Status: Sendable {
        case code(Int)
        case failed(String)
    }

    /// How many requests ask one host at once (as URLSession's default configuration did).
    static let connectionsPerHost = 2

    /// libcurl, loaded at the first check (`bulletin_curl_load`); nil when it is not installed.
    private static let curl: Curl? = {
        var curl = bulletin_curl()
        return bulletin_curl_load(&curl) != 0 ? Curl(functions: curl) : nil
    }()

    /// libcurl's functions: set once, when it is loaded, and only read after.
    private struct Curl: @unchecked Sendable {
        let functions: bulletin_curl
    }

    static func status(of url: String, head: Bool, timeout: Double) -> Status {
        guard var curl = Self.curl?.functions else { return .failed("libcurl could not be loaded") }
        var status = 0
        let code = bulletin_curl_request(&curl, url, head ? 1 : 0, Int(timeout * 1000), "Bulletin link checker", &status)
        switch code {
        case 0: return .code(status)
        case 28: return .failed("timed out after \(Int(timeout)) s")  // CURLE_OPERATION_TIMEDOUT
        default: return .failed(curl.easy_strerror(code).map { String(cString: $0) } ?? "error \(code)")
        }
    }
}
