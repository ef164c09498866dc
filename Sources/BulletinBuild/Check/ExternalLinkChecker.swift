public import BulletinCore
public import BulletinResolve

internal import Foundation
#if canImport(FoundationNetworking)
internal import FoundationNetworking
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
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }

        var failures: [String: String] = [:]
        await withTaskGroup(of: (String, String?).self) { group in
            var next = 0
            func startNext() {
                guard next < order.count else { return }
                let url = order[next]
                next += 1
                group.addTask { (url, await Self.problem(with: url, session: session, timeout: timeout)) }
            }
            for _ in 0..<min(concurrency, order.count) { startNext() }
            for await (url, problem) in group {
                if let problem { failures[url] = problem }
                startNext()
            }
        }

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

    private var configuration: URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.httpMaximumConnectionsPerHost = 2
        configuration.httpAdditionalHeaders = ["User-Agent": "Bulletin link checker"]
        return configuration
    }

    /// Why a URL failed, or nil when it answered with success. HEAD first; GET when the
    /// server refuses HEAD.
    static func problem(with text: String, session: URLSession, timeout: Double) async -> String? {
        guard let url = URL(string: text) else { return "is not a valid URL" }
        var status = await Self.status(of: url, method: "HEAD", session: session, timeout: timeout)
        if case .code(let code) = status, [400, 403, 404, 405, 429, 501].contains(code) {
            status = await Self.status(of: url, method: "GET", session: session, timeout: timeout)
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

    static func status(of url: URL, method: String, session: URLSession, timeout: Double) async -> Status {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        return await withCheckedContinuation { continuation in
            let task = session.dataTask(with: request) { _, response, error in
                if let response = response as? HTTPURLResponse {
                    continuation.resume(returning: .code(response.statusCode))
                } else {
                    let reason = (error as? URLError).map { $0.code == .timedOut ? "timed out after \(Int(timeout)) s" : $0.localizedDescription }
                        ?? error?.localizedDescription ?? "no answer"
                    continuation.resume(returning: .failed(reason))
                }
            }
            task.resume()
        }
    }
}
