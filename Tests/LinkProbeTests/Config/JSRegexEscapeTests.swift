import Testing

@testable import LinkProbe

/// The escapes, classes and quantifiers of JavaScript patterns that JSRegexTests leaves out, each
/// checked against what `new RegExp(pattern).test(input)` answers in Node.
@Suite struct JSRegexEscapeTests {
    @Test(arguments: [
        // (pattern, input, JavaScript's answer)
        (#"^\x41\x2f$"#, "A/", true),
        (#"^\x4$"#, "x4", true),  // \x without two hex digits is the letter x (Annex B)
        (#"^caf\u00e9$"#, "café", true),
        (#"^\u00e$"#, "u00e", true),  // \u without four hex digits is the letter u
        (#"^a\cJb$"#, "a\nb", true),  // control escape: \cJ is U+000A
        (#"^a\0b$"#, "a\u{0}b", true),
        (#"^a\vb$"#, "a\u{B}b", true),
        (#"^a\vb$"#, "a\nb", false),  // \v is U+000B only
        (#"^(a|b)\1$"#, "aa", true),
        (#"^(a|b)\1$"#, "ab", false),
        (#"^(?:ab)+$"#, "abab", true),
        (#"^a{2,3}$"#, "aaa", true),
        (#"^a{2,3}$"#, "aaaa", false),
        (#"^a{2,}$"#, "aaaaa", true),
        (#"^a{,2}$"#, "a{,2}", true),  // no digit before the comma: literal braces
        (#"^a}$"#, "a}", true),
        (#"^[^/]+$"#, "docs", true),
        (#"^[^/]+$"#, "a/b", false),
        (#"^[+--]$"#, ",", true),  // the range + to -, not ICU's set difference
        (#"^[\d.]+$"#, "1.5", true),
        (#"^[\w-]+$"#, "a_b-c", true),
        (#"^[\b]$"#, "\u{8}", true),  // \b in a class is backspace
        (#"^[\B]$"#, "B", true),
        (#"^\D\W\S$"#, "a! ", false),
        (#"^\D\W\s$"#, "a! ", true),
        (#"\Bb"#, "ab", true),
        (#"\Bb"#, "b", false),
        ("^a b#c$", "a b#c", true),  // no extended mode: space and # are literals
        (#"^\-\.\*$"#, "-.*", true),
    ])
    func escapesMatchLikeJavaScript(_ pattern: String, _ input: String, _ expected: Bool) throws {
        #expect(try JSRegex(pattern).test(input) == expected, "\(pattern) on \(input.debugDescription)")
    }

    @Test(arguments: [
        // (pattern, input, replacement, JavaScript's input.replace(new RegExp(pattern), replacement))
        ("b", "abc", "$x", "a$xc"),  // $ before anything else is a literal
        ("b", "abc", "$", "a$c"),
        ("(?<n>b)", "abc", "$<n", "a$<nc"),  // unterminated $< is literal
        ("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)", "abcdefghij", "$10-$1", "j-a"),
        ("(?:x)(b)", "xbc", "[$1]", "[b]c"),  // a non-capturing group takes no number
    ])
    func replacementsLikeJavaScript(_ pattern: String, _ input: String, _ replacement: String, _ expected: String) throws {
        #expect(try JSRegex(pattern).replace(in: input, with: replacement, global: false) == expected)
    }

    @Test(arguments: [
        ("(?<name", "unterminated group name"),
        (#"(?<a>x)\k<a"#, "unterminated \\k<name>"),
        ("[a-", "unterminated character class"),
    ])
    func translationErrorsSayWhy(_ pattern: String, _ reason: String) {
        #expect(throws: JSRegex.TranslationError(reason: reason)) { try JSRegex(pattern) }
    }
}
