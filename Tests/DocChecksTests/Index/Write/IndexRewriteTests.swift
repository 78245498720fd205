import ChecksCore
import ChecksTestSupport
import Foundation
import Testing

@testable import DocChecks

/// One `--write` scenario: the docs, the index before and the index expected after. Every case also
/// proves the two promises of the rewrite: a check of the result has no errors, and a second
/// `--write` changes nothing.
struct RewriteCase: Sendable, CustomTestStringConvertible {
    var name: String
    var docs: [String: String]
    var before: String
    var after: String
    var removed: [String] = []
    var testDescription: String { name }
}

@Suite struct IndexRewriteTests {
    static let cases: [RewriteCase] = [
        RewriteCase(
            name: "keeps descriptions, style and everything outside the markers",
            docs: [
                "docs/start.md": "# Getting Started\n",
                "docs/usage.md": "# Usage\n",
                "docs/new.md": "---\ndescription: added from front matter\n---\n# New page\n",
                "docs/plain.md": "# Plain\n",
            ],
            before: """
                # Index

                Hand-written text   with  odd spacing stays.

                <!-- doc-index:start -->
                - [Getting started](start.md) — install and *first* run
                  (a second line of description)
                - [Old](old.md) — written by hand, must not vanish silently
                - [Usage](usage.md)
                <!-- doc-index:end -->

                Footer, [a link](elsewhere.md) and trailing spaces.   \n
                """,
            after: """
                # Index

                Hand-written text   with  odd spacing stays.

                <!-- doc-index:start -->
                - [New page](new.md) — added from front matter
                - [Plain](plain.md)
                - [Getting Started](start.md) — install and *first* run
                  (a second line of description)
                - [Usage](usage.md)
                <!-- doc-index:end -->

                Footer, [a link](elsewhere.md) and trailing spaces.   \n
                """,
            removed: ["8: - [Old](old.md) — written by hand, must not vanish silently"]),
        RewriteCase(
            name: "an empty region gets -, two spaces and groups per folder",
            docs: [
                "docs/README.md": "# Home\n", "docs/zeta.md": "# Zeta\n", "docs/alpha.md": "# Alpha\n",
                "docs/guide/README.md": "# Guide\n", "docs/guide/usage.md": "---\ntitle: Usage [v2]\n---\n",
                "docs/guide/deep/x_y.md": "# x_y *and* _z_\n", "docs/ref/with space.md": "no title\n",
            ],
            before: "# Index\n\n<!-- doc-index:start order=folder -->\n<!-- doc-index:end -->\n",
            after: """
                # Index

                <!-- doc-index:start order=folder -->
                - [Home](README.md)
                - [Alpha](alpha.md)
                - [Zeta](zeta.md)
                - guide/
                  - [Guide](guide/README.md)
                  - [Usage \\[v2\\]](guide/usage.md)
                  - deep/
                    - [x_y and z](guide/deep/x_y.md)
                - ref/
                  - [with space.md](ref/with%20space.md)
                <!-- doc-index:end -->

                """),
        RewriteCase(
            name: "follows the region's bullet, indent and separator; new groups nest at that indent",
            docs: ["docs/a.md": "# A\n", "docs/b.md": "---\ndescription: bee\n---\n# B\n", "docs/g/c.md": "# C\n", "docs/g/d/e.md": "# E\n"],
            before: "<!-- doc-index:start -->\n* [A](a.md): first\n* g/\n    * [C](g/c.md)\n<!-- doc-index:end -->\n",
            after:
                "<!-- doc-index:start -->\n* [A](a.md): first\n* [B](b.md): bee\n* g/\n    * [C](g/c.md)\n    * d/\n        * [E](g/d/e.md)\n<!-- doc-index:end -->\n"
        ),
        RewriteCase(
            name: "a loose list gets blank lines, an ordered list numbers",
            docs: ["docs/a.md": "# A\n", "docs/b.md": "# B\n", "docs/c.md": "# C\n", "docs/n/x.md": "# X\n", "docs/n/y.md": "# Y\n"],
            before: "<!-- doc-index:start -->\n- [A](a.md)\n\n- [C](c.md)\n- n/\n\n  1. [X](n/x.md)\n<!-- doc-index:end -->\n",
            after:
                "<!-- doc-index:start -->\n- [A](a.md)\n\n- [B](b.md)\n\n- [C](c.md)\n- n/\n\n  1. [X](n/x.md)\n  2. [Y](n/y.md)\n<!-- doc-index:end -->\n"
        ),
        RewriteCase(
            name: "reference links keep their labels; titles keep link titles and angle brackets",
            docs: ["docs/a.md": "# Alpha\n", "docs/b.md": "# Beta\n", "docs/c d.md": "# Gamma\n", "docs/e.md": "# Epsilon\n"],
            before:
                "<!-- doc-index:start -->\n- [a][] — one\n- [old][b]\n- [c](<c d.md> \"tip\")\n- [e]\n<!-- doc-index:end -->\n\n[a]: a.md\n[b]: b.md\n[e]: e.md\n",
            after:
                "<!-- doc-index:start -->\n- [Alpha][a] — one\n- [Beta][b]\n- [Gamma](<c d.md> \"tip\")\n- [Epsilon][e]\n<!-- doc-index:end -->\n\n[a]: a.md\n[b]: b.md\n[e]: e.md\n"
        ),
        RewriteCase(
            name: "letter case is fixed in place, keeping the fragment and a root-absolute form",
            docs: ["docs/guide.md": "# Guide\n", "docs/sub/README.md": "# Sub\n"],
            before: "<!-- doc-index:start -->\n- [Guide](/docs/Guide.md#usage) — x\n- [Sub](SUB/)\n<!-- doc-index:end -->\n",
            after: "<!-- doc-index:start -->\n- [Guide](/docs/guide.md#usage) — x\n- [Sub](sub/)\n<!-- doc-index:end -->\n"),
        RewriteCase(
            name: "a stale entry with nested entries keeps its text and children",
            docs: ["docs/g/a.md": "# A\n"],
            before: "<!-- doc-index:start -->\n- [Group](g/README.md) — the group\n  - [A](g/a.md)\n<!-- doc-index:end -->\n",
            after: "<!-- doc-index:start -->\n- Group — the group\n  - [A](g/a.md)\n<!-- doc-index:end -->\n",
            removed: ["2: [Group](g/README.md) (unlinked)"]),
        RewriteCase(
            name: "order=alpha sorts every list by link text, new titles included",
            docs: ["docs/a.md": "# Zebra\n", "docs/b.md": "# Apple\n", "docs/c.md": "# Mango\n"],
            before: "<!-- doc-index:start order=alpha -->\n- [Mango](c.md) — m\n- [a](a.md) — z\n<!-- doc-index:end -->\n",
            after: "<!-- doc-index:start order=alpha -->\n- [Apple](b.md)\n- [Mango](c.md) — m\n- [Zebra](a.md) — z\n<!-- doc-index:end -->\n"),
        RewriteCase(
            name: "CRLF files get CRLF lines",
            docs: ["docs/a.md": "# A\n", "docs/b.md": "# B\n"],
            before: "# I\r\n<!-- doc-index:start -->\r\n- [a](a.md)\r\n<!-- doc-index:end -->\r\n",
            after: "# I\r\n<!-- doc-index:start -->\r\n- [A](a.md)\r\n- [B](b.md)\r\n<!-- doc-index:end -->\r\n"),
        RewriteCase(
            name: "a region of text gets a list after a blank line",
            docs: ["docs/a.md": "# A\n"],
            before: "<!-- doc-index:start -->\nSome words.\n<!-- doc-index:end -->\n",
            after: "<!-- doc-index:start -->\nSome words.\n\n- [A](a.md)\n<!-- doc-index:end -->\n"),
        RewriteCase(
            name: "docs of a folder join the list that already holds that folder",
            docs: ["docs/a.md": "# A\n", "docs/x/b.md": "# B\n", "docs/x/c.md": "# C\n"],
            before: "<!-- doc-index:start -->\n- [A](a.md)\n- [B](x/b.md)\n<!-- doc-index:end -->\n",
            after: "<!-- doc-index:start -->\n- [A](a.md)\n- [B](x/b.md)\n- [C](x/c.md)\n<!-- doc-index:end -->\n"),
    ]

