/// Finds `[text][label]`, `[label][]` and `[label]` in the source of a paragraph or heading, outside
/// code spans, autolinks and escapes. cmark renders an undefined full or collapsed reference as plain
/// text, so the source is the only place it can be seen.
enum ReferenceUseScanner {
    struct Match {
        var form: ReferenceUse.Form
        var label: String
        /// Byte offset of the first `[`.
        var offset: Int
        /// Written as `m[0][1]`: a word, then an identifier in brackets; indexing prose, not a link.
        var followsWord = false
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Match] {
        var matches: [Match] = []
        var openers: [Int] = []  // offsets of unmatched '['
        // Closed bracket pairs, by the offset of their ']' → their '['.
        var lastClose: (open: Int, close: Int)? = nil
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = bytes[i]
            switch b {
            case 0x5C:  // backslash escapes the next byte
                i += 2
                continue
            case 0x60:  // code span: skip to a closing run of the same length
                var n = 0
                while i + n < end, bytes[i + n] == 0x60 { n += 1 }
                var j = i + n
                var closed = false
                while j < end {
                    if bytes[j] == 0x60 {
                        var m = 0
                        while j + m < end, bytes[j + m] == 0x60 { m += 1 }
                        if m == n { j += m; closed = true; break }
                        j += m
                    } else {
                        j += 1
                    }
                }
                i = closed ? j : i + n
                continue
            case 0x3C:  // autolink or inline HTML: skip to '>' on the same line
                var j = i + 1
                if j < end, (bytes[j] | 0x20) >= 0x61 && (bytes[j] | 0x20) <= 0x7A || bytes[j] == 0x2F || bytes[j] == 0x21 {
                    while j < end, bytes[j] != 0x3E, bytes[j] != 0x0A { j += 1 }
                    if j < end, bytes[j] == 0x3E { i = j + 1; continue }
                }
                i += 1
                continue
            case 0x5B:  // '['
                openers.append(i)
            case 0x5D:  // ']'
                guard let open = openers.popLast() else { break }
                let next = i + 1 < end ? bytes[i + 1] : 0
                if let previous = lastClose, previous.close == open - 1 {
                    // `[A][B]`: this pair is the label of a full or collapsed reference.
                    if next == 0x28 {  // `[A][B](…)`: `[B](…)` is an inline link
                        lastClose = (open, i)
                        break
                    }
                    let aStart = previous.open + 1
                    if open + 1 == i {
                        let label = string(bytes, aStart..<previous.close)
                        matches.append(Match(form: .collapsed, label: label, offset: previous.open))
                    } else {
                        let label = string(bytes, (open + 1)..<i)
                        matches.append(Match(form: .full, label: label, offset: previous.open))
                    }
                    // Drop the shortcut recorded for `[A]`: it was the text of this reference.
                    if let lastIndex = matches.indices.dropLast().last, matches[lastIndex].form == .shortcut,
                        matches[lastIndex].offset == previous.open
                    {
                        matches.remove(at: lastIndex)
                    }
                    lastClose = nil
                    i += 1
                    continue
                }
                lastClose = (open, i)
                // `[label](…` is usually an inline link, but when what follows is not a valid
                // destination cmark falls back to the shortcut reference: count it as a use, which can
                // only ever silence an unused-definition warning.
                if next != 0x5B && openers.isEmpty {
                    let label = string(bytes, (open + 1)..<i)
                    if !label.hasPrefix("^"), !label.isEmpty {
                        matches.append(Match(form: .shortcut, label: label, offset: open))
                    }
                } else if next == 0x5B && openers.isEmpty {
                    // Might become `[A][B]`; record as shortcut now, dropped above if a label follows.
                    let label = string(bytes, (open + 1)..<i)
                    if !label.hasPrefix("^"), !label.isEmpty {
                        matches.append(Match(form: .shortcut, label: label, offset: open))
                    }
                }
            default:
                break
            }
            i += 1
        }
        return matches.compactMap { match in
            guard !match.label.hasPrefix("^") else { return nil }
            var match = match
            // `m[0][1]`, `x[i][j]`: a word right before the first bracket and an identifier inside it.
            // `PR[/approve][approve]` is a link missing a space, and stays reported.
            func isWordByte(_ b: UInt8) -> Bool {
                (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) || b == 0x5F
            }
            if match.offset > range.lowerBound, isWordByte(bytes[match.offset - 1]) {
                var i = match.offset + 1
                while i < range.upperBound, isWordByte(bytes[i]) { i += 1 }
                match.followsWord = i > match.offset + 1 && i < range.upperBound && bytes[i] == 0x5D
            }
            return match
        }
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
