import ChecksCore
import ChecksTestSupport
import Foundation
import Testing

@testable import DocChecks

/// One scenario: a small tree, with `‸` where each expected finding starts, and the rule ids expected
/// in (file, position) order. Every case runs twice: plain, and with a multibyte prefix at each «P».
struct RuleCase: Sendable, CustomTestStringConvertible {
    var name: String
    var files: [String: String]
    var expected: [String]
    var suggestions: [String?]? = nil
    var orphans = false
    var testDescription: String { name }
}

@Suite struct RuleTableTests {
    static let cases: [RuleCase] = [
        RuleCase(
            name: "clean tree has no findings",
            files: [
                "docs/a.md": "# A\n\n«P»[b](b.md#b-title) [dir](sub/) [img](img.png) [top](#top) [self](#a) [ext](https://x.org/y)\n",
                "docs/b.md": "# B title\n",
                "docs/sub/README.md": "# Sub\n",
                "docs/img.png": "",
            ], expected: []),
        RuleCase(
            name: "missing-file with a close-name suggestion",
            files: [
                "docs/a.md": "«P»see ‸[b](setpu.md) and ‸![i](missing.png)\n",
                "docs/setup.md": "# Setup\n",
            ], expected: ["missing-file", "missing-file"], suggestions: ["setup.md", nil]),
        RuleCase(
            name: "missing-file suggests .md for .html",
            files: [
                "docs/a.md": "«P»‸[g](guide.html)\n",
                "docs/guide.md": "# G\n",
            ], expected: ["missing-file"], suggestions: ["guide.md"]),
        RuleCase(
            name: "root-relative links resolve against the repository root",
            files: [
                "docs/a.md": "«P»[ok](/docs/b.md) ‸[no](/docs/nope.md)\n",
                "docs/b.md": "# B\n",
            ], expected: ["missing-file"]),
        RuleCase(
            name: "missing-anchor same file and other file, with suggestions",
            files: [
                "docs/a.md": "# Install\n\n«P»‸[x](#instal) ‸[y](b.md#usagee)\n",
                "docs/b.md": "# Usage\n",
            ], expected: ["missing-anchor", "missing-anchor"], suggestions: ["#install", "b.md#usage"]),
        RuleCase(
            name: "repeated headings get -1 suffixes",
            files: [
                "docs/a.md": "# Notes\n## Notes\n\n«P»[ok](#notes-1) ‸[no](#notes-2)\n"
            ], expected: ["missing-anchor"]),
        RuleCase(
            name: "explicit html anchors count",
            files: [
                "docs/a.md": "<a name=\"legacy\"></a>\n<span id=\"custom\">x</span>\n\n«P»[a](#legacy) [b](#custom) [c](#user-content-custom)\n"
            ], expected: []),
        RuleCase(
            name: "anchor-case is a warning",
            files: [
                "docs/a.md": "# Install\n\n«P»‸[x](#Install)\n"
            ], expected: ["anchor-case"], suggestions: ["#install"]),
        RuleCase(
            name: "line anchors on code files",
            files: [
                "docs/a.md":
                    "«P»[ok](../src/x.py#L2) [ok](../src/x.py#L1-L3) [ok](../src/x.py#L1C2-L3C1) ‸[no](../src/x.py#L4) ‸[no](../src/x.py#L2-L9)\n",
                "src/x.py": "a\nb\nc\n",
            ], expected: ["line-out-of-range", "line-out-of-range"]),
        RuleCase(
            name: "plain=1 line anchors on Markdown",
            files: [
                "docs/a.md": "«P»[ok](b.md?plain=1#L2) ‸[no](b.md?plain=1#L30)\n",
                "docs/b.md": "# B\n\ntext\n",
            ], expected: ["line-out-of-range"]),
        RuleCase(
            name: "case-mismatch suggests the on-disk spelling",
            files: [
                "docs/a.md": "«P»‸[g](Guide.md) ‸[h](SUB/x.md)\n",
                "docs/guide.md": "# G\n",
                "docs/sub/x.md": "# X\n",
            ], expected: ["case-mismatch", "case-mismatch"], suggestions: ["guide.md", "sub/x.md"]),
        RuleCase(
            name: "escapes-root",
            files: [
                "docs/a.md": "«P»‸[up](../../../etc/passwd) ‸[enc](..%2F..%2F..%2Fetc%2Fpasswd)\n"
            ], expected: ["escapes-root", "escapes-root"]),
        RuleCase(
            name: "stripped-link: javascript, vbscript and data targets, however spelled",
            files: [
                "docs/a.md":
                    "# A\n\n«P»‸[js](javascript:alert(1)) ‸[JS](JaVaScRiPt:void(0)) ‸[vb](vbscript:x) ‸![i](data:image/png;base64,AA==)\n"
                    + "«P»<a href=\"‸javascript:x\">h</a> ‸[ref][r]\n\n[r]: DATA:text/plain,x\n"
                    + "[ok](javascript.md) [ok2](https://x.org/javascript:) [ok3](data-sheet.md) [ok4](javascripts:x)\n",
                "docs/javascript.md": "# J\n",
                "docs/data-sheet.md": "# D\n",
            ],
            expected: ["stripped-link", "stripped-link", "stripped-link", "stripped-link", "stripped-link", "stripped-link"]),
        RuleCase(
            name: "reference definitions: undefined, unused, duplicate",
            files: [
                "docs/a.md":
                    "«P»[ok][one] ‸[bad][two] [coll][] ‸[nothing][] [shortcut is prose]\n\n[one]: a.md\n[coll]: a.md\n‸[one]: b.md\n‸[unused]: a.md\n"
            ], expected: ["undefined-reference", "undefined-reference", "duplicate-definition", "unused-definition"]),
        RuleCase(
            name: "broken definition target is reported at the use",
            files: [
                "docs/a.md": "«P»‸[x][ref]\n\n[ref]: nope.md\n"
            ], expected: ["missing-file"]),
        RuleCase(
            name: "orphans only with the flag; README and INDEX exempt",
            files: [
                "docs/README.md": "[a](a.md)\n",
                "docs/INDEX.md": "# Index\n",
                "docs/a.md": "# A\n",
                "docs/lonely.md": "‸# Lonely «P»\n",
            ], expected: ["orphan"], orphans: true),
        RuleCase(
            name: "disable comments silence findings",
            files: [
                "docs/a.md":
                    "<!-- autogit-checks-disable-next-line -->\n«P»[x](nope.md)\n<!-- markdown-link-check-disable -->\n[y](nope2.md)\n<!-- markdown-link-check-enable -->\n«P»‸[z](nope3.md)\n"
            ], expected: ["missing-file"]),
        RuleCase(
            name: "list text that looks like a definition is not one",
            files: [
                "docs/a.md":
                    "* [Tim]: Can we announce a quota?\n* [Tim]: Can we do it again?\n* [Bob]:\n    * nested item\n\n[Tim]: real.md\n\nSee [Tim] «P».\n",
                "docs/real.md": "# Real\n",
            ], expected: []),
        RuleCase(
            name: "a definition with trailing words is no definition",
            files: [
                "docs/a.md": "«P»See ‸[the docs][d] and ‸[more][r2] and m[0][1].\n\n[d]: a.md not-a-title\n\n‸[r]: a.md\n[r2]: a.md trailing words\n"
            ], expected: ["undefined-reference", "undefined-reference", "unused-definition"]),
        RuleCase(
            name: "a shortcut before a non-link parenthesis is a use",
            files: [
                "docs/a.md": "«P»See ‸[Commits squashen](\"Commits zerquetschen\") here.\n\n[Commits squashen]: a.md#nope\n"
            ], expected: ["missing-anchor"]),
        RuleCase(
            name: "footnote anchors are GitHub's",
            files: [
                "docs/a.md":
                    "Text[^note] and[^1].\n\n«P»[a](#user-content-fn-note) [b](#fn-1) [c](#user-content-fnref-1) ‸[d](#fn-2)\n\n[^note]: The note.\n[^1]: One.\n"
            ], expected: ["missing-anchor"]),
        RuleCase(
            name: "two levels above the root are the repository's own pages",
            files: [
                "docs/a.md":
                    "«P»[home](/../../) [issues](../../../issues) [file](../../../tree/main/docs/b.md) ‸[gone](../../../blob/main/docs/nope.md) ‸[one](../../x.md) ‸[three](../../../../x)\n",
                "docs/b.md": "# B\n",
            ], expected: ["missing-file", "escapes-root", "escapes-root"]),
        RuleCase(
            name: "dot-files are documents, dot-folders are not",
            files: [
                "docs/..md": "«P»‸[x](nope.md)\n",
                "docs/.hidden/a.md": "[x](nope.md)\n",
            ], expected: ["missing-file"]),
        RuleCase(
            name: "nothing in code counts",
            files: [
                "docs/a.md": "«P»`[x](nope.md)`\n\n```\n[y](nope.md) [a][b]\n```\n"
            ], expected: []),
    ]

