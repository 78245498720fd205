/// A JSON value with its object keys in file order (RFC 8259), from a small strict parser that says
/// where a syntax error is: markdown-link-check reads its config with `JSON.parse`, so no comments
/// and no trailing commas here either.
indirect enum JSONText: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONText])
    case object([(key: String, value: JSONText)])

    static func == (a: JSONText, b: JSONText) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)): x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// "a string", "an array" … for messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    struct SyntaxError: Error, Equatable {
        /// 1-based line and column (in Unicode scalars).
        var line: Int
        var column: Int
        var message: String
    }

    static func parse(_ text: String) throws -> JSONText {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.index == parser.scalars.count else { throw parser.error("unexpected text after the json value") }
        return value
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        func error(_ message: String) -> SyntaxError {
            var line = 1
            var column = 1
            for scalar in scalars[..<min(index, scalars.count)] {
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            return SyntaxError(line: line, column: column, message: message)
        }

        mutating func skipSpace() {
            while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) { index += 1 }
        }

        mutating func expect(_ word: String) throws {
            for scalar in word.unicodeScalars {
                guard index < scalars.count, scalars[index] == scalar else { throw error("expected '\(word)'") }
                index += 1
            }
        }

        mutating func value(depth: Int) throws -> JSONText {
            guard depth < 200 else { throw error("nesting too deep") }
            guard index < scalars.count else { throw error("unexpected end of file") }
            switch scalars[index] {
            case "{":
                index += 1
                var entries: [(key: String, value: JSONText)] = []
                skipSpace()
                if index < scalars.count, scalars[index] == "}" { index += 1; return .object(entries) }
                while true {
                    skipSpace()
                    guard index < scalars.count, scalars[index] == "\"" else { throw error("expected a string key") }
                    let key = try string()
                    skipSpace()
                    try expect(":")
                    skipSpace()
                    entries.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    guard index < scalars.count else { throw error("unexpected end of file in an object") }
                    if scalars[index] == "," { index += 1; continue }
                    if scalars[index] == "}" { index += 1; return .object(entries) }
                    throw error("expected ',' or '}'")
                }
            case "[":
                index += 1
                var items: [JSONText] = []
                skipSpace()
                if index < scalars.count, scalars[index] == "]" { index += 1; return .array(items) }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard index < scalars.count else { throw error("unexpected end of file in an array") }
                    if scalars[index] == "," { index += 1; continue }
                    if scalars[index] == "]" { index += 1; return .array(items) }
                    throw error("expected ',' or ']'")
                }
            case "\"":
                return .string(try string())
            case "t":
                try expect("true")
                return .bool(true)
            case "f":
                try expect("false")
                return .bool(false)
            case "n":
                try expect("null")
                return .null
            default:
                return .number(try number())
            }
        }

        mutating func string() throws -> String {
            index += 1  // opening quote
            var out = String.UnicodeScalarView()
            while true {
                guard index < scalars.count else { throw error("unterminated string") }
                let scalar = scalars[index]
                index += 1
                if scalar == "\"" { return String(out) }
                if scalar.value < 0x20 { index -= 1; throw error("control character in a string") }
                guard scalar == "\\" else { out.append(scalar); continue }
                guard index < scalars.count else { throw error("unterminated string") }
                let escape = scalars[index]
                index += 1
                switch escape {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "b": out.append("\u{8}")
                case "f": out.append("\u{C}")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u":
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), index + 1 < scalars.count, scalars[index] == "\\", scalars[index + 1] == "u" {
                        let next = index
                        index += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            // Not a pair: the high half becomes U+FFFD and the next escape stands alone.
                            index = next
                        }
                    }
                    out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default:
                    index -= 1
                    throw error("invalid escape '\\\(escape)'")
                }
            }
        }

        mutating func hex4() throws -> UInt32 {
            var code: UInt32 = 0
            for _ in 0..<4 {
                guard index < scalars.count, scalars[index].isASCII, let digit = UInt32(String(scalars[index]), radix: 16) else {
                    throw error("invalid \\u escape")
                }
                code = code * 16 + digit
                index += 1
            }
            return code
        }

        /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, as `JSON.parse` reads
        /// it; `Double(_:)` alone would also take `+1`, `.5` and `1.`.
        mutating func number() throws -> Double {
            let start = index
            func isDigit(_ at: Int) -> Bool { at < scalars.count && scalars[at].value >= 0x30 && scalars[at].value <= 0x39 }
            func digits() -> Bool {
                guard isDigit(index) else { return false }
                while isDigit(index) { index += 1 }
                return true
            }
            var valid = true
            if index < scalars.count, scalars[index] == "-" { index += 1 }
            if index < scalars.count, scalars[index] == "0" {
                index += 1
            } else {
                valid = digits()
            }
            if valid, index < scalars.count, scalars[index] == "." {
                index += 1
                valid = digits()
            }
            if valid, index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
                index += 1
                if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
                valid = digits()
            }
            let text = String(String.UnicodeScalarView(scalars[start..<index]))
            guard valid, let number = Double(text) else {
                index = start
                throw error("unexpected character")
            }
            // Valid JSON that no double holds (`1e999`; JSON.parse makes it Infinity).
            guard number.isFinite else {
                index = start
                throw error("number out of range")
            }
            return number
        }
    }
}
