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
    static func now() -> Int64 {
        if let value = getenv("SOURCE_DATE_EPOCH"), let seconds = Int64(String(cString: value)) {
            return seconds
        }
        return Int64(time(nil))
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
