import Foundation
import TOMLKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The project's configuration for every tool (DESIGN.md §3): `.autogit-checks.toml` at the
/// repository root, else the `[tool.autogit-checks]` table of `pyproject.toml`, else nothing.
///
/// The file holds one table per tool. `load` checks the table names; each tool then calls
/// `table(_:schema:)` with its own keys, so a typo fails loudly instead of being ignored:
///
/// ```toml
/// [doc-refs]
/// exclude = ["drafts/**"]
///
/// [coverage]
/// fail-under = 80
/// critical = {"src/core/**" = 90}
/// ```
///
/// Everything is copied out of TOMLKit while loading, so the value is `Sendable`.
public struct ConfigurationFile: Sendable {
    /// The dedicated configuration file, looked up at the root only.
    public static let fileName = ".autogit-checks.toml"
    /// Python projects may keep the configuration in `[tool.autogit-checks]` here instead.
    public static let pyprojectFileName = "pyproject.toml"
    /// The tables the file may hold, one per tool.
    public static let toolTables = ["benchmarks", "coverage", "doc-index", "doc-links", "doc-refs"]

    /// The folder the file was looked up in, as passed to `load`.
    public let root: String
    /// The file read, relative to `root` (`.autogit-checks.toml` or `pyproject.toml`); nil when
    /// neither provides a configuration.
    public let path: String?
    /// The headers' prefix in the file: empty, or `tool.autogit-checks.` inside pyproject.toml.
    private let headerPrefix: String
    private let tables: [String: [(key: String, value: ConfigValue)]]
    /// The whole of pyproject.toml when it was parsed anyway, for `pyprojectTable`.
    private let pyproject: [(key: String, value: ConfigValue)]?

    /// No configuration file: every table is empty, so every setting takes its default.
    public static func empty(root: String = ".") -> ConfigurationFile {
        ConfigurationFile(root: root, path: nil, headerPrefix: "", tables: [:], pyproject: nil)
    }

    private init(
        root: String, path: String?, headerPrefix: String,
        tables: [String: [(key: String, value: ConfigValue)]], pyproject: [(key: String, value: ConfigValue)]?
    ) {
        self.root = root
        self.path = path
        self.headerPrefix = headerPrefix
        self.tables = tables
        self.pyproject = pyproject
    }

    /// Reads the configuration of the repository at `root`.
    ///
    /// `.autogit-checks.toml` wins over pyproject.toml; pyproject.toml without a
    /// `[tool.autogit-checks]` table, or no file at all, gives an empty configuration.
    /// - Throws: `ConfigurationError` when the file chosen cannot be read, is not UTF-8 TOML, or has a
    ///   top-level table other than the tool tables.
    public static func load(root: String) throws -> ConfigurationFile {
        if let text = try readText(join(root, fileName), display: fileName) {
            return try ConfigurationFile(text: text, file: fileName, root: root)
        }
        if let text = try readText(join(root, pyprojectFileName), display: pyprojectFileName) {
            return try ConfigurationFile(text: text, file: pyprojectFileName, root: root)
        }
        return .empty(root: root)
    }

    /// Parses configuration text; `load` without the file system, for tests and tools that take
    /// `--config FILE`.
    /// - Parameters:
    ///   - file: the name used in messages. When its last component is `pyproject.toml`, the
    ///     configuration is the `[tool.autogit-checks]` table and everything else is ignored.
    public init(text: String, file: String, root: String = ".") throws {
        let document = try ConfigurationFile.parse(text, file: file)
        let isPyproject =
            file == ConfigurationFile.pyprojectFileName
            || file.hasSuffix("/" + ConfigurationFile.pyprojectFileName)
        var section = document
        var prefix = ""
        if isPyproject {
            prefix = "tool.autogit-checks."
            // Other tools' tables in pyproject.toml are none of our business, but a malformed
            // `tool.autogit-checks` is.
            guard case .table(let tool)? = ConfigurationFile.lookup("tool", in: document),
                let ours = ConfigurationFile.lookup("autogit-checks", in: tool)
            else {
                self.init(root: root, path: nil, headerPrefix: prefix, tables: [:], pyproject: document)
                return
            }
            guard case .table(let entries) = ours else {
                throw ConfigurationError.notATable(file: file, table: "tool.autogit-checks")
            }
            section = entries
        }

        var tables: [String: [(key: String, value: ConfigValue)]] = [:]
        let known = ConfigurationFile.toolTables
        for (key, value) in section {
            guard known.contains(key) else {
                guard case .table = value else {
                    throw ConfigurationError.unknownTopLevelKey(file: file, key: prefix + key, known: known)
                }
                throw ConfigurationError.unknownTable(
                    file: file, table: prefix + key, known: known,
                    suggestion: NearestMatch.best(for: key, among: known).map { prefix + $0 })
            }
            guard case .table(let entries) = value else {
                throw ConfigurationError.notATable(file: file, table: prefix + key)
            }
            tables[key] = entries
        }
        self.init(
            root: root, path: file, headerPrefix: prefix, tables: tables,
            pyproject: isPyproject ? document : nil)
    }

