import ChecksTestSupport
import Foundation
import Testing

@testable import Coverage

@Suite struct CoverageMergerTests {
    func mapper(_ scratch: Scratch) -> PathMapper {
        PathMapper(root: scratch.path, workingDirectory: scratch.path, listFiles: { [] })
    }

    @Test func severalReportsTakeTheHighestHitsPerLine() throws {
        let scratch = try Scratch()
        try scratch.write("a.py", "")
        let one = try ReportReader.read(path: scratch.write("one.xml", cobertura([("a.py", [(1, 0, nil), (2, 3, "1/2"), (3, 0, nil)])])))
        let two = try ReportReader.read(path: scratch.write("two.xml", cobertura([("a.py", [(1, 5, nil), (2, 0, "2/2"), (4, 0, nil)])])))
        let merged = try CoverageMerger.merge([one, two], mapper: mapper(scratch))
        #expect(merged.files.count == 1)
        #expect(
            merged.files[0].lines == [
                LineCoverage(number: 1, hits: 5), LineCoverage(number: 2, hits: 3, branchesCovered: 2, branchesTotal: 2),
                LineCoverage(number: 3, hits: 0), LineCoverage(number: 4, hits: 0),
            ])
    }

    /// gcovr's Cobertura and LCOV of one run, mixed: the same file once, the same numbers.
    @Test func mixedFormatsMergeUnderOnePath() throws {
        let root = FixturePaths.fixture("coverage/gcovr").path
        let mapper = PathMapper(root: root, workingDirectory: root, listFiles: { ["src/main.c", "src/stats.c", "src/stats.h"] })
        let xml = try ReportReader.read(path: root + "/coverage.xml")
        let info = try ReportReader.read(path: root + "/coverage.info")
        let merged = try CoverageMerger.merge([xml, info], mapper: mapper)
        #expect(merged.files.map(\.path) == ["src/main.c", "src/stats.c"])
        #expect(merged.files.allSatisfy { $0.matched })
        #expect(merged.unmatched.isEmpty)
        let total = merged.files.reduce(CoverageStats()) { $0 + $1.stats }
        #expect(total.covered == 21 && total.total == 39)
    }

    @Test func nothingMatchingIsAnErrorNamingAPathAndTheRoot() throws {
        let scratch = try Scratch()
        let report = try ReportReader.read(
            path: scratch.write("r.xml", cobertura([("ghost.py", [(1, 1, nil)])], source: "/elsewhere")), displayPath: "r.xml")
        #expect(throws: PathMappingError.nothingMatched(report: "r.xml", example: "/elsewhere/ghost.py", root: scratch.path)) {
            try CoverageMerger.merge([report], mapper: mapper(scratch))
        }
    }
}
