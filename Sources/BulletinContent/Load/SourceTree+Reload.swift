public import BulletinCore

// MARK: - Taking in edits

extension SourceTree {
    /// The tree after the files at `changes` were modified in place, read again from disk
    /// (`contentPath` and `templatesPath` as the tree was loaded from); nil when a change adds
    /// or removes a file, which needs the folders walked again (`SiteLoader.load`).
    public func reloading(
        _ changes: Set<SourceChange>, contentPath: String, templatesPath: String
    ) -> (SourceTree, [Diagnostic])? {
        var tree = self
        var problems: [Diagnostic] = []
        for change in changes {
            switch change {
            case .content(let path):
                if path.hasPrefix("static/") {
                    guard staticFiles.contains(where: { "static/" + $0.path == path }),
                          FileSystem.kind(at: FileSystem.absolute(contentPath) + "/" + path) == .file
                    else { return nil }
                    continue  // copied files are read when served
                }
                guard let index = tree.content.firstIndex(where: { $0.path == path }),
                      let (bytes, problem) = Self.reread(FileSystem.absolute(contentPath) + "/" + path, display: tree.content[index].displayPath)
                else { return nil }
                tree.content[index].bytes = bytes
                if let problem { problems.append(problem) }
            case .template(let path):
                if path.hasPrefix("assets/") {
                    guard assets.contains(where: { "assets/" + $0.path == path }),
                          FileSystem.kind(at: FileSystem.absolute(templatesPath) + "/" + path) == .file
                    else { return nil }
                    continue
                }
                guard let index = tree.templates.firstIndex(where: { $0.path == path }),
                      let (bytes, problem) = Self.reread(FileSystem.absolute(templatesPath) + "/" + path, display: tree.templates[index].displayPath)
                else { return nil }
                tree.templates[index].bytes = bytes
                if let problem { problems.append(problem) }
            }
        }
        return (tree, problems)
    }

    /// A file's bytes again; nil when it is no longer a file.
    private static func reread(_ path: String, display: String) -> ([UInt8], Diagnostic?)? {
        guard FileSystem.kind(at: path) == .file else { return nil }  // a symbolic link now: walk again
        do {
            return (try FileSystem.read(path), nil)
        } catch {
            return ([], Diagnostic(.error, .unreadable, "cannot read this file: \(error)", at: SourceLocation(file: display)))
        }
    }
}
