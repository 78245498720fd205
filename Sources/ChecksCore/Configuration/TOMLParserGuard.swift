/// Finds the malformed TOML shapes that the parser under TOMLKit must not be handed, so they are
/// reported as syntax errors instead.
///
/// toml++ 3.x guards its own invariants with `TOML_ASSERT_ASSUME`: a failed one aborts a debug build
/// of the tool, and in a release build, where it becomes an optimiser assumption, the behaviour is
/// undefined. The FuzzConfig fuzz target (Fuzz/, scripts/fuzz; inputs in Fixtures/fuzz/FuzzConfig/)
/// found three that ordinary input reaches:
/// - `parser::parse_key` from `parse_table_header`: the character after `[`/`[[` and spaces must
///   start a key (`[!]`, `[[ .x]]`, `[` at the end of a line);
/// - `parser::parse_value` from `parse_array`: an element may not start with `}` (`a = [}`,
///   `a = [1, }`);
/// - `parser::parse_time` from `parse_date_time`: a value shaped `YYYY-MM-DDT` (or `t`) whose next
///   character is not a digit, while a `:` later in the token makes the parser take it for a
///   date-time (`d = 1979-05-27T'7:32:00Z`);
/// - `parse_value`'s scan after its look-ahead for a date-time written with a space: a value such
///   as `1979-05-27 9` followed by a terminator (`a = [1979-05-27 9 T07:32:00Z`); the parser reads
///   the digit after the space as the start of a time and asserts that more follows. Found as
///   `DATE SPACE DIGIT` then a non-digit, which no valid value has (a time needs two digits);
/// - and in TOMLKit itself, a `\u0000` escape in a key: keys are copied out as C strings, so the
///   table's iterator looks up a truncated key and force-unwraps the missing value. The escape is
///   refused in every basic string, as a literal NUL already is (no path, glob or threshold has one).
/// The first four shapes are invalid TOML, so reporting them here never rejects a valid file. The
/// date-time ones are looked for in value position only (after `=` or as an array element): a bare
/// key such as `2020-01-01T` is valid.
enum TOMLParserGuard {
    /// The 1-based line and column (in Unicode scalars, as TOMLKit counts) of the first character
    /// that would reach an assertion, with a message in TOMLKit's style; nil when there is none.
    static func firstTrap(in text: String) -> (line: Int, column: Int, message: String)? {
        let scalars = Array(text.unicodeScalars)
        var line = 1
        // toml++ skips a byte-order mark (`init(text:)` may be handed one; `load` strips it).
        var i = scalars.first == "\u{FEFF}" ? 1 : 0
        var lineStart = i
        // Brackets and braces open inside a value: a line starting with `[` inside a multi-line
        // array is an element, not a header.
        var open: [Unicode.Scalar] = []
        var atStatementStart = true
        // Just after an array's `[` or `,` (blanks, line breaks and comments between do not count).
        var expectingElement = false
        // Just after a key's `=`.
        var expectingValue = false

        func newline(at index: Int) {
            line += 1
            lineStart = index + 1
        }
        var nulEscape: (line: Int, column: Int)?
        func foundNulEscape(at index: Int) {
            if nulEscape == nil { nulEscape = (line, index - lineStart + 1) }
        }
        func describe(_ c: Unicode.Scalar) -> String {
            c == "\n" || c == "\r" ? "a line break" : "'\(c.escaped(asASCII: true))'"
        }

        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "\n":
                newline(at: i)
                if open.isEmpty { atStatementStart = true }
                i += 1
                continue
            case " ", "\t", "\r":
                i += 1
                continue
            case "#":
                while i < scalars.count, scalars[i] != "\n" { i += 1 }
                continue
            default:
                break
            }
            if expectingElement && c == "}" {
                return (line, i - lineStart + 1, "expected a value or ']' in the array, saw '}'")
            }
            if expectingElement || expectingValue {
                if let column = dateTimeWithoutTime(scalars, at: i) {
                    return (line, column - lineStart + 1, "expected a time after the date's 'T', saw \(describe(scalars[column]))")
                }
                if let column = loneDigitAfterSpace(scalars, at: i) {
                    return (line, column - lineStart + 1, "expected a value terminator, saw '\(scalars[column])'")
                }
            }
            expectingElement = false
            expectingValue = false
            switch c {
            case "\"", "'":
                atStatementStart = false
                i = skipString(scalars, from: i, newline: newline, nulEscape: foundNulEscape)
                if let nulEscape {
                    return (nulEscape.line, nulEscape.column, "nul character (U+0000) is not allowed")
                }
                continue
            case "[" where atStatementStart && open.isEmpty:
                atStatementStart = false
                var j = i + 1
                if j < scalars.count, scalars[j] == "[" { j += 1 }
                while j < scalars.count, scalars[j] == " " || scalars[j] == "\t" { j += 1 }
                guard j < scalars.count else {
                    return (line, j - lineStart + 1, "expected a table name after '[', saw the end of the file")
                }
                let next = scalars[j]
                if !(isBareKeyCharacter(next) || next == "\"" || next == "'" || next == "]") {
                    return (line, j - lineStart + 1, "expected a table name after '[', saw \(describe(next))")
                }
                i = j
                continue
            case "[":
                open.append(c)
                expectingElement = true
            case "{":
                open.append(c)
            case "]", "}":
                _ = open.popLast()
            case ",":
                expectingElement = open.last == "["
            case "=":
                expectingValue = true
            default:
                break
            }
            atStatementStart = false
            i += 1
        }
        return nil
    }

    /// For `YYYY-MM-DDT` or `YYYY-MM-DDt` at `index` followed by something other than a digit, the
    /// index of that character; nil otherwise (the end of the text after `T` is a plain parse error).
    private static func dateTimeWithoutTime(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        let shape = "DDDD-DD-DDT"
        let after = index + shape.unicodeScalars.count
        guard after < scalars.count else { return nil }
        for (offset, expected) in shape.unicodeScalars.enumerated() {
            let c = scalars[index + offset]
            switch expected {
            case "D": guard ("0"..."9").contains(c) else { return nil }
            case "T": guard c == "T" || c == "t" else { return nil }
            default: guard c == expected else { return nil }
            }
        }
        return ("0"..."9").contains(scalars[after]) ? nil : after
    }

    /// For a value starting with a digit at `index` that is followed by one space, one digit and then
    /// anything but a digit (or the end), the index of that lone digit; nil otherwise. Only a
    /// date-time may go on after a space, and its time starts with two digits.
    private static func loneDigitAfterSpace(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        guard ("0"..."9").contains(scalars[index]) else { return nil }
        var end = index
        while end < scalars.count, !isValueTerminator(scalars[end]) { end += 1 }
        let digit = end + 1
        guard digit < scalars.count, scalars[end] == " ", ("0"..."9").contains(scalars[digit]) else { return nil }
        if digit + 1 < scalars.count, ("0"..."9").contains(scalars[digit + 1]) { return nil }
        return digit
    }

    /// What ends a value for toml++ (`is_value_terminator`), ASCII part: blanks, line breaks,
    /// `,`, `]`, `}` and a comment's `#`.
    private static func isValueTerminator(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "," || c == "]" || c == "}" || c == "#"
    }

    /// `\u0000` or `\U00000000` at `index` (the backslash).
    private static func isNulEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 1 < scalars.count else { return false }
        let digits = scalars[index + 1] == "u" ? 4 : scalars[index + 1] == "U" ? 8 : 0
        guard digits > 0, index + 1 + digits < scalars.count else { return false }
        return scalars[(index + 2)...(index + 1 + digits)].allSatisfy { $0 == "0" }
    }

    /// TOML 1.0 bare keys: `A-Za-z0-9_-`.
    private static func isBareKeyCharacter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
    }

    /// The index just past the string starting at `start` (a basic or literal string, single- or
    /// multi-line); an unterminated one runs to the end of its line (a multi-line one to the end of
    /// the text), where the parser reports it.
    private static func skipString(
        _ scalars: [Unicode.Scalar], from start: Int, newline: (Int) -> Void, nulEscape: (Int) -> Void
    ) -> Int {
        let quote = scalars[start]
        let isBasic = quote == "\""
        let isMultiLine = start + 2 < scalars.count && scalars[start + 1] == quote && scalars[start + 2] == quote
        var i = start + (isMultiLine ? 3 : 1)
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n" {
                guard isMultiLine else { return i }
                newline(i)
            } else if isBasic && c == "\\" {
                // The escaped character is skipped, but a line-ending backslash's line still counts.
                if isNulEscape(scalars, at: i) { nulEscape(i) }
                i += 1
                if i < scalars.count, scalars[i] == "\n" {
                    guard isMultiLine else { return i }
                    newline(i)
                }
            } else if c == quote {
                if !isMultiLine { return i + 1 }
                if i + 2 < scalars.count, scalars[i + 1] == quote, scalars[i + 2] == quote {
                    // Up to two more quotes right before the closing three belong to the string.
                    var end = i + 3
                    while end < scalars.count, end < i + 5, scalars[end] == quote { end += 1 }
                    return end
                }
            }
            i += 1
        }
        return i
    }
}
