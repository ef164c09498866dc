/// `related:` of `site.yaml`: how many related articles an article page lists, and how much a
/// shared term of each taxonomy (and a shared dialogue series) counts towards a candidate's
/// score (docs/reading.md).
public struct RelatedSettings: Sendable, Equatable {
    /// At most this many related articles on a page; 0 lists none.
    public var limit: Int
    /// The weight of a shared term, by taxonomy name (`dialogues` for the series); a taxonomy
    /// not named here weighs `defaultWeight`.
    public var weights: [String: Double]

    /// A shared series says more about two reports than one shared agency: it counts double,
    /// unless `site.yaml` says otherwise.
    public static let defaultWeights: [String: Double] = ["dialogues": 2]
    public static let defaultWeight: Double = 1

    public init(limit: Int = 5, weights: [String: Double] = RelatedSettings.defaultWeights) {
        self.limit = limit
        self.weights = weights
    }

    /// The weight of a term of `taxonomy`.
    public func weight(_ taxonomy: String) -> Double {
        weights[taxonomy] ?? Self.defaultWeight
    }
}
