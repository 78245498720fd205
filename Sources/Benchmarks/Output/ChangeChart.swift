import Foundation

/// `--chart FILE.svg`: one horizontal bar per compared benchmark showing its change, over a shaded
/// band for the threshold, coloured by verdict. Hand-written SVG 1.1 (https://www.w3.org/TR/SVG11/)
/// with no scripts, fonts or external references, so GitHub renders it inline in a PR or as an
/// artifact.
public enum ChangeChart {
    static let width = 760.0
    static let labelWidth = 330.0
    static let rowHeight = 22.0
    static let top = 44.0
    static let plotWidth = width - labelWidth - 90

    static func colour(_ verdict: Verdict) -> String {
        switch verdict {
        case .regressed: "#cf222e"
        case .suspect: "#bf8700"
        case .improved: "#1a7f37"
        default: "#8c959f"
        }
    }

    public static func render(_ comparison: BenchmarkComparison) -> String {
        let rows = comparison.results.filter { $0.changePercent != nil }
        let threshold = comparison.options.failOn.isEmpty ? comparison.options.rule.threshold : nil
        // The axis spans the largest change, at least twice the threshold, at most ±100 % (beyond
        // that a bar is clipped and its label says the real number).
        let largest = rows.compactMap { $0.changePercent.map(abs) }.filter(\.isFinite).max() ?? 0
        let span = min(100, max(largest * 1.1, (threshold ?? 5) * 2, 10))
        let zeroX = labelWidth + plotWidth / 2
        func x(_ percent: Double) -> Double { zeroX + max(-span, min(span, percent)) / span * plotWidth / 2 }
        let height = top + Double(max(rows.count, 1)) * rowHeight + 30

        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(fmt(width))" height="\(fmt(height))" viewBox="0 0 \(fmt(width)) \(fmt(height))" font-family="-apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="10" y="20" font-size="14" font-weight="bold">compare-benchmarks: change vs baseline (\(escape(comparison.options.failOn.isEmpty ? "min" : comparison.options.failOn.map(\.text).joined(separator: " "))))</text>

            """
        if let threshold {
            svg +=
                "<rect x=\"\(fmt(x(-threshold)))\" y=\"\(fmt(top - 6))\" width=\"\(fmt(x(threshold) - x(-threshold)))\" height=\"\(fmt(Double(max(rows.count, 1)) * rowHeight + 6))\" fill=\"#eaeef2\"><title>threshold ±\(escape(ComparisonReport.percent(threshold)))</title></rect>\n"
        }
        svg += "<line x1=\"\(fmt(zeroX))\" y1=\"\(fmt(top - 10))\" x2=\"\(fmt(zeroX))\" y2=\"\(fmt(height - 24))\" stroke=\"#57606a\"/>\n"
        for (tick, label) in [(-span, ComparisonReport.percent(-span.rounded())), (0, "0%"), (span, "+" + ComparisonReport.percent(span.rounded()))] {
            svg += "<text x=\"\(fmt(x(tick)))\" y=\"\(fmt(height - 10))\" text-anchor=\"middle\" fill=\"#57606a\">\(escape(label))</text>\n"
        }
        if rows.isEmpty {
            svg += "<text x=\"\(fmt(labelWidth))\" y=\"\(fmt(top + 14))\" fill=\"#57606a\">no benchmark in both baseline and current</text>\n"
        }
        for (index, result) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            let change = result.changePercent ?? 0
            let x0 = min(zeroX, x(change))
            let barWidth = max(abs(x(change) - zeroX), 1)
            let label = truncated(result.fullname, to: 52)
            let text = "\(TimeFormatting.change(change)) \(result.verdict.rawValue)"
            svg += "<g><title>\(escape(result.fullname)): \(escape(text))</title>"
            svg += "<text x=\"\(fmt(labelWidth - 8))\" y=\"\(fmt(y + 13))\" text-anchor=\"end\">\(escape(label))</text>"
            svg +=
                "<rect x=\"\(fmt(x0))\" y=\"\(fmt(y + 3))\" width=\"\(fmt(barWidth))\" height=\"\(fmt(rowHeight - 8))\" fill=\"\(colour(result.verdict))\"/>"
            svg += "<text x=\"\(fmt(width - 84))\" y=\"\(fmt(y + 13))\" fill=\"\(colour(result.verdict))\">\(escape(text))</text></g>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    static func truncated(_ s: String, to count: Int) -> String {
        s.count <= count ? s : "…" + s.suffix(count - 1)
    }

    static func fmt(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// XML character data and attribute values: the five predefined entities.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }
}
