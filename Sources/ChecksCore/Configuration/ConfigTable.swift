/// One table of a configuration file, e.g. `[doc-refs]`, after validation against a tool's schema.
///
/// The getters return nil when the key is absent, so a tool writes
/// `options.exclude ?? table.strings("exclude") ?? []` for "command line > file > default".
/// They also return nil for a value of another type, which only happens for tables read without a
/// schema (`ConfigurationFile.pyprojectTable`).
public struct ConfigTable: Sendable, Equatable {
    /// The table's header as the user wrote it, e.g. `doc-refs` or `tool.autogit-checks.doc-refs`.
    public let name: String
    /// The file it came from, relative to the root; nil for a table no file provided.
    public let file: String?
    /// Keys in the order TOMLKit gives them, which is sorted by key (toml++ keeps tables in a map).
    public let entries: [(key: String, value: ConfigValue)]

    public init(name: String, file: String?, entries: [(key: String, value: ConfigValue)]) {
        self.name = name
        self.file = file
        self.entries = entries
    }

    public static func == (lhs: ConfigTable, rhs: ConfigTable) -> Bool {
        lhs.name == rhs.name && lhs.file == rhs.file && ConfigValue.table(lhs.entries) == .table(rhs.entries)
    }

    /// The keys present in the file.
    public var keys: [String] { entries.map(\.key) }

    /// True when the file sets nothing in this table (or has no such table).
    public var isEmpty: Bool { entries.isEmpty }

    /// The raw value of `key`.
    public func value(_ key: String) -> ConfigValue? {
        entries.first { $0.key == key }?.value
    }

    public func bool(_ key: String) -> Bool? {
        if case .bool(let value) = value(key) { value } else { nil }
    }

    public func int(_ key: String) -> Int? {
        if case .int(let value) = value(key) { value } else { nil }
    }

    /// An integer or a float, as `Double`.
    public func number(_ key: String) -> Double? {
        switch value(key) {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    public func string(_ key: String) -> String? {
        if case .string(let value) = value(key) { value } else { nil }
    }

    /// An array of strings; nil if any element is not a string.
    public func strings(_ key: String) -> [String]? {
        guard case .array(let items) = value(key) else { return nil }
        var result: [String] = []
        for item in items {
            guard case .string(let text) = item else { return nil }
            result.append(text)
        }
        return result
    }

    /// A table of numbers, sorted by key (TOMLKit does not keep the file's order).
    public func numberTable(_ key: String) -> [(key: String, value: Double)]? {
        guard case .table(let entries) = value(key) else { return nil }
        var result: [(key: String, value: Double)] = []
        for entry in entries {
            switch entry.value {
            case .int(let number): result.append((entry.key, Double(number)))
            case .double(let number): result.append((entry.key, number))
            default: return nil
            }
        }
        return result
    }

    /// A table of strings, sorted by key (TOMLKit does not keep the file's order).
    public func stringTable(_ key: String) -> [(key: String, value: String)]? {
        guard case .table(let entries) = value(key) else { return nil }
        var result: [(key: String, value: String)] = []
        for entry in entries {
            guard case .string(let text) = entry.value else { return nil }
            result.append((entry.key, text))
        }
        return result
    }
}
