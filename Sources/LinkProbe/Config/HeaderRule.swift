/// One `httpHeaders` entry: headers sent to URLs starting with any of `urls`.
///
/// The values are secrets (tokens, usually from `{{env.NAME}}`): nothing here prints them, and
/// `description` shows header names only.
public struct HeaderRule: Sendable, Equatable, CustomStringConvertible {
    public var urls: [String]
    public var headers: [(name: String, value: String)]

    public init(urls: [String], headers: [(name: String, value: String)]) {
        self.urls = urls
        self.headers = headers
    }

    public static func == (a: HeaderRule, b: HeaderRule) -> Bool {
        a.urls == b.urls && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }

    public var description: String {
        "urls \(urls) → headers \(headers.map(\.name)) (values hidden)"
    }

    /// Header lines for `url`: markdown-link-check merges every matching entry in order, later
    /// entries overriding earlier ones (`Object.assign`); names compare case-insensitively here,
    /// as HTTP does.
    public static func lines(for url: String, rules: [HeaderRule]) -> [String] {
        var merged: [(name: String, value: String)] = []
        for rule in rules where rule.urls.contains(where: { url.hasPrefix($0) }) {
            for header in rule.headers {
                merged.removeAll { $0.name.lowercased() == header.name.lowercased() }
                merged.append(header)
            }
        }
        return merged.map { "\($0.name): \($0.value)" }
    }
}
