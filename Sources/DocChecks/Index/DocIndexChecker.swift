import ChecksCore
import Foundation
import Markdown

/// The `verify-doc-index` pipeline: discover the docs and read their titles (in parallel) → read the
/// index and its region → resolve entries → analyse → plan the rewrite → rules → report. In write mode
/// the rewritten index is analysed again, so the report says what is left after the write.
public enum DocIndexChecker {
    public static let toolName = "verify-doc-index"

    /// What one run produced. The library writes nothing: the command writes `rewritten` (atomically)
    /// and prints `removed` and `diff`.
    public struct Outcome: Sendable {
        /// Findings on the index as it is (check, diff), or as rewritten (write).
        public var report: Report
        /// Absolute path of the index, and as findings show it.
        public var indexPath: String
        public var indexDisplayPath: String
        public var original: [UInt8]
        /// The whole file after the rewrite (equal to `original` when nothing changes); nil in check
        /// mode on an index without markers, which `--write` may not touch.
        public var rewritten: [UInt8]?
        /// Stale entries the rewrite takes out, with their text.
        public var removed: [RemovedEntry]
        public var added: Int
        public var changed: Int
        public var reordered: Bool

        /// Whether the rewrite changes the file.
        public var changesFile: Bool { rewritten.map { $0 != original } ?? false }

        /// The rewrite as a unified diff with `a/` and `b/` prefixes; "" when nothing changes.
        public var diff: String {
            guard let rewritten else { return "" }
            return UnifiedDiff.render(
                old: original, new: rewritten, oldName: "a/" + indexDisplayPath, newName: "b/" + indexDisplayPath)
        }
    }

    /// - Throws: `DocIndexError` for a missing or unreadable index or doc, a marker problem, or
    ///   `--write`/`--diff` without markers; `FileDiscoveryError` or `GitError` when the docs cannot be
    ///   listed. Nothing is written either way.
    public static func run(_ options: DocIndexOptions) throws -> Outcome {
        let lookup = PathLookup(root: options.root)
        let root = lookup.root
        let display = DisplayPaths(root: root, workingDirectory: options.workingDirectory)

        let indexPath = try rootRelative(options.index, root: root) {
            DocIndexError.indexOutsideRoot(file: options.index, root: root)
        }
        let indexDisplay = display.path(for: indexPath)
        guard FileManager.default.fileExists(atPath: root + "/" + indexPath) else {
            throw DocIndexError.indexNotFound(file: indexDisplay)
        }
        let bytes: [UInt8]
        do {
            bytes = try RegularFileReader.read(root + "/" + indexPath)
        } catch RegularFileReader.ReadError.unreadable(_, let reason) {
            throw DocIndexError.indexUnreadable(file: indexDisplay, reason: reason.lowercased())
        } catch {
            throw DocIndexError.indexUnreadable(file: indexDisplay, reason: "not a regular file")
        }
        // Markers first: a broken region is bad input before any doc is read.
        let file = try IndexFile(bytes: bytes, path: indexPath, displayPath: indexDisplay)
        if options.mode != .check, !file.region.hasMarkers {
            throw DocIndexError.noMarkers(file: indexDisplay, flag: options.mode == .write ? "--write" : "--diff")
        }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.docs, isDirectory: &isDirectory), isDirectory.boolValue,
            let docsReal = PathLookup.realPath(options.docs)
        else {
            let cwd = options.workingDirectory
            let shown = options.docs.hasPrefix(cwd + "/") ? String(options.docs.dropFirst(cwd.count + 1)) : options.docs
            throw DocIndexError.docsNotFound(folder: shown)
        }
        let docsFolder = try rootRelative(docsReal, root: root) {
            FileDiscoveryError.pathOutsideRoot(path: options.docs, root: root)
        }
        let docs = try DocSet.discover(
            docsFolder: docsReal, root: root, index: indexPath, exclude: options.exclude, display: display)

        let resolver = EntryResolver(lookup: lookup, indexPath: indexPath)
        let renames = RenameSource(root: root)
        let analysis = IndexAnalysis(
            file: file, docs: docs, resolver: resolver, titles: options.titles,
            configuredTitles: options.configuredTitles, docsFolder: docsFolder,
            display: display, renames: renames.value)
        // A clean index in check mode needs no rewrite: nothing to suggest and nothing to write.
        let rewrite = options.mode == .check && !analysis.needsRewrite ? IndexRewrite(unchanged: file) : IndexRewrite(analysis)

        var outcome = Outcome(
            report: report(IndexRuleContext(analysis: analysis, rewrite: rewrite)),
            indexPath: root + "/" + indexPath, indexDisplayPath: indexDisplay, original: bytes,
            rewritten: file.region.hasMarkers ? file.replacingRegion(with: rewrite.region) : nil,
            removed: rewrite.removed, added: rewrite.added, changed: rewrite.changed, reordered: rewrite.reordered)

        if options.mode == .write, let rewritten = outcome.rewritten, rewritten != bytes {
            // Report what is left once the rewrite is on disk: the same analysis of the new text.
            let newFile = try IndexFile(bytes: rewritten, path: indexPath, displayPath: indexDisplay)
            let after = IndexAnalysis(
                file: newFile, docs: docs, resolver: resolver, titles: options.titles,
                configuredTitles: options.configuredTitles, docsFolder: docsFolder,
                display: display, renames: renames.value)
            outcome.report = report(
                IndexRuleContext(
                    analysis: after, rewrite: after.needsRewrite ? IndexRewrite(after) : IndexRewrite(unchanged: newFile)))
        }
        return outcome
    }

    private static func report(_ context: IndexRuleContext) -> Report {
        let diagnostics = DocIndexRules.all.flatMap { $0.init().check(context) }
        return Report(
            tool: toolName, version: ToolkitVersion.current, diagnostics: diagnostics,
            counts: [("docs", context.analysis.docs.docs.count), ("entries", context.analysis.entries.count)],
            ruleDescriptions: DocIndexRules.descriptions)
    }

    /// `path` (absolute) relative to `root`, with symlinks in its folder resolved; the file keeps its
    /// own name.
    private static func rootRelative(_ path: String, root: String, outside: () -> Error) throws -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let realFolder = PathLookup.realPath(folder.isEmpty ? "." : folder) ?? folder
        var real = realFolder == "/" ? "/" + name : realFolder + "/" + name
        // An index that is itself a symlink is judged by where it leads: `docs/INDEX.md -> /etc/passwd`
        // is outside the root, and reading it would read outside the root. (A missing index keeps the
        // name it was given, for the message.)
        if let target = PathLookup.realPath(path) { real = target }
        if real == root { return "" }
        guard real.hasPrefix(root + "/") else { throw outside() }
        return String(real.dropFirst(root.count + 1))
    }
}

/// git's renames, asked at most once per run and only when an entry is stale (it costs processes).
private final class RenameSource: @unchecked Sendable {
    private let root: String
    private var cached: [String: String]?

    init(root: String) {
        self.root = root
    }

    func value() -> [String: String] {
        if let cached { return cached }
        let pairs = Git.renames(in: root)
        let result = Dictionary(pairs.map { ($0.from, $0.to) }, uniquingKeysWith: { first, _ in first })
        cached = result
        return result
    }
}
