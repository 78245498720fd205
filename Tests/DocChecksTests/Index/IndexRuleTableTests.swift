import ChecksCore
import ChecksTestSupport
import Foundation
import Testing

@testable import DocChecks

/// One scenario for the index rules: a small tree (the index is `docs/INDEX.md`), `‸` where each
/// expected finding starts (in any file), the rule ids expected in output order, and optionally the
/// suggestions. Every case runs twice: plain, and with a multibyte prefix at each «P», which also
/// fills «P» in the expected suggestions.
struct IndexRuleCase: Sendable, CustomTestStringConvertible {
    var name: String
    var files: [String: String]
    var expected: [String]
    var suggestions: [String?]? = nil
    var titles: DocIndexOptions.TitleMode? = nil
    var exclude: [String] = []
    var testDescription: String { name }
}

@Suite struct IndexRuleTableTests {
    static let start = "<!-- doc-index:start -->\n"
    static let end = "<!-- doc-index:end -->\n"

    static let cases: [IndexRuleCase] = [
        IndexRuleCase(
            name: "clean index has no findings",
            files: [
                "docs/INDEX.md": "# Index\n\nintro\n\n\(start)- «P»[Alpha](a.md) — first\n- [Beta `b`](b.md): second\n\(end)\nfooter\n",
                "docs/a.md": "# Alpha\n",
                "docs/b.md": "---\ntitle: Beta b\n---\n# Other\n",
            ], expected: []),
        IndexRuleCase(
            name: "missing-entry at the end marker, with the line --write adds",
            files: [
                "docs/INDEX.md": "\(start)- [Alpha](a.md)\n‸<!-- doc-index:end -->\n",
                "docs/a.md": "# Alpha\n",
                "docs/b.md": "---\ndescription: the second«P» one\n---\n# Beta\n",
            ], expected: ["missing-entry"], suggestions: ["- [Beta](b.md) — the second«P» one"]),
        IndexRuleCase(
            name: "stale-entry suggests the closest unlisted doc, which is also missing",
            files: [
                "docs/INDEX.md": "\(start)- «P»‸[Setup](setpu.md) — how to install\n‸\(end)",
                "docs/setup.md": "# Setup\n",
            ], expected: ["stale-entry", "missing-entry"],
            suggestions: ["- «P»[Setup](setup.md) — how to install", "- [Setup](setup.md)"]),
        IndexRuleCase(
            name: "stale-entry without a candidate",
            files: [
                "docs/INDEX.md": "\(start)- «P»‸[Gone](gone.md)\n- [A](a.md)\n\(end)",
                "docs/a.md": "# A\n",
            ], expected: ["stale-entry"], suggestions: [nil]),
        IndexRuleCase(
            name: "a folder link needs a README.md or index.md",
            files: [
                "docs/INDEX.md": "\(start)- «P»[Guide](guide/) — with readme\n- «P»‸[Ref](ref/)\n- [X](ref/x.md)\n\(end)",
                "docs/guide/README.md": "# Guide\n",
                "docs/ref/x.md": "# X\n",
            ], expected: ["stale-entry"]),
        IndexRuleCase(
            name: "case-mismatch is one finding and still lists the doc",
            files: [
                "docs/INDEX.md": "\(start)- «P»‸[Guide](Guide.md#usage) — the guide\n\(end)",
                "docs/guide.md": "# Guide\n",
            ], expected: ["case-mismatch"], suggestions: ["- «P»[Guide](guide.md#usage) — the guide"]),
        IndexRuleCase(
            name: "title-mismatch against the H1, with the changed line",
            files: [
                "docs/INDEX.md": "\(start)- «P»‸[Getting started](start.md) — install\n\(end)",
                "docs/start.md": "intro\n\n# Getting Started\n",
            ], expected: ["title-mismatch"], suggestions: ["- «P»[Getting Started](start.md) — install"]),
        IndexRuleCase(
            name: "inline markup and white space do not count",
            files: [
                "docs/INDEX.md": "\(start)- «P»[The `foo`\n  *tool*](foo.md)\n\(end)",
                "docs/foo.md": "# The foo   tool\n",
            ], expected: []),
        IndexRuleCase(
            name: "front matter title wins over the H1",
            files: [
                "docs/INDEX.md": "\(start)- «P»‸[Heading](a.md)\n\(end)",
                "docs/a.md": "---\ntitle: From front matter\n---\n# Heading\n",
            ], expected: ["title-mismatch"], suggestions: ["- «P»[From front matter](a.md)"]),
        IndexRuleCase(
            name: "casefold accepts letter case and the file name",
            files: [
                "docs/INDEX.md": "\(start)- [getting started](start.md)\n- [Notes.md](notes.md)\n- ‸[notes](notes.md)\n\(end)",
                "docs/start.md": "# Getting Started\n",
                "docs/notes.md": "# Release notes\n",
            ], expected: ["duplicate-entry"], titles: .casefold),
        IndexRuleCase(
            name: "titles=ignore in the start marker",
            files: [
                "docs/INDEX.md": "<!-- doc-index:start titles=ignore -->\n- [whatever](a.md)\n\(end)",
                "docs/a.md": "# A\n",
            ], expected: []),
        IndexRuleCase(
            name: "the command line's titles wins over the marker",
            files: [
                "docs/INDEX.md": "<!-- doc-index:start titles=ignore -->\n- «P»‸[whatever](a.md)\n\(end)",
                "docs/a.md": "# A\n",
            ], expected: ["title-mismatch"], titles: .exact),
        IndexRuleCase(
            name: "entries with a fragment are not title-checked",
            files: [
                "docs/INDEX.md": "\(start)- [Installing](a.md#install)\n\(end)",
                "docs/a.md": "# A\n\n## Install\n",
            ], expected: []),
        IndexRuleCase(
            name: "duplicate-entry is a warning at the second entry",
            files: [
                "docs/INDEX.md": "\(start)- [A](a.md)\n- group/\n  - «P»‸[A](./a.md)\n\(end)",
                "docs/a.md": "# A\n",
            ], expected: ["duplicate-entry"]),
        IndexRuleCase(
            name: "order=alpha reports the first out-of-order entry per list",
            files: [
                "docs/INDEX.md":
                    "<!-- doc-index:start order=alpha -->\n- [Beta](b.md)\n- «P»‸[Alpha](a.md)\n- [Gamma](g.md)\n- [Delta](d.md)\n\(end)",
                "docs/a.md": "# Alpha\n", "docs/b.md": "# Beta\n", "docs/g.md": "# Gamma\n", "docs/d.md": "# Delta\n",
            ], expected: ["order"]),
        IndexRuleCase(
            name: "order=folder: README first, files before folders",
            files: [
                "docs/INDEX.md":
                    "<!-- doc-index:start order=folder -->\n- [Read me](README.md)\n- [Z](z.md)\n- guide/\n  - [U](guide/u.md)\n- «P»‸[A](a.md)\n\(end)",
                "docs/README.md": "# Read me\n", "docs/z.md": "# Z\n", "docs/a.md": "# A\n", "docs/guide/u.md": "# U\n",
            ], expected: ["order"]),
        IndexRuleCase(
            name: "without order= any order is fine",
            files: [
                "docs/INDEX.md": "\(start)- [Beta](b.md)\n- [Alpha](a.md)\n\(end)",
                "docs/a.md": "# Alpha\n", "docs/b.md": "# Beta\n",
            ], expected: []),
        IndexRuleCase(
            name: "doc-untitled is reported in the doc",
            files: [
                "docs/INDEX.md": "\(start)- [x.md](x.md)\n\(end)",
                "docs/x.md": "‸plain text, «P» and no heading\n\n## Only an H2\n",
            ], expected: ["doc-untitled"]),
        IndexRuleCase(
            name: "skip marker, index: false, partials, dot folders and excludes leave the doc set",
            files: [
                "docs/INDEX.md": "\(start)- [A](a.md)\n\(end)",
                "docs/a.md": "# A\n",
                "docs/skipped.md": "<!-- doc-index: skip -->\n# Skipped\n",
                "docs/after-front-matter.md": "---\nx: 1\n---\n<!--doc-index:skip-->\n# Skipped\n",
                "docs/hidden.md": "---\nindex: false\n---\n# Hidden\n",
                "docs/_partial.md": "# Partial\n",
                "docs/_includes/x.md": "# Include\n",
                "docs/.drafts/x.md": "# Draft\n",
                "docs/drafts/y.md": "# Draft\n",
            ], expected: [], exclude: ["docs/drafts/**"]),
        IndexRuleCase(
            name: "entries outside the docs folder, external links and fragments are fine",
            files: [
                "docs/INDEX.md":
                    "\(start)- [A](/docs/a.md)\n- [Changelog](../CHANGELOG.md)\n- [Site](https://example.com/x.md)\n- [Top](#top)\n- plain text\n\(end)",
                "docs/a.md": "# A\n",
                "CHANGELOG.md": "# Changes\n",
            ], expected: []),
        IndexRuleCase(
            name: "a reference link whose definition is below the region",
            files: [
                "docs/INDEX.md": "\(start)- [Alpha][a] — first\n- [Beta]\n\(end)\n[a]: a.md\n[beta]: b.md\n",
                "docs/a.md": "# Alpha\n", "docs/b.md": "# Beta\n",
            ], expected: []),
        IndexRuleCase(
            name: "markers in a code fence are examples, not the region",
            files: [
                "docs/INDEX.md": "```\n<!-- doc-index:start -->\n```\n\n\(start)- [A](a.md)\n\(end)\n~~~\n<!-- doc-index:end -->\n~~~\n",
                "docs/a.md": "# A\n",
            ], expected: []),
        IndexRuleCase(
            name: "without markers the whole file is the index",
            files: [
                "docs/INDEX.md": "---\ntitle: Index\n---\n# Index\n\n- [A](a.md) «P»\n\nSee also [B](b.md) in prose.\n‸\n",
                "docs/a.md": "# A\n", "docs/b.md": "# B\n",
            ], expected: ["missing-entry"]),
    ]

