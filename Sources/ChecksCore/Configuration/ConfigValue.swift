/// One value read from a TOML configuration file, copied out of the parser so it is a plain,
/// `Sendable` Swift value.
public enum ConfigValue: Sendable, Equatable, CustomStringConvertible {
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([ConfigValue])
    /// Keys in the order the parser gives them (TOMLKit sorts them by key).
    case table([(key: String, value: ConfigValue)])
    /// A TOML date, time or date-time, kept as TOML text; no tool reads one, but the file may hold one.
    case dateTime(String)

    /// An array of strings, e.g. an `exclude` list.
    public static func strings(_ values: [String]) -> ConfigValue { .array(values.map(ConfigValue.string)) }

    /// A table of numbers, e.g. per-glob coverage thresholds.
    public static func numbers(_ entries: [(key: String, value: Double)]) -> ConfigValue {
        .table(entries.map { ($0.key, .double($0.value)) })
    }

    public static func == (lhs: ConfigValue, rhs: ConfigValue) -> Bool {
        switch (lhs, rhs) {
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.double(a), .double(b)): a == b || (a.isNaN && b.isNaN)
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.table(a), .table(b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case let (.dateTime(a), .dateTime(b)): a == b
        default: false
        }
    }

    /// What the value is, for "must be …, not …" messages.
    public var typeName: String {
        switch self {
        case .bool: "a boolean"
        case .int: "an integer"
        case .double: "a float"
        case .string: "a string"
        case .array: "an array"
        case .table: "a table"
        case .dateTime: "a date"
        }
    }

    /// The value as inline TOML (TOML 1.0): strings quoted and escaped, floats always with a `.` or
    /// exponent, tables as `{ key = value }`.
    public var description: String {
        switch self {
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value):
            if value.isNaN { return "nan" }
            if value.isInfinite { return value < 0 ? "-inf" : "inf" }
            // Swift prints 90.0 as "90.0" and 1e20 as "1e+20"; both are valid TOML floats.
            return String(value)
        case .string(let value): return ConfigValue.quoted(value)
        case .array(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .table(let entries):
            if entries.isEmpty { return "{}" }
            return "{ " + entries.map { "\(ConfigValue.key($0.key)) = \($0.value)" }.joined(separator: ", ")
                + " }"
        case .dateTime(let text): return text
        }
    }

    /// A TOML key: bare when it is only `A-Za-z0-9_-`, else a quoted basic string.
    static func key(_ key: String) -> String {
        let bare =
            !key.isEmpty
            && key.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || $0 == "_" || $0 == "-"
            }
        return bare ? key : quoted(key)
    }

    /// A TOML basic string with the escapes TOML 1.0 defines.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case let c where c.value < 0x20 || c.value == 0x7F:
                let hex = String(c.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
