package import BulletinCore
import BulletinContent
import BulletinResolve

/// Every feed of the site, with each article's entry made once however many feeds it is in
/// (its language's, each of its terms', its series').
package struct FeedRenderer: Sendable {
    package let inputs: RenderInputs
    package let feeds: [Feed]
    package let entries: [Int: FeedEntry]

    package init(inputs: RenderInputs, feeds: [Feed]? = nil) {
        self.inputs = inputs
        let feeds = feeds ?? Feed.all(of: inputs.site)
        self.feeds = feeds
        let needed = Array(Set(feeds.flatMap(\.articles))).sorted()
        let made = Parallel.map(needed) { FeedEntry($0, inputs: inputs) }
        entries = Dictionary(uniqueKeysWithValues: zip(needed, made))
    }

    /// The title and subtitle of a feed, in its language.
    func titles(_ feed: Feed) -> (title: String, subtitle: String) {
        let data = inputs.sites[feed.lang]!
        guard let term = feed.term else { return (data.title, data.description) }
        let name = inputs.termLinks[.init(taxonomy: term.taxonomy, id: term.id, lang: feed.lang)]?.name ?? term.id
        return (data.strings("feeds.term", ["name": name, "site": data.title]),
                data.strings("feeds.termSubtitle", ["name": name, "site": data.title]))
    }

    /// A feed as Atom and JSON Feed.
    package func files(_ feed: Feed) -> [OutputFile] {
        [
            OutputFile(path: feed.atomPath, contents: .bytes(atom(feed))),
            OutputFile(path: feed.jsonPath, contents: .bytes(json(feed))),
        ]
    }
}
