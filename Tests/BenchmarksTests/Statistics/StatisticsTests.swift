import Testing

@testable import Benchmarks

@Suite struct MannWhitneyUTests {
    /// Reference values from scipy 1.17.1 `mannwhitneyu(x, y, alternative="two-sided", method=…)`.
    @Test(
        arguments: [
            ([1, 2, 3], [4, 5, 6], 0.0, 0.1, true),
            ([1, 2, 3, 4], [5, 6, 7, 8], 0.0, 0.02857142857142857, true),
            ([1, 2, 3, 4, 5], [6, 7, 8, 9, 10], 0.0, 0.007936507936507936, true),
            ([1, 3, 5, 7, 9], [2, 4, 6, 8, 10], 10.0, 0.6904761904761905, true),
            ([1.1, 2.5, 3.7, 4.2, 8.8, 9.1], [2.2, 5.5, 6.1, 7.3, 10.4, 11.0, 12.9], 11.0, 0.18065268065268064, true),
            ([3.2, 1.0, 4.4, 5.9, 2.6, 7.7, 8.1, 0.5], [6.3, 9.9, 10.2, 4.8, 11.5, 12.1, 13.3, 7.0], 7.0, 0.006993006993006993, true),
            // Ties: normal approximation with tie and continuity correction.
            ([1, 2, 2, 3, 4], [2, 3, 5, 6, 6], 4.5, 0.11049202405566802, false),
            ([1, 1, 1, 1], [1, 1, 1, 1], 8.0, 1.0, false),
            // Beyond the exact limit.
            ((0..<30).map(Double.init), (0..<30).map { Double($0) + 10.5 }, 190.0, 0.00012477053789099933, false),
        ] as [([Double], [Double], Double, Double, Bool)])
    func matchesScipy(_ x: [Double], _ y: [Double], _ u: Double, _ p: Double, _ exact: Bool) throws {
        let result = try #require(MannWhitneyU.test(x, y))
        #expect(result.u == u)
        #expect(abs(result.p - p) < 1e-12, "p = \(result.p), expected \(p)")
        #expect(result.exact == exact)
        // The test is symmetric.
        let swapped = try #require(MannWhitneyU.test(y, x))
        #expect(abs(swapped.p - p) < 1e-12)
    }

    @Test func exactCountsAreTheGaussianBinomialCoefficients() {
        #expect(MannWhitneyU.exactCounts(n1: 2, n2: 2) == [1, 1, 2, 1, 1])
        #expect(MannWhitneyU.exactCounts(n1: 1, n2: 3) == [1, 1, 1, 1])
        #expect(MannWhitneyU.exactCounts(n1: 3, n2: 3) == [1, 1, 2, 3, 3, 3, 3, 2, 1, 1])
        // C(50, 25) arrangements in all, exactly.
        #expect(MannWhitneyU.exactCounts(n1: 25, n2: 25).reduce(0, +) == 126_410_606_437_752)
    }

    @Test(arguments: [(3, 0.1), (4, 0.02857142857142857), (5, 0.007936507936507936)])
    func smallestReachablePValue(_ n: Int, _ p: Double) throws {
        let low = (0..<n).map(Double.init)
        let high = (0..<n).map { Double($0 + 100) }
        #expect(abs(try #require(MannWhitneyU.test(low, high)).p - p) < 1e-15)
    }

    @Test func emptySampleHasNoResult() {
        #expect(MannWhitneyU.test([], [1]) == nil)
    }
}

@Suite struct DescriptiveTests {
    /// Reference values from pytest-benchmark 5.2.3's `Stats` fed the same data.
    @Test(
        arguments: [
            ([5, 1, 4, 2, 3], 3, 3, 1.5811388300841898, 1.75, 4.25),
            ([1, 2, 3, 4, 5, 6], 3.5, 3.5, 1.8708286933869707, 2, 5),
            ([7, 1, 3], 3.6666666666666665, 3, 3.0550504633038935, 1.5, 6.0),
            ([2.5, 9.1, 3.3, 4.4, 1.2, 8.8, 6.6], 5.128571428571429, 4.4, 3.0993086786756634, 2.7, 8.25),
            ([1, 2, 3, 4, 5, 6, 7, 8, 9], 5, 5, 2.7386127875258306, 2.75, 7.25),
            ([4.0], 4, 4, 0, 4, 4),
        ] as [([Double], Double, Double, Double, Double, Double)])
    func matchesPytestBenchmark(_ data: [Double], _ mean: Double, _ median: Double, _ stddev: Double, _ q1: Double, _ q3: Double) {
        let d = Descriptive(data)
        #expect(abs(d.mean - mean) < 1e-12)
        #expect(d.median == median)
        #expect(abs(d.stddev - stddev) < 1e-12)
        #expect(abs(d.q1 - q1) < 1e-12)
        #expect(abs(d.q3 - q3) < 1e-12)
    }

    @Test func aggregateOfOneRunIsThatRun() throws {
        let run = RunStatistics(min: 1, max: 5, mean: 2, median: 1.5, stddev: 0.3, iqr: 0.2, rounds: 40)
        #expect(RunStatistics.aggregate([run]) == run)
    }

    @Test func aggregateOfSingleValuesIsTheirSummary() throws {
        let runs = [3.0, 1, 2, 5, 4].map { RunStatistics.single($0) }
        let summary = try #require(RunStatistics.aggregate(runs))
        #expect(summary.min == 1 && summary.max == 5 && summary.mean == 3 && summary.median == 3)
        #expect(summary.iqr == 2.5)
    }

    @Test func aggregateOfSeveralFiles() throws {
        let a = RunStatistics(min: 1, max: 9, mean: 2, median: 1.5, stddev: 0.1, iqr: 0.2, rounds: 10)
        let b = RunStatistics(min: 2, max: 4, mean: 3, median: 2.5, stddev: 0.3, iqr: 0.4, rounds: 30)
        let summary = try #require(RunStatistics.aggregate([a, b]))
        #expect(summary.min == 1 && summary.max == 9)
        #expect(summary.mean == 2.75)
        #expect(summary.median == 2)
        #expect(abs((summary.stddev ?? 0) - 0.2) < 1e-15)
        #expect(summary.rounds == 40)
    }
}
