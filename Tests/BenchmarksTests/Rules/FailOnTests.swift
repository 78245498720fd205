import Testing

@testable import Benchmarks

@Suite struct FailOnExpressionTests {
    @Test(arguments: [
        ("min:5%", Statistic.min, FailOnExpression.Kind.percentage(5)),
        ("max:0%", .max, .percentage(0)),
        ("mean:150%", .mean, .percentage(150)),
        ("median:007%", .median, .percentage(7)),
        ("stddev:0.001", .stddev, .difference(0.001)),
        ("iqr:.5", .iqr, .difference(0.5)),
        ("mean:1e-4", .mean, .difference(1e-4)),
        ("mean:2.5E+1", .mean, .difference(25)),
        ("min:3", .min, .difference(3)),
    ])
    func parsesPytestBenchmarkGrammar(_ text: String, _ statistic: Statistic, _ kind: FailOnExpression.Kind) throws {
        let expression = try FailOnExpression(parsing: text)
        #expect(expression.statistic == statistic)
        #expect(expression.kind == kind)
    }

    /// Everything `PB:utils.py` `parse_compare_fail` rejects ("Could not parse value").
    @Test(arguments: [
        "min:5.5%", "min:-5%", "min:-0.1", "ops:5%", "rounds:5", "min:", "min", ":5%", "min:5%%", "min: 5%",
        "MIN:5%", "min:5.", "min:1e", "min:1e+", "min:+1", "min:5 %", "q1:5%", "min:٥%", "min:0x10",
    ])
    func rejectsWhatPytestBenchmarkRejects(_ text: String) {
        #expect(throws: FailOnExpressionError.unparsable(text)) { try FailOnExpression(parsing: text) }
    }

    /// pytest-benchmark's `PercentageRegressionCheck` / `DifferenceRegressionCheck`: fail iff
    /// `current / baseline * 100 - 100 > N` or `current - baseline > N`, strictly; a zero baseline is
    /// `inf` for percentages.
    @Test(arguments: [
        ("min:5%", 100.0, 105.0, false),  // exactly at the threshold does not fail
        ("min:5%", 100.0, 105.1, true),
        ("min:5%", 100.0, 50.0, false),  // improvements never fail
        ("min:0%", 1.0, 1.0, false),
        ("min:0%", 1.0, 1.0000001, true),
        ("min:200%", 1.0, 3.5, true),  // > 100 % allowed since pytest-benchmark 5.2.0
        ("min:200%", 1.0, 2.9, false),
        ("min:5%", 0.0, 0.0, true),  // zero baseline: inf > 5 even when current is zero too
        ("min:5%", 0.0, 1e-9, true),
        ("mean:0.001", 0.0, 0.0009, false),
        ("mean:0.001", 0.010, 0.0111, true),
        ("mean:0.001", 0.010, 0.011, false),  // 0.011 - 0.010 = 0.000999… in binary: not above
        ("mean:0", 1.0, 1.0, false),
    ])
    func semanticsMatchPytestBenchmark(_ text: String, _ baseline: Double, _ current: Double, _ fails: Bool) throws {
        #expect(try FailOnExpression(parsing: text).fails(baseline: baseline, current: current) == fails)
    }
}

@Suite struct FailOnRuleTests {
    func entry(_ stats: RunStatistics, file: String) -> BenchmarkSide.Entry {
        BenchmarkSide.Entry(fullname: "t.py::t", name: "t", runs: [stats], file: file)
    }

    func stats(min: Double, mean: Double, stddev: Double? = 0) -> RunStatistics {
        RunStatistics(min: min, max: mean * 2, mean: mean, median: mean, stddev: stddev, iqr: 0, rounds: 10)
    }

    /// Every `--fail-on` applies (pytest-benchmark keeps only the last repeated option).
    @Test(arguments: [
        (["min:5%"], true, "min"),
        (["mean:50%"], false, "mean"),
        (["mean:50%", "min:5%"], true, "min"),
        (["min:5%", "mean:50%"], true, "min"),
        (["mean:50%", "max:1000%"], false, "mean"),
    ])
    func anyFailingExpressionRegresses(_ texts: [String], _ regressed: Bool, _ shown: String) throws {
        let rule = FailOnRule(expressions: try texts.map(FailOnExpression.init(parsing:)))
        let result = try rule.evaluate(
            fullname: "t.py::t", name: "t",
            baseline: entry(stats(min: 1.0, mean: 2.0), file: "b.json"),
            current: entry(stats(min: 1.2, mean: 2.2), file: "c.json"))
        #expect((result.verdict == .regressed) == regressed)
        #expect(result.statistic.rawValue == shown)
        #expect(result.failures.count == (regressed ? 1 : 0))
        #expect(result.pValue == nil)
    }

    @Test func messagesUsePytestBenchmarksWords() throws {
        let rule = FailOnRule(expressions: [try FailOnExpression(parsing: "min:5%"), try FailOnExpression(parsing: "mean:0.1")])
        let result = try rule.evaluate(
            fullname: "t.py::t", name: "t",
            baseline: entry(stats(min: 0, mean: 1.0), file: "b.json"),
            current: entry(stats(min: 1.0, mean: 1.5), file: "c.json"))
        #expect(
            result.failures == [
                "Field 'min' has failed PercentageRegressionCheck: inf > 5.000000000",
                "Field 'mean' has failed DifferenceRegressionCheck: 0.500000000 > 0.100000000",
            ])
        #expect(result.changePercent == .infinity)
    }

    @Test func aStatisticTheInputLacksIsAnError() throws {
        let rule = FailOnRule(expressions: [try FailOnExpression(parsing: "stddev:5%")])
        #expect(throws: BenchmarkComparisonError.missingStatistic(.stddev, benchmark: "t.py::t", file: "b.json")) {
            try rule.evaluate(
                fullname: "t.py::t", name: "t",
                baseline: entry(stats(min: 1, mean: 1, stddev: nil), file: "b.json"),
                current: entry(stats(min: 1, mean: 1), file: "c.json"))
        }
    }
}