    @Test(arguments: cases)
    func rule(_ testCase: IndexRuleCase) throws {
        for prefix in ["", MarkedText.multibytePrefix] {
            let tree = try TemporaryTree()
            var markers: [(file: String, line: Int, column: Int)] = []
            for (path, marked) in testCase.files.sorted(by: { $0.key < $1.key }) {
                let text = MarkedText(marked, prefix: prefix)
                try tree.write(path, text.text)
                markers += text.markers.map { (path, $0.line, $0.column) }
            }
            let outcome = try DocIndexChecker.run(
                DocIndexOptions(
                    index: tree.root + "/docs/INDEX.md", docs: tree.root + "/docs", root: tree.root,
                    workingDirectory: tree.root, exclude: try testCase.exclude.map(GlobPattern.init), titles: testCase.titles))
            let found = outcome.report.diagnostics
            let label = "prefix \(prefix.debugDescription): \(found.map { "\($0.file):\($0.line):\($0.column) \($0.rule) \($0.message)" })"
            #expect(found.map(\.rule) == testCase.expected, "\(label)")
            #expect(found.map { "\($0.file):\($0.line):\($0.column)" } == markers.map { "\($0.file):\($0.line):\($0.column)" }, "\(label)")
            if let suggestions = testCase.suggestions {
                let filled = suggestions.map { $0?.replacingOccurrences(of: MarkedText.placeholder, with: prefix) }
                #expect(found.map(\.suggestion) == filled, "\(label)")
            }
        }
    }

