import Foundation

/// Why the configuration file could not be used. Every message names the file (relative to the
/// root) and says what to change; the tools exit with status 2 on any of these.
public enum ConfigurationError: Error, LocalizedError, Equatable, Sendable {
    /// The file exists but could not be read; `reason` is the system's explanation.
    case unreadable(file: String, reason: String)
    /// The name exists but is a folder, FIFO or other non-regular file.
    case notAFile(file: String)
    case invalidEncoding(file: String)
    /// `line` and `column` are 1-based, as TOMLKit reports them.
    case syntax(file: String, line: Int, column: Int, message: String)
    /// `table` is the header as written, e.g. `doc-ref` or `tool.autogit-checks.doc-ref`;
    /// `known` are the tool tables' short names; `suggestion` is a full header.
    case unknownTable(file: String, table: String, known: [String], suggestion: String?)
    /// A top-level key that is not a table, e.g. `exclude = [...]` above every header.
    case unknownTopLevelKey(file: String, key: String, known: [String])
    /// A known tool table written as a plain value, e.g. `doc-refs = true`.
    case notATable(file: String, table: String)
    case unknownKey(file: String, table: String, key: String, known: [String], suggestion: String?)
    /// `found` describes what the file holds, e.g. "an integer" or "an array containing an integer".
    case wrongType(file: String, table: String, key: String, expected: ConfigValueKind, found: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the file (\(reason)); check its permissions"
        case .notAFile(let file):
            return "\(file): not a regular file; remove it or replace it with a toml file"
        case .invalidEncoding(let file):
            return "\(file): not valid utf-8; save the file as utf-8"
        case .syntax(let file, let line, let column, let message):
            return "\(file):\(line):\(column): invalid toml: \(message); fix the syntax at that line"
        case .unknownTable(let file, let table, let known, let suggestion):
            let hint = suggestion.map { "; did you mean [\($0)]?" } ?? ""
            return "\(file): unknown table [\(table)] (known tables: \(known.joined(separator: ", ")))\(hint)"
        case .unknownTopLevelKey(let file, let key, let known):
            return "\(file): unknown top-level key '\(key)'; settings belong in a tool's table"
                + " (known tables: \(known.joined(separator: ", ")))"
        case .notATable(let file, let table):
            return "\(file): '\(table)' must be a table; write its settings under [\(table)]"
        case .unknownKey(let file, let table, let key, let known, let suggestion):
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            let list = known.isEmpty ? "this table takes no keys" : "known keys: " + known.joined(separator: ", ")
            return "\(file): unknown key '\(key)' in [\(table)] (\(list))\(hint)"
        case .wrongType(let file, let table, let key, let expected, let found):
            return "\(file): '\(key)' in [\(table)] must be \(expected), not \(found)"
        }
    }
}
