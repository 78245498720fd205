/// coverage.py's "Missing" column (`coverage/results.py` `format_lines`): missing statements as
/// ranges, where a range runs over consecutive *statements*, so `14-16` may skip a blank line 15.
public enum MissingRanges {
    /// - Parameter lines: a file's measured lines, sorted.
    public static func text(_ lines: [LineCoverage]) -> String {
        var parts: [String] = []
        var start: Int?
        var end = 0
        for line in lines {
            let number = Int(line.number)
            if line.isCovered {
                if let first = start { parts.append(first == end ? "\(first)" : "\(first)-\(end)") }
                start = nil
            } else {
                if start == nil { start = number }
                end = number
            }
        }
        if let first = start { parts.append(first == end ? "\(first)" : "\(first)-\(end)") }
        return parts.joined(separator: ", ")
    }
}
