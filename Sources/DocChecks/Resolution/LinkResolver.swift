import ChecksCore
import Foundation
import Markdown

/// Resolves links against the file system and the Markdown catalog. Pure lookups; every judgement
/// about what is a finding belongs to the rules.
public struct LinkResolver: Sendable {
    let paths: PathLookup
    let catalog: MarkdownCatalog
    let lineCounts: LineCountCache
    let repository: GitHubRepository?
    let ignore: [NSRegularExpressionBox]
    /// Every checked Markdown file by lower-cased name, for "moved file" suggestions.
    let markdownByName: [String: [String]]
    /// Path suggestions by missing path: many files cite the same missing target.
    let suggestions = SuggestionCache()

    public func resolve(_ link: MarkdownLink, in sourcePath: String) -> ResolvedLink {
        var result = ResolvedLink(link: link, isChecked: true)
        if ignore.contains(where: { $0.matches(link.destination) }) {
            result.isChecked = false
            result.isIgnored = true
            return result
        }
        switch LinkTarget.parse(link.destination, sourcePath: sourcePath, repository: repository) {
        case .external, .empty:
            result.isChecked = false
        case .escapesRoot(let resolved):
            result.fileProblem = .escapesRoot(path: resolved)
        case .sameFile(let fragment):
            result.targetPath = sourcePath
            checkFragment(fragment, query: nil, path: sourcePath, isDirectory: false, into: &result)
        case let .local(path, fragment, query):
            switch paths.lookup(path) {
            case .exists(let kind):
                result.targetPath = path
                checkFragment(fragment, query: query, path: path, isDirectory: kind == .directory, into: &result)
            case let .caseMismatch(onDisk, kind):
                result.targetPath = onDisk
                result.fileProblem = .caseMismatch(path: path, onDisk: onDisk)
                result.suggestion = suggestionText(onDisk, fragment: fragment, from: sourcePath)
                checkFragment(fragment, query: query, path: onDisk, isDirectory: kind == .directory, into: &result)
            case let .missing(parent, missingName):
                result.fileProblem = .missing(path: path)
                if let suggested = suggestions.value(for: path, compute: { suggestPath(for: path, parent: parent, missingName: missingName) }) {
                    result.suggestion = suggestionText(suggested, fragment: fragment, from: sourcePath)
                }
            case .outsideRoot:
                result.fileProblem = .escapesRoot(path: path)
            }
        }
        return result
    }

    private func checkFragment(_ fragment: String?, query: String?, path: String, isDirectory: Bool, into result: inout ResolvedLink) {
        guard var fragment, !fragment.isEmpty, fragment != "top" else { return }
        if fragment.hasPrefix("user-content-") { fragment.removeFirst("user-content-".count) }
        var anchorFile = path
        if isDirectory {
            // GitHub shows a folder's README below its listing; `#readme` jumps to it.
            guard fragment != "readme", let readme = readme(in: path) else { return }
            anchorFile = readme
        }
        if let lines = LineFragment(fragment) {
            let count = MarkdownFiles.isMarkdown(anchorFile) ? catalog.anchors(of: anchorFile)?.lineCount : lineCounts.lineCount(of: anchorFile)
            if let count, lines.last > count || lines.first > count {
                result.fragmentProblem = .lineOutOfRange(fragment: fragment, lineCount: count)
                result.anchorFile = anchorFile
            }
            return
        }
        // Fragments into other kinds of file are not anchors GitHub checks; nothing to say offline.
        guard MarkdownFiles.isMarkdown(anchorFile), let anchors = catalog.anchors(of: anchorFile) else { return }
        result.anchorFile = anchorFile
        if anchors.exact.contains(fragment) { return }
        if let actual = anchors.matchIgnoringCase(fragment) {
            result.fragmentProblem = .anchorCase(fragment: fragment, actual: actual)
            return
        }
        result.fragmentProblem = .missingAnchor(fragment: fragment)
        if let near = NearestMatch.best(for: fragment, among: anchors.exact) {
            let base = result.link.destination.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
            result.suggestion = (result.link.destination.hasPrefix("#") ? "" : base) + "#" + near
        }
    }

    private func readme(in folder: String) -> String? {
        let names = paths.names(in: folder)
        for candidate in ["README.md", "readme.md", "Readme.md", "index.md"] where names.contains(candidate) {
            return folder.isEmpty ? candidate : folder + "/" + candidate
        }
        return nil
    }

    /// A close name in the deepest existing folder, `x.md` for `x.html`, or the one checked Markdown
    /// file elsewhere with the same name (the file moved).
    private func suggestPath(for path: String, parent: String, missingName: String) -> String? {
        let prefix = parent.isEmpty ? "" : parent + "/"
        let isLast = prefix + missingName == path
        // The missing name itself can be listed (a dangling or looping symlink): never suggest it back.
        let names = paths.names(in: parent).filter { $0 != missingName }
        if isLast {
            // Site generators publish `x.md` as `x.html` or `x/`, and authors link to those forms.
            let stem = missingName.lowercased().hasSuffix(".html") ? String(missingName.dropLast(5)) : missingName
            if names.contains(stem + ".md") { return prefix + stem + ".md" }
        }
        if let near = NearestMatch.best(for: missingName, among: names) {
            return isLast ? prefix + near : nil
        }
        if isLast, let moved = markdownByName[missingName.lowercased()], moved.count == 1, let only = moved.first {
            return only
        }
        return nil
    }

    private func suggestionText(_ targetPath: String, fragment: String?, from sourcePath: String) -> String {
        let relative = RelativePath.from(RelativePath.folder(of: sourcePath), to: targetPath)
        return fragment.map { relative + "#" + $0 } ?? relative
    }
}

/// A compiled `ignore` pattern. NSRegularExpression is thread-safe for matching.
public struct NSRegularExpressionBox: @unchecked Sendable {
    public let pattern: String
    private let regex: NSRegularExpression

    public init(_ pattern: String) throws {
        self.pattern = pattern
        self.regex = try NSRegularExpression(pattern: pattern)
    }

    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

/// Memoises path suggestions across files and threads.
final class SuggestionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: String?] = [:]

    func value(for key: String, compute: () -> String?) -> String? {
        lock.lock()
        if let known = values[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let value = compute()
        lock.lock()
        values[key] = value
        lock.unlock()
        return value
    }
}
