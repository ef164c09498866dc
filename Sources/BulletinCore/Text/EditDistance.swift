/// Levenshtein distance over Unicode scalars, for did-you-mean suggestions.
package enum EditDistance {
    /// The number of single-scalar insertions, deletions and substitutions that turn `a` into
    /// `b`, or nil when it is more than `limit` (computed without finishing the table).
    package static func between(_ a: String, _ b: String, limit: Int) -> Int? {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// The candidates closest to `text`: at most `count`, each within `limit` edits, nearest
    /// first, ties in the candidates' order.
    package static func closest(to text: String, among candidates: [String], limit: Int, count: Int = 3) -> [String] {
        var scored: [(distance: Int, index: Int)] = []
        for (index, candidate) in candidates.enumerated() {
            if let distance = between(text, candidate, limit: limit) {
                scored.append((distance, index))
            }
        }
        scored.sort { ($0.distance, $0.index) < ($1.distance, $1.index) }
        var seen: Set<String> = []
        var result: [String] = []
        for entry in scored where seen.insert(candidates[entry.index]).inserted {
            result.append(candidates[entry.index])
            if result.count == count { break }
        }
        return result
    }
}
