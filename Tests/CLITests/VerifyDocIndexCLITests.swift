import ChecksTestSupport
import Foundation
import Testing

/// End to end: the built `verify-doc-index` on the scenarios in `Fixtures/index/`, checking stdout,
/// stderr, the exit code and, for `--write`, the file. Scenarios that write run on a copy.
@Suite struct VerifyDocIndexCLITests {
    static let tool = "verify-doc-index"
    static let arguments = ["--root", ".", "--index", "docs/INDEX.md", "--docs", "docs"]

    static func fixture(_ name: String) -> URL { FixturePaths.fixture("index/\(name)") }

    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// A copy of a scenario in a temporary folder (outside any git work tree), removed afterwards.
    static func copy(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("autogit-index-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixture(name), to: folder)
        return folder
    }

    @Test(arguments: [
        ("clean", Int32(0)), ("missing-entry", 1), ("stale-entry", 1), ("case-mismatch", 1), ("title-mismatch", 1),
        ("duplicate-entry", 0), ("order", 1), ("doc-untitled", 0), ("no-markers", 1),
    ])
    func checkScenario(_ name: String, _ status: Int32) throws {
        let run = try ToolProcess.run(Self.tool, Self.arguments, in: Self.fixture(name))
        #expect(run.status == status, "\(run.stderr)")
        assertGolden(run.stdout, path: "index/\(name)/expected.txt", comparingJSON: false)
        #expect(run.stderr.isEmpty)
    }

    @Test(arguments: ["unclosed-marker", "two-start-markers", "missing-index"])
    func badInputIsOneLineAndExitTwo(_ name: String) throws {
        let run = try ToolProcess.run(Self.tool, Self.arguments, in: Self.fixture(name))
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.split(separator: "\n").count == 1)
        assertGolden(run.stderr, path: "index/\(name)/expected-stderr.txt", comparingJSON: false)
    }

    @Test(arguments: ["write-keeps-descriptions", "idempotence"])
    func writeThenCheckThenWriteAgain(_ name: String) throws {
        let folder = try Self.copy(name)
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = folder.appendingPathComponent("docs/INDEX.md")

        let write = try ToolProcess.run(Self.tool, Self.arguments + ["--write"], in: folder)
        #expect(write.status == 0, "\(write.stderr)")
        assertGolden(write.stdout, path: "index/\(name)/expected.txt", comparingJSON: false)
        assertGolden(write.stderr, path: "index/\(name)/expected-stderr.txt", comparingJSON: false)
        assertGolden(try Self.text(index), path: "index/\(name)/expected-INDEX.md", comparingJSON: false)

        let check = try ToolProcess.run(Self.tool, Self.arguments, in: folder)
        #expect(check.status == 0, "\(check.stdout)")

        let written = try Data(contentsOf: index)
        let again = try ToolProcess.run(Self.tool, Self.arguments + ["--write"], in: folder)
        #expect(again.status == 0)
        #expect(again.stderr.isEmpty, "a second --write must change nothing: \(again.stderr)")
        #expect(try Data(contentsOf: index) == written)
        let diff = try ToolProcess.run(Self.tool, Self.arguments + ["--diff"], in: folder)
        #expect(diff.status == 0)
        #expect(diff.stdout.isEmpty)
        // The atomic write leaves no temporary file behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("docs").path)
        #expect(!names.contains { $0.hasPrefix(".INDEX.md.tmp") })
    }

    @Test func diffPrintsTheRewriteAndWritesNothing() throws {
        let folder = Self.fixture("write-keeps-descriptions")
        let index = folder.appendingPathComponent("docs/INDEX.md")
        let before = try Data(contentsOf: index)
        let run = try ToolProcess.run(Self.tool, Self.arguments + ["--diff"], in: folder)
        #expect(run.status == 1)
        assertGolden(run.stdout, path: "index/write-keeps-descriptions/expected.diff", comparingJSON: false)
        #expect(run.stderr.isEmpty)
        #expect(try Data(contentsOf: index) == before)
        let zero = try ToolProcess.run(Self.tool, Self.arguments + ["--diff", "--exit-zero"], in: folder)
        #expect(zero.status == 0)
    }

    @Test(arguments: ["--write", "--diff"])
    func withoutMarkersWriteAndDiffRefuse(_ flag: String) throws {
        let folder = try Self.copy("no-markers")
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = folder.appendingPathComponent("docs/INDEX.md")
        let before = try Data(contentsOf: index)
        let run = try ToolProcess.run(Self.tool, Self.arguments + [flag], in: folder)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        if flag == "--write" {
            assertGolden(run.stderr, path: "index/no-markers/expected-write-stderr.txt", comparingJSON: false)
        } else {
            #expect(run.stderr.contains("so --diff has no region to rewrite"))
        }
        #expect(try Data(contentsOf: index) == before)
    }

