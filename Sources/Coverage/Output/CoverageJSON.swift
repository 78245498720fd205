import ChecksCore

/// check-coverage's own top-level JSON keys (DESIGN.md §3 plus issue 5): `gates`, `files`, `reports`.
public enum CoverageJSON {
    public static func gates(_ gates: [GateResult], display: (String) -> String) -> JSONValue {
        .array(
            gates.map { gate in
                var members: [(String, JSONValue)] = [("name", .string(gate.kind.rawValue))]
                if let pattern = gate.pattern { members.append(("pattern", .string(pattern))) }
                if let file = gate.file { members.append(("file", .string(display(file)))) }
                members += [
                    ("percent", .double(gate.percent)),
                    ("covered", .int(gate.covered)),
                    ("total", .int(gate.total)),
                    ("threshold", .double(gate.threshold)),
                    ("passed", .bool(gate.passed)),
                ]
                if let note = gate.note { members.append(("note", .string(note))) }
                return .object(members)
            })
    }

    /// Made one file at a time as it is written (`lazyArray`): as a tree, the list of a report with
    /// 50,000 files held more memory than the coverage data itself.
    public static func files(_ files: [FileCoverage], display: @escaping (String) -> String) -> JSONValue {
        .lazyArray(
            JSONElements(count: files.count) { index in
                let file = files[index]
                let stats = file.stats
                return .object([
                    ("path", .string(display(file.path))),
                    ("percent", .double(stats.percent)),
                    ("covered", .int(stats.covered)),
                    ("total", .int(stats.total)),
                    ("missing_lines", .array(file.missingLines.map(JSONValue.int))),
                    ("missing_branches", .int(stats.missingBranches)),
                ])
            })
    }

    public static func reports(_ reports: [CoverageChecker.ReportSummary]) -> JSONValue {
        .array(reports.map { .object([("path", .string($0.path)), ("format", .string($0.format.rawValue)), ("files", .int($0.fileCount))]) })
    }
}
