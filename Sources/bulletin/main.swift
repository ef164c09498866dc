import BulletinOutput
import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the parsed command, asynchronously when it is asynchronous (`check`).
func execute(_ command: inout any ParsableCommand) async throws {
    if var asynchronous = command as? any AsyncParsableCommand {
        try await asynchronous.run()
    } else {
        try command.run()
    }
}

// Exit status: 0 success, 1 errors in the site, 2 misuse of the command line (the content
// contract's convention; ArgumentParser's own default for usage errors is 64).
do {
    var command = try BulletinCommand.parseAsRoot()
    try await execute(&command)
} catch let refused as OutputRefused {
    FileHandleLite.standardError.write("error: \(refused.refusal.message)\nhint: \(refused.refusal.hint)\n")
    exit(2)
} catch {
    let code = BulletinCommand.exitCode(for: error)
    if code == .success {
        BulletinCommand.exit(withError: error)
    }
    let message = BulletinCommand.fullMessage(for: error)
    if !message.isEmpty {
        FileHandleLite.standardError.write(message + "\n")
    }
    exit(code == .failure ? 1 : 2)
}
