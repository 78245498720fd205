import ChecksCore
import Foundation
import Markdown

/// The `check-doc-refs` pipeline: discover → parse in parallel → resolve links → rules → report.
public enum DocRefsChecker {
    public static let toolName = "check-doc-refs"

    /// Checks the tree; throws only for operational failures (a path that does not exist).
    public static func run(_ options: DocRefsOptions) throws -> Report {
        try check(options, collectExternalLinks: false).report
    }

    /// `run`, also returning every external link (any scheme, or `//host`) of the checked files in
    /// file and position order, from the same parse: the input of a remote phase. Suppressed ones are
    /// included and marked, so the caller decides (markdown-link-check's `ignoreDisable`).
    public static func runCollectingExternalLinks(_ options: DocRefsOptions) throws -> (report: Report, externalLinks: [ExternalLink]) {
        try check(options, collectExternalLinks: true)
    }

    private static func check(_ options: DocRefsOptions, collectExternalLinks: Bool) throws -> (report: Report, externalLinks: [ExternalLink]) {
        let root = PathLookup(root: options.root).root
        let cwd = options.workingDirectory
        let absolutePaths = options.paths.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 }
        let files = try FileDiscovery.files(
            under: absolutePaths, root: root, extensions: ["md", "markdown"], exclude: options.exclude)

        // Parse every file once, in parallel; unreadable ones become findings, not a failed run.
        let parsedCount = SharedCounter()
        let parsed = parallelMap(count: files.count) { index -> ParsedFile in
            if let progress = options.progress { progress(parsedCount.take() + 1, files.count) }
            do {
                let bytes = try RegularFileReader.read(root + "/" + files[index], maxBytes: MarkdownDocument.maxFileBytes)
                let document = MarkdownDocument.parse(bytes)
                return ParsedFile(document: document, anchors: MarkdownCatalog.Anchors(document), error: nil)
            } catch {
                return ParsedFile(document: nil, anchors: nil, error: error)
            }
        }
        let catalog = MarkdownCatalog(root: root)
        catalog.add(zip(files, parsed).compactMap { path, file in file.anchors.map { (path, $0) } })
        var markdownByName: [String: [String]] = [:]
        for path in files { markdownByName[RelativePath.name(of: path).lowercased(), default: []].append(path) }

        let resolver = LinkResolver(
            paths: PathLookup(root: root), catalog: catalog, lineCounts: LineCountCache(root: root),
            repository: options.repository, ignore: options.ignore, markdownByName: markdownByName)
        let rules = DocRefsRules.all.filter { !$0.isOptIn || ($0.id == OrphanRule.id && options.orphans) }.map { $0.init() }
        let treeRules = rules.filter { type(of: $0).isOptIn }
        let display = DisplayPaths(root: root, workingDirectory: cwd)

        // Resolve and judge each file in parallel; keep the resolved file only when a tree rule needs it.
        let results = parallelMap(count: files.count) { index -> FileResult in
            let path = files[index]
            let displayPath = display.path(for: path)
            guard let document = parsed[index].document else {
                let error = parsed[index].error
                var rule = "unreadable-file"
                var message = (error as? LocalizedError)?.errorDescription ?? "cannot read \(path)"
                if case RegularFileReader.ReadError.tooLarge(_, let size, let limit)? = error {
                    rule = "file-too-large"
                    message =
                        "\(RegularFileReader.ReadError.mebibytes(size)) MiB is larger than the "
                        + "\(RegularFileReader.ReadError.mebibytes(limit)) MiB a Markdown file may have; split it, or exclude it"
                }
                return FileResult(
                    diagnostics: [
                        Diagnostic(
                            rule: rule, severity: .error, file: displayPath, line: 1, column: 1,
                            message: message)
                    ], checkedLinks: 0, file: nil, externalLinks: [])
            }
            // Files repeat their targets (reference definitions, tables of contents): resolve each
            // distinct destination once per file.
            var memo: [String: ResolvedLink] = [:]
            let links = document.links.map { link -> ResolvedLink in
                if var known = memo[link.destination] {
                    known.link = link
                    return known
                }
                let resolved = resolver.resolve(link, in: path)
                memo[link.destination] = resolved
                return resolved
            }
            let file = CheckedFile(path: path, displayPath: displayPath, document: document, links: links, displayPaths: display)
            let diagnostics = rules.flatMap { $0.check(file) }.filter {
                !options.honoursDisableComments || !document.isSuppressed(line: $0.line)
            }
            var external: [ExternalLink] = []
            if collectExternalLinks {
                for link in document.links where LinkTarget.parse(link.destination, sourcePath: path, repository: options.repository) == .external {
                    external.append(
                        ExternalLink(
                            displayPath: displayPath, link: link, isSuppressed: document.isSuppressed(line: link.position.line)))
                }
            }
            return FileResult(
                diagnostics: diagnostics, checkedLinks: file.links.count { $0.isChecked },
                file: treeRules.isEmpty ? nil : file, externalLinks: external)
        }

        var diagnostics = results.flatMap(\.diagnostics)
        if !treeRules.isEmpty {
            let tree = results.compactMap(\.file)
            diagnostics += treeRules.flatMap { $0.check(tree: tree) }
        }
        let report = Report(
            tool: toolName, version: ToolkitVersion.current, diagnostics: diagnostics,
            counts: [("files", files.count), ("links", results.reduce(0) { $0 + $1.checkedLinks })],
            ruleDescriptions: DocRefsRules.descriptions.merging([
                "unreadable-file": "a Markdown file could not be read",
                "file-too-large": "a Markdown file is larger than the checks parse (16 MiB)",
            ]) { a, _ in a })
        return (report, results.flatMap(\.externalLinks))
    }

    private struct ParsedFile: @unchecked Sendable {
        var document: MarkdownDocument?
        var anchors: MarkdownCatalog.Anchors?
        /// Errors from reading are `LocalizedError` values with no shared state.
        var error: Error?
    }

    private struct FileResult: Sendable {
        var diagnostics: [Diagnostic]
        var checkedLinks: Int
        var file: CheckedFile?
        var externalLinks: [ExternalLink]
    }
}

/// Root-relative paths shown relative to the working directory, as DESIGN.md §3 asks.
struct DisplayPaths: Sendable {
    private enum Placement: Sendable {
        /// The working directory is the root or above it: prefix the root's relative location.
        case prefix(String)
        /// The working directory is inside the root, at this root-relative folder.
        case inside(String)
        /// Unrelated folders: show absolute paths.
        case absolute(String)
    }

    private let placement: Placement

    init(root: String, workingDirectory: String) {
        let cwd = PathLookup.realPath(workingDirectory) ?? workingDirectory
        if cwd == root {
            placement = .prefix("")
        } else if root.hasPrefix(cwd + "/") {
            placement = .prefix(String(root.dropFirst(cwd.count + 1)) + "/")
        } else if cwd.hasPrefix(root + "/") {
            placement = .inside(String(cwd.dropFirst(root.count + 1)))
        } else {
            placement = .absolute(root + "/")
        }
    }

    func path(for rootRelative: String) -> String {
        switch placement {
        case .prefix(let prefix), .absolute(let prefix): prefix + rootRelative
        case .inside(let folder): RelativePath.from(folder, to: rootRelative)
        }
    }
}
