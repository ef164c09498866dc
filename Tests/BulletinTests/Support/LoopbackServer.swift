import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A helper program a test starts that listens on loopback (Python's http.server,
/// chromedriver, a socket that never answers), on a port the system picks: the program is
/// given port 0 and says which port it got once it listens, which is when the test reads it.
/// Nothing depends on a port being free, or on the program starting within a given time.
struct LoopbackServer: Sendable {
    let process: Process
    let port: Int

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `program` and waits until its standard output says `marker` followed by the
    /// port (`Serving HTTP on 127.0.0.1 port `, `started successfully on port `).
    static func start(_ program: String, _ arguments: [String], portAfter marker: String) async throws -> LoopbackServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        // What it printed, and whether it closed its output (it ended).
        let output = Observed<(bytes: [UInt8], ended: Bool)>(([], false))
        let reader = try OutputReader()
        process.standardOutput = reader.handle
        do {
            try process.run()
        } catch {
            reader.abandon()
            throw error
        }
        // Read as long as it writes, so that a full pipe never blocks it.
        reader.start { piece in
            output.update { state in
                if let piece { state.bytes += piece } else { state.ended = true }
            }
        }
        _ = await output.wait { Self.port(in: $0.bytes, after: marker) != nil || $0.ended }
        guard let port = Self.port(in: output.value.bytes, after: marker) else {
            LoopbackServer(process: process, port: 0).stop()
            throw Failure(description: "\(program) did not say its port: \(String(decoding: output.value.bytes, as: UTF8.self))")
        }
        return LoopbackServer(process: process, port: port)
    }

    /// SIGKILL, and waits for it: a test's children may not see SIGTERM.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    private static func port(in output: [UInt8], after marker: String) -> Int? {
        let text = String(decoding: output, as: UTF8.self)
        guard let start = text.range(of: marker)?.upperBound else { return nil }
        let digits = text[start...].prefix(while: \.isNumber)
        // The whole number: it is printed in one write, but the pipe may cut it.
        guard text[start...].dropFirst(digits.count).first != nil else { return nil }
        return Int(digits)
    }
}
