package import BulletinCore
import BulletinContent
package import BulletinResolve
import Synchronization

/// schema.org JSON-LD for `<script type="application/ld+json">`: what the page is, in the
/// terms search engines and link previews understand.
///
/// - an article: `NewsArticle`, with its dates, the site as publisher and author, and
///   `about` its terms (and the `Event` of the session it reports on);
/// - an agency: `GovernmentOrganization`; a term of another taxonomy: `DefinedTerm` in the
///   taxonomy's `DefinedTermSet`;
/// - a dialogue series: `EventSeries` with an `Event` for each session;
/// - the home page: `WebSite`, with the search page as its `SearchAction`.
///
/// Made from the same values as the page (`RenderInputs`), so it changes when they do.
/// Keys are sorted and `<` is escaped (see `JSONValue`), so the JSON is stable and can never
/// close its script element.
package struct StructuredData {
    package typealias Object = JSONObject

    package let routes: Routes
    package let site: SiteData
    /// What many pages share, written once (the pages' `PageContexts` make it).
    package var shared: Shared?

    package init(routes: Routes, site: SiteData, shared: Shared? = nil) {
        self.routes = routes
        self.site = site
        self.shared = shared
    }

    /// The parts of articles' JSON-LD that are the same on many pages, each written once, when
    /// first needed: each term in each language as an article's `about` lists it, and each
    /// language's publisher. At 10,000 articles, writing them again for every article was 4 %
    /// of a build. (Made on demand: the preview renders a few pages an update.)
    package final class Shared: Sendable {
        private let terms = Mutex<[RenderInputs.TermInLanguage: JSONValue]>([:])
        private let publishers = Mutex<[String: JSONValue]>([:])

        package init() {}

        /// `term(link, in: taxonomy)` in `lang`, written.
        func term(_ link: TermLinkData, in taxonomy: LinkData, lang: String, writer: StructuredData) -> JSONValue {
            let key = RenderInputs.TermInLanguage(taxonomy: taxonomy.key, id: link.id, lang: lang)
            if let written = terms.withLock({ $0[key] }) { return written }
            let written = Self.written(.object(writer.term(link, in: taxonomy)))
            terms.withLock { $0[key] = written }
            return written
        }

        /// The publisher of `writer`'s language, written.
        func publisher(_ writer: StructuredData) -> JSONValue {
            if let written = publishers.withLock({ $0[writer.site.lang] }) { return written }
            let written = Self.written(writer.publisher)
            publishers.withLock { $0[writer.site.lang] = written }
            return written
        }

        private static func written(_ value: JSONValue) -> JSONValue {
            var bytes: [UInt8] = []
            value.write(to: &bytes)
            return .written(bytes)
        }
    }

    /// `object` with schema.org's `@context`, as the UTF-8 that goes into the page.
    package static func encode(_ object: Object) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(2048)
        JSONValue.writeObject(object, adding: ("@context", "https://schema.org"), to: &output)
        return output
    }

    /// `publisher`, as written once when it is.
    var sharedPublisher: JSONValue { shared?.publisher(self) ?? publisher }

    package var publisher: JSONValue {
        ["@type": "Organization", "name": .string(site.title), "url": .string(routes.absolute(routes.localized(Routes.home, site.lang)))]
    }

    package func website() -> Object {
        [
            "@type": "WebSite", "name": .string(site.title), "url": .string(routes.absolute(routes.localized(Routes.home, site.lang))),
            "description": .string(site.description), "inLanguage": .string(site.lang),
            "potentialAction": [
                "@type": "SearchAction",
                "target": .string(routes.absolute(routes.localized(Routes.search, site.lang)) + "?q={search_term_string}"),
                "query-input": "required name=search_term_string",
            ],
        ]
    }

    /// An article: `terms` are its terms' links in its language, by taxonomy, with each
    /// taxonomy's link; `chairs` its chairs with their agencies as its page shows them;
    /// `documents` its outcome documents' titles and absolute URLs. With a series, they are
    /// the session's (`Event`); without, the chairs are `mentions` and the documents
    /// `citation`s of the article itself.
    package func article(
        _ card: CardData, terms: [(taxonomy: LinkData, terms: [TermLinkData])],
        chairs: [(ChairData, ChairAgency?)] = [], documents: [(title: String, url: String)] = []
    ) -> Object {
        let url = JSONValue.string(routes.absolute(card.path))
        var about: [JSONValue] = []
        for group in terms {
            about += group.terms.map { link in
                shared?.term(link, in: group.taxonomy, lang: card.lang, writer: self) ?? .object(term(link, in: group.taxonomy))
            }
        }
        if let dialogue = card.dialogue {
            let name = dialogue.name(in: card.lang) ?? dialogue.id
            let seriesURL = JSONValue.string(routes.absolute(routes.localized(dialogue.path, card.lang)))
            if card.session != nil || !chairs.isEmpty || !documents.isEmpty {
                var event = session(card, seriesName: name, seriesURL: seriesURL, number: card.session)
                let agencies = terms.first { $0.taxonomy.key == "agencies" }?.terms ?? []
                participants(chairs: chairs, agencies: agencies, into: &event)
                if !documents.isEmpty {
                    // The statements are about the meeting: schema.org's `subjectOf`.
                    event["subjectOf"] = .array(documents.map { ["@type": "CreativeWork", "name": .string($0.title), "url": .string($0.url)] })
                }
                about.append(.object(event))
            } else {
                about.append(["@type": "EventSeries", "name": .string(name), "url": seriesURL])
            }
        }
        var object: Object = [
            "@type": "NewsArticle", "headline": .string(card.title), "url": url, "mainEntityOfPage": url,
            "datePublished": .string(card.date.rfc3339), "dateModified": .string((card.updated ?? card.date).rfc3339),
            "inLanguage": .string(card.lang), "publisher": sharedPublisher, "author": sharedPublisher,
        ]
        if !card.summary.isEmpty { object["description"] = .string(card.summary) }
        if !about.isEmpty { object["about"] = .array(about) }
        if card.dialogue == nil {
            // No series, so no meeting to carry them: the chairs are people the article
            // mentions, the documents works it cites.
            if !chairs.isEmpty {
                object["mentions"] = .array(chairs.map { .object(person($0.0, affiliation: organization($0.1))) })
            }
            if !documents.isEmpty {
                object["citation"] = .array(documents.map { ["@type": "CreativeWork", "name": .string($0.title), "url": .string($0.url)] })
            }
        }
        return object
    }

    /// A term: an agency is a `GovernmentOrganization`, anything else a `DefinedTerm`.
    package func term(_ link: TermLinkData, in taxonomy: LinkData, full data: TermData? = nil, description: String = "") -> Object {
        var object: Object = ["name": .string(link.name), "url": .string(routes.absolute(link.path))]
        if taxonomy.key == "agencies" {
            object["@type"] = "GovernmentOrganization"
            if let data, let website = WebURL.safe(data.params["website"]) { object["sameAs"] = .string(website) }
        } else {
            object["@type"] = "DefinedTerm"
            object["inDefinedTermSet"] = [
                "@type": "DefinedTermSet", "name": .string(taxonomy.name), "url": .string(routes.absolute(taxonomy.path)),
            ]
            if let short = link.short { object["termCode"] = .string(short) }
        }
        if let data {
            let alternates = ([link.short].compactMap { $0 } + data.aliases).filter { $0 != link.name }
            if !alternates.isEmpty { object["alternateName"] = .array(alternates.map(JSONValue.string)) }
            if !description.isEmpty { object["description"] = .string(description) }
        }
        return object
    }

    /// The meeting's participants: the chairs' agencies lead it (`organizer`, each once);
    /// the chairs themselves (`Person`, with `jobTitle` and `affiliation`) and the article's
    /// other agencies take part (`attendee`). Agencies are `GovernmentOrganization`s, with
    /// their page when they have one.
    func participants(chairs: [(ChairData, ChairAgency?)], agencies: [TermLinkData], into event: inout Object) {
        var organizers: [JSONValue] = []
        var organizerNames: Set<String> = []
        var attendees: [JSONValue] = []
        for (chair, link) in chairs {
            let agency = organization(link)
            if let agency, case .object(let fields) = agency, case .string(let name)? = fields["name"], organizerNames.insert(name).inserted {
                organizers.append(agency)
            }
            attendees.append(.object(person(chair, affiliation: agency)))
        }
        for agency in agencies where !organizerNames.contains(agency.name) {
            attendees.append(["@type": "GovernmentOrganization", "name": .string(agency.name), "url": .string(routes.absolute(agency.path))])
        }
        if !organizers.isEmpty { event["organizer"] = .array(organizers) }
        if !attendees.isEmpty { event["attendee"] = .array(attendees) }
    }

    /// A chair's agency as a schema.org `GovernmentOrganization`, with its page when it has one.
    func organization(_ agency: ChairAgency?) -> JSONValue? {
        guard let agency else { return nil }
        var object: Object = ["@type": "GovernmentOrganization", "name": .string(agency.name)]
        if let path = agency.path { object["url"] = .string(routes.absolute(path)) }
        return .object(object)
    }

    /// A chair as a schema.org `Person`.
    func person(_ chair: ChairData, affiliation: JSONValue?) -> Object {
        var person: Object = ["@type": "Person", "name": .string(chair.name)]
        if let role = chair.role { person["jobTitle"] = .string(role) }
        if let affiliation { person["affiliation"] = affiliation }
        return person
    }

    /// The event an article about a session reports on (a meeting of the series without a
    /// session number is named after the series alone).
    package func session(_ card: CardData, seriesName: String, seriesURL: JSONValue, number: Int?) -> Object {
        var event: Object = [
            "@type": "Event", "name": .string(number.map { "\(seriesName), \(site.strings.session($0))" } ?? seriesName),
            "startDate": .string(card.date.htmlDateTime),
            "superEvent": ["@type": "EventSeries", "name": .string(seriesName), "url": seriesURL],
        ]
        if let location = card.location, !location.isEmpty {
            if location.lowercased() == "virtual" || location.lowercased() == "online" {
                event["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
                event["location"] = ["@type": "VirtualLocation", "name": .string(location)]
            } else {
                event["location"] = ["@type": "Place", "name": .string(location)]
            }
        }
        return event
    }

    /// A dialogue series with its sessions: `sessions` are the cards the series page lists
    /// under a session number, in order.
    package func series(_ link: TermLinkData, sessions: [CardData], description: String) -> Object {
        let seriesURL = JSONValue.string(routes.absolute(link.path))
        var object: Object = ["@type": "EventSeries", "name": .string(link.name), "url": seriesURL]
        if !description.isEmpty { object["description"] = .string(description) }
        let events = sessions.compactMap { card -> JSONValue? in
            guard let number = card.session else { return nil }
            var event = session(card, seriesName: link.name, seriesURL: seriesURL, number: number)
            event["superEvent"] = nil
            event["url"] = .string(routes.absolute(card.path))
            return .object(event)
        }
        if !events.isEmpty { object["subEvent"] = .array(events) }
        return object
    }
}
