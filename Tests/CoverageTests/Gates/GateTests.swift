import Testing

@testable import Coverage

@Suite struct GateTests {
    static let files = [
        FileCoverage(
            path: "src/app/core.py", matched: true,
            lines: [
                LineCoverage(number: 1, hits: 1), LineCoverage(number: 2, hits: 0),
                LineCoverage(number: 3, hits: 1, branchesCovered: 1, branchesTotal: 2),
            ]),
        FileCoverage(path: "src/pay/a.py", matched: true, lines: (1...10).map { LineCoverage(number: UInt32($0), hits: $0 == 10 ? 0 : 1) }),
        FileCoverage(path: "src/pay/b.py", matched: true, lines: (1...10).map { LineCoverage(number: UInt32($0), hits: 1) }),
    ]

    @Test func overallCountsStatementsAndBranches() {
        let gate = OverallGate.evaluate(Self.files, threshold: 80, precision: 0)
        // (2 + 1 + 9 + 10) / (3 + 2 + 10 + 10)
        #expect(gate.covered == 22 && gate.total == 25)
        #expect(gate.passed)
        #expect(!OverallGate.evaluate(Self.files, threshold: 90, precision: 0).passed)
    }

    @Test func criticalAggregatesOrChecksEachFile() throws {
        let rules = [CriticalGate.Rule(pattern: "src/pay/**", threshold: 95)]
        let aggregate = try CriticalGate.evaluate(Self.files, rules: rules, each: false, precision: 0)
        #expect(aggregate.count == 1)
        #expect(aggregate[0].covered == 19 && aggregate[0].total == 20 && aggregate[0].passed)
        let each = try CriticalGate.evaluate(Self.files, rules: rules, each: true, precision: 0)
        #expect(each.map(\.file) == ["src/pay/a.py", "src/pay/b.py"])
        #expect(each.map(\.passed) == [false, true])
    }

    @Test func aCriticalGlobMatchingNothingIsAnError() {
        #expect(throws: CoverageGateError.criticalMatchesNothing(pattern: "src/payments/**")) {
            try CriticalGate.evaluate(Self.files, rules: [.init(pattern: "src/payments/**", threshold: 90)], each: false, precision: 0)
        }
    }

    @Test func newCodeCountsMeasuredChangedLinesAndRunsOfUncoveredOnes() {
        let files = [
            FileCoverage(
                path: "a.py", matched: true,
                lines: [1, 2, 4, 5, 7, 9].map {
                    LineCoverage(number: UInt32($0), hits: [4, 5, 9].contains($0) ? 0 : 1)
                })
        ]
        // Lines 3 and 6 are changed but not measured (blank, comment): they do not count.
        let changes = ChangedLines(ranges: ["a.py": [2...6, 9...9], "untouched.py": [1...3]])
        let result = NewCodeGate.evaluate(files, changes: changes, threshold: 85, precision: 0)
        #expect(result.gate.covered == 1 && result.gate.total == 4)
        #expect(!result.gate.passed)
        #expect(result.uncovered == [.init(path: "a.py", first: 4, last: 5), .init(path: "a.py", first: 9, last: 9)])
        #expect(result.perFile.map(\.measured) == [4])
    }

    @Test func newCodeWithoutMeasuredLinesPassesAndSaysSo() {
        let result = NewCodeGate.evaluate(Self.files, changes: ChangedLines(ranges: ["README.md": [1...4]]), threshold: 85, precision: 0)
        #expect(result.gate.passed)
        #expect(result.gate.total == 0)
        #expect(result.gate.note == "no measured changed lines")
    }

    @Test func untrackedFilesCountWhole() {
        let result = NewCodeGate.evaluate(
            Self.files, changes: ChangedLines(ranges: ["src/pay/a.py": [ChangedLines.wholeFile]]), threshold: 85, precision: 0)
        #expect(result.gate.covered == 9 && result.gate.total == 10)
    }
}
