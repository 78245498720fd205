import ChecksCore
import Foundation
import Testing

@testable import Benchmarks

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct TimeFormattingTests {
    @Test(arguments: [
        (5.12e-7, "512 ns"), (3.94e-5, "39.4 µs"), (1.234e-3, "1.23 ms"), (2.5, "2.50 s"), (0, "0.00 ns"),
        (1e-9, "1.00 ns"), (999e-9, "999 ns"), (1e-6, "1.00 µs"), (120, "120 s"),
    ])
    func durations(_ seconds: Double, _ text: String) {
        #expect(TimeFormatting.duration(seconds) == text)
    }

    @Test(arguments: [(12.345, "+12.3%"), (-4.0, "-4.0%"), (0, "+0.0%"), (-0.01, "+0.0%"), (Double.infinity, "+inf%")])
    func changes(_ percent: Double, _ text: String) {
        #expect(TimeFormatting.change(percent) == text)
    }

    @Test func pValues() {
        #expect(TimeFormatting.pValue(0.0079) == "0.008")
        #expect(TimeFormatting.pValue(0.0001) == "<0.001")
        #expect(TimeFormatting.pValue(nil) == "–")
    }
}

@Suite struct ComparisonReportTests {
    func report() throws -> Report {
        let inputs = CompareBenchmarks.Inputs(baseline: "runs/baseline", current: "runs/current", cwd: BenchFixtures.path(""))
        return try CompareBenchmarks.run(inputs, options: ComparisonOptions()).1
    }

    @Test func jsonHasOneEntryPerBenchmarkWithTheIssuesKeys() throws {
        let text = JSONReporter().render(try report(), context: ReportContext())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let benchmarks = try #require(object["benchmarks"] as? [[String: Any]])
        #expect(benchmarks.count == 7)
        for entry in benchmarks {
            for key in ["name", "verdict", "statistic", "baseline", "current", "change", "p_value"] {
                #expect(entry.keys.contains(key), "missing \(key)")
            }
            #expect(Verdict(rawValue: entry["verdict"] as? String ?? "") != nil)
        }
        #expect(object["passed"] as? Bool == false)
        #expect((object["inputs"] as? [String: Any])?["baseline"] as? [Any] != nil)
    }

    @Test func diagnosticsPointAtTheBenchmarksEntry() throws {
        let regression = try #require(try report().diagnostics.first { $0.rule == "regression" })
        let lines = try String(contentsOfFile: BenchFixtures.path(regression.file), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[regression.line - 1].contains("\"fullname\": \"\(regression.target ?? "")\""))
    }

    @Test func textTableListsRegressionsFirst() throws {
        let text = TextReporter().render(try report(), context: ReportContext())
        let rows = text.split(separator: "\n").dropFirst(2).prefix(7)
        #expect(rows.first?.contains("regressed") == true)
        #expect(rows.last?.contains("unchanged") == true)
    }

    @Test func chartIsWellFormedSVGWithOneBarPerComparedBenchmark() throws {
        let inputs = CompareBenchmarks.Inputs(baseline: "runs/baseline", current: "runs/current", cwd: BenchFixtures.path(""))
        let (comparison, _) = try CompareBenchmarks.run(inputs, options: ComparisonOptions())
        let svg = ChangeChart.render(comparison)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "<g>").count - 1 == 5)
        #expect(svg.contains("threshold ±5%"))
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test func chartEscapesNames() {
        #expect(ChangeChart.escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&apos;")
    }
}
