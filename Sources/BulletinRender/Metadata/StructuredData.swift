package import BulletinCore
package import BulletinContent
package import BulletinResolve

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
/// Keys are sorted and `<` is escaped (see `JSONValue`), so the JSON is stable and can never
/// close its script element.
package enum StructuredData {
    package typealias Object = [String: JSONValue]

    package static func encode(_ object: Object) -> String {
        var withContext = object
        withContext["@context"] = "https://schema.org"
        return JSONValue.object(withContext).encoded
    }

    package static func publisher(_ site: Site) -> JSONValue {
        ["@type": "Organization", "name": .string(site.config.title), "url": .string(site.routes.absolute(Routes.home))]
    }

    package static func website(_ site: Site) -> Object {
        [
            "@type": "WebSite", "name": .string(site.config.title), "url": .string(site.routes.absolute(Routes.home)),
            "description": .string(site.config.description), "inLanguage": .string(site.config.language),
            "potentialAction": [
                "@type": "SearchAction",
                "target": .string(site.routes.absolute(Routes.search) + "?q={search_term_string}"),
                "query-input": "required name=search_term_string",
            ],
        ]
    }

    package static func article(_ index: Int, site: Site, summary: String) -> Object {
        let published = site.articles[index]
        let article = published.article
        let url = JSONValue.string(site.routes.absolute(published.path))
        var about: [JSONValue] = []
        for (position, taxonomy) in site.taxonomies.enumerated() {
            about += published.terms[position].map { .object(term(taxonomy.terms[$0], in: taxonomy, site: site, full: false)) }
        }
        if let dialogue = published.dialogue {
            let series = site.dialogues.terms[dialogue]
            about.append(article.session.map { .object(session(article, of: series, number: $0, site: site)) }
                ?? ["@type": "EventSeries", "name": .string(series.name), "url": .string(site.routes.absolute(series.path))])
        }
        var object: Object = [
            "@type": "NewsArticle", "headline": .string(article.title), "url": url, "mainEntityOfPage": url,
            "datePublished": .string(article.date.rfc3339), "dateModified": .string((article.updated ?? article.date).rfc3339),
            "inLanguage": .string(article.lang), "publisher": publisher(site), "author": publisher(site),
        ]
        if !summary.isEmpty { object["description"] = .string(summary) }
        if !about.isEmpty { object["about"] = .array(about) }
        return object
    }

    /// A term: an agency is a `GovernmentOrganization`, anything else a `DefinedTerm`.
    package static func term(_ term: Term, in taxonomy: Taxonomy, site: Site, full: Bool, description: String = "") -> Object {
        var object: Object = ["name": .string(term.name), "url": .string(site.routes.absolute(term.path))]
        let alternates = ([term.short].compactMap { $0 } + (term.entry?.aliases ?? [])).filter { $0 != term.name }
        if taxonomy.name == "agencies" {
            object["@type"] = "GovernmentOrganization"
            if full, let website = ViewBuilder.safeWebURL(term.entry?.params["website"]) { object["sameAs"] = .string(website) }
        } else {
            object["@type"] = "DefinedTerm"
            object["inDefinedTermSet"] = [
                "@type": "DefinedTermSet", "name": .string(taxonomy.title), "url": .string(site.routes.absolute(taxonomy.path)),
            ]
            if let short = term.short { object["termCode"] = .string(short) }
        }
        if full {
            if !alternates.isEmpty { object["alternateName"] = .array(alternates.map(JSONValue.string)) }
            if !description.isEmpty { object["description"] = .string(description) }
        }
        return object
    }

    /// The event an article about a session reports on.
    package static func session(_ article: Article, of series: Term, number: Int, site: Site) -> Object {
        var event: Object = [
            "@type": "Event", "name": .string("\(series.name), \(Ordinal.english(number)) session"),
            "startDate": .string(article.date.htmlDateTime),
            "superEvent": ["@type": "EventSeries", "name": .string(series.name), "url": .string(site.routes.absolute(series.path))],
        ]
        if let location = article.location, !location.isEmpty {
            if location.lowercased() == "virtual" || location.lowercased() == "online" {
                event["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
                event["location"] = ["@type": "VirtualLocation", "name": .string(location)]
            } else {
                event["location"] = ["@type": "Place", "name": .string(location)]
            }
        }
        return event
    }

    /// A dialogue series with its sessions.
    package static func series(_ index: Int, site: Site, description: String) -> Object {
        let series = site.dialogues.terms[index]
        var object: Object = [
            "@type": "EventSeries", "name": .string(series.name), "url": .string(site.routes.absolute(series.path)),
        ]
        if !description.isEmpty { object["description"] = .string(description) }
        let sessions = series.articles.reversed().compactMap { article -> JSONValue? in
            let published = site.articles[article]
            guard let number = published.article.session else { return nil }
            var event = session(published.article, of: series, number: number, site: site)
            event.removeValue(forKey: "superEvent")
            event["url"] = .string(site.routes.absolute(published.path))
            return .object(event)
        }
        if !sessions.isEmpty { object["subEvent"] = .array(sessions) }
        return object
    }
}
