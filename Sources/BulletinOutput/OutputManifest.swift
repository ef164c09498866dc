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
        // A manifest as `encoded` writes it is read directly (a build into an existing output
        // reads 15,000 entries at 10,000 articles, twice); anything else through a JSON parser.
        if let files = Self.files(inEncoded: bytes) {
            self.files = files
            return
        }
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

    /// The files of a manifest written by `encoded`, read as that writes it; nil for any other
    /// bytes, however valid as JSON (keys in another order, white space, other escapes).
    static func files(inEncoded bytes: [UInt8]) -> [String: Int]? {
        let head = Array(#"{"files":["#.utf8)
        let tail = Array("],\"generator\":\"Bulletin\",\"version\":1}\n".utf8)
        guard bytes.count >= head.count + tail.count, bytes.starts(with: head), bytes.suffix(tail.count).elementsEqual(tail) else {
            return nil
        }
        let end = bytes.count - tail.count
        var files: [String: Int] = [:]
        var index = head.count
        var name: [UInt8] = []
        while index < end {
            if index > head.count {
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index += 1
            }
            // ["path",size]
            guard index + 1 < end, bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "\"") else { return nil }
            index += 2
            name.removeAll(keepingCapacity: true)
            while true {
                guard index < end else { return nil }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { break }
                guard byte >= 0x20 else { return nil }
                if byte != UInt8(ascii: "\\") {
                    name.append(byte)
                    index += 1
                    continue
                }
                // The escapes `encoded` writes (JSONValue.writeString), and only those.
                guard index + 1 < end else { return nil }
                switch bytes[index + 1] {
                case UInt8(ascii: "\""): name.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): name.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "n"): name.append(0x0A)
                case UInt8(ascii: "r"): name.append(0x0D)
                case UInt8(ascii: "t"): name.append(0x09)
                case UInt8(ascii: "u"):
                    guard index + 6 <= end else { return nil }
                    switch String(decoding: bytes[(index + 2)..<(index + 6)], as: UTF8.self) {
                    case "003c": name.append(UInt8(ascii: "<"))
                    case "2028": name += [0xE2, 0x80, 0xA8]
                    case "2029": name += [0xE2, 0x80, 0xA9]
                    default: return nil
                    }
                    index += 4
                default: return nil
                }
                index += 2
            }
            index += 1
            guard index < end, bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
            var size = 0
            let digits = index
            while index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9"), index - digits < 18 {
                size = size * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            // Digits as JSON writes a number: no leading zero.
            guard index > digits, index - digits == 1 || bytes[digits] != UInt8(ascii: "0"),
                  index < end, bytes[index] == UInt8(ascii: "]") else { return nil }
            index += 1
            guard let path = String(validating: name, as: UTF8.self) else { return nil }
            files[path] = size
        }
        return files
    }
}
