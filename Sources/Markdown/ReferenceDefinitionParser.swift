/// Finds link reference definitions (`[label]: destination "title"`) in the source. cmark consumes them
/// without leaving a node, so the extractor asks this parser about the lines no block claimed and the
/// first lines of each paragraph.
enum ReferenceDefinitionParser {
    struct Match {
        var label: String
        var destination: String
        /// Byte offset of the opening `[`.
        var offset: Int
        /// Lines the definition occupies (a destination or title may sit on the next line).
        var lineCount: Int
        /// `[label]: destination` and nothing else on one line: certainly a definition where a
        /// paragraph starts, with no title or trailing text for cmark to judge.
        var isPlain = false
    }

    /// Parses a definition starting on `line`, after container markers (`>`, list bullets) and up to
    /// three spaces of indentation.
    static func parse(line: Int, in source: SourceText) -> Match? {
        let range = source.lineRange(line)
        let bytes = source.bytes
        var i = skipContainerMarkers(range, bytes)
        guard i < range.upperBound, bytes[i] == 0x5B else { return nil }  // '['
        let open = i
        i += 1
        let labelStart = i
        while i < range.upperBound, bytes[i] != 0x5D {  // ']'
            if bytes[i] == 0x5C {
                i += 1
            }  // backslash escape
            else if bytes[i] == 0x5B {
                return nil
            }  // unescaped '[' is not allowed in a label
            i += 1
        }
        guard i < range.upperBound, i - labelStart <= 999 else { return nil }
        let label = source.string(labelStart..<i)
        guard !label.trimmingASCIIWhitespace().isEmpty, !label.hasPrefix("^") else { return nil }  // ^: footnote
        i += 1
        guard i < range.upperBound, bytes[i] == 0x3A else { return nil }  // ':'
        i += 1
        while i < range.upperBound, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        var lineCount = 1
        var destinationRange: Range<Int>
        if i == range.upperBound {
            // The destination may start on the next line.
            guard line < source.lineCount else { return nil }
            let next = source.lineRange(line + 1)
            var j = next.lowerBound
            while j < next.upperBound, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x3E { j += 1 }
            guard j < next.upperBound else { return nil }
            destinationRange = destination(from: j, limit: next.upperBound, bytes)
            lineCount = 2
        } else {
            destinationRange = destination(from: i, limit: range.upperBound, bytes)
        }
        guard !destinationRange.isEmpty || (destinationRange.lowerBound > 0 && bytes[destinationRange.lowerBound - 1] == 0x3C)
        else { return nil }
        var destination = source.string(destinationRange)
        destination = unescape(destination)
        var rest = destinationRange.upperBound
        if rest < range.upperBound, bytes[rest] == 0x3E { rest += 1 }  // the '>' of `<…>`
        while rest < range.upperBound, bytes[rest] == 0x20 || bytes[rest] == 0x09 { rest += 1 }
        let isPlain =
            lineCount == 1 && rest == range.upperBound
            && !label.utf8.contains(0x5C) && !destination.utf8.contains(0x3C)
        return Match(label: label, destination: HTMLEntities.decode(destination), offset: open, lineCount: lineCount, isPlain: isPlain)
    }

    /// The candidate's lines as cmark would see them inside its container: markers and indentation
    /// stripped from each line, joined with newlines.
    static func text(of match: Match, line: Int, in source: SourceText) -> [UInt8] {
        var out: [UInt8] = []
        for current in line..<(line + match.lineCount) {
            let range = source.lineRange(current)
            let start = current == line ? match.offset : skipContainerMarkers(range, source.bytes)
            if current > line { out.append(0x0A) }
            if start < range.upperBound { out.append(contentsOf: source.bytes[start..<range.upperBound]) }
        }
        return out
    }

    /// `<…>` or a run of non-space bytes.
    private static func destination(from start: Int, limit: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        if bytes[start] == 0x3C {  // '<'
            var j = start + 1
            while j < limit, bytes[j] != 0x3E { j += 1 }
            return (start + 1)..<j
        }
        var j = start
        while j < limit, bytes[j] != 0x20, bytes[j] != 0x09 { j += 1 }
        return start..<j
    }

    static func skipContainerMarkers(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x3E {
                i += 1
            } else if b == 0x2D || b == 0x2A || b == 0x2B, i + 1 < range.upperBound, bytes[i + 1] == 0x20 {
                i += 2  // bullet list marker
            } else if b >= 0x30 && b <= 0x39 {
                var j = i
                while j < range.upperBound, bytes[j] >= 0x30 && bytes[j] <= 0x39 { j += 1 }
                if j + 1 < range.upperBound, bytes[j] == 0x2E || bytes[j] == 0x29, bytes[j + 1] == 0x20 {
                    i = j + 2  // ordered list marker
                } else {
                    break
                }
            } else {
                break
            }
        }
        return i
    }

    /// Backslash escapes of ASCII punctuation (CommonMark §2.4).
    private static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x5C) else { return text }  // backslash
        var out = ""
        var escaped = false
        for ch in text {
            if escaped {
                if !(ch.isASCII && ch.isPunctuation || ch.isSymbol && ch.isASCII) { out.append("\\") }
                out.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        if escaped { out.append("\\") }
        return out
    }
}
