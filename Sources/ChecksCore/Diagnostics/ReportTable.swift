/// A tool's own table (benchmark comparisons, coverage gates) that the human formats show before the
/// findings: `text` as aligned columns, `markdown` (and so the GitHub step summary) as a GFM table.
/// Machine formats ignore it; tools put the same data in their `extensions` key.
public struct ReportTable: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable {
        case left
        case right
    }

    public struct Column: Sendable, Equatable {
        public var title: String
        public var alignment: Alignment

        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// A heading shown above the table; empty for none.
    public var title: String
    public var columns: [Column]
    /// One array of cells per row, as many cells as `columns`, in display order.
    public var rows: [[String]]

    public init(title: String = "", columns: [Column], rows: [[String]]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    /// Plain-text rendering: two spaces between columns, each column padded to its widest cell
    /// (counted in characters, so `µs` is one column wide), no trailing spaces.
    public func renderText() -> String {
        // Cells hold paths and names from inputs: control characters are shown, not sent.
        let rows = self.rows.map { $0.map { DisplayText.escapingControls($0) } }
        var widths = columns.map { $0.title.count }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
                parts.append(column.alignment == .right ? pad + cell : cell + pad)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var out = title.isEmpty ? "" : title + "\n"
        out += line(columns.map(\.title)) + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }
}
