@testable import BulletinRender
import Foundation
import Testing

/// The card cache's keys compare and hash paths by their bytes, wherever the strings are
/// stored: two spellings of one accented name are two paths, a path made by Foundation or
/// from a substring is the same path. (On Linux every String is contiguous UTF-8: the
/// fallback for a bridged string without it runs on Darwin only.)
@Suite struct CardCacheKeyTests {
    private func key(_ path: String, _ lang: String = "en", _ level: Int = 3) -> CardCache.Key {
        CardCache.Key(path: path, lang: lang, level: level)
    }

    @Test func pathsAreComparedByTheirBytes() {
        let composed = "articles/z\u{FC}rich-talks/"  // ü as one code point
        let decomposed = "articles/zu\u{308}rich-talks/"  // u + combining diaeresis
        #expect(composed == decomposed)  // equal as Strings
        #expect(key(composed) != key(decomposed))
        #expect(Set([key(composed), key(decomposed)]).count == 2)
    }

    @Test func theSamePathIsTheSameKeyHoweverItIsStored() {
        for path in ["a/", "articles/x/", "articles/2025-05-20-korea-eu-cyber-policy-consultation/", "ko/articles/한국/"] {
            let bridged = NSString(string: path) as String
            let built = String(Substring("." + path).dropFirst())
            for other in [bridged, built] {
                #expect(key(path) == key(other))
                #expect(key(path).hashValue == key(other).hashValue)
            }
            #expect(key(path) != key(path, "ko"))
            #expect(key(path) != key(path, "en", 2))
            #expect(key(path) != key(path + "x"))
        }
    }
}
