import ArgumentParser
import BulletinCore

#if canImport(Glibc)
import CDispatch
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to standard error without Foundation.
struct FileHandleLite {
    let descriptor: Int32

    static let standardError = FileHandleLite(descriptor: 2)

    func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

/// The clocks a build needs.
enum BuildClock {
    /// Seconds since the epoch; `SOURCE_DATE_EPOCH` overrides it for reproducible builds.
    /// A value that is not a whole number of seconds from 0 up is a misuse (exit 2), as the
    /// reproducible-builds specification asks: building with the real clock instead would
    /// quietly publish another site than the one asked for.
    static func now() throws -> Int64 {
        // Set but empty is taken as unset, as most tools that read it do.
        guard let value = getenv("SOURCE_DATE_EPOCH"), value.pointee != 0 else { return Int64(time(nil)) }
        let text = String(cString: value)
        guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let seconds = Int64(text)
        else {
            throw ValidationError(
                "SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01 UTC, such as 1747699200, found \"\(TerminalText.visible(text))\""
                    + "; unset it to build with the current time")
        }
        return seconds
    }

    static func monotonic() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

extension String {
    /// A number with three decimals, without Foundation's `String(format:)`.
    init(format3 value: Double) {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        self = "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
