import ChecksCore
import Foundation

/// markdown-link-check's JSON configuration (`markdown-link-check -c FILE`), every key it reads from
/// a file, with its semantics (tcort/markdown-link-check `index.js`, tcort/link-check
/// `lib/proto/http.js`):
///
/// - `ignorePatterns`: `[{pattern}]`, tested with `new RegExp(pattern).test(link)` on the link as
///   written, before any replacement.
/// - `replacementPatterns`: `[{pattern, replacement, global?}]`, applied in order with
///   `link.replace(new RegExp(pattern, global ? "g" : ""), replacement)`; in `replacement`,
///   `{{BASEURL}}` (first occurrence) becomes `projectBaseUrl` and every `{{env.NAME}}` the variable
///   (empty when unset), before JavaScript's `$1`/`$<name>`/`$&` expansion.
/// - `httpHeaders`: `[{urls: [prefix], headers: {name: value}}]`, after replacement; values take
///   `{{env.NAME}}` too.
/// - `timeout`, `fallbackRetryDelay`: `ms` durations (`"10s"`, `"500ms"`); `retryOn429`, `retryCount`,
///   `aliveStatusCodes`, `projectBaseUrl`, `ignoreDisable`.
public struct MarkdownLinkCheckConfig: Sendable {
    public struct Replacement: Sendable {
        public var pattern: JSRegex
        /// After `{{BASEURL}}` and `{{env.NAME}}` substitution.
        public var replacement: String
        public var global: Bool
    }

    /// The file as named in messages.
    public var file: String
    public var ignorePatterns: [JSRegex] = []
    public var replacementPatterns: [Replacement] = []
    public var httpHeaders: [HeaderRule] = []
    /// Seconds.
    public var timeout: Double?
    public var retryOn429: Bool?
    public var retryCount: Int?
    /// Seconds.
    public var fallbackRetryDelay: Double?
    public var aliveStatusCodes: [Int]?
    public var projectBaseUrl: String?
    public var ignoreDisable: Bool?

    public static let keys = [
        "aliveStatusCodes", "fallbackRetryDelay", "httpHeaders", "ignoreDisable", "ignorePatterns",
        "projectBaseUrl", "replacementPatterns", "retryCount", "retryOn429", "timeout",
    ]

    public init(file: String) {
        self.file = file
    }

    /// Reads and validates `path`; `display` names it in messages.
    public static func load(path: String, display: String, environment: [String: String], projectBaseUrl: String) throws -> MarkdownLinkCheckConfig {
        let bytes: [UInt8]
        do {
            bytes = try RegularFileReader.read(path)
        } catch {
            let reason = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            throw LinkCheckConfigError.unreadable(file: display, reason: reason)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LinkCheckConfigError.unreadable(file: display, reason: "not valid utf-8")
        }
        return try parse(text, file: display, environment: environment, projectBaseUrl: projectBaseUrl)
    }

