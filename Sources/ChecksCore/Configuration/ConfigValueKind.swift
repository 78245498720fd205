/// The type a configuration key must have; the schema a tool passes to `ConfigurationFile.table`.
public enum ConfigValueKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case bool
    case int
    /// An integer or a float; read back as `Double`.
    case number
    case string
    case stringArray
    /// A table of string keys to numbers, e.g. `critical = {"src/core/**" = 90}`.
    case numberTable
    /// A table of string keys to strings, e.g. `rename = {"old.md" = "new.md"}`.
    case stringTable

    /// The name used in error messages: "must be \(description)".
    public var description: String {
        switch self {
        case .bool: "a boolean (true or false)"
        case .int: "an integer"
        case .number: "a number"
        case .string: "a string"
        case .stringArray: "an array of strings"
        case .numberTable: "a table of numbers"
        case .stringTable: "a table of strings"
        }
    }

    /// Whether `value` has this kind; an int counts as a number.
    public func accepts(_ value: ConfigValue) -> Bool {
        switch (self, value) {
        case (.bool, .bool), (.int, .int), (.number, .int), (.number, .double), (.string, .string):
            return true
        case (.stringArray, .array(let items)):
            return items.allSatisfy { if case .string = $0 { true } else { false } }
        case (.numberTable, .table(let entries)):
            return entries.allSatisfy { ConfigValueKind.number.accepts($0.value) }
        case (.stringTable, .table(let entries)):
            return entries.allSatisfy { ConfigValueKind.string.accepts($0.value) }
        default:
            return false
        }
    }
}