    /// The tool table `name` (one of `toolTables`), checked against `schema`; an empty table when
    /// the file does not have it.
    /// - Throws: `ConfigurationError.unknownKey` (with a close match when there is one) or
    ///   `.wrongType`, naming the key, the table and the file.
    public func table(_ name: String, schema: [String: ConfigValueKind]) throws -> ConfigTable {
        let entries = tables[name] ?? []
        let header = headerPrefix + name
        let file = path ?? ConfigurationFile.fileName
        for (key, value) in entries {
            guard let kind = schema[key] else {
                throw ConfigurationError.unknownKey(
                    file: file, table: header, key: key, known: schema.keys.sorted(),
                    suggestion: NearestMatch.best(for: key, among: schema.keys))
            }
            guard kind.accepts(value) else {
                throw ConfigurationError.wrongType(
                    file: file, table: header, key: key, expected: kind,
                    found: ConfigurationFile.describe(value, expected: kind))
            }
        }
        return ConfigTable(name: header, file: path, entries: entries)
    }

    /// A table of pyproject.toml at a key path, unvalidated, e.g. `["tool", "coverage", "report"]`
    /// for coverage.py's `fail_under` and `precision`.
    ///
    /// Reads pyproject.toml when the configuration came from elsewhere.
    /// - Returns: nil when pyproject.toml or the table does not exist.
    /// - Throws: `ConfigurationError` when pyproject.toml cannot be read or parsed, or a key on the
    ///   path holds something other than a table.
    public func pyprojectTable(_ path: [String]) throws -> ConfigTable? {
        let file = ConfigurationFile.pyprojectFileName
        var entries: [(key: String, value: ConfigValue)]
        if let pyproject {
            entries = pyproject
        } else {
            guard let text = try ConfigurationFile.readText(ConfigurationFile.join(root, file), display: file)
            else { return nil }
            entries = try ConfigurationFile.parse(text, file: file)
        }
        for (depth, key) in path.enumerated() {
            guard let value = ConfigurationFile.lookup(key, in: entries) else { return nil }
            guard case .table(let inner) = value else {
                throw ConfigurationError.notATable(file: file, table: path[...depth].joined(separator: "."))
            }
            entries = inner
        }
        return ConfigTable(name: path.joined(separator: "."), file: file, entries: entries)
    }

    // MARK: - Reading

    private static func join(_ root: String, _ name: String) -> String {
        if root.isEmpty { return name }
        return root.hasSuffix("/") ? root + name : root + "/" + name
    }

    private static func lookup(_ key: String, in entries: [(key: String, value: ConfigValue)]) -> ConfigValue? {
        entries.first { $0.key == key }?.value
    }

    /// The file's text without a leading byte-order mark, or nil when it does not exist.
    ///
    /// Uses open/fstat rather than Foundation so a folder or FIFO with the file's name is reported
    /// (and never blocks: O_NONBLOCK) and a failure carries the system's reason.
    private static func readText(_ absolutePath: String, display: String) throws -> String? {
        let descriptor = open(absolutePath, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw ConfigurationError.unreadable(file: display, reason: systemReason(code))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw ConfigurationError.unreadable(file: display, reason: systemReason(errno))
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw ConfigurationError.notAFile(file: display) }

        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                throw ConfigurationError.unreadable(file: display, reason: systemReason(code))
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigurationError.invalidEncoding(file: display)
        }
        // Editors on Windows write a BOM; TOML allows none, and it would shift line 1's columns.
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return text
    }

    private static func systemReason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }

    /// Parses TOML text into plain values.
    private static func parse(_ text: String, file: String) throws -> [(key: String, value: ConfigValue)] {
        // TOMLKit hands the text to C++ as a C string, which would end silently at a NUL.
        if text.utf8.contains(0) {
            var line = 1
            var column = 1
            for scalar in text.unicodeScalars {
                if scalar == "\0" { break }
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            throw ConfigurationError.syntax(
                file: file, line: line, column: column, message: "nul character (U+0000) is not allowed")
        }
        if let bad = TOMLParserGuard.firstTrap(in: text) {
            throw ConfigurationError.syntax(file: file, line: bad.line, column: bad.column, message: bad.message)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError.syntax(
                file: file, line: error.source.begin.line, column: error.source.begin.column,
                message: lowercasedFirst(error.description))
        }
        return entries(of: table)
    }

    private static func entries(of table: TOMLTable) -> [(key: String, value: ConfigValue)] {
        table.map { (key: $0.0, value: convert($0.1)) }
    }

    private static func convert(_ value: any TOMLValueConvertible) -> ConfigValue {
        switch value.type {
        case .bool: .bool(value.bool ?? false)
        case .int: .int(value.int ?? 0)
        case .double: .double(value.double ?? 0)
        case .string: .string(value.string ?? "")
        case .array: .array(value.array.map { $0.map(convert) } ?? [])
        case .table: .table(value.table.map(entries(of:)) ?? [])
        case .date, .time, .dateTime: .dateTime(value.debugDescription)
        }
    }

    private static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        // Keep acronyms such as "TOML" or "UTF-8" intact; only a capitalised word is lowered.
        let second = text.dropFirst().first
        if second?.isUppercase == true { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// "an integer", or for a collection the first element that breaks the schema.
    private static func describe(_ value: ConfigValue, expected: ConfigValueKind) -> String {
        switch (expected, value) {
        case (.stringArray, .array(let items)):
            if let bad = items.first(where: { !ConfigValueKind.string.accepts($0) }) {
                return "an array containing \(bad.typeName)"
            }
        case (.numberTable, .table(let entries)):
            if let bad = entries.first(where: { !ConfigValueKind.number.accepts($0.value) }) {
                return "a table whose '\(bad.key)' is \(bad.value.typeName)"
            }
        case (.stringTable, .table(let entries)):
            if let bad = entries.first(where: { !ConfigValueKind.string.accepts($0.value) }) {
                return "a table whose '\(bad.key)' is \(bad.value.typeName)"
            }
        default:
            break
        }
        return value.typeName
    }
}
