import BulletinCore

/// A publication date from front matter: `YYYY-MM-DD` (midnight UTC) or an RFC 3339 date-time
/// with `Z` or an offset.
///
/// Parsed by hand: no Foundation formatter, no locale, no time zone database, so every machine
/// reads it the same way.
public struct ContentDate: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// Nanoseconds within the second (from fractional seconds).
    public let nanoseconds: Int32
    /// The offset from UTC in minutes; nil for a date alone.
    public let offsetMinutes: Int?
    /// The calendar date where it was written (in its own offset).
    public let year: Int
    public let month: Int
    public let day: Int
    /// The time where it was written; zero for a date alone.
    public let hour: Int
    public let minute: Int
    public let second: Int
    /// The fractional seconds as written, without the dot ("" when none).
    public let fraction: String

    /// Whether a time of day was given.
    public var hasTime: Bool { offsetMinutes != nil }

    /// `2025-05-20`.
    public var isoDate: String { formatted(time: false, fraction: "") }

    /// An RFC 3339 date-time with offset (`2025-05-20T00:00:00Z` for a date alone), as feeds
    /// and `<time datetime>` want it.
    public var rfc3339: String { formatted(time: true, fraction: fraction[...]) }

    /// The date, and with `time` the time, fraction and offset, written by hand into one
    /// buffer: these are made for every article on pages, feeds, the sitemap and the search
    /// index, and string interpolation of padded numbers cost a dozen small strings each.
    private func formatted(time: Bool, fraction: Substring) -> String {
        String(unsafeUninitializedCapacity: 40 + fraction.utf8.count) { buffer in
            var count = 0
            func put(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            func put(_ value: Int, width: Int) {
                var digits = 1
                var rest = value / 10
                while rest > 0 { digits += 1; rest /= 10 }
                for _ in digits..<max(digits, width) { put(UInt8(ascii: "0")) }
                var place = count + digits
                count = place
                var remaining = value
                repeat {
                    place -= 1
                    buffer[place] = UInt8(ascii: "0") + UInt8(remaining % 10)
                    remaining /= 10
                } while remaining > 0
            }
            put(year, width: 4)
            put(UInt8(ascii: "-"))
            put(month, width: 2)
            put(UInt8(ascii: "-"))
            put(day, width: 2)
            guard time else { return count }
            put(UInt8(ascii: "T"))
            put(hour, width: 2)
            put(UInt8(ascii: ":"))
            put(minute, width: 2)
            put(UInt8(ascii: ":"))
            put(second, width: 2)
            if !fraction.isEmpty {
                put(UInt8(ascii: "."))
                for byte in fraction.utf8 { put(byte) }
            }
            guard let offset = offsetMinutes, offset != 0 else {
                put(UInt8(ascii: "Z"))
                return count
            }
            put(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            put(abs(offset) / 60, width: 2)
            put(UInt8(ascii: ":"))
            put(abs(offset) % 60, width: 2)
            return count
        }
    }

    /// The value for an HTML `<time datetime>`: the date alone when no time was given; a
    /// fraction of a second cut to the three digits HTML allows (RFC 3339, and so feeds,
    /// allow any number).
    public var htmlDateTime: String {
        guard hasTime else { return isoDate }
        // HTML has no second 60: a leap second is written as the instant it ends at.
        if second == 60 { return ContentDate(secondsSinceEpoch: seconds).rfc3339 }
        return formatted(time: true, fraction: fraction.prefix(3))
    }

    /// `20 May 2025`.
    public var display: String {
        "\(day) \(Self.monthNames[month - 1]) \(year)"
    }

    package static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    package static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension ContentDate: Comparable {
    /// By instant: offsets are applied, so `10:00+09:00` is before `02:00Z` the same day.
    public static func < (lhs: ContentDate, rhs: ContentDate) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// Whether the two are one moment, however written (`==` also compares how: the offset
    /// and whether a time was given). Orders use this, so that ties are broken as the
    /// contract says whatever the offsets.
    public func isSameInstant(as other: ContentDate) -> Bool {
        seconds == other.seconds && nanoseconds == other.nanoseconds
    }
}

// MARK: - Parsing

extension ContentDate {
    /// Why a text is not a date, for the diagnostic.
    package enum ParseError: Error, Equatable {
        /// Not of the form at all.
        case malformed
        /// A date-time without `Z` or an offset.
        case missingOffset
        /// Of the form, but not a real date or time (`2025-02-30`, `25:00`).
        case outOfRange(String)
        /// A date-time in a shape other tools accept but RFC 3339 does not (`2026-05-01 10:00`,
        /// `10:00Z`, `+0900`): what it lacks, and the text as it should be (with `+09:00`
        /// standing in for a missing offset).
        case notRFC3339(missing: [String], corrected: String)
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (`t`, `z` and a space
    /// for `T` are accepted, as RFC 3339 allows).
    package static func parse(_ text: String) throws(ParseError) -> ContentDate {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) throws(ParseError) -> Int {
            guard range.upperBound <= bytes.count else { throw .malformed }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { throw .malformed }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func expect(_ index: Int, _ characters: String) throws(ParseError) {
            guard index < bytes.count, characters.utf8.contains(bytes[index]) else { throw .malformed }
        }

        guard bytes.count >= 10 else { throw .malformed }
        let year = try digits(0..<4)
        try expect(4, "-")
        let month = try digits(5..<7)
        try expect(7, "-")
        let day = try digits(8..<10)
        guard (1...12).contains(month) else {
            throw .outOfRange("there is no month \(month)")
        }
        guard year >= 1 else { throw .outOfRange("there is no year 0") }
        let length = daysInMonth(year: year, month: month)
        guard (1...length).contains(day) else {
            throw .outOfRange("\(monthNames[month - 1]) \(year) has \(length) days")
        }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        if bytes.count == 10 {
            return ContentDate(
                seconds: Int64(days) * 86_400, nanoseconds: 0, offsetMinutes: nil, year: year, month: month,
                day: day, hour: 0, minute: 0, second: 0, fraction: "")
        }

        // The time, read leniently so that a near miss (a habit from other tools) can be named:
        // HH:MM, then :SS and a fraction, then Z, ±HH:MM, ±HHMM or ±HH.
        try expect(10, "Tt ")
        let hour = try digits(11..<13)
        try expect(13, ":")
        let minute = try digits(14..<16)
        var index = 16
        var second = 0
        var hasSeconds = false
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            second = try digits(17..<19)
            hasSeconds = true
            index = 19
        }
        var fraction = ""
        if hasSeconds, index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            guard index > start else { throw .malformed }
            fraction = String(decoding: bytes[start..<index], as: UTF8.self)
        }
        var offset: Int?
        var offsetWritten = ""
        var offsetHasColon = true
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                guard index + 1 == bytes.count else { throw .malformed }
                offset = 0
                offsetWritten = "Z"
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                let rest = bytes.count - index - 1
                let offsetHours = try digits((index + 1)..<(index + 3))
                var offsetMinutes = 0
                switch rest {
                case 5:
                    try expect(index + 3, ":")
                    offsetMinutes = try digits((index + 4)..<(index + 6))
                case 4:
                    offsetMinutes = try digits((index + 3)..<(index + 5))
                    offsetHasColon = false
                case 2:
                    offsetHasColon = false
                default:
                    throw .malformed
                }
                guard offsetHours <= 23, offsetMinutes <= 59 else {
                    throw .outOfRange("an offset is at most ±23:59")
                }
                offset = (offsetHours * 60 + offsetMinutes) * sign
                offsetWritten = (sign < 0 ? "-" : "+") + Self.pad(offsetHours, 2) + ":" + Self.pad(offsetMinutes, 2)
            default:
                throw .malformed
            }
        }
        if !hasSeconds || !offsetHasColon {
            var missing: [String] = []
            if !hasSeconds { missing.append("no seconds") }
            if offset == nil { missing.append("no time zone") }
            if !offsetHasColon { missing.append("an offset without a colon") }
            let time = "\(Self.pad(hour, 2)):\(Self.pad(minute, 2)):\(Self.pad(second, 2))" + (fraction.isEmpty ? "" : "." + fraction)
            let corrected = String(decoding: bytes[0..<10], as: UTF8.self) + "T" + time + (offset == nil ? "+09:00" : offsetWritten)
            throw .notRFC3339(missing: missing, corrected: corrected)
        }
        guard let offset else { throw .missingOffset }
        guard hour <= 23 else { throw .outOfRange("there is no hour \(hour)") }
        guard minute <= 59 else { throw .outOfRange("there is no minute \(minute)") }
        guard second <= 60 else { throw .outOfRange("there is no second \(second)") }

        var nanoseconds: Int32 = 0
        if !fraction.isEmpty {
            let nineDigits = String((fraction + "000000000").prefix(9))
            nanoseconds = Int32(nineDigits) ?? 0
        }
        let local = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        if second == 60 {
            // RFC 3339 allows second 60 only for a leap second: 23:59:60 UTC at the end of June
            // or December (every one so far), so the instant is the next day's first second.
            let utc = local - Int64(offset * 60)
            let (_, nextMonth, nextDay) = Self.civilDate(daysSinceEpoch: Int(utc / 86_400))
            guard utc % 86_400 == 0, nextDay == 1, nextMonth == 1 || nextMonth == 7 else {
                throw .outOfRange("second 60 is a leap second, which falls only at 23:59:60 UTC on 30 June or 31 December")
            }
        }
        return ContentDate(
            seconds: local - Int64(offset * 60), nanoseconds: nanoseconds, offsetMinutes: offset, year: year,
            month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction)
    }

    /// The instant `seconds` after the epoch, as a UTC date-time (for `now` in tests and feeds).
    public init(secondsSinceEpoch seconds: Int64) {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        self.init(
            seconds: seconds, nanoseconds: 0, offsetMinutes: 0, year: year, month: month, day: day,
            hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60, fraction: "")
    }

    package static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    package static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    package static func civilDate(daysSinceEpoch: Int) -> (Int, Int, Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
