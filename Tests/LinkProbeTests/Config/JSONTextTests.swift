import Testing

@testable import LinkProbe

/// The strict JSON parser under the markdown-link-check config: values as JSON.parse gives them,
/// and every syntax error at the line and column (1-based, in Unicode scalars) where it is.
@Suite struct JSONTextTests {
    @Test func valuesKeepTheirKindsAndKeyOrder() throws {
        let parsed = try JSONText.parse(#" {"b": [1, -2.5e1, true, false, null], "a": {}, "c": [], "d": "x"} "#)
        let expected = JSONText.object([
            (key: "b", value: .array([.number(1), .number(-25), .bool(true), .bool(false), .null])),
            (key: "a", value: .object([])),
            (key: "c", value: .array([])),
            (key: "d", value: .string("x")),
        ])
        #expect(parsed == expected)
        // Order and kind matter: the same keys in another order, or 1 for true, are different values.
        let reordered = JSONText.object([(key: "a", value: .object([])), (key: "b", value: .null)])
        #expect(parsed != reordered)
        #expect(JSONText.number(1) != .bool(true))
        #expect(JSONText.object([(key: "a", value: .null)]) != .object([(key: "a", value: .bool(false))]))
        #expect(JSONText.array([.null]) != .array([.null, .null]))
    }

    @Test(arguments: [
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{C}\n\r\t"),
        (#""caf\u00e9 \u00C9""#, "café É"),
        (#""\ud83d\ude00 ok""#, "😀 ok"),  // a surrogate pair is one scalar
        (#""\udc00""#, "\u{FFFD}"),  // a lone low surrogate cannot be a Swift scalar
        ("\"日本語\"", "日本語"),
    ])
    func stringEscapes(_ json: String, _ expected: String) throws {
        #expect(try JSONText.parse(json) == .string(expected))
    }

    @Test(arguments: [
        (#"{"a" 1}"#, 1, 6, "expected ':'"),
        (#"{"a": 1 "b": 2}"#, 1, 9, "expected ',' or '}'"),
        (#"{"a": 1"#, 1, 8, "unexpected end of file in an object"),
        (#"[1 2]"#, 1, 4, "expected ',' or ']'"),
        (#"[1"#, 1, 3, "unexpected end of file in an array"),
        (#"[1,"#, 1, 4, "unexpected end of file"),
        (#"{"a": tru}"#, 1, 10, "expected 'true'"),
        (#"{"a": fals}"#, 1, 11, "expected 'false'"),
        (#"{"a": nul}"#, 1, 10, "expected 'null'"),
        (#"{"a": "x"} x"#, 1, 12, "unexpected text after the json value"),
        (#"{"a": "abc"#, 1, 11, "unterminated string"),
        (#"{"a": "abc\"#, 1, 12, "unterminated string"),
        ("{\"a\": \"x\ty\"}", 1, 9, "control character in a string"),
        (#"{"a": "\q"}"#, 1, 9, "invalid escape '\\q'"),
        (#"{"a": "\u12G4"}"#, 1, 12, #"invalid \u escape"#),
        (#"{"a": 1e999}"#, 1, 7, "number out of range"),
        (#"{"a": -1e999}"#, 1, 7, "number out of range"),
        (#"{"a": -}"#, 1, 7, "unexpected character"),
        ("{\n  \"timeout\": \"10s\",\n  \"retryCount\": x\n}", 3, 17, "unexpected character"),
        ("", 1, 1, "unexpected end of file"),
    ])
    func syntaxErrorsSayWhere(_ json: String, _ line: Int, _ column: Int, _ message: String) {
        #expect(throws: JSONText.SyntaxError(line: line, column: column, message: message)) { try JSONText.parse(json) }
    }

    @Test func aHighSurrogateWithoutItsPairKeepsTheNextEscape() throws {
        // JSON.parse gives "\uD800A"; Swift has no lone surrogates, so U+FFFD then "A".
        let parsed = try JSONText.parse(#""\ud800\u0041""#)
        #expect(parsed == .string("\u{FFFD}A"))
    }

    @Test(arguments: ["1e", "--1", "0x10", "Infinity", "NaN"])
    func numbersOutsideTheJSONGrammarAreRefused(_ number: String) {
        #expect(throws: JSONText.SyntaxError.self) { try JSONText.parse("[\(number)]") }
    }

    @Test(arguments: ["+1", "01", ".5", "1."])
    func numbersDoubleAcceptsButJSONDoesNot(_ number: String) {
        // JSON.parse, which markdown-link-check uses, throws on each of these.
        #expect(throws: JSONText.SyntaxError.self) { try JSONText.parse("[\(number)]") }
    }

    @Test func deepNestingIsRefusedNotRecursedInto() {
        let json = String(repeating: "[", count: 5000)
        #expect(throws: JSONText.SyntaxError(line: 1, column: 201, message: "nesting too deep")) { try JSONText.parse(json) }
        // 200 levels are fine.
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: Never.self) { try JSONText.parse(fine) }
    }

    @Test func theConfigNamesTheFileLineAndColumn() {
        let text = "{\n  \"retryCount\": 3\n  \"timeout\": \"5s\"\n}\n"
        #expect(throws: LinkCheckConfigError.invalidJSON(file: "mlc.json", line: 3, column: 3, message: "expected ',' or '}'")) {
            try MarkdownLinkCheckConfig.parse(text, file: "mlc.json", environment: [:], projectBaseUrl: "file:///x")
        }
        let described = LinkCheckConfigError.invalidJSON(file: "mlc.json", line: 3, column: 3, message: "expected ',' or '}'")
        #expect(described.errorDescription == "mlc.json:3:3: invalid json: expected ',' or '}'; fix the syntax at that line")
    }

    @Test(arguments: [
        (#"{"timeout": true}"#, "c.json: 'timeout' must be a duration string such as \"10s\", not a boolean"),
        (#"{"fallbackRetryDelay": -5}"#, "c.json: 'fallbackRetryDelay' must be a duration string such as \"10s\", not a number"),
        (#"{"ignorePatterns": {"pattern": "x"}}"#, "c.json: 'ignorePatterns' must be an array, not an object"),
        (#"{"ignorePatterns": [null]}"#, "c.json: 'ignorePatterns[0]' must be an object, not null"),
        (#"{"retryCount": 2.5}"#, "c.json: 'retryCount' must be a whole number from 0 to 100"),
        (#"{"aliveStatusCodes": [99]}"#, "c.json: 'aliveStatusCodes[0]' must be an http status code (100 to 999)"),
        (#"{"replacementPatterns": [{"pattern": "x"}]}"#, "c.json: 'replacementPatterns[0].replacement' is missing"),
        (
            #"{"replacementPatterns": [{"pattern": "x", "replacement": "y", "global": 1}]}"#,
            "c.json: 'replacementPatterns[0].global' must be true or false, not a number"
        ),
        (#"{"httpHeaders": [{"headers": {}}]}"#, "c.json: 'httpHeaders[0].urls' is missing"),
        (#"{"httpHeaders": [{"urls": ["x"]}]}"#, "c.json: 'httpHeaders[0].headers' must be an object of header names to values, not nothing"),
        (
            #"{"httpHeaders": [{"urls": ["x"], "headers": []}]}"#,
            "c.json: 'httpHeaders[0].headers' must be an object of header names to values, not an array"
        ),
        (#"{"httpHeaders": [{"urls": [1], "headers": {}}]}"#, "c.json: 'httpHeaders[0].urls[0]' must be a string, not a number"),
        (#"{"httpHeaders": [{"urls": ["x"], "headers": {"X-A": true}}]}"#, "c.json: 'httpHeaders[0].headers.X-A' must be a string, not a boolean"),
        (
            #"{"httpHeaders": [{"urls": ["x"], "headers": {"Bad Name": "v"}}]}"#,
            "c.json: 'httpHeaders[0].headers.Bad Name' is not a valid header name"
        ),
        (#"{"projectBaseUrl": false}"#, "c.json: 'projectBaseUrl' must be a string, not a boolean"),
    ])
    func wrongValuesNameTheKeyAndWhatWasFound(_ text: String, _ message: String) {
        do {
            _ = try MarkdownLinkCheckConfig.parse(text, file: "c.json", environment: [:], projectBaseUrl: "file:///x")
            Issue.record("expected an error for \(text)")
        } catch {
            #expect((error as? LinkCheckConfigError)?.errorDescription == message)
        }
    }

    @Test func aDurationMayBeANumberOfMilliseconds() throws {
        let config = try MarkdownLinkCheckConfig.parse(
            #"{"timeout": 2500, "fallbackRetryDelay": 0}"#, file: "c.json", environment: [:], projectBaseUrl: "file:///x")
        #expect(config.timeout == 2.5)
        #expect(config.fallbackRetryDelay == 0)
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let config = try MarkdownLinkCheckConfig.parse("\u{FEFF}{\"retryCount\": 0}", file: "c.json", environment: [:], projectBaseUrl: "file:///x")
        #expect(config.retryCount == 0)
    }
}
