import BulletinCore

/// The files of a plan found free of collisions, kept by the preview so that the next plan
/// is checked by what it changes: a move reorders the article pages, and one that opens a
/// new year or series adds a few pages to fifteen thousand files.
struct CollisionFreeFiles: Sendable {
    /// The files in that plan's order, and each one's place there.
    private let files: [SitePlanner.FileKey]
    private let places: [SitePlanner.FileKey: Int]
    /// Every path as a file system blind to case and Unicode normalisation sees it
    /// (`SitePlanner.folded`), and every folder those paths need. After files were added
    /// and removed, `folders` may hold a folder no file needs any more: a reason to check
    /// in full, never to miss a collision.
    private let paths: Set<String>
    private let folders: Set<String>

    /// How many files may come or go for the plan to be checked by what changed.
    private static let changeLimit = 64

    init(files: [SitePlanner.FileKey], paths: Set<String>, folders: Set<String>) {
        self.files = files
        var places: [SitePlanner.FileKey: Int] = [:]
        places.reserveCapacity(files.count)
        for (place, file) in files.enumerated() { places[file] = place }
        self.places = places
        self.paths = paths
        self.folders = folders
    }

    /// `next` as known free of collisions when it can be told without the full check, nil
    /// otherwise. The same files in any order have none. So do these files with a few pages
    /// and generated files (a series' feeds) more or fewer when no file added takes a path
    /// another file has (blind to case and normalisation), a path some file needs as a
    /// folder, or a folder path another file has. A copied file, which a search index's
    /// folder may claim, or a search index coming or going, is checked in full.
    func admitting(_ next: [SitePlanner.FileKey]) -> CollisionFreeFiles? {
        var seen = [Bool](repeating: false, count: files.count)
        var added: [SitePlanner.FileKey] = []
        for file in next {
            if let place = places[file], !seen[place] {
                seen[place] = true
            } else {
                // New, or a known file a second time (which collides).
                added.append(file)
                guard added.count <= Self.changeLimit else { return nil }
            }
        }
        if added.isEmpty && next.count == files.count { return self }
        let removed = seen.indices.filter { !seen[$0] }.map { files[$0] }
        guard removed.count <= Self.changeLimit,
              (added + removed).allSatisfy({ !$0.isEditorsFile && !$0.file.hasSuffix(Routes.searchManifest) }) else { return nil }
        let removedPaths = Set(removed.map { SitePlanner.folded($0.file) })
        var addedPaths: Set<String> = []
        var addedFolders: Set<String> = []
        for file in added {
            let path = SitePlanner.folded(file.file)
            guard !paths.contains(path) || removedPaths.contains(path), addedPaths.insert(path).inserted,
                  !folders.contains(path) else { return nil }
            var folder = path.deletingLastPathComponent
            while !folder.isEmpty {
                guard !paths.contains(folder) || removedPaths.contains(folder) else { return nil }
                addedFolders.insert(folder)
                folder = folder.deletingLastPathComponent
            }
        }
        // No page added where another added page needs a folder.
        guard addedPaths.isDisjoint(with: addedFolders) else { return nil }
        return CollisionFreeFiles(
            files: next, paths: paths.subtracting(removedPaths).union(addedPaths), folders: folders.union(addedFolders))
    }
}
