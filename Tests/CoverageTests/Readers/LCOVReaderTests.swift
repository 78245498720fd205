import ChecksTestSupport
import Foundation
import Testing

@testable import Coverage

@Suite struct LCOVReaderTests {
    /// `llvm-cov export -format=lcov` of a Swift test run.
    @Test func swiftLLVMCovExport() throws {
        let report = try ReportReader.read(path: FixturePaths.fixture("coverage/swift-lcov/coverage.info").path)
        #expect(report.format == .lcov)
        let file = try #require(report.files.first)
        #expect(file.candidates == ["/tmp/autogit-swift-demo/Sources/Demo/Temperature.swift"])
        #expect(CoverageStats(lines: file.lines) == CoverageStats(statements: 17, coveredStatements: 10))
    }

    /// gcovr wrote the same run as Cobertura and LCOV: both readers must agree line by line.
    @Test func gcovrLCOVEqualsGcovrCobertura() throws {
        let lcov = try ReportReader.read(path: FixturePaths.fixture("coverage/gcovr/coverage.info").path)
        let xml = try ReportReader.read(path: FixturePaths.fixture("coverage/gcovr/coverage.xml").path)
        #expect(lcov.files.map(\.lines) == xml.files.map(\.lines))
    }

    @Test func repeatedRecordsSumCountsAndUniteBranches() throws {
        let scratch = try Scratch()
        let path = try scratch.write(
            "t.info",
            """
            TN:first
            SF:/src/a.c
            DA:1,2
            DA:2,0
            BRDA:2,0,0,-
            BRDA:2,0,1,0
            end_of_record
            TN:second
            SF:/src/a.c
            DA:1,3,abcdef
            DA:2,0
            BRDA:2,0,0,1
            BRDA:2,0,1,-
            BRDA:9,0,0,1
            end_of_record\r
            """)
        let file = try #require(try ReportReader.read(path: path).files.first)
        #expect(file.lines == [LineCoverage(number: 1, hits: 5), LineCoverage(number: 2, hits: 0, branchesCovered: 1, branchesTotal: 2)])
    }
}