    @Test func badInputWritesNothing() throws {
        let folder = try Self.copy("unclosed-marker")
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = folder.appendingPathComponent("docs/INDEX.md")
        let before = try Data(contentsOf: index)
        let run = try ToolProcess.run(Self.tool, Self.arguments + ["--write"], in: folder)
        #expect(run.status == 2)
        #expect(try Data(contentsOf: index) == before)
    }

    @Test func jsonCarriesTheSuggestedLine() throws {
        let run = try ToolProcess.run(Self.tool, Self.arguments + ["--format", "json"], in: Self.fixture("missing-entry"))
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["tool"] as? String == "verify-doc-index")
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["rule"] as? String == "missing-entry")
        #expect(diagnostics.first?["suggestion"] as? String == "- [Beta](beta.md) — the second page")
        #expect(diagnostics.first?["target"] as? String == "beta.md")
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary["docs"] == 3)
        #expect(summary["entries"] == 1)
    }

    @Test func bothIndexFilesAndTheDefaultIndex() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("autogit-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("docs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<!-- doc-index:start -->\n- [Home](index.md)\n<!-- doc-index:end -->\n".utf8)
            .write(to: folder.appendingPathComponent("docs/INDEX.md"))
        try Data("# Home\n".utf8).write(to: folder.appendingPathComponent("docs/index.md"))
        // No arguments: the root is the current folder (no git here) and the index docs/INDEX.md.
        let run = try ToolProcess.run(Self.tool, [], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("docs/INDEX.md:1:1: error: INDEX.md and index.md both exist in docs;"))
        #expect(run.stdout.contains("[both-index-files]"))
    }

    @Test func configurationFileAndPrintConfig() throws {
        let folder = try Self.copy("title-mismatch")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("[doc-index]\ntitles = \"ignore\"\nexclude = [\"docs/foo.md\"]\n".utf8)
            .write(to: folder.appendingPathComponent(".autogit-checks.toml"))
        let run = try ToolProcess.run(Self.tool, [], in: folder)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout == "verify-doc-index: passed: 0 errors, 0 warnings (2 docs, 3 entries)\n")
        // The command line wins over the file.
        let exact = try ToolProcess.run(Self.tool, ["--titles", "exact"], in: folder)
        #expect(exact.status == 1)
        let config = try ToolProcess.run(Self.tool, ["--print-config", "--exclude", "x/**"], in: folder)
        #expect(config.status == 0)
        #expect(
            config.stdout == "[doc-index]\ndocs = \"docs\"\nexclude = [\"docs/foo.md\", \"x/**\"]\nindex = \"docs/INDEX.md\"\ntitles = \"ignore\"\n")

        try Data("[doc-index]\ntitle = \"exact\"\n".utf8).write(to: folder.appendingPathComponent(".autogit-checks.toml"))
        let typo = try ToolProcess.run(Self.tool, [], in: folder)
        #expect(typo.status == 2)
        #expect(
            typo.stderr
                == "verify-doc-index: error: .autogit-checks.toml: unknown key 'title' in [doc-index] (known keys: docs, exclude, index, titles); did you mean 'titles'?\n"
        )
        try Data("[doc-index]\ntitles = \"loose\"\n".utf8).write(to: folder.appendingPathComponent(".autogit-checks.toml"))
        let bad = try ToolProcess.run(Self.tool, [], in: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("'titles' in [doc-index] must be exact, casefold or ignore, not 'loose'"))
    }

    @Test(arguments: [["--write", "--diff"], ["--titles", "loose"], ["--no-such-flag"], ["--format", "yaml"]])
    func usageErrorsExitSixtyFour(_ arguments: [String]) throws {
        let run = try ToolProcess.run(Self.tool, Self.arguments + arguments, in: Self.fixture("clean"))
        #expect(run.status == 64)
    }

    @Test func versionAndRules() throws {
        let version = try ToolProcess.run(Self.tool, ["--version"], in: Self.fixture("clean"))
        #expect(version.stdout == "0.1.0\n")
        let rules = try ToolProcess.run(Self.tool, ["--list-rules"], in: Self.fixture("clean"))
        #expect(rules.status == 0)
        #expect(
            rules.stdout.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) ?? "" } == [
                "missing-entry", "stale-entry", "case-mismatch", "title-mismatch", "duplicate-entry", "both-index-files",
                "order", "doc-untitled",
            ])
    }
}
