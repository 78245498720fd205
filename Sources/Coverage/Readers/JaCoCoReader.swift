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
struct JaCoCoReader {
    static let sourceRoots = ["src/main/java", "src/test/java", "src/main/kotlin", "src/test/kotlin"]

    private let xml: XMLStreamReader
    private let file: String

    init(_ xml: XMLStreamReader) {
        self.xml = xml
        self.file = xml.path
    }

    /// Reads the document; `xml` stands on the root `<report>` start tag.
    func read() throws -> ParsedReport {
        let nGroup = xml.intern("group"), nPackage = xml.intern("package"), nSourcefile = xml.intern("sourcefile")
        let nLine = xml.intern("line"), nReport = xml.intern("report")
        let aName = xml.intern("name"), aNr = xml.intern("nr"), aMi = xml.intern("mi"), aCi = xml.intern("ci")
        let aMb = xml.intern("mb"), aCb = xml.intern("cb")

        var rootClosed = xml.isEmptyElement
        var groups: [String] = []
        var package: String?
        var keys: [String] = []
        var groupOfKey: [String] = []
        var lines: [[LineCoverage]] = []
        var indexByKey: [String: Int] = [:]
        var current: Int?

        func nameAttribute() -> String {
            var name = ""
            xml.forEachAttribute { attribute, value in
                if xml.isNamed(attribute, aName, "name") { name = String(cString: value) }
            }
            return name
        }

        while try xml.next() {
            let name = xml.name
            if xml.node == .start {
                if xml.isNamed(name, nLine, "line") {
                    guard let index = current else { continue }
                    var values: [UInt64?] = [nil, nil, nil, nil, nil]
                    try xml.forEachAttribute { attribute, value in
                        let slot: Int
                        if xml.isNamed(attribute, aNr, "nr") { slot = 0 }
                        else if xml.isNamed(attribute, aMi, "mi") { slot = 1 }
                        else if xml.isNamed(attribute, aCi, "ci") { slot = 2 }
                        else if xml.isNamed(attribute, aMb, "mb") { slot = 3 }
                        else if xml.isNamed(attribute, aCb, "cb") { slot = 4 }
                        else { return }
                        guard let parsed = CountParser.count(value) else {
                            throw CoverageReadError.impossibleNumber(
                                file: file, line: xml.line,
                                detail: "\(String(cString: attribute))=\"\(String(cString: value))\" is not a count")
                        }
                        values[slot] = parsed
                    }
                    guard let nr = values[0], nr >= 1, nr <= UInt64(UInt32.max) else {
                        throw CoverageReadError.missingField(file: file, line: xml.line, detail: "a <line> has no valid nr attribute")
                    }
                    let mi = values[1] ?? 0, ci = values[2] ?? 0, mb = values[3] ?? 0, cb = values[4] ?? 0
                    // A line without instructions is not code; JaCoCo never writes one, but a
                    // hand-made report might.
                    guard mi + ci > 0 else { continue }
                    let (branches, overflow) = mb.addingReportingOverflow(cb)
                    guard !overflow, branches <= UInt64(UInt16.max) else {
                        throw CoverageReadError.impossibleNumber(file: file, line: xml.line, detail: "line \(nr) has \(mb)+\(cb) branches")
                    }
                    lines[index].append(LineCoverage(
                        number: UInt32(nr), hits: UInt32(min(ci, UInt64(UInt32.max))),
                        branchesCovered: UInt16(cb), branchesTotal: UInt16(branches)))
                } else if xml.isNamed(name, nSourcefile, "sourcefile") {
                    guard let package else { continue }
                    let sourceName = nameAttribute()
                    guard !sourceName.isEmpty else {
                        throw CoverageReadError.missingField(file: file, line: xml.line, detail: "a <sourcefile> has no name attribute")
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
                    if xml.isEmptyElement { current = nil }
                } else if xml.isNamed(name, nPackage, "package") {
                    package = xml.isEmptyElement ? nil : nameAttribute().replacingOccurrences(of: ".", with: "/")
                } else if xml.isNamed(name, nGroup, "group") {
                    if !xml.isEmptyElement { groups.append(nameAttribute()) }
                }
            } else if xml.node == .end {
                if xml.isNamed(name, nSourcefile, "sourcefile") {
                    current = nil
                } else if xml.isNamed(name, nPackage, "package") {
                    package = nil
                } else if xml.isNamed(name, nGroup, "group") {
                    _ = groups.popLast()
                } else if xml.isNamed(name, nReport, "report") {
                    rootClosed = true
                }
            }
        }
        guard rootClosed else { throw CoverageReadError.truncated(file: file) }

        var files: [ReportedFile] = []
        for (index, path) in keys.enumerated() {
            let group = groupOfKey[index]
            var candidates: [String] = []
            for prefix in (group.isEmpty ? [""] : [group, ""]) {
                for root in JaCoCoReader.sourceRoots {
                    candidates.append((prefix.isEmpty ? "" : prefix + "/") + root + "/" + path)
                }
            }
            candidates.append(path)
            files.append(ReportedFile(candidates: candidates, lines: LineCoverage.normalised(lines[index])))
        }
        return ParsedReport(path: file, format: .jacoco, files: files)
    }
}
