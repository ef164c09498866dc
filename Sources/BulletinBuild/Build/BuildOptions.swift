import BulletinCore
public import BulletinContent

/// What `bulletin build` was asked to do.
public struct BuildOptions: Sendable {
    public var contentPath: String
    public var templatesPath: String
    public var outputPath: String
    /// Replaces `baseURL` of site.yaml.
    public var baseURL: BaseURL?
    public var drafts: Bool
    public var future: Bool
    /// Warnings fail the build.
    public var strict: Bool
    /// The build time in seconds since the epoch: articles dated later are future ones.
    public var now: Int64
    /// How many threads the build may use; nil for one per processor. The output is the
    /// same whatever it is.
    public var workers: Int?
    /// The process ends when the build is over (`bulletin build`): the values the build is
    /// done with at its end are not freed one by one (`Parallel.processEndsAfter`).
    public var processEndsAfter = false

    public init(
        contentPath: String = "Content", templatesPath: String = "Templates", outputPath: String = "Public",
        baseURL: BaseURL? = nil, drafts: Bool = false, future: Bool = false, strict: Bool = false, now: Int64,
        workers: Int? = nil
    ) {
        self.workers = workers
        self.contentPath = contentPath
        self.templatesPath = templatesPath
        self.outputPath = outputPath
        self.baseURL = baseURL
        self.drafts = drafts
        self.future = future
        self.strict = strict
        self.now = now
    }
}

// MARK: - Checks before anything is read

extension BuildOptions {
    /// Why these options cannot work, or nil: a folder that does not exist, or an output folder
    /// that is, contains or sits inside an input folder (replacing it would destroy the input).
    public func misuse(checkingOutput: Bool = true) -> String? {
        for (flag, path) in [("--content", contentPath), ("--templates", templatesPath)] {
            if path.isEmpty { return "\(flag): the folder's name is empty" }
            switch FileSystem.kind(at: FileSystem.absolute(path), followingLinks: true) {
            case .directory?:
                continue
            case nil:
                return "\(flag): there is no folder \(path)"
                    + (path == "Content" || path == "Templates" ? " here; run bulletin in the site's folder, or name it with \(flag)" : "")
            default:
                return "\(flag): \(path) is a file, not a folder; name the folder that holds it"
            }
        }
        guard checkingOutput else { return nil }
        if outputPath.isEmpty { return "--output: the folder's name is empty" }
        var output = FileSystem.absolute(outputPath)
        while output.count > 1 && output.hasSuffix("/") { output.removeLast() }
        if output == "/" { return "--output: the output folder cannot be /" }
        let realOutput = FileSystem.realPath(output)
            ?? FileSystem.realPath(output.deletingLastPathComponent.isEmpty ? "/" : output.deletingLastPathComponent)
                .map { $0 + "/" + output.lastPathComponent }
            ?? output
        for (flag, path) in [("--content", contentPath), ("--templates", templatesPath)] {
            guard let input = FileSystem.realPath(FileSystem.absolute(path)) else { continue }
            if realOutput == input {
                return "--output: \(outputPath) is the folder the build reads (\(flag)); the output folder is replaced on every build, so give another"
            }
            if input.hasPrefix(realOutput + "/") {
                return "--output: \(outputPath) contains \(path), which the build reads (\(flag)); the output folder is replaced on every build"
            }
            if realOutput.hasPrefix(input + "/") {
                return "--output: \(outputPath) is inside \(path), which the build reads (\(flag))"
            }
        }
        return nil
    }
}
