import Foundation

/// A flat "coverage | 84%" badge as SVG, written offline (no shields.io request).
///
/// Spec: SVG 1.1 (https://www.w3.org/TR/SVG11/), in the layout of shields.io's "flat" style: two
/// rounded rectangles, Verdana 11 px text with a 1 px shadow. Text widths are estimated at 7 px per
/// character (shields measures the font; the estimate only changes the padding).
public enum CoverageBadge {
    /// - Parameters:
    ///   - text: the percent as displayed, e.g. "84%".
    ///   - passed: whether the overall gate passed; picks green or red (yellow within 10 points).
    public static func svg(text: String, percent: Double, threshold: Double, passed: Bool) -> String {
        let colour: String
        if passed {
            colour = "#4c1"
        } else if percent >= threshold - 10 {
            colour = "#dfb317"
        } else {
            colour = "#e05d44"
        }
        let label = "coverage"
        let labelWidth = 10 + label.count * 6 + 1
        let valueWidth = 10 + text.count * 7 + 1
        let width = labelWidth + valueWidth
        let labelX = labelWidth * 10 / 2
        let valueX = (labelWidth + valueWidth / 2) * 10
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="20" role="img" aria-label="\(label): \(escaped)">
            <title>\(label): \(escaped)</title>
            <linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
            <clipPath id="r"><rect width="\(width)" height="20" rx="3" fill="#fff"/></clipPath>
            <g clip-path="url(#r)"><rect width="\(labelWidth)" height="20" fill="#555"/><rect x="\(labelWidth)" width="\(valueWidth)" height="20" fill="\(colour)"/><rect width="\(width)" height="20" fill="url(#s)"/></g>
            <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="110">
            <text x="\(labelX)" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)">\(label)</text><text x="\(labelX)" y="140" transform="scale(.1)">\(label)</text>
            <text x="\(valueX)" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)">\(escaped)</text><text x="\(valueX)" y="140" transform="scale(.1)">\(escaped)</text>
            </g>
            </svg>

            """
    }
}
