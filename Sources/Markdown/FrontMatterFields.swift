/// The few YAML front matter fields the documentation index reads: `title:`, `description:` and
/// `index:`, read by a tiny line parser rather than a YAML library.
///
/// Supported, as static-site generators write them: top-level `key: value` lines (no indentation)
/// whose value is a plain scalar (a trailing ` # comment` is dropped, indented continuation lines are
/// folded in with one space), a double-quoted scalar (with YAML's backslash escapes) or a single-quoted
/// scalar (`''` is a quote); quoted scalars may continue on following lines. Block scalars (`|`, `>`),
/// flow collections, anchors, aliases and tags give no value. TOML front matter (`+++`) is not read.
/// The first occurrence of a key wins.
public struct FrontMatterFields: Sendable, Equatable {
    public var title: String?
    /// 1-based line of the `title:` key in the file.
    public var titleLine: Int?
    public var description: String?
    /// `index: false` (also `no`, `off`) is false, `true` (`yes`, `on`) is true; nil when absent or
    /// anything else.
    public var index: Bool?
    /// Lines the front matter occupies, fences included; 0 when there is none (of either kind).
    public var lineCount: Int

    public init(title: String? = nil, titleLine: Int? = nil, description: String? = nil, index: Bool? = nil, lineCount: Int = 0) {
        self.title = title
        self.titleLine = titleLine
        self.description = description
        self.index = index
        self.lineCount = lineCount
    }

    /// Reads the fields from a whole Markdown file (UTF-8; a byte order mark is skipped).
    public static func read(_ bytes: [UInt8]) -> FrontMatterFields {
        bytes.withUnsafeBufferPointer { raw in
            let hasBOM = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
            let body = hasBOM ? UnsafeBufferPointer(rebasing: raw[3...]) : raw
            // Most files have no front matter: answer without building a line table.
            guard body.count >= 3, body[0] == 0x2D || body[0] == 0x2B else { return FrontMatterFields() }
            let source = SourceText(body)
            let count = FrontMatter.lineCount(in: source)
            var fields = FrontMatterFields(lineCount: count)
            guard count >= 2, source.string(source.lineRange(1)) == "---" else { return fields }
            // Lines strictly between the fences, with their 1-based line numbers.
            let lines = (2..<count).map { source.string(source.lineRange($0)) }
            fields.readKeys(lines, firstLine: 2)
            return fields
        }
    }

    private mutating func readKeys(_ lines: [String], firstLine: Int) {
        var i = 0
        while i < lines.count {
            let line = lines[i]
            guard let (key, rest) = Self.keyAndRest(line) else {
                i += 1
                continue
            }
            let (value, used) = Self.scalar(rest, following: lines[(i + 1)...])
            switch key {
            case "title" where title == nil:
                title = value
                titleLine = value == nil ? nil : firstLine + i
            case "description" where description == nil:
                description = value
            case "index" where index == nil:
                switch value?.lowercased() {
                case "false", "no", "off": index = false
                case "true", "yes", "on": index = true
                default: break
                }
            default:
                break
            }
            i += max(1, used)
        }
    }

    /// `key: rest` on a line that starts at column 1; nil for indented lines, comments and list items.
    private static func keyAndRest(_ line: String) -> (String, Substring)? {
        guard let first = line.unicodeScalars.first, first != " ", first != "\t", first != "#", first != "-" else {
            return nil
        }
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == ":" {
                let next = line.index(after: index)
                if next == line.endIndex || line[next] == " " || line[next] == "\t" {
                    let key = line[..<index].trimmingScalars(" \t")
                    return (key, line[next...])
                }
            }
            index = line.index(after: index)
        }
        return nil
    }

    /// The scalar starting in `rest`, and how many lines it used (1 plus continuation lines).
    private static func scalar(_ rest: Substring, following: ArraySlice<String>) -> (String?, Int) {
        let value = rest.trimmingScalars(" \t")
        guard let first = value.first else { return (nil, 1) }
        switch first {
        case "\"", "'":
            // A quoted scalar may run over several lines; each line break folds into one space.
            var text = value
            var used = 1
            var iterator = following.makeIterator()
            while true {
                if let parsed = quoted(text, quote: first) { return (parsed, used) }
                guard let next = iterator.next() else { return (nil, used) }
                text += " " + next.trimmingScalars(" \t")
                used += 1
            }
        case "|", ">", "[", "{", "&", "*", "!", "%", "@", "`":
            return (nil, 1)
        default:
            var text = withoutComment(value)
            var used = 1
            // Indented, non-empty lines continue a plain scalar (YAML folds them with one space).
            for next in following {
                guard let lead = next.first, lead == " " || lead == "\t" else { break }
                let trimmed = withoutComment(next.trimmingScalars(" \t"))
                if trimmed.isEmpty || next.trimmingScalars(" \t").hasPrefix("#") { break }
                text += " " + trimmed
                used += 1
            }
            return (text.isEmpty ? nil : text, used)
        }
    }

    /// A plain scalar ends before ` #`.
    private static func withoutComment(_ text: String) -> String {
        var previous: Character = " "
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "#", previous == " " || previous == "\t" {
                return text[..<index].trimmingScalars(" \t")
            }
            previous = text[index]
            index = text.index(after: index)
        }
        return text.trimmingScalars(" \t")
    }

    /// Parses a complete quoted scalar (and nothing but a comment after it); nil when it is not closed.
    private static func quoted(_ text: String, quote: Character) -> String? {
        var out = ""
        var scalars = text.unicodeScalars.dropFirst()
        while let scalar = scalars.popFirst() {
            if quote == "'" {
                if scalar == "'" {
                    if scalars.first == "'" {
                        scalars.removeFirst()
                        out.unicodeScalars.append("'")
                        continue
                    }
                    return trailerIsEmpty(scalars) ? out : nil
                }
                out.unicodeScalars.append(scalar)
                continue
            }
            if scalar == "\"" { return trailerIsEmpty(scalars) ? out : nil }
            guard scalar == "\\" else {
                out.unicodeScalars.append(scalar)
                continue
            }
            guard let escaped = scalars.popFirst() else { return nil }
            switch escaped {
            case "n": out += "\n"
            case "t": out += "\t"
            case "r": out += "\r"
            case "0": out += "\0"
            case "x", "u", "U":
                let width = escaped == "x" ? 2 : escaped == "u" ? 4 : 8
                let digits = String(String.UnicodeScalarView(scalars.prefix(width)))
                guard digits.unicodeScalars.count == width, let value = UInt32(digits, radix: 16),
                    let decoded = Unicode.Scalar(value)
                else { return nil }
                scalars.removeFirst(width)
                out.unicodeScalars.append(decoded)
            default:
                // `\"`, `\\`, `\/` and `\ ` stand for themselves.
                out.unicodeScalars.append(escaped)
            }
        }
        return nil
    }

    private static func trailerIsEmpty(_ rest: Substring.UnicodeScalarView) -> Bool {
        let trimmed = String(String.UnicodeScalarView(rest)).trimmingScalars(" \t")
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }
}

extension StringProtocol {
    /// Trims the given ASCII characters from both ends.
    func trimmingScalars(_ set: String) -> String {
        let members = Set(set.unicodeScalars)
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !members.contains($0) }),
            let last = scalars.lastIndex(where: { !members.contains($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
