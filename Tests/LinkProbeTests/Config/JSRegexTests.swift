import Testing

@testable import LinkProbe

/// JavaScript regular expressions (no flags, Annex B) on ICU, and `String.prototype.replace`.
@Suite struct JSRegexTests {
    @Test(arguments: [
        // (pattern, input, JavaScript's regex.test(input))
        (#"^https://example\.com"#, "https://example.com/x", true),
        (#"\d+"#, "abc٣", false),  // \d is ASCII in JavaScript; ICU's would match ARABIC-INDIC THREE
        (#"^\w+$"#, "é", false),
        (#"x$"#, "x\n", false),  // $ is the end of input, never before a final newline
        (#"^\e$"#, "e", true),  // identity escape, not ICU's ESC
        (#"[[]"#, "[", true),  // [ inside a class is a literal in JavaScript
        (#"a{"#, "a{", true),  // { that is no quantifier is a literal
        (#"a{2}"#, "aa", true),
        (#"[]"#, "anything", false),  // the empty class matches nothing
        (#"^[^]$"#, "\n", true),  // [^] matches anything, newlines too
        (#"(?<word>o)\k<word>"#, "foo", true),
        (#"\bfoo\b"#, "a foo b", true),
        (#"\bfoo\b"#, "éfooé", true),  // é is no word character in JavaScript
        (#"[a&&b]"#, "&", true),  // && is no intersection in JavaScript
        (#"\/path"#, "/path", true),
    ])
    func testMatchesLikeJavaScript(_ pattern: String, _ input: String, _ expected: Bool) throws {
        #expect(try JSRegex(pattern).test(input) == expected)
    }

    @Test(arguments: [
        // (pattern, input, replacement, global, JavaScript's input.replace(new RegExp(pattern, g?), replacement))
        (
            "^https://github.com/o/r/blob/main/(.*)$", "https://github.com/o/r/blob/main/docs/a.md", "http://localhost/$1", false,
            "http://localhost/docs/a.md"
        ),
        ("(?<host>[a-z]+)\\.test", "api.test/x", "$<host>.example", false, "api.example/x"),
        ("(?<host>[a-z]+)\\.test", "api.test", "$<nope>!", false, "!"),
        ("b", "abc", "[$&]", false, "a[b]c"),
        ("b", "abc", "[$`|$']", false, "a[a|c]c"),
        ("b", "abc", "$$", false, "a$c"),
        ("(b)", "abc", "$2", false, "a$2c"),  // no group 2: literal
        ("(b)", "abc", "$10", false, "ab0c"),  // $1 then "0"
        ("(b)", "abc", "$01", false, "abc"),
        ("o", "foo", "0", false, "f0o"),
        ("o", "foo", "0", true, "f00"),
        ("x*", "ab", "-", true, "-a-b-"),
        ("(a)", "a", "$<a>", false, "$<a>"),  // no named groups: $< is literal
    ])
    func replaceWorksLikeJavaScript(_ pattern: String, _ input: String, _ replacement: String, _ global: Bool, _ expected: String) throws {
        #expect(try JSRegex(pattern).replace(in: input, with: replacement, global: global) == expected)
    }

    @Test(arguments: ["(", "[abc", "a**", "\\", "(?<n>a)(?<n>b)", "\\k<missing>(?<other>x)"])
    func invalidPatternsAreRejected(_ pattern: String) {
        #expect(throws: JSRegex.TranslationError.self) { try JSRegex(pattern) }
    }
}
