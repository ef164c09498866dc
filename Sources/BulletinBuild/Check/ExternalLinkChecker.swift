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

    /// Why each URL failed, or nil, in order: `concurrency` threads take the next URL each.
    func problems(_ urls: [String]) -> [String?] {
        let next = Mutex(0)
        let results = Mutex([String?](repeating: nil, count: urls.count))
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
                    let problem = Self.problem(with: urls[index], timeout: timeout)
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
        guard URL(string: url) != nil else { return "is not a valid URL" }
        var status = Self.status(of: url, head: true, timeout: timeout)
        if case .code(let code) = status, [400, 403, 404, 405, 429, 501].contains(code) {
            status = Self.status(of: url, head: false, timeout: timeout)
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
        guard var curl = Self.curl?.functions else {
            return .failed("libcurl is not installed; on Debian or Ubuntu: apt-get install libcurl4-openssl-dev")
        }
        var status = 0
        let code = bulletin_curl_request(&curl, url, head ? 1 : 0, Int(timeout * 1000), "Bulletin link checker", &status)
        switch code {
        case 0: return .code(status)
        case 28: return .failed("timed out after \(Int(timeout)) s")  // CURLE_OPERATION_TIMEDOUT
        default: return .failed(curl.easy_strerror(code).map { String(cString: $0) } ?? "error \(code)")
        }
    }
}
