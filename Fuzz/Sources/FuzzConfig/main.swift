import ChecksCore
import FuzzSupport

/// The configuration reader (TOMLKit underneath) as `.autogit-checks.toml` and as pyproject.toml,
/// each tool table checked against a schema, and `renderTOML` (what `--print-config` prints), which
/// promises that its output parses back to the same values.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    // The file reader refuses what is not UTF-8 before parsing; only text reaches the parser.
    guard let text = String(validating: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self) else {
        return -1
    }
    if let configuration = try? ConfigurationFile(text: text, file: ConfigurationFile.fileName) {
        for name in ConfigurationFile.toolTables {
            _ = try? configuration.table(name, schema: schema)
        }
    }
    // As pyproject.toml the whole document is kept, which gives every value to the round trip.
    guard let pyproject = try? ConfigurationFile(text: text, file: ConfigurationFile.pyprojectFileName),
        let document = try? pyproject.pyprojectTable([])
    else { return 0 }
    _ = try? pyproject.pyprojectTable(["tool", "coverage", "report"])

    // Every top-level value, whatever its key or type, under one header: values render inline.
    let rendered = ConfigurationFile.renderTOML([(name: "fuzz", values: document.entries)])
    let reparsed: ConfigTable?
    do {
        reparsed = try ConfigurationFile(text: rendered, file: ConfigurationFile.pyprojectFileName).pyprojectTable(["fuzz"])
    } catch {
        fatalError("fuzz invariant broken: renderTOML output does not parse (\(error)):\n\(rendered)")
    }
    fuzzCheck(
        reparsed.map { ConfigValue.table($0.entries) == ConfigValue.table(document.entries) } ?? false,
        "renderTOML output parses to other values:\n\(rendered)")
    return 0
}

/// One key of every kind, under the names the tools really use where there is one.
private let schema: [String: ConfigValueKind] = [
    "exit-zero": .bool, "jobs": .int, "fail-under": .number, "format": .string,
    "exclude": .stringArray, "critical": .numberTable, "rename": .stringTable,
]

runLibFuzzer(fuzzConfig)
