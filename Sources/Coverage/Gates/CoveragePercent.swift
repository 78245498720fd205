import Foundation

/// coverage.py's arithmetic for percentages, display and `fail_under`, reproduced exactly
/// (coverage 7.17.5 `coverage/results.py`: `Numbers._percent`, `display_covered`,
/// `_fail_under_precision`, `should_fail_under`).
///
/// The rounding trap: Python's `round(x, n)` rounds the *exact binary value* of `x` half-to-even,
/// so `round(78.5) == 78` and `round(70.45, 1) == 70.5` (70.45 is 70.4500000000000028 in binary).
/// Swift's `.rounded()` rounds half away from zero (79), and scaling first (`(x * 10).rounded(…)`)
/// rounds a different number. glibc's and Darwin's `printf("%.*f")` round the exact binary value
/// half-to-even like Python, so rounding goes through `String(format:)`.
public enum CoveragePercent {
    /// `100 * covered / total` as a Double, 100 when `total` is 0 (`Numbers._percent`).
    public static func percent(covered: Int, total: Int) -> Double {
        total > 0 ? (100.0 * Double(covered)) / Double(total) : 100.0
    }

    /// Python's `round(value, precision)`.
    public static func pythonRound(_ value: Double, precision: Int) -> Double {
        Double(format(value, precision: precision)) ?? value
    }

    /// Python's `f"{value:.{precision}f}"`.
    public static func format(_ value: Double, precision: Int) -> String {
        String(format: "%.\(max(0, precision))f", value)
    }

    /// coverage.py's `display_covered`: rounded to `precision` decimals, except that a value above 0
    /// never shows as 0 and a value below 100 never shows as 100.
    public static func display(_ percent: Double, precision: Int) -> String {
        let near0 = 1.0 / pow(10.0, Double(precision))
        var value = percent
        if value > 0 && value < near0 {
            value = near0
        } else if value > 100.0 - near0 && value < 100 {
            value = 100.0 - near0
        } else {
            value = pythonRound(value, precision: precision)
        }
        return format(value, precision: precision)
    }

    /// coverage.py 7.17's `_fail_under_precision`: a threshold with more decimals than `precision`
    /// raises the precision to its own decimals (80.5 compares at one decimal even with precision 0).
    public static func comparisonPrecision(threshold: Double, precision: Int) -> Int {
        if threshold == threshold.rounded(.towardZero) { return precision }
        return max(precision, decimals(of: threshold))
    }

    /// The decimals of Python's `str(value)` as `Decimal` counts them: Swift's `description` is the
    /// same shortest round-trip form ("80.5", "1e-05").
    static func decimals(of value: Double) -> Int {
        let text = value.description.lowercased()
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? text
        var fraction = 0
        if let point = mantissa.firstIndex(of: ".") {
            let digits = mantissa[mantissa.index(after: point)...]
            // "80.0" has no decimals in Decimal's sense only when written "80"; Python prints the
            // integral case through the early return above, so a ".0" never reaches here.
            fraction = digits.count
        }
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        return max(0, fraction - exponent)
    }

    /// The negation of coverage.py's `should_fail_under`: whether `percent` meets `threshold`.
    /// 100 must be met exactly; otherwise the percent is rounded half-to-even at the comparison
    /// precision and compared with `<`.
    public static func meets(_ percent: Double, threshold: Double, precision: Int) -> Bool {
        if threshold == 100.0 && percent != 100.0 { return false }
        return !(pythonRound(percent, precision: comparisonPrecision(threshold: threshold, precision: precision)) < threshold)
    }

    /// A threshold as the user wrote it: `80`, `80.5`.
    public static func thresholdText(_ threshold: Double) -> String {
        threshold == threshold.rounded(.towardZero) && abs(threshold) < 1e15 ? String(Int(threshold)) : threshold.description
    }

    /// The exact value for "next to the rounded one": up to 4 decimals, trailing zeros dropped.
    public static func exactText(_ percent: Double) -> String {
        var text = String(format: "%.4f", percent)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
