/// YAML (`---`) or TOML (`+++`) front matter at the very top of a file, which static-site generators
/// strip and GitHub shows as a table: nothing in it is a link or a heading.
enum FrontMatter {
    /// The number of lines the front matter occupies, fences included; 0 when there is none or it is
    /// never closed (then the file is plain Markdown, as GitHub renders it).
    static func lineCount(in source: SourceText) -> Int {
        let first = source.lineRange(1)
        let fence: UInt8
        switch source.string(first) {
        case "---": fence = 0x2D
        case "+++": fence = 0x2B
        default: return 0
        }
        var line = 2
        while line <= source.lineCount {
            let text = source.lineRange(line)
            let isClose =
                text.count == 3 && text.allSatisfy { source.bytes[$0] == fence }
                || (fence == 0x2D && source.string(text) == "...")
            if isClose { return line }
            line += 1
        }
        return 0
    }
}
