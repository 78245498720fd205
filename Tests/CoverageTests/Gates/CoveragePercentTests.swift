import Testing

@testable import Coverage

/// The rounding trap (reference/coverage.md §2.4): every row verified against coverage.py 7.17.5's
/// `should_fail_under` and `display_covered`, and re-checked by scripts/crosscheck-coverage.
@Suite struct CoveragePercentTests {
    @Test(
        arguments: [
            // (covered, total, threshold, precision, passes, shown at the comparison precision)
            (159, 200, 80.0, 0, true, "80"),  // 79.5 → round half-even → 80
            (157, 200, 79.0, 0, false, "78"),  // 78.5 → 78 (Swift's .rounded() would say 79)
            (161, 200, 80.5, 0, true, "80.5"),  // precision raised to the threshold's decimals (7.17)
            (796, 1000, 80.0, 0, true, "80"),  // 79.6 → 80
            (1409, 2000, 70.5, 1, true, "70.5"),  // 70.45 is 70.4500000000000028 in binary
            (9999, 10000, 100.0, 0, false, "99"),  // 100 must be exact, and 99.99 never shows as 100
            (10, 10, 100.0, 0, true, "100"),
            (0, 10, 0.0, 0, true, "0"),
            (1, 1000, 0.5, 0, false, "0.1"),  // 0.1 never shows as 0
            (787, 1000, 78.75, 1, false, "78.70"),
        ] as [(Int, Int, Double, Int, Bool, String)])
    func failUnderMatchesCoveragePy(covered: Int, total: Int, threshold: Double, precision: Int, passes: Bool, shown: String) {
        let percent = CoveragePercent.percent(covered: covered, total: total)
        #expect(CoveragePercent.meets(percent, threshold: threshold, precision: precision) == passes)
        let gate = GateResult(kind: .overall, covered: covered, total: total, threshold: threshold, precision: precision)
        #expect(gate.passed == passes)
        #expect(gate.roundedText == shown)
    }

    @Test(
        arguments: [
            (78.5, 0, "78"), (79.5, 0, "80"), (70.45, 1, "70.5"), (6.25, 1, "6.2"), (0.125, 2, "0.12"), (0.05, 1, "0.1"),
            (99.99, 0, "99"), (0.001, 0, "1"), (100.0, 1, "100.0"), (84.375, 1, "84.4"),
        ] as [(Double, Int, String)])
    func displayMatchesPython(value: Double, precision: Int, expected: String) {
        #expect(CoveragePercent.display(value, precision: precision) == expected)
    }

    @Test(arguments: [(80.0, 0, 0), (80.5, 0, 1), (80.25, 1, 2), (80.5, 3, 3), (1e-05, 0, 5)] as [(Double, Int, Int)])
    func comparisonPrecisionFollowsTheThreshold(threshold: Double, precision: Int, expected: Int) {
        #expect(CoveragePercent.comparisonPrecision(threshold: threshold, precision: precision) == expected)
    }

    @Test func nothingToMeasureIsAHundredPercent() {
        #expect(CoveragePercent.percent(covered: 0, total: 0) == 100)
    }
}