    @Test(arguments: cases)
    func rewrite(_ testCase: RewriteCase) throws {
        let tree = try TemporaryTree()
        for (path, text) in testCase.docs { try tree.write(path, text) }
        try tree.write("docs/INDEX.md", testCase.before)
        let options = DocIndexOptions(
            index: tree.root + "/docs/INDEX.md", docs: tree.root + "/docs", root: tree.root,
            workingDirectory: tree.root, mode: .write)
        let first = try DocIndexChecker.run(options)
        let written = try #require(first.rewritten)
        #expect(String(decoding: written, as: UTF8.self) == testCase.after)
        #expect(first.removed.map { "\($0.line): \($0.text)\($0.unlinked ? " (unlinked)" : "")" } == testCase.removed)
        // The report of a write is the check of what was written.
        #expect(first.report.errorCount == 0, "\(first.report.diagnostics.map(\.message))")

        // Idempotence: a check of the result passes, a second write changes nothing.
        try tree.write("docs/INDEX.md", String(decoding: written, as: UTF8.self))
        var check = options
        check.mode = .check
        let checked = try DocIndexChecker.run(check)
        #expect(checked.report.errorCount == 0, "\(checked.report.diagnostics.map(\.message))")
        let second = try DocIndexChecker.run(options)
        #expect(second.rewritten == written)
        #expect(!second.changesFile)
        #expect(second.diff.isEmpty)
    }

