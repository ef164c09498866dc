/// Keeping a sorted list of diagnostics sorted while a few of them change, without sorting
/// it again: `bulletin serve` updates thousands of them after every save.
extension Array where Element == Diagnostic {
    /// Both lists sorted: all of their diagnostics, sorted (on ties, this list's first).
    package func mergingSorted(_ other: [Diagnostic]) -> [Diagnostic] {
        guard !other.isEmpty else { return self }
        guard !isEmpty else { return other }
        var merged: [Diagnostic] = []
        merged.reserveCapacity(count + other.count)
        var (left, right) = (startIndex, other.startIndex)
        while left < endIndex && right < other.endIndex {
            if other[right] < self[left] {
                merged.append(other[right])
                right += 1
            } else {
                merged.append(self[left])
                left += 1
            }
        }
        merged += self[left...]
        merged += other[right...]
        return merged
    }

    /// Removes one diagnostic equal to `diagnostic` from this sorted list, if there is one.
    package mutating func removeSorted(_ diagnostic: Diagnostic) {
        var index = firstPosition(notBefore: diagnostic)
        while index < endIndex && !(diagnostic < self[index]) {
            if self[index] == diagnostic {
                remove(at: index)
                return
            }
            index += 1
        }
    }

    /// Inserts into this sorted list, after the diagnostics that sort equal to it.
    package mutating func insertSorted(_ diagnostic: Diagnostic) {
        var index = firstPosition(notBefore: diagnostic)
        while index < endIndex && !(diagnostic < self[index]) { index += 1 }
        insert(diagnostic, at: index)
    }

    /// The first index whose diagnostic does not sort before `diagnostic` (binary search).
    private func firstPosition(notBefore diagnostic: Diagnostic) -> Int {
        var (low, high) = (startIndex, endIndex)
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < diagnostic { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
