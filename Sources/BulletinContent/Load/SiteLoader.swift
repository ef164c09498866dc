public import BulletinCore

/// The load phase: reads the content and templates folders from disk into a `SourceTree`.
///
/// It only reads. Symbolic links are followed only while they stay inside their root folder;
/// one that leads outside is an error naming it. Names starting with `.` are skipped (editor
/// and system files), except under `static/` and `assets/`, which are copied as they are
/// (`.well-known/` must survive).
public enum SiteLoader {
    /// Reads `contentPath` and `templatesPath` (as the user gave them; relative to the current
    /// folder unless absolute); without a templates path, only the content.
    public static func load(contentPath: String, templatesPath: String?) -> (tree: SourceTree, diagnostics: [Diagnostic]) {
        var walker = Walker()
        let contentDisplay = displayRoot(contentPath)
        let templatesDisplay = displayRoot(templatesPath ?? "Templates")

        var content: [SourceFile] = []
        var folders: Set<String> = []
        var staticFiles: [StaticFile] = []
        let contentEntries = walker.walk(root: contentPath, display: contentDisplay) {
            $0 == "static" || $0.hasPrefix("static/")
        }
        var toRead: [(path: String, absolute: String, display: String)] = []
        for entry in contentEntries {
            switch entry {
            case .folder(let path):
                if path != "static" && !path.hasPrefix("static/") { folders.insert(path) }
            case .file(let path, let absolute, let display):
                if let staticPath = path.removingPrefix("static/") {
                    staticFiles.append(StaticFile(path: staticPath, displayPath: display, contents: .file(absolutePath: absolute)))
                } else {
                    toRead.append((path, absolute, display))
                }
            }
        }
        // Reading 10,000 small files is system calls more than bytes: on every core.
        for (file, problem) in Parallel.map(toRead, { Walker.read(path: $0.path, absolute: $0.absolute, display: $0.display) }) {
            content.append(file)
            if let problem { walker.diagnostics.append(problem) }
        }

        let contentRefused = walker.refused
        var templates: [SourceFile] = []
        var assets: [StaticFile] = []
        let templateEntries = templatesPath.map { path in
            walker.walk(root: path, display: templatesDisplay) { $0 == "assets" || $0.hasPrefix("assets/") }
        } ?? []
        for case .file(let path, let absolute, let display) in templateEntries {
            if let assetPath = path.removingPrefix("assets/") {
                assets.append(StaticFile(path: assetPath, displayPath: display, contents: .file(absolutePath: absolute)))
            } else {
                let (file, problem) = Walker.read(path: path, absolute: absolute, display: display)
                templates.append(file)
                if let problem { walker.diagnostics.append(problem) }
            }
        }

        var tree = SourceTree(
            contentRoot: contentDisplay, templatesRoot: templatesDisplay, content: content, contentFolders: folders,
            staticFiles: staticFiles, templates: templates, assets: assets)
        tree.refusedContent = contentRefused
        return (tree, walker.diagnostics)
    }

    /// The root as it appears in diagnostics: as typed, without trailing slashes.
    public static func displayRoot(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}

/// Walks one root folder depth-first in code-point order.
private struct Walker {
    package enum Entry {
        case folder(path: String)
        case file(path: String, absolute: String, display: String)
    }

    package var diagnostics: [Diagnostic] = []
    /// The paths under the last root walked that were refused with an error (a symbolic link
    /// leading outside the root or nowhere).
    package var refused: Set<String> = []

    /// Every folder and file under `root`, in code-point order, depth first.
    package mutating func walk(root: String, display: String, keepsHidden: (String) -> Bool) -> [Entry] {
        refused = []
        let absoluteRoot = FileSystem.absolute(root)
        guard let realRoot = FileSystem.realPath(absoluteRoot) else { return [] }
        var visited: Set<String> = [realRoot]
        var entries: [Entry] = []
        walkFolder(
            absolute: realRoot, relative: "", realRoot: realRoot, display: display, visited: &visited,
            entries: &entries, keepsHidden: keepsHidden)
        return entries
    }