    @Test(arguments: cases)
    func rule(_ testCase: RuleCase) throws {
        for prefix in ["", MarkedText.multibytePrefix] {
            let tree = try TemporaryTree()
            var markers: [(file: String, line: Int, column: Int)] = []
            for (path, marked) in testCase.files.sorted(by: { $0.key < $1.key }) {
                let text = MarkedText(marked, prefix: prefix)
                try tree.write(path, text.text)
                markers += text.markers.map { (path, $0.line, $0.column) }
            }
            let report = try DocRefsChecker.run(
                DocRefsOptions(
                    paths: ["docs"], root: tree.root, workingDirectory: tree.root, orphans: testCase.orphans))
            let found = report.diagnostics
            #expect(
                found.map(\.rule) == testCase.expected,
                "prefix \(prefix.debugDescription): \(found.map { "\($0.file):\($0.line):\($0.column) \($0.rule) \($0.message)" })")
            #expect(
                found.map { "\($0.file):\($0.line):\($0.column)" } == markers.map { "\($0.file):\($0.line):\($0.column)" },
                "prefix \(prefix.debugDescription)")
            if let suggestions = testCase.suggestions {
                #expect(found.map(\.suggestion) == suggestions)
            }
        }
    }

    @Test func everyRuleIsRegisteredOnceAndCovered() {
        let ids = DocRefsRules.all.map { $0.id }
        #expect(Set(ids).count == ids.count)
        let covered = Set(Self.cases.flatMap(\.expected))
        #expect(Set(ids).subtracting(covered).isEmpty, "rules without a table case: \(Set(ids).subtracting(covered))")
    }

    /// A target matched by an `ignore` pattern gets no finding, stripped-link included.
    @Test func ignoredStrippedLinkIsNotReported() throws {
        let tree = try TemporaryTree()
        try tree.write("docs/a.md", "[a](javascript:void(0)) [b](data:text/plain,x)\n")
        let report = try DocRefsChecker.run(
            DocRefsOptions(
                paths: ["docs"], root: tree.root, workingDirectory: tree.root, ignore: [try NSRegularExpressionBox("^javascript:")]))
        #expect(report.diagnostics.map(\.rule) == ["stripped-link"])
        #expect(report.diagnostics.first?.column == 25)
    }

    /// Read as a browser reads a scheme: leading blanks and controls skipped, tabs and line breaks
    /// inside dropped, letter case ignored.
    @Test(
        arguments: [
            (" \u{01}javascript:x", "javascript:"), ("java\tscr\nipt:x", "javascript:"), ("VBScript:x", "vbscript:"),
            ("data:,", "data:"), ("java script:x", nil), ("javascripts:x", nil), ("jävascript:x", nil), ("data", nil),
            ("./javascript:x", nil), ("", nil),
        ] as [(String, String?)])
    func strippedSchemeIsReadAsABrowserReadsIt(destination: String, scheme: String?) {
        #expect(StrippedLinkRule.strippedScheme(of: destination) == scheme)
    }

    @Test func ownGitHubURLsAreCheckedAsLocalFiles() throws {
        let tree = try TemporaryTree()
        try tree.write(
            "docs/a.md",
            "[ok](https://github.com/acme/widgets/blob/main/docs/b.md) [bad](https://github.com/acme/widgets/blob/main/docs/c.md#x) [other](https://github.com/other/repo/blob/main/c.md)\n"
        )
        try tree.write("docs/b.md", "# B\n")
        let report = try DocRefsChecker.run(
            DocRefsOptions(
                paths: ["docs"], root: tree.root, workingDirectory: tree.root,
                repository: GitHubRepository(owner: "acme", name: "widgets")))
        #expect(report.diagnostics.map(\.rule) == ["missing-file"])
        #expect(report.diagnostics.first?.column == 59)
    }
}
