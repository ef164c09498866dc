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

/// `bulletin new article "- Dash start"`: ArgumentParser reads an argument that begins with
/// `-` as options (there `-h`, for the `h` in "Dash", asked for help, and the command printed
/// it and succeeded). A title or name with a space in it is no option: such arguments of
/// `new` go after a `--`, where only positional arguments are read.
func dashedTitlesMadePositional(_ arguments: [String]) -> [String] {
    guard arguments.first == "new", !arguments.contains("--") else { return arguments }
    let dashed = arguments.dropFirst().filter { $0.hasPrefix("-") && $0.contains(" ") && !($0.hasPrefix("--") && $0.contains("=")) }
    guard !dashed.isEmpty else { return arguments }
    // Every other argument keeps its place; the positional ones must then all follow `--`.
    var options: [String] = []
    var positionals: [String] = []
    var expectsValue = false
    for argument in arguments.dropFirst() {
        if expectsValue {
            options.append(argument)
            expectsValue = false
        } else if dashed.contains(argument) || !argument.hasPrefix("-") {
            positionals.append(argument)
        } else {
            options.append(argument)
            expectsValue = !argument.contains("=") && argument != "-h" && argument != "--help"
        }
    }
    return ["new"] + options + ["--"] + positionals
}

// Exit status: 0 success, 1 errors in the site, 2 misuse of the command line (the content
// contract's convention; ArgumentParser's own default for usage errors is 64).
do {
    var command = try BulletinCommand.parseAsRoot(dashedTitlesMadePositional(Array(CommandLine.arguments.dropFirst())))
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