    private mutating func walkFolder(
        absolute: String, relative: String, realRoot: String, display: String, visited: inout Set<String>,
        entries: inout [Entry], keepsHidden: (String) -> Bool
    ) {
        let listed: [(name: String, kind: FileSystem.Kind?)]
        do {
            listed = try FileSystem.entriesWithKinds(of: absolute)
        } catch {
            diagnostics.append(Diagnostic(
                .error, .unreadable, "cannot read this folder: \(error)",
                at: SourceLocation(file: relative.isEmpty ? display : display + "/" + relative)))
            return
        }
        for (listedName, listedKind) in listed {
            let name = listedName.removingPrefix(FileSystem.invalidNameMark) ?? listedName
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let childDisplay = display + "/" + childRelative
            if name.hasPrefix(".") && !keepsHidden(childRelative) {
                // Skipped, but a link out of the folder is an error all the same, as the
                // contract says of every link under Content/; an editor's lock file (`.#a.md`,
                // a link to nothing) is not one.
                let path = absolute + "/" + name
                if (listedKind ?? FileSystem.kind(at: path)) == .symlink, let target = FileSystem.realPath(path),
                   target != realRoot, !target.hasPrefix(realRoot + "/") {
                    refuseLinkOutside(childRelative, to: target, display: display, childDisplay: childDisplay,
                                      hint: "remove the link (hidden files are not published)")
                }
                continue
            }
            guard name == listedName else {
                diagnostics.append(Diagnostic(
                    .error, .unreadable, "this name is not valid UTF-8 (shown with � for the bad bytes)",
                    at: SourceLocation(file: childDisplay),
                    hint: "rename it with letters your system writes as UTF-8; `convmv` can fix many names at once"))
                continue
            }
            var childAbsolute = absolute + "/" + name
            var kind = listedKind ?? FileSystem.kind(at: childAbsolute)
            if kind == .symlink {
                guard let target = FileSystem.realPath(childAbsolute) else {
                    refused.insert(childRelative)
                    diagnostics.append(Diagnostic(
                        .error, .unreadable, "this symbolic link leads nowhere",
                        at: SourceLocation(file: childDisplay), hint: "remove it, or point it at a file inside the folder"))
                    continue
                }
                guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                    refuseLinkOutside(childRelative, to: target, display: display, childDisplay: childDisplay,
                                      hint: "copy the file in instead of linking to it")
                    continue
                }
                childAbsolute = target
                kind = FileSystem.kind(at: target)
            }
            switch kind {
            case .directory:
                guard !visited.contains(childAbsolute) else {
                    diagnostics.append(Diagnostic(
                        .error, .unreadable, "this symbolic link makes a loop",
                        at: SourceLocation(file: childDisplay), hint: "remove the link"))
                    continue
                }
                visited.insert(childAbsolute)
                entries.append(.folder(path: childRelative))
                walkFolder(
                    absolute: childAbsolute, relative: childRelative, realRoot: realRoot, display: display,
                    visited: &visited, entries: &entries, keepsHidden: keepsHidden)
                visited.remove(childAbsolute)
            case .file:
                entries.append(.file(path: childRelative, absolute: childAbsolute, display: childDisplay))
            default:
                diagnostics.append(Diagnostic(
                    .error, .unreadable, "this is neither a file nor a folder",
                    at: SourceLocation(file: childDisplay), hint: "remove it"))
            }
        }
    }

    /// Reports a symbolic link that leads outside the root, and refuses its path.
    private mutating func refuseLinkOutside(_ relative: String, to target: String, display: String, childDisplay: String, hint: String) {
        refused.insert(relative)
        diagnostics.append(Diagnostic(
            .error, .symlinkOutsideRoot, "this symbolic link leads outside \(display)/ (to \(target))",
            at: SourceLocation(file: childDisplay), hint: "Bulletin never reads outside its folders: " + hint))
    }

    /// A file's bytes, or an empty file and the reason it could not be read.
    package static func read(path: String, absolute: String, display: String) -> (SourceFile, Diagnostic?) {
        do {
            return (SourceFile(path: path, displayPath: display, bytes: try FileSystem.read(absolute)), nil)
        } catch {
            return (SourceFile(path: path, displayPath: display, bytes: []), Diagnostic(
                .error, .unreadable, "cannot read this file: \(error)", at: SourceLocation(file: display)))
        }
    }
}
