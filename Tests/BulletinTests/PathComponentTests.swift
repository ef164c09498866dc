@testable import BulletinCore
import Foundation
import Testing

/// Paths are split at their last `/` as the file system splits them: by byte, also where a
/// name begins with a combining mark (which, read as Characters, joins the slash).
@Suite struct PathComponentTests {
    @Test(arguments: [
        ("articles/2025/seoul.md", "articles/2025", "seoul.md", "articles/2025/seoul"),
        ("seoul.md", "", "seoul.md", "seoul"),
        ("articles/", "articles", "", "articles/"),
        ("agencies/kisa.ko.md", "agencies", "kisa.ko.md", "agencies/kisa.ko"),
        ("articles/서울/회의.md", "articles/서울", "회의.md", "articles/서울/회의"),
        ("a/\u{301}b.md", "a", "\u{301}b.md", "a/\u{301}b"),
        (".hidden", "", ".hidden", ".hidden"),
    ])
    func splitsAtTheLastSlash(path: String, folder: String, name: String, stem: String) {
        #expect(path.deletingLastPathComponent.utf8.elementsEqual(folder.utf8))
        #expect(path.lastPathComponent.utf8.elementsEqual(name.utf8))
        #expect(path.deletingPathExtension.utf8.elementsEqual(stem.utf8))
        // The same from a string made by Foundation and from a substring's copy. (On Linux
        // every String is contiguous UTF-8, these too: the fallback for a bridged string
        // without it runs on Darwin only.)
        for other in [NSString(string: path) as String, String(Substring("/" + path).dropFirst())] {
            #expect(other.deletingLastPathComponent.utf8.elementsEqual(folder.utf8))
            #expect(other.lastPathComponent.utf8.elementsEqual(name.utf8))
            #expect(other.deletingPathExtension.utf8.elementsEqual(stem.utf8))
        }
    }
}