    @Test func everyRuleIsRegisteredOnceAndCovered() {
        let ids = DocIndexRules.all.map { $0.id }
        #expect(Set(ids).count == ids.count)
        let covered = Set(Self.cases.flatMap(\.expected)).union(["both-index-files"])
        #expect(Set(ids).subtracting(covered).isEmpty, "rules without a table case: \(Set(ids).subtracting(covered))")
        #expect(Set(DocIndexRules.descriptions.keys) == Set(ids))
    }

    /// Not a fixture: `INDEX.md` beside `index.md` cannot be checked out on macOS or Windows.
    @Test func bothIndexFilesInTheIndexFolder() throws {
        let tree = try TemporaryTree()
        try tree.write("docs/INDEX.md", "\(Self.start)- [Home](index.md)\n\(Self.end)")
        try tree.write("docs/index.md", "# Home\n")
        let outcome = try DocIndexChecker.run(
            DocIndexOptions(
                index: tree.root + "/docs/INDEX.md", docs: tree.root + "/docs", root: tree.root, workingDirectory: tree.root))
        #expect(outcome.report.diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.rule)" } == ["docs/INDEX.md:1:1 both-index-files"])
        #expect(outcome.report.diagnostics.first?.message.hasPrefix("INDEX.md and index.md both exist in docs;") == true)
    }

