import CLibXML2
import Foundation

/// Reads Cobertura XML as coverage.py, gcovr, istanbul/nyc, coverlet and slather write it.
///
/// Spec: the Cobertura DTD coverage-04
/// (https://raw.githubusercontent.com/cobertura/web/master/htdocs/xml/coverage-04.dtd):
/// `coverage > sources > source*`, `coverage > packages > package > classes > class[filename] >
/// (methods > method > lines > line)?, lines > line[number hits branch? condition-coverage?]`.
/// Attribute defaults from the DTD: `branch="false"`, `condition-coverage="100%"`.
///
/// Rules that keep the numbers equal to coverage.py's:
/// - Only `class/lines/line` counts. gcovr, istanbul and coverlet repeat every line under
///   `methods/method/lines`; those copies are skipped, never counted twice.
/// - A file in several classes (coverlet: one class per .NET type) and a line listed twice (xcc) are
///   merged per line: highest hits, the branch data that saw the most arcs.
/// - Branch arcs come from the `(covered/total)` pair of `condition-coverage` on lines whose
///   `branch` is true in any letter case (coverlet writes `True`). The rounded `line-rate` and
///   `branch-rate` attributes are never used.
/// - Header totals (`lines-valid` …) must be finite and non-negative with covered ≤ valid; when they
///   disagree with the recount, the recount wins and a warning says so.
struct CoberturaReader: XMLElementHandler {
    private let file: String
    private var names = Names()
    private var header = Header()
    private var sawRoot = false
    private var rootClosed = false
    private var sources: [String] = []
    private var filenames: [String] = []
    private var lines: [[LineCoverage]] = []
    private var indexByFilename: [String: Int] = [:]
    /// The class whose `<lines>` are being read, as an index into `filenames`.
    private var current: Int?
    /// How many `<methods>` elements enclose the position: their lines are copies.
    private var methodsDepth = 0

    init(path: String) {
        self.file = path
    }

    /// Element and attribute names, interned once per document.
    private struct Names {
        var source, `class`, methods, line, coverage: UnsafePointer<xmlChar>?
        var filename, number, hits, branch, condition: UnsafePointer<xmlChar>?
    }

    mutating func prepare(_ table: XMLNameTable) {
        names = Names(
            source: table.intern("source"), class: table.intern("class"), methods: table.intern("methods"),
            line: table.intern("line"), coverage: table.intern("coverage"),
            filename: table.intern("filename"), number: table.intern("number"), hits: table.intern("hits"),
            branch: table.intern("branch"), condition: table.intern("condition-coverage"))
    }

    mutating func start(_ element: XMLElement) throws -> Bool {
        let name = element.name
        if !sawRoot {
            sawRoot = true
            header = try readHeader(element)
        } else if xmlNameIs(name, names.line, "line") {
            guard let index = current, methodsDepth == 0 else { return false }
            lines[index].append(try readLine(element))
        } else if xmlNameIs(name, names.class, "class") {
            var filename: String?
            element.forEachAttribute { attribute, value in
                if xmlNameIs(attribute, names.filename, "filename") { filename = xmlString(value) }
            }
            guard let filename, !filename.isEmpty else {
                throw CoverageReadError.missingField(file: file, line: element.line, detail: "a <class> has no filename attribute")
            }
            if let index = indexByFilename[filename] {
                current = index
            } else {
                current = filenames.count
                indexByFilename[filename] = filenames.count
                filenames.append(filename)
                lines.append([])
            }
        } else if xmlNameIs(name, names.methods, "methods") {
            methodsDepth += 1
        } else if xmlNameIs(name, names.source, "source") {
            return true
        }
        return false
    }

    mutating func end(_ name: UnsafePointer<xmlChar>, text: String?) throws {
        if xmlNameIs(name, names.class, "class") {
            current = nil
        } else if xmlNameIs(name, names.methods, "methods") {
            methodsDepth = max(0, methodsDepth - 1)
        } else if xmlNameIs(name, names.source, "source") {
            sources.append(text ?? "")
        } else if xmlNameIs(name, names.coverage, "coverage") {
            rootClosed = true
        }
    }

    mutating func finish() throws -> ParsedReport {
        guard rootClosed else { throw CoverageReadError.truncated(file: file) }
        let roots = sources.map(CoberturaReader.normalisedSource)
        var files: [ReportedFile] = []
        files.reserveCapacity(filenames.count)
        var recount = CoverageStats()
        for (index, filename) in filenames.enumerated() {
            // An exact-size copy: appending left up to half of each array unused, and a large report
            // keeps every line until the gates are done.
            var merged: [LineCoverage] = []
            merged.reserveCapacity(lines[index].count)
            merged.append(contentsOf: LineCoverage.normalised(lines[index]))
            lines[index] = []
            recount = recount + CoverageStats(lines: merged)
            files.append(ReportedFile(name: CoberturaReader.slashed(filename), roots: roots, lines: merged))
        }
        return ParsedReport(path: file, format: .cobertura, files: files, warnings: header.warnings(against: recount, file: file))
    }

    // MARK: - Lines

