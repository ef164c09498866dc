internal import Foundation

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
/// Keys are sorted and `<` and `/` are escaped, so the JSON is stable and can never close
/// its script element.
enum StructuredData {
    static func encode(_ object: [String: Any]) -> String {
        var withContext = object
        withContext["@context"] = "https://schema.org"
        guard let data = try? JSONSerialization.data(withJSONObject: withContext, options: [.sortedKeys]) else { return "" }
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }

    static func publisher(_ site: Site) -> [String: Any] {
        ["@type": "Organization", "name": site.config.title, "url": site.routes.absolute(Routes.home)]
    }

    static func website(_ site: Site) -> [String: Any] {
        [
            "@type": "WebSite", "name": site.config.title, "url": site.routes.absolute(Routes.home),
            "description": site.config.description, "inLanguage": site.config.language,
            "potentialAction": [
                "@type": "SearchAction",
                "target": site.routes.absolute(Routes.search) + "?q={search_term_string}",
                "query-input": "required name=search_term_string",
            ] as [String: Any],
        ]
    }

    static func article(_ index: Int, site: Site, summary: String) -> [String: Any] {
        let published = site.articles[index]
        let article = published.article
        let url = site.routes.absolute(published.path)
        var about: [[String: Any]] = []
        for (position, taxonomy) in site.taxonomies.enumerated() {
            about += published.terms[position].map { term(taxonomy.terms[$0], in: taxonomy, site: site, full: false) }
        }
        if let dialogue = published.dialogue {
            let series = site.dialogues.terms[dialogue]
            about.append(article.session.map { session(article, of: series, number: $0, site: site) }
                ?? ["@type": "EventSeries", "name": series.name, "url": site.routes.absolute(series.path)])
        }
        var object: [String: Any] = [
            "@type": "NewsArticle", "headline": article.title, "url": url, "mainEntityOfPage": url,
            "datePublished": article.date.rfc3339, "dateModified": (article.updated ?? article.date).rfc3339,
            "inLanguage": article.lang, "publisher": publisher(site), "author": publisher(site),
        ]
        if !summary.isEmpty { object["description"] = summary }
        if !about.isEmpty { object["about"] = about }
        return object
    }

    /// A term: an agency is a `GovernmentOrganization`, anything else a `DefinedTerm`.
    static func term(_ term: Term, in taxonomy: Taxonomy, site: Site, full: Bool, description: String = "") -> [String: Any] {
        var object: [String: Any] = ["name": term.name, "url": site.routes.absolute(term.path)]
        let alternates = ([term.short].compactMap { $0 } + (term.entry?.aliases ?? [])).filter { $0 != term.name }
        if taxonomy.name == "agencies" {
            object["@type"] = "GovernmentOrganization"
            if full, let website = ViewBuilder.safeWebURL(term.entry?.params["website"]) { object["sameAs"] = website }
        } else {
            object["@type"] = "DefinedTerm"
            object["inDefinedTermSet"] = ["@type": "DefinedTermSet", "name": taxonomy.title, "url": site.routes.absolute(taxonomy.path)]
            if let short = term.short { object["termCode"] = short }
        }
        if full {
            if !alternates.isEmpty { object["alternateName"] = alternates }
            if !description.isEmpty { object["description"] = description }
        }
        return object
    }

    /// The event an article about a session reports on.
    static func session(_ article: Article, of series: Term, number: Int, site: Site) -> [String: Any] {
        var event: [String: Any] = [
            "@type": "Event", "name": "\(series.name), \(Ordinal.english(number)) session",
            "startDate": article.date.htmlDateTime,
            "superEvent": ["@type": "EventSeries", "name": series.name, "url": site.routes.absolute(series.path)] as [String: Any],
        ]
        if let location = article.location, !location.isEmpty {
            if location.lowercased() == "virtual" || location.lowercased() == "online" {
                event["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
                event["location"] = ["@type": "VirtualLocation", "name": location]
            } else {
                event["location"] = ["@type": "Place", "name": location]
            }
        }
        return event
    }

    /// A dialogue series with its sessions.
    static func series(_ index: Int, site: Site, description: String) -> [String: Any] {
        let series = site.dialogues.terms[index]
        var object: [String: Any] = ["@type": "EventSeries", "name": series.name, "url": site.routes.absolute(series.path)]
        if !description.isEmpty { object["description"] = description }
        let sessions = series.articles.reversed().compactMap { article -> [String: Any]? in
            let published = site.articles[article]
            guard let number = published.article.session else { return nil }
            var event = session(published.article, of: series, number: number, site: site)
            event.removeValue(forKey: "superEvent")
            event["url"] = site.routes.absolute(published.path)
            return event
        }
        if !sessions.isEmpty { object["subEvent"] = sessions }
        return object
    }
}
