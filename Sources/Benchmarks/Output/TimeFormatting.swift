import Foundation

/// Human-readable times and changes for the table and the chart.
public enum TimeFormatting {
    /// Seconds with a unit chosen so the number is at least 1: `512 ns`, `39.4 µs`, `1.23 ms`,
    /// `2.50 s`, with three significant digits.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "–" }
        let units: [(Double, String)] = [(1, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")]
        let magnitude = abs(seconds)
        let (scale, unit) = units.first { magnitude >= $0.0 } ?? (1e-9, "ns")
        let value = seconds / scale
        return "\(threeSignificant(value)) \(unit)"
    }

    static func threeSignificant(_ value: Double) -> String {
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
        var text = String(format: "%.\(decimals)f", value)
        // 999.96 µs rounds up to "1000 µs"; keep it, the unit boundary is where the raw value is.
        if text == "-0" || text == "-0.0" || text == "-0.00" { text.removeFirst() }
        return text
    }

    /// A signed percentage with one decimal: `+12.3%`, `-4.0%`, `+inf%`.
    public static func change(_ percent: Double?) -> String {
        guard let percent else { return "–" }
        if percent.isInfinite { return percent > 0 ? "+inf%" : "-inf%" }
        let text = String(format: "%+.1f%%", percent)
        return text == "-0.0%" ? "+0.0%" : text
    }

    /// A p-value with three decimals, `<0.001` below that.
    public static func pValue(_ p: Double?) -> String {
        guard let p else { return "–" }
        return p < 0.001 ? "<0.001" : String(format: "%.3f", p)
    }
}