    @Test func diffModeShowsTheRewriteAndNeedsMarkers() throws {
        let tree = try TemporaryTree()
        try tree.write("docs/a.md", "# A\n")
        try tree.write("docs/INDEX.md", "# I\n<!-- doc-index:start -->\n<!-- doc-index:end -->\n")
        var options = DocIndexOptions(
            index: tree.root + "/docs/INDEX.md", docs: tree.root + "/docs", root: tree.root,
            workingDirectory: tree.root, mode: .diff)
        let outcome = try DocIndexChecker.run(options)
        #expect(
            outcome.diff == """
                --- a/docs/INDEX.md
                +++ b/docs/INDEX.md
                @@ -1,3 +1,4 @@
                 # I
                 <!-- doc-index:start -->
                +- [A](a.md)
                 <!-- doc-index:end -->

                """)
        try tree.write("docs/INDEX.md", "# I\n- [A](a.md)\n")
        for mode in [DocIndexOptions.Mode.diff, .write] {
            options.mode = mode
            let flag = mode == .write ? "--write" : "--diff"
            #expect(throws: DocIndexError.noMarkers(file: "docs/INDEX.md", flag: flag)) { try DocIndexChecker.run(options) }
        }
        options.mode = .check
        #expect(try DocIndexChecker.run(options).rewritten == nil)
    }

    @Test func renamesAreApplied() throws {
        let tree = try TemporaryTree()
        try tree.write("docs/INDEX.md", "<!-- doc-index:start -->\n- [Setup](setup.md) — how to install\n<!-- doc-index:end -->\n")
        try tree.write("docs/setup.md", "# Setup\n")
        try git(tree, "init", "-q")
        try git(tree, "add", "-A")
        try git(tree, "commit", "-q", "-m", "initial")
        try FileManager.default.createDirectory(atPath: tree.root + "/docs/guide", withIntermediateDirectories: true)
        // A plain move, not added: git sees a deletion and an untracked file of the same name.
        try FileManager.default.moveItem(atPath: tree.root + "/docs/setup.md", toPath: tree.root + "/docs/guide/setup.md")
        let outcome = try DocIndexChecker.run(
            DocIndexOptions(
                index: tree.root + "/docs/INDEX.md", docs: tree.root + "/docs", root: tree.root,
                workingDirectory: tree.root, mode: .write))
        #expect(
            outcome.rewritten.map { String(decoding: $0, as: UTF8.self) }
                == "<!-- doc-index:start -->\n- [Setup](guide/setup.md) — how to install\n<!-- doc-index:end -->\n")
        #expect(outcome.removed.isEmpty)
        #expect(outcome.report.diagnostics.isEmpty)
    }
}
