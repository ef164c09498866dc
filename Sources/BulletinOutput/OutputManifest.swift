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
        let entries = files.keys.sorted { $0.codePointPrecedes($1) }.map { path -> JSONValue in
            .array([.string(path), .integer(files[path]!)])
        }
        let value: JSONValue = ["generator": "Bulletin", "version": .integer(1), "files": .array(entries)]
        return Array((value.encoded + "\n").utf8)
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
