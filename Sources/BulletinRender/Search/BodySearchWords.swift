package import BulletinCore
import Synchronization

/// The articles' search words for a build's search indexes, by article index, taken out of
/// the rendered bodies (`RenderedBodies.takeSearchWords`): each index takes the words of its
/// articles as it scores them, letting go of each once read, instead of the bodies holding
/// them all to the end of the render.
package final class BodySearchWords: Sendable {
    private let words: Mutex<[SearchWords]>

    package init(_ words: consuming [SearchWords]) {
        self.words = Mutex(words)
    }

    /// How many articles' words are still held (tests).
    var held: Int {
        words.withLock { $0.count { !$0.isEmpty } }
    }

    /// The words of article `index`, let go of here: read once.
    func take(_ index: Int) -> SearchWords {
        words.withLock { words in
            defer { words[index] = SearchWords() }
            return words[index]
        }
    }
}
