/// Bulletin's own English words: what a theme without `i18n/en.yaml` shows, and what a
/// theme's default-language file leaves out. `Templates/i18n/en.yaml` of the default theme
/// holds the same, for editors to copy and translate.
enum BuiltInStrings {
    static let english: [String: String] = {
        var words: [String: String] = [
            "nav.articles": "Articles",
            "nav.dialogues": "Dialogues",
            "nav.search": "Search",
            "titles.articles": "All articles",
            "titles.articlesPage": "All articles, page {number} of {total}",
            "titles.listPage": "{title}, page {number} of {total}",
            "titles.dialogues": "Dialogue series",
            "titles.search": "Search",
            "titles.notFound": "Page not found",
            "titles.document": "{title} — {site}",
            "descriptions.articles": "Every article of {site}, newest first.",
            "descriptions.taxonomy": "{taxonomy} in {site}, with their articles.",
            "descriptions.term": "{count} on {name}.",
            "descriptions.dialogues": "The dialogue series {site} reports on, with their sessions.",
            "descriptions.search": "Search every article of {site} by word, agency, framework, threat, dialogue and year.",
            "counts.articles.zero": "no articles yet",
            "counts.articles.one": "1 article",
            "counts.articles.other": "{count} articles",
            "counts.sessions.one": "1 session",
            "counts.sessions.other": "{count} sessions",
            "session": "{ordinal} session",
            "dates.format": "{day} {month} {year}",
            "feeds.atom": "{title} (Atom)",
            "feeds.json": "{title} (JSON Feed)",
            "feeds.term": "{name} — {site}",
            "feeds.termSubtitle": "{site}: articles on {name}",
            "pagination.status": "Page {current} of {total}",
            "search.year": "Year",
            "languages.en": "English",
            "languages.ko": "한국어",
            "search.dialogues": "Dialogue series",
            "nav.archive": "Archive",
            "titles.archive": "Archive",
            "titles.archiveYear": "Articles of {year}",
            "descriptions.archive": "Every article of {site}, by year.",
            "descriptions.archiveYear": "The articles {site} published in {year}, by month.",
            "reading.aside": "About this report",
            "reading.series": "In this series",
            "reading.seriesPage": "All sessions of {name}",
            "reading.position": "{position} of {count}",
            "reading.previous": "Previous",
            "reading.next": "Next",
            "reading.chairs": "Chairs",
            "reading.documents": "Documents",
            "reading.related": "Related articles",
            "reading.terms": "Filed under",
            "reading.companions": "Often found with",
            "reading.years": "Articles per year",
            "reading.year": "Year",
            "reading.articles": "Articles",
            "reading.updated": "Updated",
            "archive.years": "Years",
        ]
        let months = [
            "January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December",
        ]
        for (index, month) in months.enumerated() { words["dates.months.\(index + 1)"] = month }
        return words
    }()
}
