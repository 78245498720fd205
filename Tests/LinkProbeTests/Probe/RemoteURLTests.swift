import Testing

@testable import LinkProbe

@Suite struct RemoteURLTests {
    @Test(arguments: [
        ("https://Example.COM:443/a#x", "https://example.com/a", "x"),
        ("http://example.com", "http://example.com/", nil),
        ("//example.com/p?q=1", "https://example.com/p?q=1", nil),
        ("https://example.com/ü space", "https://example.com/%C3%BC%20space", nil),
        ("http://[::1]:8080/x", "http://[::1]:8080/x", nil),
        ("https://example.com/a#", "https://example.com/a", ""),
    ])
    func normalises(_ raw: String, _ expected: String, _ fragment: String?) throws {
        let url = try RemoteURL.parse(raw).get()
        #expect(url.withoutFragment == expected)
        #expect(url.fragment == fragment)
    }

    @Test(arguments: [
        ("http:example.com", RemoteURL.Malformation.missingSlashes),
        ("https://", .missingHost),
        ("https:///path", .missingHost),
        ("https://exa mple.com/", .badHost("exa mple.com")),
        ("http://host:99999/", .badPort("99999")),
        ("http://host:8o/", .badPort("8o")),
        ("http://[::1/", .badHost("[::1")),
        ("ftp://host/", .notHTTP),
    ])
    func malformed(_ raw: String, _ expected: RemoteURL.Malformation) {
        guard case .failure(let malformation) = RemoteURL.parse(raw) else {
            Issue.record("\(raw) parsed")
            return
        }
        #expect(malformation == expected)
    }

    @Test func theHostKeyIncludesTheDefaultPort() throws {
        #expect(try RemoteURL.parse("https://a.example/x").get().hostKey == "https://a.example:443")
        #expect(try RemoteURL.parse("http://a.example:8080/").get().hostKey == "http://a.example:8080")
    }

    @Test func redactionHidesPasswordsAndTokens() {
        #expect(
            RemoteURL.redacted("https://user:pw@h.example/x?a=1&access_token=abc&sig=zz#f")
                == "https://user:***@h.example/x?a=1&access_token=***&sig=***#f")
    }
}
