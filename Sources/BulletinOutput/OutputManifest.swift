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
        let entries = files.sorted { $0.key.codePointPrecedes($1.key) }
        var output: [UInt8] = []
        output.reserveCapacity(entries.count * 64 + 64)
        output += #"{"files":["#.utf8
        for (position, entry) in entries.enumerated() {
            output += (position == 0 ? "[" : ",[").utf8
            JSONValue.writeString(entry.key, to: &output)
            output += ",\(entry.value)]".utf8
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
