/// The write phase: puts an output tree on disk so that the output folder is replaced all at
/// once or not at all.
///
/// The tree is written to a hidden staging folder beside the output folder, then swapped in
/// with one atomic `renameat2(RENAME_EXCHANGE)` (or two renames where the file system cannot
/// exchange), and the previous output is deleted. A failure before the swap deletes the
/// staging folder and leaves the output folder exactly as it was.
public enum OutputWriter {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Writes `tree` as the whole content of the folder `outputPath`.
    public static func write(_ tree: OutputTree, to outputPath: String) throws(Failure) {
        var output = FileSystem.absolute(outputPath)
        while output.count > 1 && output.hasSuffix("/") { output.removeLast() }
        if FileSystem.kind(at: output) == .symlink, let target = FileSystem.realPath(output) {
            output = target  // write where the link points, keep the link
        }
        let parent = output.deletingLastPathComponent.isEmpty ? "/" : output.deletingLastPathComponent
        let name = output.lastPathComponent
        switch FileSystem.kind(at: output, followingLinks: true) {
        case nil, .directory?: break
        default: throw Failure(description: "\(outputPath) exists and is not a folder")
        }
        do {
            try FileSystem.makeDirectories(parent)
        } catch {
            throw Failure(description: "cannot create \(parent): \(error)")
        }
        removeLeftovers(in: parent, name: name)

        let staging = "\(parent)/.\(name).bulletin-staging-\(processID)"
        do {
            try FileSystem.makeDirectory(staging)
            try writeFiles(tree, into: staging)
        } catch {
            try? FileSystem.remove(staging)
            throw Failure(description: "cannot write the output: \(error)")
        }

        do {
            if FileSystem.kind(at: output) == .directory {
                if try FileSystem.exchange(staging, output) {
                    try? FileSystem.remove(staging)  // now the previous output
                } else {
                    let previous = "\(parent)/.\(name).bulletin-previous-\(processID)"
                    try FileSystem.rename(output, to: previous)
                    do {
                        try FileSystem.rename(staging, to: output)
                    } catch {
                        try? FileSystem.rename(previous, to: output)
                        throw error
                    }
                    try? FileSystem.remove(previous)
                }
            } else {
                try FileSystem.rename(staging, to: output)
            }
        } catch {
            try? FileSystem.remove(staging)
            throw Failure(description: "cannot replace \(outputPath): \(error)")
        }
    }

    /// Every file of the tree under `folder`: the folders first, then the files on every core
    /// (creating 15,000 files is mostly kernel work, which two threads share).
    static func writeFiles(_ tree: OutputTree, into folder: String) throws(FileSystem.Failure) {
        var created: Set<String> = [""]
        for file in tree.files {
            var missing: [String] = []
            var current = file.path.deletingLastPathComponent
            while !created.contains(current) {
                missing.append(current)
                current = current.deletingLastPathComponent
            }
            for path in missing.reversed() {
                try FileSystem.makeDirectory(folder + "/" + path)
                created.insert(path)
            }
        }
        let failures = Parallel.map(tree.files) { file -> FileSystem.Failure? in
            let destination = folder + "/" + file.path
            do throws(FileSystem.Failure) {
                switch file.contents {
                case .bytes(let bytes):
                    try FileSystem.write(bytes, to: destination)
                case .file(let source):
                    try FileSystem.write(try FileSystem.read(source), to: destination)
                }
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.first(where: { $0 != nil }) ?? nil { throw failure }
    }

    /// Staging and previous folders a killed build left behind.
    private static func removeLeftovers(in parent: String, name: String) {
        guard let entries = try? FileSystem.entries(of: parent) else { return }
        for entry in entries
        where entry.hasPrefix(".\(name).bulletin-staging-") || entry.hasPrefix(".\(name).bulletin-previous-") {
            try? FileSystem.remove(parent + "/" + entry)
        }
    }

    private static var processID: Int32 { getpid() }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
