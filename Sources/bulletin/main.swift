import ArgumentParser
import BulletinKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Exit status: 0 success, 1 errors in the site, 2 misuse of the command line (the content
// contract's convention; ArgumentParser's own default for usage errors is 64).
do {
    var command = try BulletinCommand.parseAsRoot()
    try command.run()
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
