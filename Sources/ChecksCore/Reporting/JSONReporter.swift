/// The shared machine format of DESIGN.md §3: `tool`, `version`, `passed`, `diagnostics`, `summary`,
/// then each tool's own keys. Optional diagnostic fields are always present (null when absent) so
/// consumers never need to test for a key.
public struct JSONReporter: Reporter {
    public static let identifier = "json"
    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        JSONReporter.document(for: report).serialized() + "\n"
    }

    public func write(_ report: Report, context: ReportContext, to sink: ([UInt8]) throws -> Void) throws {
        try JSONReporter.document(for: report).write(trailer: "\n", to: sink)
    }

    public static func document(for report: Report) -> JSONValue {
        let diagnostics = report.diagnostics.map { d in
            JSONValue.object([
                ("rule", .string(d.rule)),
                ("severity", .string(d.severity.rawValue)),
                ("file", .string(d.file)),
                ("line", .int(d.line)),
                ("column", .int(d.column)),
                ("message", .string(d.message)),
                ("target", JSONValue(d.target)),
                ("suggestion", JSONValue(d.suggestion)),
            ])
        }
        var members: [(String, JSONValue)] = [
            ("tool", .string(report.tool)),
            ("version", .string(report.version)),
            ("passed", .bool(report.passed)),
            ("diagnostics", .array(diagnostics)),
            ("summary", .object(report.summary.map { ($0.key, .int($0.value)) })),
        ]
        members += report.extensions.map { ($0.key, $0.value) }
        return .object(members)
    }
}
