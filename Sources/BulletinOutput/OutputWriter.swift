package import BulletinCore

import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The write phase: the output folder is replaced all at once or not at all.
///
/// Files are written to a hidden staging folder beside the output folder as they are
/// rendered; `commit` swaps it in with one atomic `renameat2(RENAME_EXCHANGE)` (or two
/// renames where the file system cannot exchange) and deletes the previous output; `discard`
/// deletes the staging folder. Until `commit`, the output folder is exactly as it was.
package final class StagedOutput: OutputSink {
    package struct Failure: Error, Sendable, CustomStringConvertible {
        package let description: String
        /// Set when the output folder holds what no build wrote.
        package var refusal: OutputGuard.Refusal?
    }

    package let output: String
    package let staging: String
    private let outputPathAsGiven: String
    private let keep: Set<String>
    private let created = Mutex<Set<String>>([""])
    private let kept = Mutex<[String: [UInt8]]>([:])
    /// The size of every file written so far, for the manifest.
    private let written = Mutex<[String: Int]>([:])
    private let firstFailure = Mutex<String?>(nil)

    /// Prepares to replace the folder `outputPath`, keeping in memory the files at `keep`.
    package init(outputPath: String, keep: Set<String> = []) throws(Failure) {
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
        // Staging and previous folders a killed build left behind: only folders named as a
        // build names them, after a process that no longer runs (another build of the same
        // folder may be writing its own at this moment; a file someone named so is theirs).
        for entry in (try? FileSystem.entries(of: parent)) ?? []
        where Self.isLeftover(entry, of: name) && FileSystem.kind(at: parent + "/" + entry) == .directory {
            try? FileSystem.remove(parent + "/" + entry)
        }
        self.output = output
        self.outputPathAsGiven = outputPath
        self.keep = keep
        staging = "\(parent)/.\(name).bulletin-staging-\(getpid())"
        do {
            try FileSystem.makeDirectory(staging)
        } catch {
            throw Failure(description: "cannot write the output: \(error)")
        }
    }

    /// Whether `entry`, beside the output folder `name`, is a staging or previous folder of a
    /// build that no longer runs: `.<name>.bulletin-staging-<pid>` or
    /// `.<name>.bulletin-previous-<pid>`, with no process `pid` running but this one (a
    /// process of this number before it cannot be running either).
    static func isLeftover(_ entry: String, of name: String) -> Bool {
        var pid: Substring?
        for kind in ["staging", "previous"] where entry.hasPrefix(".\(name).bulletin-\(kind)-") {
            pid = entry.dropFirst(".\(name).bulletin-\(kind)-".count)
        }
        // A process number as a build writes it: no sign, no leading zero.
        guard let pid, let number = pid_t(pid), number > 0, String(number) == pid else { return false }
        return number == getpid() || (kill(number, 0) == -1 && errno == ESRCH)
    }

    package func accept(_ file: OutputFile) {
        guard failure == nil else { return }
        do throws(FileSystem.Failure) {
            try makeFolder(file.path.deletingLastPathComponent)
            let destination = staging + "/" + file.path
            switch file.contents {
            case .bytes(let bytes):
                try FileSystem.write(bytes, to: destination)
                if keep.contains(file.path) { kept.withLock { $0[file.path] = bytes } }
                written.withLock { $0[file.path] = bytes.count }
            case .file(let source):
                let bytes = try FileSystem.read(source)
                try FileSystem.write(bytes, to: destination)
                written.withLock { $0[file.path] = bytes.count }
            }
        } catch {
            firstFailure.withLock { $0 = $0 ?? "cannot write the output: \(error)" }
        }
    }

    package var failure: String? { firstFailure.withLock { $0 } }

    package func retained(_ path: String) -> [UInt8]? {
        kept.withLock { $0[path] }
    }

    /// Creates a folder of the staging tree and its parents, once.
    private func makeFolder(_ folder: String) throws(FileSystem.Failure) {
        if created.withLock({ $0.contains(folder) }) { return }
        try makeFolder(folder.deletingLastPathComponent)
        try FileSystem.makeDirectory(staging + "/" + folder)  // succeeds when another thread made it
        _ = created.withLock { $0.insert(folder) }
    }

    /// Writes the manifest of what was written, then swaps the staging folder in, if the
    /// output folder still holds only what an earlier build wrote (`OutputGuard`: checked
    /// again here, as a file may have been added while the site was building).
    package func commit() throws(Failure) {
        let parent = output.deletingLastPathComponent.isEmpty ? "/" : output.deletingLastPathComponent
        if let refusal = OutputGuard.check(outputPathAsGiven) {
            discard()
            throw Failure(description: refusal.message, refusal: refusal)
        }
        do {
            let manifest = OutputManifest(files: written.withLock { $0 })
            try FileSystem.write(manifest.encoded, to: staging + "/" + OutputManifest.fileName)
            if FileSystem.kind(at: output) == .directory {
                if try FileSystem.exchange(staging, output) {
                    try? FileSystem.remove(staging)  // now the previous output
                } else {
                    let previous = "\(parent)/.\(output.lastPathComponent).bulletin-previous-\(getpid())"
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
            discard()
            throw Failure(description: "cannot replace \(outputPathAsGiven): \(error)")
        }
    }

    /// Deletes the staging folder; the output folder stays as it was.
    package func discard() {
        try? FileSystem.remove(staging)
    }
}

/// Writes a whole output tree at once.
public enum OutputWriter {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Writes `tree` as the whole content of the folder `outputPath`, or leaves it as it was.
    public static func write(_ tree: OutputTree, to outputPath: String) throws(Failure) {
        let staged: StagedOutput
        do {
            staged = try StagedOutput(outputPath: outputPath)
        } catch {
            throw Failure(description: error.description)
        }
        for file in tree.files { staged.accept(file) }
        if let failure = staged.failure {
            staged.discard()
            throw Failure(description: failure)
        }
        do {
            try staged.commit()
        } catch {
            throw Failure(description: error.description)
        }
    }
}
