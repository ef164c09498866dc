import BulletinCore

internal import Foundation

/// The list of files a build wrote, kept in the output folder as `.bulletin-manifest.json`
/// so that the next build can tell its own output from anything else.
///
/// A build replaces the output folder only when every file in it is listed here with its
/// size (`OutputGuard`): a file added by hand (`CNAME`), or one edited after the build
/// wrote it, stops the build instead of being deleted.
///
///     {"files":[["404.html",2817],["articles/x/index.html",9120],...],"generator":"Bulletin","version":1}
///
/// Paths are sorted by code point and the manifest itself is not listed: the same build
/// gives the same manifest, byte for byte.
public struct OutputManifest: Sendable, Equatable {
    /// The manifest's file name in the output folder.
    public static let fileName = OutputFile.manifestPath

    /// The size in bytes of every file written, by path under the output folder.
    public var files: [String: Int]

    public init(files: [String: Int]) {
        self.files = files
    }

    /// The manifest as written: compact JSON, keys and paths in code-point order.
    public var encoded: [UInt8] {
        // Written out, not built as a JSONValue: it lists every file of the site (15,000 at
        // 10,000 articles), and it is made at the end of a build, when nothing runs beside it.
        // The paths' bytes are put in one buffer and sorted by where they are there, with
        // memcmp: sorting the paths as Strings took one core 20 ms at 10,000 articles.
        var paths: [UInt8] = []
        var entries: [(start: Int, count: Int, size: Int)] = []
        entries.reserveCapacity(files.count)
        for (path, size) in files {
            let start = paths.count
            paths += path.utf8
            entries.append((start, paths.count - start, size))
        }
        var output: [UInt8] = []
        output.reserveCapacity(paths.count + entries.count * 16 + 64)
        output += #"{"files":["#.utf8
        paths.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // UTF-8 bytes compared as unsigned order as their code points do; no two paths
            // are equal (they are a dictionary's keys), so the order is the same in every run.
            entries.sort { a, b in
                let order = memcmp(base + a.start, base + b.start, min(a.count, b.count))
                return order != 0 ? order < 0 : a.count < b.count
            }
            for (position, entry) in entries.enumerated() {
                output.append(position == 0 ? UInt8(ascii: "[") : UInt8(ascii: ","))
                if position > 0 { output.append(UInt8(ascii: "[")) }
                JSONValue.writeString(utf8: UnsafeBufferPointer(start: base + entry.start, count: entry.count), to: &output)
                output.append(UInt8(ascii: ","))
                output += String(entry.size).utf8
                output.append(UInt8(ascii: "]"))
            }
        }
        output += "],\"generator\":\"Bulletin\",\"version\":1}\n".utf8
        return output
    }

    /// Reads a manifest; nil when the bytes are not one (a file of that name written by
    /// something else proves nothing).
    public init?(decoding bytes: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              object["generator"] as? String == "Bulletin", object["version"] as? Int == 1,
              let entries = object["files"] as? [[Any]]
        else { return nil }
        var files: [String: Int] = [:]
        for entry in entries {
            guard entry.count == 2, let path = entry[0] as? String, let size = entry[1] as? Int else { return nil }
            files[path] = size
        }
        self.files = files
    }
}
