import Foundation

/// Why a markdown-link-check configuration (`-c FILE.json`) cannot be used. Every message names the
/// file and the key; the tool exits with status 2. Header values never appear in a message.
public enum LinkCheckConfigError: Error, LocalizedError, Equatable, Sendable {
    case unreadable(file: String, reason: String)
    /// `line` and `column` are 1-based.
    case invalidJSON(file: String, line: Int, column: Int, message: String)
    case notAnObject(file: String)
    case unknownKey(file: String, key: String, suggestion: String?)
    case unsupportedKey(file: String, key: String, hint: String)
    case wrongType(file: String, key: String, expected: String, found: String)
    case badRegex(file: String, key: String, pattern: String, reason: String)
    case badDuration(file: String, key: String, value: String)
    case badValue(file: String, key: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case let .unreadable(file, reason):
            "\(file): cannot read the markdown-link-check config (\(reason))"
        case let .invalidJSON(file, line, column, message):
            "\(file):\(line):\(column): invalid json: \(message); fix the syntax at that line"
        case let .notAnObject(file):
            "\(file): the markdown-link-check config must be a json object"
        case let .unknownKey(file, key, suggestion):
            "\(file): unknown key '\(key)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case let .unsupportedKey(file, key, hint):
            "\(file): key '\(key)' is not supported: \(hint)"
        case let .wrongType(file, key, expected, found):
            "\(file): '\(key)' must be \(expected), not \(found)"
        case let .badRegex(file, key, pattern, reason):
            "\(file): '\(key)' is not a valid regular expression (\(reason)): \(pattern)"
        case let .badDuration(file, key, value):
            "\(file): '\(key)' must be a duration such as \"10s\", \"2000ms\" or \"1m\", not \"\(value)\""
        case let .badValue(file, key, reason):
            "\(file): '\(key)' \(reason)"
        }
    }
}
