public import BulletinCore

/// Everything a build reads: the content folder and the templates folder, in memory.
///
/// `SiteLoader` makes one from disk; tests make one from an inline file tree. Every list is
/// sorted by path in code-point order, so nothing downstream depends on the file system's order.
public struct SourceTree: Sendable {
    /// The content folder as the user named it (`Content`).
    public var contentRoot: String
    /// The templates folder as the user named it (`Templates`).
    public var templatesRoot: String
    /// Every file under the content folder except `static/`.
    public var content: [SourceFile]
    /// Every folder under the content folder, relative to it (`agencies`, `articles/2025`):
    /// a registry exists when its folder does, even when it is empty.
    public var contentFolders: Set<String>
    /// `Content/static/**`, copied to the site's root.
    public var staticFiles: [StaticFile]
    /// Every file under the templates folder except `assets/`.
    public var templates: [SourceFile]
    /// `Templates/assets/**`, copied to `/assets/`.
    public var assets: [StaticFile]
    /// Paths under the content folder that the loader found and refused (a symbolic link
    /// leading outside or nowhere), with an error of its own: not reported again as missing.
    public var refusedContent: Set<String> = []

    public init(
        contentRoot: String = "Content",
        templatesRoot: String = "Templates",
        content: [SourceFile] = [],
        contentFolders: Set<String> = [],
        staticFiles: [StaticFile] = [],
        templates: [SourceFile] = [],
        assets: [StaticFile] = []
    ) {
        self.contentRoot = contentRoot
        self.templatesRoot = templatesRoot
        self.content = content.sorted { $0.path.codePointPrecedes($1.path) }
        self.contentFolders = contentFolders
        self.staticFiles = staticFiles.sorted { $0.path.codePointPrecedes($1.path) }
        self.templates = templates.sorted { $0.path.codePointPrecedes($1.path) }
        self.assets = assets.sorted { $0.path.codePointPrecedes($1.path) }
    }

    /// A tree from inline files keyed by `Content/...` and `Templates/...` paths, as tests write
    /// them: `["Content/site.yaml": "title: ...", "Templates/layout.mustache": "..."]`.
    public init(files: [String: String], contentRoot: String = "Content", templatesRoot: String = "Templates") {
        var content: [SourceFile] = []
        var folders: Set<String> = []
        var staticFiles: [StaticFile] = []
        var templates: [SourceFile] = []
        var assets: [StaticFile] = []
        for (key, text) in files {
            let bytes = Array(text.utf8)
            if let path = key.removingPrefix(contentRoot + "/") {
                if let staticPath = path.removingPrefix("static/") {
                    staticFiles.append(StaticFile(path: staticPath, displayPath: key, contents: .bytes(bytes)))
                } else {
                    content.append(SourceFile(path: path, displayPath: key, bytes: bytes))
                    var components = path.split(separator: "/").dropLast()
                    while !components.isEmpty {
                        folders.insert(components.joined(separator: "/"))
                        components = components.dropLast()
                    }
                }
            } else if let path = key.removingPrefix(templatesRoot + "/") {
                if let assetPath = path.removingPrefix("assets/") {
                    assets.append(StaticFile(path: assetPath, displayPath: key, contents: .bytes(bytes)))
                } else {
                    templates.append(SourceFile(path: path, displayPath: key, bytes: bytes))
                }
            } else {
                preconditionFailure("inline file \(key) is neither under \(contentRoot)/ nor \(templatesRoot)/")
            }
        }
        self.init(
            contentRoot: contentRoot, templatesRoot: templatesRoot, content: content, contentFolders: folders,
            staticFiles: staticFiles, templates: templates, assets: assets)
    }
}
