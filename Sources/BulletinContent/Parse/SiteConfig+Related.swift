import BulletinCore

extension SiteConfig {
    /// `related: {limit: 5, weights: {dialogues: 2, agencies: 1}}`. A weight must name a
    /// taxonomy of the site or `dialogues` (a misspelt one would otherwise weigh nothing
    /// without anyone noticing) and be a number >= 0; `limit` an integer >= 0. What is wrong
    /// is reported at its place, and the default used instead.
    static func readRelated(_ reader: inout FieldReader, source: SourceText, taxonomies: [String]) -> RelatedSettings {
        var settings = RelatedSettings()
        guard let pair = reader.pair("related"), !pair.value.isNull else { return settings }
        guard case .mapping(let fields) = pair.value.kind else {
            reader.report(.error, .wrongType, "'related' must be a mapping with `limit` and `weights`, found \(pair.value.kindDescription)",
                          at: pair.value, hint: "write `related: {limit: 5, weights: {dialogues: 2, agencies: 1}}`")
            return settings
        }
        let names = taxonomies + ["dialogues"]
        for field in fields {
            switch field.key {
            case "limit":
                guard case .scalar(let text, true) = field.value.kind, let limit = Int(text), limit >= 0 else {
                    reader.report(.error, .wrongType, "'related.limit' must be a whole number of at least 0, found \(field.value.kindDescription)",
                                  at: field.value, hint: "write `limit: 5` (0 lists no related articles)")
                    continue
                }
                settings.limit = limit
            case "weights":
                guard case .mapping(let weights) = field.value.kind else {
                    reader.report(.error, .wrongType, "'related.weights' must map taxonomies to numbers, found \(field.value.kindDescription)",
                                  at: field.value, hint: "write `weights: {dialogues: 2, agencies: 1}`")
                    continue
                }
                for weight in weights {
                    guard names.contains(weight.key) else {
                        let suggestion = EditDistance.closest(to: weight.key, among: names, limit: 3, count: 1).first
                        reader.report(source.diagnostic(
                            .error, .invalidValue,
                            "'\(weight.key)' is not a taxonomy of this site, so its weight would never count",
                            line: weight.line, column: weight.column,
                            hint: suggestion.map { "did you mean `\($0)`?" } ?? "weights are for \(names.joined(separator: ", "))"))
                        continue
                    }
                    guard case .scalar(let text, true) = weight.value.kind, let number = Double(text), number.isFinite, number >= 0 else {
                        reader.report(.error, .wrongType,
                                      "the weight of '\(weight.key)' must be a number of at least 0, found \(weight.value.kindDescription)",
                                      at: weight.value, hint: "write `\(weight.key): 1` (0 leaves the taxonomy out of the score)")
                        continue
                    }
                    settings.weights[weight.key] = number
                }
            default:
                let suggestion = EditDistance.closest(to: field.key, among: ["limit", "weights"], limit: 2, count: 1).first
                reader.report(source.diagnostic(
                    .warning, .unknownKey, "unknown key '\(field.key)' in 'related'; it has `limit` and `weights`",
                    line: field.line, column: field.column,
                    hint: suggestion.map { "did you mean `\($0)`?" } ?? "remove it"))
            }
        }
        return settings
    }
}
