import ChecksCore
import ChecksTestSupport
import Foundation
import Testing

@testable import DocChecks

/// The scenarios of `Fixtures/index/` through the library, rendered as the text reporter renders them
/// for a run in the scenario folder (the CLI tests run the same scenarios through the binary).
@Suite struct IndexScenarioTests {
    static func options(_ folder: String, mode: DocIndexOptions.Mode = .check) -> DocIndexOptions {
        DocIndexOptions(index: folder + "/docs/INDEX.md", docs: folder + "/docs", root: folder, workingDirectory: folder, mode: mode)
    }

    @Test(arguments: [
        "clean", "missing-entry", "stale-entry", "case-mismatch", "title-mismatch", "duplicate-entry", "order",
        "doc-untitled", "no-markers",
    ])
    func check(_ name: String) throws {
        let folder = FixturePaths.fixture("index/\(name)").path
        let outcome = try DocIndexChecker.run(Self.options(folder))
        let text = TextReporter().render(outcome.report, context: ReportContext(workingDirectory: folder))
        assertGolden(text, path: "index/\(name)/expected.txt", comparingJSON: false)
    }

    @Test(arguments: [
        ("unclosed-marker", DocIndexError.unclosedMarker(file: "docs/INDEX.md", line: 3)),
        ("two-start-markers", DocIndexError.secondStartMarker(file: "docs/INDEX.md", line: 7, first: 3)),
        ("missing-index", DocIndexError.indexNotFound(file: "docs/INDEX.md")),
    ])
    func badInput(_ name: String, _ error: DocIndexError) throws {
        let folder = FixturePaths.fixture("index/\(name)").path
        #expect(throws: error) { try DocIndexChecker.run(Self.options(folder)) }
        let stderr = try String(contentsOf: FixturePaths.fixture("index/\(name)/expected-stderr.txt"), encoding: .utf8)
        #expect(stderr == "verify-doc-index: error: \(error.errorDescription ?? "")\n")
    }

    @Test(arguments: ["write-keeps-descriptions", "idempotence"])
    func write(_ name: String) throws {
        // The library writes nothing: the rewrite comes back as bytes, so the fixture can be used in place.
        let folder = FixturePaths.fixture("index/\(name)").path
        let outcome = try DocIndexChecker.run(Self.options(folder, mode: .write))
        let expected = try String(contentsOf: FixturePaths.fixture("index/\(name)/expected-INDEX.md"), encoding: .utf8)
        #expect(outcome.rewritten.map { String(decoding: $0, as: UTF8.self) } == expected)
        #expect(outcome.report.errorCount == 0)
    }
}
