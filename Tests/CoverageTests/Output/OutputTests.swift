import Testing

@testable import Coverage

@Suite struct OutputTests {
    @Test func missingRangesRunOverStatementsLikeCoveragePy() {
        let lines = [1, 2, 3, 5, 8, 9, 12].map { LineCoverage(number: UInt32($0), hits: [2, 3, 5, 9].contains($0) ? 0 : 1) }
        // 3 and 5 are consecutive statements (4 is not one): one range.
        #expect(MissingRanges.text(lines) == "2-5, 9")
    }

    @Test func fileTableShowsIncompleteFilesAndATotal() {
        let files = [
            FileCoverage(path: "a.py", matched: true, lines: [LineCoverage(number: 1, hits: 1)]),
            FileCoverage(path: "b.py", matched: true, lines: [LineCoverage(number: 1, hits: 0), LineCoverage(number: 2, hits: 1)]),
        ]
        let table = FileTable.make(files, precision: 0, display: { $0 })
        #expect(table.title == "Coverage by file (1 file fully covered, not shown)")
        #expect(table.rows == [["b.py", "2", "1", "50%", "1"], ["TOTAL", "3", "1", "67%", ""]])
    }

    @Test func badgeIsSVGWithThePercent() {
        let svg = CoverageBadge.svg(text: "84%", percent: 84.4, threshold: 80, passed: true)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains(">84%</text>"))
        #expect(svg.contains("#4c1"))
    }
}