    private func readLine(_ element: XMLElement) throws -> LineCoverage {
        var number: UInt64?
        var hits: UInt64?
        var isBranch = false
        var condition = CountParser.Condition.none
        try element.forEachAttribute { attribute, value in
            if xmlNameIs(attribute, names.number, "number") {
                guard let parsed = CountParser.attributeCount(value), parsed >= 1, parsed <= UInt64(UInt32.max) else {
                    throw CoverageReadError.impossibleNumber(
                        file: file, line: element.line, detail: "line number=\"\(xmlString(value))\" is not a line number")
                }
                number = parsed
            } else if xmlNameIs(attribute, names.hits, "hits") {
                guard let parsed = CountParser.attributeCount(value) else {
                    throw CoverageReadError.impossibleNumber(
                        file: file, line: element.line, detail: "hits=\"\(xmlString(value))\" is not a count")
                }
                hits = parsed
            } else if xmlNameIs(attribute, names.branch, "branch") {
                // "true", "True" (coverlet), "TRUE": ASCII letters in any case.
                isBranch = CountParser.isTrue(value)
            } else if xmlNameIs(attribute, names.condition, "condition-coverage") {
                condition = CountParser.condition(value)
                switch condition {
                case .invalid:
                    throw CoverageReadError.impossibleNumber(
                        file: file, line: element.line,
                        detail: "condition-coverage=\"\(xmlString(value))\" has no (covered/total) pair")
                case .pair(let covered, let total) where covered > total || total > UInt64(UInt16.max):
                    throw CoverageReadError.impossibleNumber(
                        file: file, line: element.line,
                        detail: "condition-coverage=\"\(xmlString(value))\" covers more branches than there are")
                default:
                    break
                }
            }
        }
        guard let number else {
            throw CoverageReadError.missingField(file: file, line: element.line, detail: "a <line> has no number attribute")
        }
        guard let hits else {
            throw CoverageReadError.missingField(file: file, line: element.line, detail: "line \(number) has no hits attribute")
        }
        var record = LineCoverage(number: UInt32(number), hits: UInt32(min(hits, UInt64(UInt32.max))))
        if isBranch, case .pair(let covered, let total) = condition {
            record.branchesCovered = UInt16(covered)
            record.branchesTotal = UInt16(total)
        }
        return record
    }

    // MARK: - Header

    private struct Header {
        var linesValid: Double?
        var linesCovered: Double?
        var branchesValid: Double?
        var branchesCovered: Double?

        func warnings(against recount: CoverageStats, file: String) -> [String] {
            var out: [String] = []
            if let linesValid, let linesCovered,
                Int(linesValid) != recount.statements || Int(linesCovered) != recount.coveredStatements
            {
                out.append(
                    "\(file): header says \(Int(linesCovered))/\(Int(linesValid)) lines covered, the lines listed give \(recount.coveredStatements)/\(recount.statements); using the lines"
                )
            }
            // Without branch measurement coverage.py writes 0/0, and xcc writes a meaningless 1.0.
            if let branchesValid, let branchesCovered, branchesValid > 1,
                Int(branchesValid) != recount.branches || Int(branchesCovered) != recount.coveredBranches
            {
                out.append(
                    "\(file): header says \(Int(branchesCovered))/\(Int(branchesValid)) branches covered, the lines listed give \(recount.coveredBranches)/\(recount.branches); using the lines"
                )
            }
            return out
        }
    }

    private func readHeader(_ element: XMLElement) throws -> Header {
        var header = Header()
        try element.forEachAttribute { attribute, value in
            let key = String(cString: attribute)
            guard ["lines-valid", "lines-covered", "branches-valid", "branches-covered"].contains(key) else { return }
            let text = xmlString(value)
            guard let number = CountParser.headerNumber(text) else {
                throw CoverageReadError.impossibleNumber(file: file, line: element.line, detail: "\(key)=\"\(text)\" is not a count")
            }
            switch key {
            case "lines-valid": header.linesValid = number
            case "lines-covered": header.linesCovered = number
            case "branches-valid": header.branchesValid = number
            default: header.branchesCovered = number
            }
        }
        if let valid = header.linesValid, let covered = header.linesCovered, covered > valid {
            throw CoverageReadError.impossibleNumber(
                file: file, line: element.line, detail: "lines-covered=\"\(covered)\" is more than lines-valid=\"\(valid)\"")
        }
        if let valid = header.branchesValid, let covered = header.branchesCovered, covered > valid {
            throw CoverageReadError.impossibleNumber(
                file: file, line: element.line, detail: "branches-covered=\"\(covered)\" is more than branches-valid=\"\(valid)\"")
        }
        return header
    }

    // MARK: - Paths

    /// `\` → `/`, surrounding whitespace and trailing separators removed; "" means "relative to the
    /// directory coverage ran in" (coverage.py with `relative_files` and no `source`).
    static func normalisedSource(_ source: String) -> String {
        var text = source.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\\", with: "/")
        while text.count > 1 && text.hasSuffix("/") { text.removeLast() }
        return text == "." ? "" : text
    }

    /// Every `<source>` joined with `filename`, then the bare `filename` (diff-cover indexes both;
    /// coverage.py writes the path relative to the first source that contains the file, which a
    /// reader cannot know). An absolute `filename` (SourceLink, xcc) is used as it is.
    static func candidates(filename: String, sources: [String]) -> [String] {
        ReportedFile(name: slashed(filename), roots: sources, lines: []).candidates
    }

    /// `\` → `/`: only Windows writers use `\`, so the copy is skipped for everyone else.
    static func slashed(_ filename: String) -> String {
        let hasBackslash =
            filename.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "\\")) }
            ?? filename.utf8.contains(UInt8(ascii: "\\"))
        return hasBackslash ? filename.replacingOccurrences(of: "\\", with: "/") : filename
    }
}
