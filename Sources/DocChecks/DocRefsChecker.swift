import ChecksCore
import Foundation
import Markdown

/// The `check-doc-refs` pipeline: discover → parse in parallel → resolve links → rules → report.
public enum DocRefsChecker {
    public static let toolName = "check-doc-refs"

    /// Checks the tree; throws only for operational failures (a path that does not exist).
    public static func run(_ options: DocRefsOptions) throws -> Report {
        let root = PathLookup(root: options.root).root
        let cwd = options.workingDirectory
        let absolutePaths = options.paths.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 }
        let files = try FileDiscovery.files(
            under: absolutePaths, root: root, extensions: ["md", "markdown"], exclude: options.exclude)

        // Parse every file once; unreadable ones become findings, not a failed run.
        let parsed: [Result<MarkdownDocument, Error>] = parallelMap(count: files.count) { index in
            Result { MarkdownDocument.parse(try RegularFileReader.read(root + "/" + files[index])) }
        }
        let catalog = MarkdownCatalog(root: root)
        var markdownByName: [String: [String]] = [:]
        for (path, result) in zip(files, parsed) {
            if case .success(let document) = result { catalog.add(document, path: path) }
            markdownByName[RelativePath.name(of: path).lowercased(), default: []].append(path)
        }
        let resolver = LinkResolver(
            paths: PathLookup(root: root), catalog: catalog, lineCounts: LineCountCache(root: root),
            repository: options.repository, ignore: options.ignore, markdownByName: markdownByName)
        let rules = DocRefsRules.all.filter { !$0.isOptIn || ($0.id == OrphanRule.id && options.orphans) }.map { $0.init() }
        let display = DisplayPaths(root: root, workingDirectory: options.workingDirectory)

        let checked = parallelMap(count: files.count) { index -> CheckedFile? in
            guard case .success(let document) = parsed[index] else { return nil }
            let path = files[index]
            let links = document.links.map { resolver.resolve($0, in: path) }
            return CheckedFile(path: path, displayPath: display.path(for: path), document: document, links: links)
        }
        let findings: [[Diagnostic]] = parallelMap(count: checked.count) { index in
            guard let file = checked[index] else { return [] }
            return rules.flatMap { $0.check(file) }.filter { !file.document.isSuppressed(line: $0.line) }
        }

        var diagnostics = findings.flatMap { $0 }
        let tree = checked.compactMap { $0 }
        diagnostics += rules.flatMap { $0.check(tree: tree) }
        for (path, result) in zip(files, parsed) {
            if case .failure(let error) = result {
                diagnostics.append(Diagnostic(
                    rule: "unreadable-file", severity: .error, file: display.path(for: path), line: 1, column: 1,
                    message: (error as? LocalizedError)?.errorDescription ?? "cannot read \(path)"))
            }
        }
        let linkCount = tree.reduce(0) { $0 + $1.links.count { $0.isChecked } }
        return Report(
            tool: toolName, version: ToolkitVersion.current, diagnostics: diagnostics,
            counts: [("files", files.count), ("links", linkCount)],
            ruleDescriptions: DocRefsRules.descriptions.merging(["unreadable-file": "a Markdown file could not be read"]) { a, _ in a })
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
