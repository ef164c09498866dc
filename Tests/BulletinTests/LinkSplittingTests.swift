import BulletinResolve
import Testing

/// How a link's address is cut into path, query and fragment, and which addresses are
/// decided from their text alone (the preview checks only the others again after pages move).
@Suite struct LinkSplittingTests {
    @Test(arguments: [
        ("../2024/other.md", "../2024/other.md", nil, nil),
        ("../2024/other.md#outcome", "../2024/other.md", nil, "outcome"),
        ("/agencies/kisa/?page=2#top", "/agencies/kisa/", "page=2", "top"),
        ("#section", "", nil, "section"),
        ("?q=1", "", "q=1", nil),
        ("a?b#c?d#e", "a", "b", "c?d#e"),
        ("/x#", "/x", nil, ""),
        ("/%ED%95%9C%EA%B8%80/#%EB%AA%A9", "/한글/", nil, "목"),
        ("/한글/?q=가#나", "/한글/", "q=가", "나"),
        ("/100%/", "/100%/", nil, nil),
    ] as [(String, String, String?, String?)])
    func anAddressIsCutAtTheFirstHashThenTheFirstQuestionMarkBeforeIt(
        destination: String, path: String, query: String?, fragment: String?
    ) {
        let parts = LinkRewriter.split(destination)
        #expect(parts.path == path)
        #expect(parts.query == query)
        #expect(parts.fragment == fragment)
    }

    @Test func onlyLinksIntoTheSiteReadIt() {
        for offSite in ["https://example.org/a", "HTTP://EXAMPLE.ORG", "mailto:x@example.org", "//cdn.example.org/a.js", "",
                        "javascript:alert(1)", " javascript:alert(1)", "tel:+821012345678"] {
            #expect(!LinkRewriter.readsSite(offSite), "\(offSite)")
        }
        for onSite in ["/agencies/kisa/", "../2024/other.md", "#section", "?q=1", "images/map.svg", "1:2", "a/b:c"] {
            #expect(LinkRewriter.readsSite(onSite), "\(onSite)")
        }
    }
}
