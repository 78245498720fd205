/// SARIF 2.1.0, the format GitHub code scanning and most IDE viewers ingest.
///
/// Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html (schema
/// https://json.schemastore.org/sarif-2.1.0.json). One `run` per report; `tool.driver.rules` lists
/// each rule id that occurs, sorted, and every result points at its rule by `ruleIndex`.
/// Artifact URIs are relative to the `uriBaseId` `%SRCROOT%` so the log is portable between
/// checkouts; `originalUriBaseIds` records where that root was on this run when it is known.
public struct SARIFReporter: Reporter {
    public static let identifier = "sarif"
    public static let informationURI = "https://github.com/autogit/autogit-checks"
    /// The uriBaseId every artifact location is relative to; the conventional name (CodeQL and most
    /// SARIF producers use it).
    public static let sourceRootBaseID = "%SRCROOT%"

    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        SARIFReporter.document(for: report, context: context).serialized() + "\n"
    }

    /// The whole SARIF log as an ordered JSON value.
    public static func document(for report: Report, context: ReportContext) -> JSONValue {
        let ruleIDs = Array(Set(report.diagnostics.map(\.rule))).sorted()
        var ruleIndex: [String: Int] = [:]
        for (i, id) in ruleIDs.enumerated() { ruleIndex[id] = i }

        let rules = ruleIDs.map { id -> JSONValue in
            var members: [(String, JSONValue)] = [("id", .string(id))]
            if let description = report.ruleDescriptions[id] {
                members.append(("shortDescription", .object([("text", .string(description))])))
            }
            return .object(members)
        }

        var run: [(String, JSONValue)] = [
            (
                "tool",
                .object([
                    (
                        "driver",
                        .object([
                            ("name", .string(report.tool)),
                            ("version", .string(report.version)),
                            ("informationUri", .string(informationURI)),
                            ("rules", .array(rules)),
                        ])
                    )
                ])
            )
        ]
        if !context.workingDirectory.isEmpty {
            run.append(
                (
                    "originalUriBaseIds",
                    .object([
                        (sourceRootBaseID, .object([("uri", .string(fileURI(directory: context.workingDirectory)))]))
                    ])
                ))
        }
        // Our columns count Unicode scalars (Diagnostic's contract); SARIF's default is UTF-16 code
        // units, which would shift every column after an emoji.
        run.append(("columnKind", .string("unicodeCodePoints")))
        run.append(("results", .array(report.diagnostics.map { result(for: $0, ruleIndex: ruleIndex[$0.rule] ?? 0) })))

        return .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
    }

    // MARK: - Results

    private static func result(for d: Diagnostic, ruleIndex: Int) -> JSONValue {
        var text = d.message
        if let suggestion = d.suggestion {
            text += " (did you mean '\(suggestion)'?)"
        }
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(d.rule)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(level(d.severity))),
            ("message", .object([("text", .string(text))])),
        ]
        // A finding about the whole run (a failed gate) has no file; SARIF allows a result without
        // locations, whereas an empty uri would point at the source root itself.
        if !d.file.isEmpty {
            var physical: [(String, JSONValue)] = [
                (
                    "artifactLocation",
                    .object([
                        ("uri", .string(percentEncodedPath(d.file))),
                        ("uriBaseId", .string(sourceRootBaseID)),
                    ])
                )
            ]
            // region.startLine and region.startColumn are 1-based and must be positive when present.
            if d.line >= 1 {
                var region: [(String, JSONValue)] = [("startLine", .int(d.line))]
                if d.column >= 1 { region.append(("startColumn", .int(d.column))) }
                physical.append(("region", .object(region)))
            }
            members.append(("locations", .array([.object([("physicalLocation", .object(physical))])])))
        }
        return .object(members)
    }

    /// `result.level` is one of none, note, warning, error; our severities map one to one.
    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    // MARK: - URIs

    /// `file://` URI of an absolute directory, ending in `/` so relative artifact URIs resolve
    /// inside it (the spec requires a base URI in `originalUriBaseIds` to end with a slash).
    static func fileURI(directory: String) -> String {
        var path = directory.replacingBackslashes()
        // A Windows drive path (`C:/x`) becomes `file:///C:/x/`; a POSIX path already starts with `/`.
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return "file://" + percentEncodedPath(path)
    }

    /// Percent-encodes a `/`-separated path for use as a URI reference (RFC 3986 §2.1, §3.3): every
    /// UTF-8 byte outside the unreserved set is encoded, `/` is kept as the segment separator. Stricter
    /// than RFC 3986 requires (sub-delims and `:` may appear in a path), but a relative reference whose
    /// first segment holds a `:` would parse as a scheme, and consumers disagree on `;`, `=` and `+`.
    static func percentEncodedPath(_ path: String) -> String {
        var out = ""
        out.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + hexDigit(byte >> 4) + hexDigit(byte & 0x0F)
            }
        }
        return out
    }

    private static func hexDigit(_ nibble: UInt8) -> String {
        String(Unicode.Scalar(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10))
    }
}

extension String {
    fileprivate func replacingBackslashes() -> String {
        String(unicodeScalars.map { $0 == "\\" ? "/" : Character($0) })
    }
}
