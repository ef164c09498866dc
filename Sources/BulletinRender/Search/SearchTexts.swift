import Synchronization

/// The articles' plain text for a build's search indexes, by article index, taken out of the
/// rendered bodies (`RenderedBodies.takeSearchTexts`): each index reads the texts of its
/// articles as it scores them, letting go of each once read, instead of the bodies
/// holding every text to the end of the render (80 MB for 10,000 articles).
package final class SearchTexts: Sendable {
    private let texts: Mutex<[String]>

    package init(_ texts: consuming [String]) {
        self.texts = Mutex(texts)
    }

    /// How many texts are still held (tests).
    var held: Int {
        texts.withLock { $0.count { !$0.isEmpty } }
    }

    /// The text of article `index`, let go of here: read once.
    func take(_ index: Int) -> String {
        texts.withLock { texts in
            defer { texts[index] = "" }
            return texts[index]
        }
    }
}
