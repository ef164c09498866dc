#if canImport(Glibc)
import Glibc
#endif

/// Where `bulletin serve` tells what it does: status lines on standard output, problems on
/// standard error, each written at once (no buffering: it runs for hours, and people and
/// programs read it as it goes).
public struct PreviewConsole: Sendable {
    public init() {}

    func line(_ text: String) {
        Self.write(text + "\n", to: 1)
    }

    func problems(_ text: String) {
        Self.write(text, to: 2)
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
