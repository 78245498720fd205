import Foundation

/// A JavaScript regular expression (markdown-link-check's `new RegExp(pattern)`, no flags) run by
/// ICU through NSRegularExpression, and JavaScript's `String.prototype.replace` on top of it.
///
/// The pattern is translated where the two dialects disagree (ECMA-262 Annex B, non-Unicode mode):
/// `\d`, `\w` and `\b` are ASCII in JavaScript; `$` is the end of input, never before a final
/// newline; `\` before any other letter is that letter (`\e` is `e`, not ICU's escape character);
/// `[` and `&` are literals inside a class (ICU nests and intersects sets); a `{` that is not a
/// quantifier is a literal; `[]` matches nothing and `[^]` anything; `\v` is U+000B only. Named
/// groups become numbered ones (ICU allows fewer characters in names), with the names kept for
/// `\k<name>` and `$<name>`.
public struct JSRegex: @unchecked Sendable {
    /// The pattern as written in the configuration.
    public let source: String
    /// The ICU pattern it was translated to.
    public let translated: String
    private let regex: NSRegularExpression
    private let groupCount: Int
    private let groupNames: [String: Int]

    public struct TranslationError: Error, Equatable, Sendable {
        public var reason: String
    }

    public init(_ source: String) throws {
        self.source = source
        let first = try Self.translate(source, names: nil)
        let second = try Self.translate(source, names: first.names)
        translated = second.pattern
        groupCount = second.groups
        groupNames = second.names
        do {
            regex = try NSRegularExpression(pattern: translated)
        } catch {
            throw TranslationError(reason: "not a valid regular expression")
        }
    }

    /// `regex.test(text)`.
    public func test(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }

    /// `text.replace(regex, replacement)` with the `g` flag when `global`: `$$`, `$&`, `` $` ``, `$'`,
    /// `$n`, `$nn` and `$<name>` work as in JavaScript (ECMA-262 GetSubstitution).
    public func replace(in text: String, with replacement: String, global: Bool) -> String {
        let string = text as NSString
        let whole = NSRange(location: 0, length: string.length)
        let matches = global ? regex.matches(in: text, range: whole) : regex.firstMatch(in: text, range: whole).map { [$0] } ?? []
        guard !matches.isEmpty else { return text }
        var out = ""
        var last = 0
        for match in matches {
            out += string.substring(with: NSRange(location: last, length: match.range.location - last))
            out += substitution(replacement, match: match, in: string)
            last = match.range.location + match.range.length
        }
        out += string.substring(from: last)
        return out
    }

    private func substitution(_ template: String, match: NSTextCheckingResult, in string: NSString) -> String {
        let units = Array(template.utf16)
        var out: [UInt16] = []
        func group(_ number: Int) -> [UInt16] {
            guard number < match.numberOfRanges else { return [] }
            let range = match.range(at: number)
            guard range.location != NSNotFound else { return [] }
            return Array(string.substring(with: range).utf16)
        }
        func digit(_ unit: UInt16) -> Int? { unit >= 0x30 && unit <= 0x39 ? Int(unit - 0x30) : nil }
        var i = 0
        while i < units.count {
            let unit = units[i]
            guard unit == 0x24, i + 1 < units.count else {  // '$'
                out.append(unit)
                i += 1
                continue
            }
            let next = units[i + 1]
            switch next {
            case 0x24:  // $$
                out.append(0x24)
                i += 2
            case 0x26:  // $&
                out += group(0)
                i += 2
            case 0x60:  // $`
                out += Array(string.substring(to: match.range.location).utf16)
                i += 2
            case 0x27:  // $'
                out += Array(string.substring(from: match.range.location + match.range.length).utf16)
                i += 2
            case 0x3C:  // $<name>
                guard !groupNames.isEmpty, let close = units[(i + 2)...].firstIndex(of: 0x3E) else {
                    out.append(unit)
                    i += 1
                    break
                }
                let name = String(decoding: units[(i + 2)..<close], as: UTF16.self)
                if let number = groupNames[name] { out += group(number) }
                i = close + 1
            default:
                guard let d1 = digit(next) else {
                    out.append(unit)
                    i += 1
                    break
                }
                if i + 2 < units.count, let d2 = digit(units[i + 2]), (1...max(1, groupCount)).contains(d1 * 10 + d2), d1 * 10 + d2 <= groupCount {
                    out += group(d1 * 10 + d2)
                    i += 3
                } else if d1 >= 1, d1 <= groupCount {
                    out += group(d1)
                    i += 2
                } else {
                    out.append(unit)
                    i += 1
                }
            }
        }
        return String(decoding: out, as: UTF16.self)
    }

    // MARK: - Translation

