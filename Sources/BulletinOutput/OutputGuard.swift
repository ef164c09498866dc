package import BulletinCore

/// Decides whether a build may replace the output folder: only when it is absent, empty, or
/// holds exactly what an earlier build wrote (its `OutputManifest`). Anything else (a git
/// repository, `docs/` with a guide in it, a hand-added `CNAME`) is an editor's and must
/// not be deleted by a build.
public enum OutputGuard {
    /// Why the folder cannot be replaced: what the command prints, and how to go on.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public let hint: String
        public var description: String { message }
    }

    /// Nil when a build may replace `outputPath` (as the user gave it), else why not.
    /// Nothing is changed either way.
    public static func check(_ outputPath: String) -> Refusal? {
        var folder = FileSystem.absolute(outputPath)
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        // An output folder that is a symbolic link is written where it points.
        if FileSystem.kind(at: folder) == .symlink, let target = FileSystem.realPath(folder) { folder = target }
        var shown = outputPath
        while shown.count > 1 && shown.hasSuffix("/") { shown.removeLast() }
        switch FileSystem.kind(at: folder) {
        case nil: return nil
        case .directory?:
            // A build replaces the folder, permissions and all: a read-only one is a "no".
            if FileSystem.isReadOnly(folder) {
                return Refusal(
                    message: "\(shown)/ is read-only; a build would replace it with a writable folder",
                    hint: "make it writable (chmod u+w \(shown)) if the build may replace it, or give another --output")
            }
        default:
            return Refusal(
                message: "\(shown) exists and is not a folder; a build would replace it",
                hint: "give the output folder another name with --output, or move \(shown) away")
        }
        let manifestBytes = try? FileSystem.read(folder + "/" + OutputManifest.fileName)
        guard let manifest = manifestBytes.flatMap(OutputManifest.init(decoding:)) else {
            // Not a build's output: its top level says enough (a git repository is not walked).
            let names: [String]
            do {
                names = try FileSystem.entries(of: folder)
            } catch {
                return Refusal(message: "cannot look into \(shown): \(error)", hint: "check the folder's permissions, or give another --output")
            }
            guard !names.isEmpty else { return nil }
            let first = names.contains(".git") ? ".git" : names[0]
            let what = first == ".git" ? "a git repository (.git)"
                : first + (FileSystem.kind(at: folder + "/" + first) == .directory ? "/" : "")
            let others = names.count - 1
            return Refusal(
                message: "\(shown)/ is not empty and was not made by a build of Bulletin: it holds \(what)"
                    + (others > 0 ? " and \(others) other item\(others == 1 ? "" : "s")" : "")
                    + "; a build replaces its output folder as a whole, so it would delete \(others > 0 ? "them" : "it")",
                hint: "give an empty or new folder with --output; if \(shown)/ holds only the output of a Bulletin older than its manifest, delete it and build again")
        }
        let found: [(path: String, kind: FileSystem.Kind, size: Int)]
        do {
            found = try contents(of: folder)
        } catch {
            return Refusal(message: "cannot look into \(shown): \(error)", hint: "check the folder's permissions, or give another --output")
        }
        let foreign = found.filter { entry in
            switch entry.kind {
            case .directory: false  // folders hold files; an empty one loses nothing
            case .file: entry.path != OutputManifest.fileName && manifest.files[entry.path] != entry.size
            default: true
            }
        }
        guard let first = foreign.first else { return nil }
        let others = foreign.count - 1
        let andOthers = others > 0 ? " (and \(others) other file\(others == 1 ? "" : "s"))" : ""
        if first.kind == .file, manifest.files[first.path] != nil {
            return Refusal(
                message: "\(shown)/\(first.path) was changed after the build that wrote it\(andOthers); "
                    + "a build replaces \(shown)/ as a whole, so the change would be lost",
                hint: "make the change in Content/ or Templates/, which every build publishes, then delete "
                    + "\(shown)/\(first.path); or build into another folder with --output")
        }
        // A repository made in the output, or a file manager's leftovers, is not something
        // to publish: the usual advice (move it into Content/static/) would publish it.
        if foreign.contains(where: { $0.path == ".git" || $0.path.hasPrefix(".git/") }) {
            return Refusal(
                message: "\(shown)/ now holds a git repository (.git) that the last build did not make; "
                    + "a build replaces \(shown)/ as a whole, so it would be lost",
                hint: "keep the repository in another folder and copy \(shown)/ into it after each build "
                    + "(as a publishing job does), or build into another folder with --output")
        }
        let name = first.path.split(separator: "/").last.map(String.init) ?? first.path
        if Self.systemLeftovers.contains(name) {
            return Refusal(
                message: "\(shown)/\(first.path) was not written by the last build\(andOthers); "
                    + "a build replaces \(shown)/ as a whole, so it would be lost",
                hint: "\(name) is made by the system's file manager, not by an editor: delete it and build again")
        }
        return Refusal(
            message: "\(shown)/\(first.path) was not written by the last build\(andOthers); "
                + "a build replaces \(shown)/ as a whole, so it would be lost",
            hint: "files to publish go in Content/static/ (Content/static/\(first.path) is copied to "
                + "\(shown)/\(first.path)); move it there, or build into another folder with --output")
    }

    /// Files that file managers leave in folders they show.
    static let systemLeftovers: Set<String> = [".DS_Store", "Thumbs.db", "desktop.ini", "._.DS_Store"]

    /// Every file and folder under `folder`, depth first in code-point order, without
    /// following symbolic links; sizes of regular files (`FileSystem.tree(of:)`).
    package static func contents(of folder: String) throws(FileSystem.Failure) -> [(path: String, kind: FileSystem.Kind, size: Int)] {
        try FileSystem.tree(of: folder)
    }
}
