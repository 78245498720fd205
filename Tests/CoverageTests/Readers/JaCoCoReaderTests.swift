import ChecksTestSupport
import Foundation
import Testing

@testable import Coverage

@Suite struct JaCoCoReaderTests {
    @Test func realReportCountsLinesAndBranchesLikeItsCounters() throws {
        let report = try ReportReader.read(path: FixturePaths.fixture("coverage/jacoco/jacoco.xml").path)
        #expect(report.format == .jacoco)
        let file = try #require(report.files.first)
        // The sourcefile's counters: LINE missed 7 covered 15, BRANCH missed 5 covered 5.
        #expect(CoverageStats(lines: file.lines) == CoverageStats(statements: 22, coveredStatements: 15, branches: 10, coveredBranches: 5))
        #expect(file.candidates.first == "src/main/java/com/example/Inventory.java")
        #expect(file.candidates.last == "com/example/Inventory.java")
    }

    @Test func groupsPrefixTheCandidates() throws {
        let scratch = try Scratch()
        let path = try scratch.write(
            "j.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">
            <report name="all"><group name="billing"><package name="com/x"><sourcefile name="A.java">
            <line nr="3" mi="0" ci="2" mb="1" cb="1"/><line nr="4" mi="5" ci="0" mb="0" cb="0"/></sourcefile></package></group></report>
            """)
        let file = try #require(try ReportReader.read(path: path).files.first)
        #expect(file.candidates.first == "billing/src/main/java/com/x/A.java")
        #expect(file.lines == [LineCoverage(number: 3, hits: 2, branchesCovered: 1, branchesTotal: 2), LineCoverage(number: 4, hits: 0)])
    }
}