    private static func translate(_ source: String, names known: [String: Int]?) throws -> (pattern: String, groups: Int, names: [String: Int]) {
        let s = Array(source.unicodeScalars)
        var out = ""
        var groups = 0
        var names: [String: Int] = [:]
        var inClass = false
        var classStart = false
        var i = 0
        func peek(_ offset: Int) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }
        func isHex(_ scalar: Unicode.Scalar?) -> Bool { scalar.map { $0.isASCII && $0.properties.isASCIIHexDigit } ?? false }
        while i < s.count {
            let c = s[i]
            if c == "\\" {
                guard let e = peek(1) else { throw TranslationError(reason: "\\ at end of pattern") }
                i += 2
                switch e {
                case "d": out += inClass ? "0-9" : "[0-9]"
                case "D": out += "[^0-9]"
                case "w": out += inClass ? "A-Za-z0-9_" : "[A-Za-z0-9_]"
                case "W": out += "[^A-Za-z0-9_]"
                case "s", "S", "n", "r", "t", "f": out += "\\" + String(e)
                case "v": out += "\\u000B"
                case "b": out += inClass ? "\\u0008" : "(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))"
                case "B": out += inClass ? "B" : "(?:(?<=[A-Za-z0-9_])(?=[A-Za-z0-9_])|(?<![A-Za-z0-9_])(?![A-Za-z0-9_]))"
                case "0" where !(peek(0).map { $0.properties.numericType != nil } ?? false):
                    out += "\\u0000"
                case "1"..."9" where !inClass:
                    var number = String(e)
                    while let d = peek(0), d.isASCII, d.properties.numericType != nil { number.unicodeScalars.append(d); i += 1 }
                    out += "\\" + number
                case "x" where isHex(peek(0)) && isHex(peek(1)):
                    out += "\\x" + String(s[i]) + String(s[i + 1])
                    i += 2
                case "u" where isHex(peek(0)) && isHex(peek(1)) && isHex(peek(2)) && isHex(peek(3)):
                    out += "\\u" + s[i..<(i + 4)].map(String.init).joined()
                    i += 4
                case "c" where peek(0).map { $0.isASCII && $0.properties.isAlphabetic } ?? false:
                    out += "\\c" + String(s[i])
                    i += 1
                case "k" where !(known ?? [:]).isEmpty && peek(0) == "<":
                    guard let close = s[i...].firstIndex(of: ">") else { throw TranslationError(reason: "unterminated \\k<name>") }
                    let name = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                    guard let number = known?[name] else { throw TranslationError(reason: "unknown group name '\(name)'") }
                    out += "\\\(number)"
                    i = close + 1
                default:
                    // Identity escapes: a letter or digit stands for itself; anything else is quoted.
                    if e.isASCII, e.properties.isAlphabetic || e.properties.numericType != nil {
                        out.unicodeScalars.append(e)
                    } else {
                        out += "\\"
                        out.unicodeScalars.append(e)
                    }
                }
                classStart = false
                continue
            }
            if inClass {
                if c == "]" && !classStart {
                    inClass = false
                    out += "]"
                } else if c == "[" || c == "&" || c == "]" {
                    out += "\\" + String(c)
                } else if c == "-", peek(1) == "-" {
                    out += "-\\-"
                    i += 1
                } else {
                    out.unicodeScalars.append(c)
                }
                classStart = false
                i += 1
                continue
            }
            switch c {
            case "[":
                if peek(1) == "]" {
                    out += "(?!)"
                    i += 2
                    continue
                }
                if peek(1) == "^", peek(2) == "]" {
                    out += "[\\s\\S]"
                    i += 3
                    continue
                }
                inClass = true
                classStart = true
                out += "["
                if peek(1) == "^" {
                    out += "^"
                    i += 1
                }
            case "(":
                if peek(1) == "?" {
                    if peek(2) == "<", let after = peek(3), after != "=", after != "!" {
                        guard let close = s[(i + 3)...].firstIndex(of: ">") else { throw TranslationError(reason: "unterminated group name") }
                        let name = String(String.UnicodeScalarView(s[(i + 3)..<close]))
                        groups += 1
                        guard names[name] == nil else { throw TranslationError(reason: "duplicate group name '\(name)'") }
                        names[name] = groups
                        out += "("
                        i = close + 1
                        continue
                    }
                    out += "("
                } else {
                    groups += 1
                    out += "("
                }
            case "{":
                var j = i + 1
                var sawDigit = false
                while j < s.count, s[j].isASCII, s[j].properties.numericType != nil { j += 1; sawDigit = true }
                if sawDigit, j < s.count, s[j] == "," {
                    j += 1
                    while j < s.count, s[j].isASCII, s[j].properties.numericType != nil { j += 1 }
                }
                if sawDigit, j < s.count, s[j] == "}" {
                    out += String(String.UnicodeScalarView(s[i...j]))
                    i = j + 1
                    continue
                }
                out += "\\{"
            case "}":
                out += "\\}"
            case "$":
                out += "(?![\\s\\S])"
            case "#", " ":
                out.unicodeScalars.append(c)
            default:
                out.unicodeScalars.append(c)
            }
            i += 1
        }
        if inClass { throw TranslationError(reason: "unterminated character class") }
        return (out, groups, names)
    }
}
