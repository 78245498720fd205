import ChecksCore
import Foundation
import Testing

@testable import Benchmarks

/// A seeded generator of benchmark runs on a noisy machine, with a known true cost.
///
/// Noise model (shared/reference/bench.md §5.1): every round costs the true time plus additive noise
/// (exponential, mean 3 %), a run's floor wobbles by ±0.5 % (frequency), some rounds are outliers
/// (several times slower), and a whole run can land in "slow mode" (every round 1.5× slower).
struct NoisyRunGenerator {
    /// SplitMix64: small, fast, and the same sequence on every platform.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }

    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(state: seed) }

    /// One process run of `rounds` rounds, summarised as pytest-benchmark would.
    mutating func run(
        trueCost: Double, rounds: Int = 100, outlierRate: Double = 0, slowMode: Bool = false, heavyTail: Double = 0
    ) -> RunStatistics {
        let floor = trueCost * (1 + (random.uniform() - 0.5) * 0.01) * (slowMode ? 1.5 : 1)
        var data: [Double] = []
        for _ in 0..<rounds {
            var value = floor * (1 - 0.03 * log(1 - random.uniform()))
            if random.uniform() < outlierRate { value += floor * (2 + 8 * random.uniform()) }
            if random.uniform() < heavyTail { value *= 3 }
            data.append(value)
        }
        let d = Descriptive(data)
        return RunStatistics(min: d.min, max: d.max, mean: d.mean, median: d.median, stddev: d.stddev, iqr: d.iqr, rounds: rounds)
    }
}

@Suite struct RegressionRuleTests {
    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        var change: Double
        var runs: Int = 5
        var slowBaselineRuns = 0
        var outlierRate = 0.0
        var currentHeavyTail = 0.0
        var expected: Verdict
        var testDescription: String { name }
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "A/A", change: 0, expected: .unchanged),
        Scenario(name: "+2 % (below the threshold)", change: 0.02, expected: .unchanged),
        Scenario(name: "+25 %", change: 0.25, expected: .regressed),
        Scenario(name: "-25 %", change: -0.25, expected: .improved),
        Scenario(name: "A/A, one slow baseline run", change: 0, slowBaselineRuns: 1, expected: .unchanged),
        Scenario(name: "+25 %, one slow baseline run", change: 0.25, slowBaselineRuns: 1, expected: .regressed),
        Scenario(name: "-25 %, one slow baseline run", change: -0.25, slowBaselineRuns: 1, expected: .improved),
        Scenario(name: "A/A, 2 % outlier rounds", change: 0, outlierRate: 0.02, expected: .unchanged),
        Scenario(name: "+25 %, 2 % outlier rounds", change: 0.25, outlierRate: 0.02, expected: .regressed),
        Scenario(name: "A/A, noisy mean (20 % of current rounds 3× slower)", change: 0, currentHeavyTail: 0.2, expected: .unchanged),
        Scenario(name: "+25 %, one run per side", change: 0.25, runs: 1, expected: .suspect),
        Scenario(name: "-25 %, three runs per side", change: -0.25, runs: 3, expected: .suspect),
        Scenario(name: "A/A, one run per side", change: 0, runs: 1, expected: .unchanged),
        Scenario(name: "+2 %, one run per side", change: 0.02, runs: 1, expected: .unchanged),
    ]

    /// Twenty seeds per scenario: the verdict must not depend on the draw.
    @Test(arguments: scenarios)
    func defaultRuleVerdicts(_ scenario: Scenario) throws {
        let rule = RegressionRule()
        for seed in UInt64(1)...20 {
            var generator = NoisyRunGenerator(seed: seed &* 7919)
            let trueCost = 40e-6
            var baseRuns: [RunStatistics] = []
            var currentRuns: [RunStatistics] = []
            // Interleaved, as the recommended CI recipe runs them.
            for index in 0..<scenario.runs {
                baseRuns.append(
                    generator.run(
                        trueCost: trueCost, outlierRate: scenario.outlierRate, slowMode: index < scenario.slowBaselineRuns))
                currentRuns.append(
                    generator.run(
                        trueCost: trueCost * (1 + scenario.change), outlierRate: scenario.outlierRate,
                        heavyTail: scenario.currentHeavyTail))
            }
            let result = try rule.evaluate(
                fullname: "t", name: "t",
                baseline: .init(fullname: "t", name: "t", runs: baseRuns.shuffledDeterministically(seed), file: "b"),
                current: .init(fullname: "t", name: "t", runs: currentRuns, file: "c"))
            #expect(result.verdict == scenario.expected, "seed \(seed): change \(result.changePercent ?? 0)%, p \(result.pValue ?? -1)")
        }
    }

    @Test func aNoisyMeanWouldHaveFailedPytestBenchmarksMeanCheck() throws {
        var generator = NoisyRunGenerator(seed: 42)
        let base = generator.run(trueCost: 40e-6)
        let current = generator.run(trueCost: 40e-6, heavyTail: 0.2)
        #expect(try FailOnExpression(parsing: "mean:5%").fails(baseline: base.mean, current: current.mean))
        #expect(!(try FailOnExpression(parsing: "min:5%").fails(baseline: base.min, current: current.min)))
    }

    @Test func thresholdOverridesByGlobFirstMatchWins() throws {
        let rule = RegressionRule(
            threshold: 5,
            overrides: [
                (try GlobPattern("tests/io/**"), 30), (try GlobPattern("*sleep*"), 15), (try GlobPattern("**"), 1),
            ])
        #expect(rule.threshold(for: "tests/io/test_read.py::test_read") == 30)
        #expect(rule.threshold(for: "tests/bench/test_x.py::test_sleep[1]") == 15)
        #expect(rule.threshold(for: "tests/bench/test_x.py::test_sum") == 1)
        #expect(RegressionRule().threshold(for: "x") == 5)
    }

    @Test func slowRunsAreOnlyTrimmedFromFiveRunsOn() {
        let rule = RegressionRule()
        #expect(rule.withoutSlowRuns([1, 1, 1, 1.5]) == [1, 1, 1, 1.5])
        #expect(rule.withoutSlowRuns([1, 1.01, 1, 1.02, 1.5]) == [1, 1.01, 1, 1.02])
        // Bimodal (three slow of six): no run is an outlier, nothing is trimmed.
        #expect(rule.withoutSlowRuns([63.7, 41.3, 64.8, 38.8, 62.0, 39.3]).count == 6)
    }

    @Test func zeroBaselineIsInfinitelyWorse() throws {
        let result = try RegressionRule().evaluate(
            fullname: "t", name: "t",
            baseline: .init(fullname: "t", name: "t", runs: [.single(0)], file: "b"),
            current: .init(fullname: "t", name: "t", runs: [.single(1e-9)], file: "c"))
        #expect(result.changePercent == .infinity)
        #expect(result.verdict == .suspect)
    }
}

extension Array {
    /// A fixed permutation per seed, so the slow run is not always first.
    func shuffledDeterministically(_ seed: UInt64) -> [Element] {
        var generator = NoisyRunGenerator.SplitMix64(state: seed)
        var copy = self
        for i in stride(from: copy.count - 1, to: 0, by: -1) {
            copy.swapAt(i, Int(generator.next() % UInt64(i + 1)))
        }
        return copy
    }
}
