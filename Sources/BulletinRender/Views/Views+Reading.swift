import BulletinCore
import BulletinContent
import BulletinResolve
package import BulletinTemplates

extension Views {
    /// Another article named on an article's page: `{title, url, date, session, sessionLabel}`,
    /// and `hreflang`, its language, when it is not the page's (a series neighbour).
    package func reference(_ reference: ArticleReference) -> TemplateValue {
        var object: TemplateObject = ["title": .text(reference.title), "url": .text(routes.href(reference.path)), "date": date(reference.date)]
        object["session"] = .number(reference.session)
        object["sessionLabel"] = .text(reference.session.map(strings.session))
        if reference.lang != lang { object["hreflang"] = .text(reference.lang) }
        return .object(object)
    }

    /// An article's place in its series: `{name, url, position, count, positionLabel,
    /// previous, next}` (`position` and `positionLabel` only for a session report);
    /// `reference` gives the neighbours' values (`reference(_:)`, or one made earlier).
    package func seriesNavigation(
        _ series: SeriesNavigation, reference: (ArticleReference) -> TemplateValue
    ) -> TemplateValue {
        var object: TemplateObject = [
            "name": .text(series.name), "url": .text(routes.href(series.path)), "count": .number(series.count),
        ]
        object["position"] = .number(series.position)
        object["positionLabel"] = .text(series.position.map {
            strings("reading.position", ["position": String($0), "count": String(series.count)])
        })
        object["previous"] = series.previous.map(reference)
        object["next"] = series.next.map(reference)
        return .object(object)
    }

    /// A chair: `{name, role, agency: {name, url, hreflang}}`; the agency's `url` when it has
    /// a page in some language, `hreflang` when that page is not in this one (`ChairAgency`).
    package func chair(_ chair: ChairData, agency: ChairAgency?) -> TemplateValue {
        var object: TemplateObject = ["name": .text(chair.name)]
        object["role"] = .text(chair.role)
        if let agency {
            var fields: TemplateObject = ["name": .text(agency.name)]
            fields["url"] = .text(agency.path.map(routes.href))
            fields["hreflang"] = .text(agency.hreflang)
            object["agency"] = .object(fields)
        }
        return .object(object)
    }

    /// Co-occurrence and years on a term's or series' page: `companions` (each `name`, `url`,
    /// `taxonomy`, `count`, `countLabel`), `hasCompanions`, `years` (each `year`, `count`,
    /// `countLabel`, and the bar's `x`, `y`, `height`, `labelX`), `hasYears` and `chart`
    /// (`width`, `height`, `barWidth`, `labelY`): the geometry is computed here so that the
    /// template stays logic-less and the SVG needs no script.
    package func addReading(_ reading: TermReadingData, to object: inout TemplateObject) {
        object["companions"] = .list(reading.companions.map { companion in
            [
                "name": .text(companion.name), "url": .text(routes.href(companion.path)), "taxonomy": .text(companion.taxonomy),
                "count": .number(companion.count), "countLabel": .text(strings.count("counts.articles", companion.count)),
            ]
        })
        object["hasCompanions"] = .bool(!reading.companions.isEmpty)
        let chart = YearChart(reading.years)
        object["years"] = .list(zip(reading.years, chart.bars).map { year, bar in
            [
                "year": .number(year.year), "count": .number(year.count), "countLabel": .text(strings.count("counts.articles", year.count)),
                "x": .number(bar.x), "y": .number(bar.y), "height": .number(bar.height), "labelX": .number(bar.labelX),
            ]
        })
        object["hasYears"] = .bool(!reading.years.isEmpty)
        object["chart"] = [
            "width": .number(chart.width), "height": .number(chart.height), "barWidth": .number(YearChart.barWidth),
            "labelY": .number(chart.labelY),
        ]
    }
}
