import BulletinResolve

/// What each page and feed reads, and who reads each dependency: what to render again when
/// the values of some dependencies changed, without looking at every page. Kept from one
/// update to the next and changed only for the pages and feeds that read something else
/// now, so that an edit that moves one article updates the few hundred lists it moves in,
/// not the fifteen thousand pages of a large site.
struct DependencyIndex: Sendable {
    /// The pages, by site path.
    var pages = Readers()
    /// The feeds, by folder.
    var feeds = Readers()

    /// What some readers (pages or feeds) read, by name, and the readers of each dependency.
    struct Readers: Sendable {
        /// What each reader reads, in the order it reads it.
        private var reads: [String: [Dependency]] = [:]
        private var readers: [Dependency: Set<String>] = [:]

        /// Records what `reader` reads now; whether it is what it read before.
        @discardableResult
        mutating func record(_ reader: String, reads new: [Dependency]) -> Bool {
            let old = reads.updateValue(new, forKey: reader)
            if old == new { return true }
            for dependency in old ?? [] { readers[dependency]?.remove(reader) }
            for dependency in new { readers[dependency, default: []].insert(reader) }
            return false
        }

        /// Forgets the readers `isGone` says are gone (pages and feeds no longer made); those
        /// readers.
        @discardableResult
        mutating func forget(where isGone: (String) -> Bool) -> [String] {
            let gone = reads.keys.filter(isGone)
            for reader in gone {
                for dependency in reads.removeValue(forKey: reader)! { readers[dependency]?.remove(reader) }
            }
            return gone
        }

        /// The readers of any of `dependencies`.
        func readers(of dependencies: Set<Dependency>) -> Set<String> {
            var result: Set<String> = []
            for dependency in dependencies { result.formUnion(readers[dependency] ?? []) }
            return result
        }
    }
}
