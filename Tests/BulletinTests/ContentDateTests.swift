@testable import BulletinCore
@testable import BulletinContent
@testable import BulletinRender
import Testing

@Suite struct ContentDateTests {
    @Test func dateAloneIsMidnightUTC() throws {
        let date = try ContentDate.parse("2025-05-20")
        #expect(date.seconds == 1_747_699_200)
        #expect(!date.hasTime)
        #expect(date.isoDate == "2025-05-20")
        #expect(date.rfc3339 == "2025-05-20T00:00:00Z")
        #expect(date.display == "20 May 2025")
        #expect(date.htmlDateTime == "2025-05-20")
    }

    @Test func offsetsAreApplied() throws {
        let seoul = try ContentDate.parse("2025-05-20T10:00:00+09:00")
        let utc = try ContentDate.parse("2025-05-20T01:00:00Z")
        #expect(seoul.seconds == utc.seconds)
        #expect(seoul.rfc3339 == "2025-05-20T10:00:00+09:00")
        // Written where it happened: the date shown is the local one.
        let late = try ContentDate.parse("2025-05-20T23:30:00-05:00")
        #expect(late.display == "20 May 2025")
        #expect(late > utc)
    }

    /// The formatted forms keep what was written: zero-padded fields, the fraction (cut to
    /// three digits for HTML), the offset with its sign and minutes, `Z` for UTC.
    @Test(arguments: [
        ("2025-05-20T10:00:00.250+01:30", "2025-05-20T10:00:00.250+01:30", "2025-05-20T10:00:00.250+01:30"),
        ("2025-05-20T10:00:00.123456789Z", "2025-05-20T10:00:00.123456789Z", "2025-05-20T10:00:00.123Z"),
        ("0099-01-02T03:04:05-03:30", "0099-01-02T03:04:05-03:30", "0099-01-02T03:04:05-03:30"),
        ("2025-12-31T23:59:59+00:00", "2025-12-31T23:59:59Z", "2025-12-31T23:59:59Z"),
        ("0001-01-01", "0001-01-01T00:00:00Z", "0001-01-01"),
        ("2016-12-31T23:59:60Z", "2016-12-31T23:59:60Z", "2017-01-01T00:00:00Z"),
    ])
    func formatsAsWritten(text: String, rfc3339: String, html: String) throws {
        let date = try ContentDate.parse(text)
        #expect(date.rfc3339 == rfc3339)
        #expect(date.htmlDateTime == html)
        #expect(date.isoDate == String(rfc3339.prefix(10)))
    }

    @Test(arguments: ["2025-05-20t10:00:00z", "2025-05-20 10:00:00Z", "2025-05-20T10:00:00.250+01:30"])
    func rfc3339Variants(text: String) throws {
        _ = try ContentDate.parse(text)
    }

    @Test func fractionsOrderInstants() throws {
        let a = try ContentDate.parse("2025-05-20T10:00:00.1Z")
        let b = try ContentDate.parse("2025-05-20T10:00:00.25Z")
        #expect(a < b)
        #expect(b.nanoseconds == 250_000_000)
    }

    @Test(arguments: [
        ("soon", ContentDate.ParseError.malformed),
        ("2025-5-20", .malformed),
        ("20-05-2025", .malformed),
        ("2025-05-20T10:00", .notRFC3339(missing: ["no seconds", "no time zone"], corrected: "2025-05-20T10:00:00+09:00")),
        ("2025-05-20 10:00Z", .notRFC3339(missing: ["no seconds"], corrected: "2025-05-20T10:00:00Z")),
        ("2025-05-20T10:00:00+0900", .notRFC3339(missing: ["an offset without a colon"], corrected: "2025-05-20T10:00:00+09:00")),
        ("2025-05-20T10:00:00-05", .notRFC3339(missing: ["an offset without a colon"], corrected: "2025-05-20T10:00:00-05:00")),
        ("2025-05-20T10:00:00", .missingOffset),
        ("2025-05-20T10:00:00+9", .malformed),
        ("2025-05-20x", .malformed),
    ])
    func malformed(text: String, error: ContentDate.ParseError) {
        #expect(throws: error) { try ContentDate.parse(text) }
    }

    @Test(arguments: ["2025-02-29", "2025-13-01", "2025-04-31", "2025-00-10", "2025-05-20T24:00:00Z", "2025-05-20T10:60:00Z", "2025-05-20T10:00:00+24:00"])
    func outOfRange(text: String) {
        #expect {
            try ContentDate.parse(text)
        } throws: { error in
            if case ContentDate.ParseError.outOfRange = error { return true }
            return false
        }
    }

    @Test func leapDays() throws {
        _ = try ContentDate.parse("2024-02-29")
        _ = try ContentDate.parse("2000-02-29")
        #expect(throws: (any Error).self) { try ContentDate.parse("1900-02-29") }
    }

    /// Second 60 is a leap second: 23:59:60 UTC at the end of June or December, whatever the
    /// offset it is written in; on any other day or time there is no such second.
    @Test func leapSeconds() throws {
        let leap = try ContentDate.parse("2016-12-31T23:59:60Z")
        #expect(leap.seconds == (try ContentDate.parse("2017-01-01T00:00:00Z")).seconds)
        _ = try ContentDate.parse("2017-01-01T08:59:60+09:00")
        _ = try ContentDate.parse("2015-06-30T23:59:60Z")
        for text in ["2025-05-20T23:59:60Z", "2016-12-31T23:59:60+09:00", "2016-12-31T12:00:60Z", "2016-11-30T23:59:60Z"] {
            #expect(throws: (any Error).self, "\(text)") { try ContentDate.parse(text) }
        }
    }

    @Test func civilDatesRoundTrip() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (year, month, day) = ContentDate.civilDate(daysSinceEpoch: days)
            #expect(ContentDate.daysSinceEpoch(year: year, month: month, day: day) == days)
        }
    }
}
