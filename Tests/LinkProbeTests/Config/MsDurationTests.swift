import Testing

@testable import LinkProbe

@Suite struct MsDurationTests {
    @Test(arguments: [("10s", 10.0), ("2000ms", 2.0), ("1.5m", 90.0), ("1d", 86400.0), ("500", 0.5), ("2 hours", 7200.0), (".5s", 0.5)])
    func msFormat(_ text: String, _ seconds: Double) {
        #expect(MsDuration.seconds(ms: text) == seconds)
    }

    @Test(arguments: ["", "ten", "10 parsecs", "-1s", "1..2s"])
    func notDurations(_ text: String) {
        #expect(MsDuration.seconds(ms: text) == nil)
    }

    @Test func aBareNumberIsSecondsOnTheCommandLine() {
        #expect(MsDuration.seconds(flag: "90") == 90)
        #expect(MsDuration.seconds(flag: "12h") == 43200)
    }
}
