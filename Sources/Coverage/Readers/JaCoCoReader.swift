import CLibXML2
import Foundation

/// Reads JaCoCo's XML report.
///
/// Spec: JaCoCo's report DTD, `-//JACOCO//DTD Report 1.1//EN`
/// (jacoco/jacoco `org.jacoco.report/src/org/jacoco/report/xml/report.dtd`):
/// `report > group* > package[name] > (class* , sourcefile[name]*)`, `sourcefile > line[nr mi ci mb
/// cb]`, where `mi`/`ci` are missed/covered instructions and `mb`/`cb` missed/covered branches on
/// the line. The DOCTYPE names `report.dtd` by a relative system id; it is never loaded.
///
/// A line counts as covered when `ci > 0` (JaCoCo's own LINE counter and diff-cover agree), its
/// branch arcs are `mb + cb` of which `cb` were taken. The report holds no source roots, so each
/// file is proposed under the usual Maven and Gradle roots (diff-cover's default `--src-roots` plus
/// Kotlin's), inside each enclosing `group` folder, and bare; the path mapper also searches the
/// repository for the `package/File.java` suffix.
struct JaCoCoReader: XMLElementHandler {
    static let sourceRoots = ["src/main/java", "src/test/java", "src/main/kotlin", "src/test/kotlin"]

    private let file: String
    private var names = Names()
    private var rootClosed = false
    private var groups: [String] = []
    private var package: String?
    private var keys: [String] = []
    private var groupOfKey: [String] = []
    private var lines: [[LineCoverage]] = []
    private var indexByKey: [String: Int] = [:]
    /// The `<sourcefile>` whose lines are being read, as an index into `keys`.
    private var current: Int?

    init(path: String) {
        self.file = path
    }

    /// Element and attribute names, interned once per document.
    private struct Names {
        var group, package, sourcefile, line, report: UnsafePointer<xmlChar>?
        var name, nr, mi, ci, mb, cb: UnsafePointer<xmlChar>?
    }

    mutating func prepare(_ table: XMLNameTable) {
        names = Names(
            group: table.intern("group"), package: table.intern("package"), sourcefile: table.intern("sourcefile"),
            line: table.intern("line"), report: table.intern("report"),
            name: table.intern("name"), nr: table.intern("nr"), mi: table.intern("mi"), ci: table.intern("ci"),
            mb: table.intern("mb"), cb: table.intern("cb"))
    }

    private func nameAttribute(_ element: XMLElement) -> String {
        var name = ""
        element.forEachAttribute { attribute, value in
            if xmlNameIs(attribute, names.name, "name") { name = xmlString(value) }
        }
        return name
    }

    mutating func start(_ element: XMLElement) throws -> Bool {
        let name = element.name
        if xmlNameIs(name, names.line, "line") {
            guard let index = current else { return false }
            if let line = try readLine(element) { lines[index].append(line) }
        } else if xmlNameIs(name, names.sourcefile, "sourcefile") {
            guard let package else { return false }
            let sourceName = nameAttribute(element)
            guard !sourceName.isEmpty else {
                throw CoverageReadError.missingField(file: file, line: element.line, detail: "a <sourcefile> has no name attribute")
            }
            let group = groups.joined(separator: "/")
            let path = package.isEmpty ? sourceName : package + "/" + sourceName
            let key = group + "\u{0}" + path
            if let index = indexByKey[key] {
                current = index
            } else {
                current = keys.count
                indexByKey[key] = keys.count
                keys.append(path)
                groupOfKey.append(group)
                lines.append([])
            }
        } else if xmlNameIs(name, names.package, "package") {
            package = nameAttribute(element).replacingOccurrences(of: ".", with: "/")
        } else if xmlNameIs(name, names.group, "group") {
            groups.append(nameAttribute(element))
        }
        return false
    }

    mutating func end(_ name: UnsafePointer<xmlChar>, text: String?) throws {
        if xmlNameIs(name, names.sourcefile, "sourcefile") {
            current = nil
        } else if xmlNameIs(name, names.package, "package") {
            package = nil
        } else if xmlNameIs(name, names.group, "group") {
            _ = groups.popLast()
        } else if xmlNameIs(name, names.report, "report") {
            rootClosed = true
        }
    }

    /// One `<line nr mi ci mb cb/>`; nil for a line without instructions, which is not code (JaCoCo
    /// never writes one, but a hand-made report might).
    private func readLine(_ element: XMLElement) throws -> LineCoverage? {
        var values: [UInt64?] = [nil, nil, nil, nil, nil]
        try element.forEachAttribute { attribute, value in
            let slot: Int
            if xmlNameIs(attribute, names.nr, "nr") {
                slot = 0
            } else if xmlNameIs(attribute, names.mi, "mi") {
                slot = 1
            } else if xmlNameIs(attribute, names.ci, "ci") {
                slot = 2
            } else if xmlNameIs(attribute, names.mb, "mb") {
                slot = 3
            } else if xmlNameIs(attribute, names.cb, "cb") {
                slot = 4
            } else {
                return
            }
            guard let parsed = CountParser.attributeCount(value) else {
                throw CoverageReadError.impossibleNumber(
                    file: file, line: element.line,
                    detail: "\(String(cString: attribute))=\"\(xmlString(value))\" is not a count")
            }
            values[slot] = parsed
        }
        guard let nr = values[0], nr >= 1, nr <= UInt64(UInt32.max) else {
            throw CoverageReadError.missingField(file: file, line: element.line, detail: "a <line> has no valid nr attribute")
        }
        let mi = values[1] ?? 0, ci = values[2] ?? 0, mb = values[3] ?? 0, cb = values[4] ?? 0
        let (instructions, instructionOverflow) = mi.addingReportingOverflow(ci)
        guard instructionOverflow || instructions > 0 else { return nil }
        let (branches, overflow) = mb.addingReportingOverflow(cb)
        guard !overflow, branches <= UInt64(UInt16.max) else {
            throw CoverageReadError.impossibleNumber(file: file, line: element.line, detail: "line \(nr) has \(mb)+\(cb) branches")
        }
        return LineCoverage(
            number: UInt32(nr), hits: UInt32(min(ci, UInt64(UInt32.max))),
            branchesCovered: UInt16(cb), branchesTotal: UInt16(branches))
    }

    mutating func finish() throws -> ParsedReport {
        guard rootClosed else { throw CoverageReadError.truncated(file: file) }
        var files: [ReportedFile] = []
        // One roots array per group folder, shared by its files: the group's source roots, then the
        // repository's.
        var rootsByGroup: [String: [String]] = [:]
        for (index, path) in keys.enumerated() {
            let group = groupOfKey[index]
            let roots =
                rootsByGroup[group]
                ?? {
                    let made = (group.isEmpty ? [] : JaCoCoReader.sourceRoots.map { group + "/" + $0 }) + JaCoCoReader.sourceRoots
                    rootsByGroup[group] = made
                    return made
                }()
            files.append(ReportedFile(name: path, roots: roots, lines: LineCoverage.normalised(lines[index])))
        }
        return ParsedReport(path: file, format: .jacoco, files: files)
    }
}
