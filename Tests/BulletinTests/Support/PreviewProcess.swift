import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `bulletin serve --port 0` running over a site folder, as an editor runs it: the port is
/// the one it prints. What it prints, and its exit, are `Observed`, so a test waits for them
/// to happen rather than for time to pass.
final class PreviewProcess: Sendable {
    let process: Process
    let port: Int
    let folder: String
    private let output: Observed<[UInt8]>
    private let errors: Observed<[UInt8]>
    /// The exit status, once it has exited.
    private let exit: Observed<Int32?>

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `bulletin serve --port 0` in `folder` and waits until it has built (or failed to).
    static func start(in folder: String, arguments: [String] = []) async throws -> PreviewProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BulletinProcess.executable)
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let (output, errors) = (Observed<[UInt8]>([]), Observed<[UInt8]>([]))
        let exit = Observed<Int32?>(nil)
        let (outputReader, errorReader) = (try OutputReader(), try OutputReader())
        process.standardOutput = outputReader.handle
        process.standardError = errorReader.handle
        process.terminationHandler = { process in
            exit.update { $0 = process.terminationStatus }
            output.update { _ in }  // wakes a wait for output that will not come
        }
        do {
            try process.run()
        } catch {
            outputReader.abandon()
            errorReader.abandon()
            throw error
        }
        for (reader, text) in [(outputReader, output), (errorReader, errors)] {
            reader.start { piece in if let piece { text.update { $0 += piece } } }
        }
        let started = PreviewProcess(process: process, port: 0, folder: folder, output: output, errors: errors, exit: exit)
        // The first line says the address; the first build ends with "Built …" or "Not rebuilt: …".
        _ = await output.wait { Self.built($0) || exit.value != nil }
        guard Self.built(output.value),
              let line = started.standardOutput.split(separator: "\n").first(where: { $0.hasPrefix("Serving at ") }),
              let port = Int(line.split(separator: ":").last?.split(separator: "/").first ?? "")
        else {
            started.kill()
            throw Failure(description: "serve did not start: \(started.standardOutput) \(started.standardError)")
        }
        return PreviewProcess(process: process, port: port, folder: folder, output: output, errors: errors, exit: exit)
    }

    private init(
        process: Process, port: Int, folder: String, output: Observed<[UInt8]>, errors: Observed<[UInt8]>,
        exit: Observed<Int32?>
    ) {
        self.process = process
        self.port = port
        self.folder = folder
        self.output = output
        self.errors = errors
        self.exit = exit
    }

    private static func built(_ output: [UInt8]) -> Bool {
        let text = String(decoding: output, as: UTF8.self)
        return text.contains("Built ") || text.contains("Not rebuilt")
    }

    var standardOutput: String { String(decoding: output.value, as: UTF8.self) }
    var standardError: String { String(decoding: errors.value, as: UTF8.self) }

    func get(_ path: String, headers: [String: String] = [:]) throws -> LoopbackHTTP.Response {
        try LoopbackHTTP.send(method: "GET", port: port, path: path, headers: headers)
    }

    /// Writes a file of the site, as an editor's save does (in place).
    func write(_ relativePath: String, _ text: String) throws {
        try TestSite.write([relativePath: text], to: folder)
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOfFile: folder + "/" + relativePath, encoding: .utf8)
    }

    /// Ctrl-C; the exit status, once it has exited.
    func interrupt(seconds: Double = 30) async throws -> Int32 {
        process.interrupt()
        guard await exit.wait(seconds: seconds, until: { $0 != nil }), let status = exit.value else {
            kill()
            throw Failure(description: "serve did not stop within \(seconds) s of Ctrl-C")
        }
        return status
    }

    /// Stops it whatever state it is in (SIGKILL: the test process's children may not see
    /// SIGTERM).
    func kill() {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Whether the server prints `text` on standard output within `seconds`: it sends an
    /// update's event before it prints the update's line.
    func printed(_ text: String, within seconds: Double = 30) async -> Bool {
        await output.wait(seconds: seconds) { String(decoding: $0, as: UTF8.self).contains(text) }
    }
}
