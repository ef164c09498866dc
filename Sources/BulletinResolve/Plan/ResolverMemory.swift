/// What the preview's resolver keeps from one update to the next, so that an edit costs
/// what it changes: each taxonomy's references as resolved, and the output files of the
/// last plan found free of collisions.
package struct ResolverMemory: Sendable {
    package var references = References()
    /// The files of the last plan that had no collisions, each with its place in that plan.
    private var collisionFree: [SitePlanner.FileKey: Int]?

    package init() {}

    /// Whether `files` are those of the last plan found free of collisions, in any order (an
    /// edit that moves an article by its date reorders the article pages): then they have
    /// none either, as collisions are a matter of which files there are.
    func isCollisionFree(_ files: [SitePlanner.FileKey]) -> Bool {
        guard let known = collisionFree, known.count == files.count else { return false }
        // As many files, each known and none twice: the same files.
        var seen = [Bool](repeating: false, count: files.count)
        for file in files {
            guard let position = known[file], !seen[position] else { return false }
            seen[position] = true
        }
        return true
    }

    /// Remembers the files of a plan checked for collisions, and whether it had any.
    mutating func remember(_ files: [SitePlanner.FileKey], collisionFree free: Bool) {
        guard free else { collisionFree = nil; return }
        var positions: [SitePlanner.FileKey: Int] = [:]
        positions.reserveCapacity(files.count)
        for (position, file) in files.enumerated() { positions[file] = position }
        collisionFree = positions
    }
}
