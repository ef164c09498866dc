/// The geometry of a term's articles-per-year bar chart, in whole SVG user units: one bar a
/// year, the tallest `barArea` high, the year written under each. Whole numbers keep the
/// output byte-identical everywhere (no floating-point formatting).
struct YearChart {
    struct Bar {
        let x: Int
        let y: Int
        let height: Int
        /// The middle of the bar, for its year's label.
        let labelX: Int
    }

    static let barWidth = 24
    static let gap = 8
    static let barArea = 60
    static let labelHeight = 16

    let bars: [Bar]
    let width: Int
    let height: Int
    /// The baseline of the years' labels.
    let labelY: Int

    init(_ years: [TermReadingData.YearCount]) {
        let highest = max(1, years.map(\.count).max() ?? 1)
        let slot = Self.barWidth + Self.gap
        bars = years.enumerated().map { position, year in
            // A year with articles gets at least 2 units, so that it never looks empty.
            let height = year.count == 0 ? 0 : max(2, year.count * Self.barArea / highest)
            let x = Self.gap / 2 + position * slot
            return Bar(x: x, y: Self.barArea - height, height: height, labelX: x + Self.barWidth / 2)
        }
        width = max(slot, years.count * slot)
        height = Self.barArea + Self.labelHeight + 4
        labelY = Self.barArea + Self.labelHeight
    }
}