    /// - Parameters:
    ///   - projectBaseUrl: what `{{BASEURL}}` means when the file does not set `projectBaseUrl`
    ///     (markdown-link-check: `file://` + the working directory).
    public static func parse(_ text: String, file: String, environment: [String: String], projectBaseUrl: String) throws -> MarkdownLinkCheckConfig {
        var body = text
        if body.unicodeScalars.first == "\u{FEFF}" { body.unicodeScalars.removeFirst() }
        let json: JSONText
        do {
            json = try JSONText.parse(body)
        } catch let error as JSONText.SyntaxError {
            throw LinkCheckConfigError.invalidJSON(file: file, line: error.line, column: error.column, message: error.message)
        }
        guard case .object(let entries) = json else { throw LinkCheckConfigError.notAnObject(file: file) }
        var config = MarkdownLinkCheckConfig(file: file)
        let reader = Reader(file: file)

        // projectBaseUrl first: replacements depend on it.
        if let entry = entries.last(where: { $0.key == "projectBaseUrl" }) {
            config.projectBaseUrl = try reader.string(entry.value, "projectBaseUrl")
        }
        let baseURL = config.projectBaseUrl ?? projectBaseUrl
        for (key, value) in entries {
            switch key {
            case "ignorePatterns":
                config.ignorePatterns = try reader.array(value, key).enumerated().map { index, item in
                    let path = "\(key)[\(index)]"
                    let fields = try reader.object(item, path, allowed: ["pattern"])
                    return try reader.regex(fields["pattern"], "\(path).pattern")
                }
            case "replacementPatterns":
                config.replacementPatterns = try reader.array(value, key).enumerated().map { index, item in
                    let path = "\(key)[\(index)]"
                    let fields = try reader.object(item, path, allowed: ["pattern", "replacement", "global"])
                    let pattern = try reader.regex(fields["pattern"], "\(path).pattern")
                    guard let raw = fields["replacement"] else {
                        throw LinkCheckConfigError.badValue(file: file, key: "\(path).replacement", reason: "is missing")
                    }
                    let replacement = try reader.string(raw, "\(path).replacement")
                    let global = try fields["global"].map { try reader.bool($0, "\(path).global") } ?? false
                    return Replacement(
                        pattern: pattern,
                        replacement: specialReplacements(replacement, baseURL: baseURL, environment: environment),
                        global: global)
                }
            case "httpHeaders":
                config.httpHeaders = try reader.array(value, key).enumerated().map { index, item in
                    let path = "\(key)[\(index)]"
                    let fields = try reader.object(item, path, allowed: ["urls", "headers"])
                    guard let urlsValue = fields["urls"] else {
                        throw LinkCheckConfigError.badValue(file: file, key: "\(path).urls", reason: "is missing")
                    }
                    let urls = try reader.array(urlsValue, "\(path).urls").enumerated().map { i, url in
                        try reader.string(url, "\(path).urls[\(i)]")
                    }
                    guard case .object(let headerEntries)? = fields["headers"] else {
                        throw LinkCheckConfigError.wrongType(
                            file: file, key: "\(path).headers", expected: "an object of header names to values",
                            found: fields["headers"]?.typeName ?? "nothing")
                    }
                    let headers = try headerEntries.map { name, raw -> (name: String, value: String) in
                        let keyPath = "\(path).headers.\(name)"
                        guard case .string(let template) = raw else {
                            throw LinkCheckConfigError.wrongType(file: file, key: keyPath, expected: "a string", found: raw.typeName)
                        }
                        guard !name.isEmpty, name.unicodeScalars.allSatisfy(isTokenCharacter) else {
                            throw LinkCheckConfigError.badValue(file: file, key: keyPath, reason: "is not a valid header name")
                        }
                        let value = environmentReplacements(template, environment: environment)
                        // The value is a secret: say what is wrong without showing it.
                        guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
                            throw LinkCheckConfigError.badValue(file: file, key: keyPath, reason: "must not contain line breaks (value not shown)")
                        }
                        return (name, value)
                    }
                    return HeaderRule(urls: urls, headers: headers)
                }
            case "timeout":
                config.timeout = try reader.duration(value, key)
            case "fallbackRetryDelay":
                config.fallbackRetryDelay = try reader.duration(value, key)
            case "retryOn429":
                config.retryOn429 = try reader.bool(value, key)
            case "retryCount":
                let count = try reader.number(value, key)
                guard count >= 0, count == count.rounded(), count <= 100 else {
                    throw LinkCheckConfigError.badValue(file: file, key: key, reason: "must be a whole number from 0 to 100")
                }
                config.retryCount = Int(count)
            case "aliveStatusCodes":
                config.aliveStatusCodes = try reader.array(value, key).enumerated().map { index, item in
                    let code = try reader.number(item, "\(key)[\(index)]")
                    guard code == code.rounded(), code >= 100, code <= 999 else {
                        throw LinkCheckConfigError.badValue(file: file, key: "\(key)[\(index)]", reason: "must be an http status code (100 to 999)")
                    }
                    return Int(code)
                }
            case "projectBaseUrl":
                break  // read above
            case "ignoreDisable":
                config.ignoreDisable = try reader.bool(value, key)
            case "reporters":
                throw LinkCheckConfigError.unsupportedKey(
                    file: file, key: key, hint: "reporters are javascript functions in markdown-link-check; use --format instead")
            default:
                throw LinkCheckConfigError.unknownKey(file: file, key: key, suggestion: NearestMatch.best(for: key, among: keys))
            }
        }
        return config
    }

    /// markdown-link-check's `performSpecialReplacements`: the first `{{BASEURL}}`, then every
    /// `{{env.NAME}}` (NAME of `[A-Za-z0-9_-]`, empty when unset).
    static func specialReplacements(_ text: String, baseURL: String, environment: [String: String]) -> String {
        var text = text
        if let range = text.range(of: "{{BASEURL}}") { text.replaceSubrange(range, with: baseURL) }
        return environmentReplacements(text, environment: environment)
    }

    static func environmentReplacements(_ text: String, environment: [String: String]) -> String {
        guard text.contains("{{env.") else { return text }
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "{{env.") {
            out += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let name = after.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            let tail = after[name.endIndex...]
            if !name.isEmpty, tail.hasPrefix("}}") {
                out += environment[String(name)] ?? ""
                rest = tail.dropFirst(2)
            } else {
                out += rest[start]
                rest = after
            }
        }
        return out + rest
    }

    private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
    }

    /// Typed access that names the key path in every error.
    private struct Reader {
        let file: String

        func wrong(_ key: String, _ expected: String, _ value: JSONText) -> LinkCheckConfigError {
            .wrongType(file: file, key: key, expected: expected, found: value.typeName)
        }

        func array(_ value: JSONText, _ key: String) throws -> [JSONText] {
            guard case .array(let items) = value else { throw wrong(key, "an array", value) }
            return items
        }

        func string(_ value: JSONText, _ key: String) throws -> String {
            guard case .string(let text) = value else { throw wrong(key, "a string", value) }
            return text
        }

        func bool(_ value: JSONText, _ key: String) throws -> Bool {
            guard case .bool(let flag) = value else { throw wrong(key, "true or false", value) }
            return flag
        }

        func number(_ value: JSONText, _ key: String) throws -> Double {
            guard case .number(let number) = value else { throw wrong(key, "a number", value) }
            return number
        }

        func object(_ value: JSONText, _ key: String, allowed: [String]) throws -> [String: JSONText] {
            guard case .object(let entries) = value else { throw wrong(key, "an object", value) }
            var fields: [String: JSONText] = [:]
            for (name, item) in entries {
                guard allowed.contains(name) else {
                    throw LinkCheckConfigError.unknownKey(
                        file: file, key: "\(key).\(name)", suggestion: NearestMatch.best(for: name, among: allowed).map { "\(key).\($0)" })
                }
                fields[name] = item
            }
            return fields
        }

        func regex(_ value: JSONText?, _ key: String) throws -> JSRegex {
            guard let value else { throw LinkCheckConfigError.badValue(file: file, key: key, reason: "is missing") }
            let pattern = try string(value, key)
            do {
                return try JSRegex(pattern)
            } catch let error as JSRegex.TranslationError {
                throw LinkCheckConfigError.badRegex(file: file, key: key, pattern: pattern, reason: error.reason)
            }
        }

        /// An `ms` string, or a number of milliseconds.
        func duration(_ value: JSONText, _ key: String) throws -> Double {
            switch value {
            case .string(let text):
                guard let seconds = MsDuration.seconds(ms: text) else {
                    throw LinkCheckConfigError.badDuration(file: file, key: key, value: text)
                }
                return seconds
            case .number(let milliseconds) where milliseconds >= 0:
                return milliseconds / 1000
            default:
                throw wrong(key, "a duration string such as \"10s\"", value)
            }
        }
    }
}
