#if canImport(Glibc)
import Glibc
#endif

/// Where `bulletin serve` tells what it does: status lines on standard output, problems on
/// standard error, each written at once (no buffering: it runs for hours, and people and
/// programs read it as it goes).
public struct PreviewConsole: Sendable {
    /// Which of the two a text goes to.
    enum Stream: Sendable {
        case output
        case errors
    }

    private let write: @Sendable (Stream, String) -> Void
    /// Whether each update's phases are timed on standard error (`--timings`).
    let timings: Bool

    /// The terminal: standard output and standard error.
    public init(timings: Bool = false) {
        self.init(timings: timings) { stream, text in Self.write(text, to: stream == .output ? 1 : 2) }
    }

    /// Another destination, such as a test's record of what was said.
    init(timings: Bool = false, _ write: @escaping @Sendable (Stream, String) -> Void) {
        self.timings = timings
        self.write = write
    }

    func line(_ text: String) {
        write(.output, text + "\n")
    }

    func problems(_ text: String) {
        write(.errors, text)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
