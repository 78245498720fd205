import Testing

@testable import LinkProbe

@Suite struct MarkdownLinkCheckConfigTests {
    static let full = """
        {
          "ignorePatterns": [{"pattern": "^http://ignored"}],
          "replacementPatterns": [
            {"pattern": "^/", "replacement": "{{BASEURL}}/"},
            {"pattern": "^http://test.invalid/", "replacement": "http://127.0.0.1:{{env.PORT}}/", "global": true}
          ],
          "httpHeaders": [{"urls": ["https://api.example.com/"], "headers": {"Authorization": "Bearer {{env.TOKEN}}", "X-Plain": "p"}}],
          "timeout": "20s",
          "retryOn429": true,
          "retryCount": 5,
          "fallbackRetryDelay": "500ms",
          "aliveStatusCodes": [200, 206],
          "ignoreDisable": true
        }
        """

    @Test func everyKeyIsRead() throws {
        let config = try MarkdownLinkCheckConfig.parse(
            Self.full, file: "mlc.json", environment: ["PORT": "8080", "TOKEN": "t0ken"], projectBaseUrl: "file:///repo")
        #expect(config.ignorePatterns.map(\.source) == ["^http://ignored"])
        #expect(config.replacementPatterns.map(\.replacement) == ["file:///repo/", "http://127.0.0.1:8080/"])
        #expect(config.replacementPatterns.map(\.global) == [false, true])
        #expect(config.httpHeaders.first?.urls == ["https://api.example.com/"])
        #expect(HeaderRule.lines(for: "https://api.example.com/v1", rules: config.httpHeaders) == ["Authorization: Bearer t0ken", "X-Plain: p"])
        #expect(HeaderRule.lines(for: "https://other.example.com/", rules: config.httpHeaders).isEmpty)
        #expect(config.timeout == 20)
        #expect(config.retryOn429 == true)
        #expect(config.retryCount == 5)
        #expect(config.fallbackRetryDelay == 0.5)
        #expect(config.aliveStatusCodes == [200, 206])
        #expect(config.ignoreDisable == true)
    }

    @Test func projectBaseUrlFromTheFileIsHonoured() throws {
        let config = try MarkdownLinkCheckConfig.parse(
            #"{"replacementPatterns": [{"pattern": "^/", "replacement": "{{BASEURL}}/{{BASEURL}}"}], "projectBaseUrl": "https://docs.example"}"#,
            file: "c.json", environment: [:], projectBaseUrl: "file:///cwd")
        // Only the first {{BASEURL}} is replaced, as markdown-link-check's String.replace does.
        #expect(config.replacementPatterns.first?.replacement == "https://docs.example/{{BASEURL}}")
    }

    @Test func laterHeaderEntriesOverrideEarlierOnes() {
        let rules = [
            HeaderRule(urls: ["https://a/"], headers: [("X-Key", "one")]),
            HeaderRule(urls: ["https://a/b"], headers: [("x-key", "two")]),
        ]
        #expect(HeaderRule.lines(for: "https://a/b/c", rules: rules) == ["x-key: two"])
        #expect(!"\(rules[0])".contains("one"))
    }

    @Test(arguments: [
        (#"{"timeout": "10s",}"#, "c.json:1:19: invalid json: expected a string key; fix the syntax at that line"),
        ("[1]", "c.json: the markdown-link-check config must be a json object"),
        (#"{"ignorePattern": []}"#, "c.json: unknown key 'ignorePattern'; did you mean 'ignorePatterns'?"),
        (#"{"ignorePatterns": [{"patern": "x"}]}"#, "c.json: unknown key 'ignorePatterns[0].patern'; did you mean 'ignorePatterns[0].pattern'?"),
        (
            #"{"ignorePatterns": [{"pattern": "(unclosed"}]}"#,
            "c.json: 'ignorePatterns[0].pattern' is not a valid regular expression (not a valid regular expression): (unclosed"
        ),
        (
            #"{"replacementPatterns": [{"pattern": "[x", "replacement": ""}]}"#,
            "c.json: 'replacementPatterns[0].pattern' is not a valid regular expression (unterminated character class): [x"
        ),
        (#"{"timeout": "ten seconds"}"#, #"c.json: 'timeout' must be a duration such as "10s", "2000ms" or "1m", not "ten seconds""#),
        (#"{"retryOn429": "yes"}"#, "c.json: 'retryOn429' must be true or false, not a string"),
        (#"{"aliveStatusCodes": [200, "206"]}"#, "c.json: 'aliveStatusCodes[1]' must be a number, not a string"),
        (#"{"retryCount": -1}"#, "c.json: 'retryCount' must be a whole number from 0 to 100"),
        (
            #"{"reporters": []}"#,
            "c.json: key 'reporters' is not supported: reporters are javascript functions in markdown-link-check; use --format instead"
        ),
        (
            #"{"httpHeaders": [{"urls": ["x"], "headers": {"X-Key": "line\nbreak-s3cr3t"}}]}"#,
            "c.json: 'httpHeaders[0].headers.X-Key' must not contain line breaks (value not shown)"
        ),
    ])
    func badConfigsNameTheFileAndKey(_ text: String, _ message: String) {
        do {
            _ = try MarkdownLinkCheckConfig.parse(text, file: "c.json", environment: [:], projectBaseUrl: "file:///x")
            Issue.record("expected an error for \(text)")
        } catch {
            #expect((error as? LinkCheckConfigError)?.errorDescription == message)
            #expect(!message.contains("s3cr3t"))
        }
    }

    @Test func environmentReplacementLeavesMalformedPlaceholders() {
        let text = MarkdownLinkCheckConfig.environmentReplacements("a{{env.X}}b{{env.}}c{{env.Y}}", environment: ["X": "1"])
        #expect(text == "a1b{{env.}}c")
    }
}