    /// Command line > start marker > configuration file > exact.
    @Test(
        arguments: [
            ("", nil, DocIndexOptions.TitleMode.casefold, 0), ("", nil, nil, 1), (" titles=exact", nil, .casefold, 1),
            (" titles=exact", .casefold, .exact, 0), (" titles=casefold", nil, .exact, 0),
        ] as [(String, DocIndexOptions.TitleMode?, DocIndexOptions.TitleMode?, Int)])
    func titlesPrecedence(_ marker: String, _ commandLine: DocIndexOptions.TitleMode?, _ configured: DocIndexOptions.TitleMode?, _ findings: Int)
        throws
    {
        let tree = try TemporaryTree()
        try tree.write("docs/INDEX.md", "<!-- doc-index:start\(marker) -->\n- [getting started](start.md)\n\(Self.end)")
        try tree.write("docs/start.md", "# Getting Started\n")
        let outcome = try DocIndexChecker.run(
            DocIndexOptions(
                index: tree.root + "/docs/INDEX.md", docs: tree.root + "/docs", root: tree.root, workingDirectory: tree.root,
                titles: commandLine, configuredTitles: configured))
        #expect(outcome.report.diagnostics.count == findings)
    }

    @Test func findingsAreRelativeToTheWorkingDirectory() throws {
        let tree = try TemporaryTree()
        try tree.write("docs/INDEX.md", "\(Self.start)\(Self.end)")
        try tree.write("docs/a.md", "# A\n")
        let outcome = try DocIndexChecker.run(
            DocIndexOptions(
                index: tree.root + "/docs/INDEX.md", docs: tree.root + "/docs", root: tree.root,
                workingDirectory: tree.root + "/docs"))
        #expect(outcome.report.diagnostics.map { "\($0.file) \($0.message)" } == ["INDEX.md a.md is not listed in INDEX.md"])
        #expect(outcome.report.counts.map { "\($0.key)=\($0.value)" } == ["docs=1", "entries=0"])
    }

    @Test func gitRenamesAreSuggestedAndCountAsListing() throws {
        let tree = try TemporaryTree()
        try tree.write("docs/INDEX.md", "\(Self.start)- [Setup](setup.md) — how to install\n\(Self.end)")
        try tree.write("docs/setup.md", "# Setup\n")
        try git(tree, "init", "-q")
        try git(tree, "add", "-A")
        try git(tree, "commit", "-q", "-m", "initial")
        try FileManager.default.createDirectory(atPath: tree.root + "/docs/guide", withIntermediateDirectories: true)
        try git(tree, "mv", "docs/setup.md", "docs/guide/install.md")
        try tree.write("docs/other.md", "# Other\n")
        let outcome = try DocIndexChecker.run(
            DocIndexOptions(
                index: tree.root + "/docs/INDEX.md", docs: tree.root + "/docs", root: tree.root, workingDirectory: tree.root))
        let found = outcome.report.diagnostics
        #expect(found.map(\.rule) == ["stale-entry", "missing-entry"])
        #expect(found.first?.message == "entry target 'setup.md' does not exist; git shows it moved to docs/guide/install.md, which --write links")
        #expect(found.first?.suggestion == "- [Setup](guide/install.md) — how to install")
        #expect(found.last?.message == "docs/other.md is not listed in docs/INDEX.md")
    }

    @Test func unreadableDocIsBadInput() throws {
        let tree = try TemporaryTree()
        let display = DisplayPaths(root: tree.root, workingDirectory: tree.root)
        #expect(throws: DocIndexError.docUnreadable(file: "docs/vanished.md", reason: "no such file or directory")) {
            try DocSet.read(["docs/vanished.md"], root: tree.root, display: display)
        }
    }
}

/// Runs git in a temporary tree without the user's configuration.
func git(_ tree: TemporaryTree, _ arguments: String...) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
    process.arguments =
        [
            "-C", tree.root, "-c", "user.name=Test", "-c", "user.email=test@example.com",
            "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main",
        ] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw DocIndexError.indexUnreadable(file: "git \(arguments.joined(separator: " "))", reason: "exit \(process.terminationStatus)")
    }
}
