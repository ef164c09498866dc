@testable import BulletinCore
@testable import BulletinContent
import Testing

@Suite struct SlugTests {
    @Test(arguments: [
        ("7th ROK–EU Cyber Policy Consultation", "7th-rok-eu-cyber-policy-consultation"),
        ("Korea Internet & Security Agency", "korea-internet-and-security-agency"),
        ("R&D", "r-and-d"),
        ("&&", "and-and"),
        ("  --Hello,   World!--  ", "hello-world"),
        ("ＫＩＳＡ", "kisa"),  // NFKC folds full-width letters
        ("한-EU 사이버정책협의회", "한-eu-사이버정책협의회"),  // Hangul stays
        ("Café", "café"),
        ("Cafe\u{301}", "café"),  // NFD becomes NFC
        ("İstanbul", "i̇stanbul"),  // the dot stays with its letter
        ("2025.05.20 meeting", "2025-05-20-meeting"),
        ("नमस्ते दुनिया", "नमस्ते-दुनिया"),  // combining marks stay with their letters
        ("!!!", ""),
        ("snake_case", "snake-case"),
        ("a/b\\c", "a-b-c"),
    ])
    func slugRule(name: String, slug: String) {
        #expect(Slug.make(from: name) == slug)
    }

    /// ASCII names take a byte-by-byte path; it must agree with the rule on characters for
    /// every kind of byte: letters of both cases, digits, `&`, punctuation, controls, CR LF.
    @Test func theASCIIPathAgreesWithTheRuleOnCharacters() {
        var generator = SplitMix64(seed: 0xA5C11)
        let alphabet = Array("aZbYmQ09&-_ .,!/\\\t\r\n\u{0}\u{1F}\u{7F}~`'\"()[]{}@#$%^*+=|<>?:;".unicodeScalars)
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 24)
            let name = String(String.UnicodeScalarView((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
            #expect(Slug.make(from: name) == Slug.makeByCharacters(from: name), "\(name.debugDescription)")
        }
        for name in ["a\r\nb", "&a&", "A&&B", "-&-", "R&D", "2025 Annual Report", "ABC def"] {
            #expect(Slug.makeASCII(from: name) == Slug.makeByCharacters(from: name), "\(name.debugDescription)")
        }
    }

    @Test func slugsOfSlugsAreStable() {
        for name in ["Korea Internet & Security Agency", "한-EU 사이버정책협의회", "Ünïcödé", "a--b"] {
            let slug = Slug.make(from: name)
            #expect(Slug.make(from: slug) == slug)
        }
    }

    @Test(arguments: [
        ("", DiagnosticCode.invalidSlug),
        ("../etc", .invalidSlug),
        ("a/b", .invalidSlug),
        ("a\\b", .invalidSlug),
        ("a.html", .invalidSlug),
        ("100%", .invalidSlug),
        ("Upper-Case", .invalidSlug),
        ("two  spaces", .invalidSlug),
        ("-leading", .invalidSlug),
        ("articles", .reservedSlug),
        ("search", .reservedSlug),
        ("assets", .reservedSlug),
        ("agencies", .reservedSlug),
        ("en", .reservedSlug),
    ])
    func badExplicitSlugs(slug: String, code: DiagnosticCode) {
        let reserved = Set(["articles", "dialogues", "search", "assets", "agencies", "en"])
        #expect(Slug.problem(with: slug, reserved: reserved)?.code == code)
    }

    @Test func goodExplicitSlugs() {
        for slug in ["rok-eu-2025", "한국", "café", "7th"] {
            #expect(Slug.problem(with: slug, reserved: ["articles"]) == nil)
        }
    }

    @Test func unsafeSlugHintsSuggestTheSlugForm() {
        let problem = Slug.problem(with: "The 7th Round", reserved: [])
        #expect(problem?.hint == "write `slug: the-7th-round`")
    }
}
