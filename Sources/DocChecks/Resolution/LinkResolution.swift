import Markdown

/// What is wrong with a link's file part.
public enum FileProblem: Sendable, Equatable {
    /// Nothing at `path` (root-relative).
    case missing(path: String)
    /// `path` exists only as `onDisk`.
    case caseMismatch(path: String, onDisk: String)
    /// The target climbs out of the repository root, or a symlink on the way leads out.
    case escapesRoot(path: String)
}

/// What is wrong with a link's `#fragment`.
public enum FragmentProblem: Sendable, Equatable {
    case missingAnchor(fragment: String)
    /// Matches `actual` only when letter case is ignored.
    case anchorCase(fragment: String, actual: String)
    case lineOutOfRange(fragment: String, lineCount: Int)
}

/// One link of a checked file, with everything the rules need to judge it.
public struct ResolvedLink: Sendable {
    public var link: MarkdownLink
    /// False for remote, empty and ignored links: offline checks say nothing about them.
    public var isChecked: Bool
    /// The existing target, root-relative and spelled as on disk (also after a case mismatch).
    public var targetPath: String?
    public var fileProblem: FileProblem?
    public var fragmentProblem: FragmentProblem?
    /// The Markdown file whose anchors were consulted (the target, or a folder's README).
    public var anchorFile: String?
    /// The destination the user most likely meant, in the form they would write it.
    public var suggestion: String?
    /// Matched an `ignore` pattern: no rule says anything about it.
    public var isIgnored = false

    public init(link: MarkdownLink, isChecked: Bool) {
        self.link = link
        self.isChecked = isChecked
    }
}

/// A checked file: its parsed document and its resolved links.
public struct CheckedFile: Sendable {
    /// Root-relative path.
    public var path: String
    /// Path as shown in diagnostics: relative to the working directory.
    public var displayPath: String
    public var document: MarkdownDocument
    public var links: [ResolvedLink]
    /// How messages name other files: like the finding's own location, relative to the working
    /// directory, so `docs/a.md:3:1: … file not found: docs/b.md` reads the same from any folder.
    let displayPaths: DisplayPaths

    /// A root-relative path as messages show it.
    func shown(_ rootRelative: String) -> String {
        rootRelative.isEmpty ? "/" : displayPaths.path(for: rootRelative)
    }
}

enum MarkdownFiles {
    static func isMarkdown(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }
}

enum RelativePath {
    /// The relative path from folder `from` to `to` (both root-relative, `/`-separated).
    static func from(_ fromFolder: String, to target: String) -> String {
        let a = fromFolder.split(separator: "/")
        let b = target.split(separator: "/")
        var common = 0
        while common < a.count, common < b.count - 1, a[common] == b[common] { common += 1 }
        let ups = Array(repeating: "..", count: a.count - common)
        let rest = b[common...].map(String.init)
        let joined = (ups + rest).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
