import Foundation
import CLibXML2

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
struct CoberturaReader {
    private let xml: XMLStreamReader
    private let file: String

    init(_ xml: XMLStreamReader) {
        self.xml = xml
        self.file = xml.path
    }

    /// Reads the document; `xml` stands on the root `<coverage>` start tag.
    func read() throws -> ParsedReport {
        let nSource = xml.intern("source"), nClass = xml.intern("class"), nMethods = xml.intern("methods")
        let nLine = xml.intern("line"), nCoverage = xml.intern("coverage")
        let aFilename = xml.intern("filename"), aNumber = xml.intern("number"), aHits = xml.intern("hits")
        let aBranch = xml.intern("branch"), aCondition = xml.intern("condition-coverage")

        let header = try readHeader()
        var rootClosed = xml.isEmptyElement
        var sources: [String] = []
        var filenames: [String] = []
        var lines: [[LineCoverage]] = []
        var indexByFilename: [String: Int] = [:]
        var current: Int?
        var methodsDepth = 0

        while try xml.next() {
            let name = xml.name
            if xml.node == .start {
                if xml.isNamed(name, nLine, "line") {
                    guard let index = current, methodsDepth == 0 else { continue }
                    lines[index].append(try readLine(aNumber, aHits, aBranch, aCondition))
                } else if xml.isNamed(name, nClass, "class") {
                    var filename: String?
                    xml.forEachAttribute { attribute, value in
                        if xml.isNamed(attribute, aFilename, "filename") { filename = String(cString: value) }
                    }
                    guard let filename, !filename.isEmpty else {
                        throw CoverageReadError.missingField(file: file, line: xml.line, detail: "a <class> has no filename attribute")
                    }
                    if let index = indexByFilename[filename] {
                        current = index
                    } else {
                        current = filenames.count
                        indexByFilename[filename] = filenames.count
                        filenames.append(filename)
                        lines.append([])
                    }
                    if xml.isEmptyElement { current = nil }
                } else if xml.isNamed(name, nMethods, "methods") {
                    if !xml.isEmptyElement { methodsDepth += 1 }
                } else if xml.isNamed(name, nSource, "source") {
                    if !xml.isEmptyElement { sources.append(xml.text()) } else { sources.append("") }
                }
            } else if xml.node == .end {
                if xml.isNamed(name, nClass, "class") {
                    current = nil
                } else if xml.isNamed(name, nMethods, "methods") {
                    methodsDepth = max(0, methodsDepth - 1)
                } else if xml.isNamed(name, nCoverage, "coverage") {
                    rootClosed = true
                }
            }
        }
        guard rootClosed else { throw CoverageReadError.truncated(file: file) }

        let roots = sources.map(CoberturaReader.normalisedSource)
        var files: [ReportedFile] = []
        var recount = CoverageStats()
        for (index, filename) in filenames.enumerated() {
            let merged = LineCoverage.normalised(lines[index])
            recount = recount + CoverageStats(lines: merged)
            files.append(ReportedFile(candidates: CoberturaReader.candidates(filename: filename, sources: roots), lines: merged))
        }
        return ParsedReport(path: file, format: .cobertura, files: files, warnings: header.warnings(against: recount, file: file))
    }

    // MARK: - Lines

    private func readLine(
        _ aNumber: UnsafePointer<xmlChar>?, _ aHits: UnsafePointer<xmlChar>?,
        _ aBranch: UnsafePointer<xmlChar>?, _ aCondition: UnsafePointer<xmlChar>?
    ) throws -> LineCoverage {
        var number: UInt64?
        var hits: UInt64?
        var isBranch = false
        var condition = CountParser.Condition.none
        try xml.forEachAttribute { attribute, value in
            if xml.isNamed(attribute, aNumber, "number") {
                guard let parsed = CountParser.count(value), parsed >= 1, parsed <= UInt64(UInt32.max) else {
                    throw CoverageReadError.impossibleNumber(
                        file: file, line: xml.line, detail: "line number=\"\(String(cString: value))\" is not a line number")
                }
                number = parsed
            } else if xml.isNamed(attribute, aHits, "hits") {
                guard let parsed = CountParser.count(value) else {
                    throw CoverageReadError.impossibleNumber(
                        file: file, line: xml.line, detail: "hits=\"\(String(cString: value))\" is not a count")
                }
                hits = parsed
            } else if xml.isNamed(attribute, aBranch, "branch") {
                // "true", "True" (coverlet), "TRUE": C's strcasecmp on ASCII.
                isBranch = strcasecmp(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self), "true") == 0
            } else if xml.isNamed(attribute, aCondition, "condition-coverage") {
                condition = CountParser.condition(value)
                switch condition {
                case .invalid:
                    throw CoverageReadError.impossibleNumber(
                        file: file, line: xml.line,
                        detail: "condition-coverage=\"\(String(cString: value))\" has no (covered/total) pair")
                case .pair(let covered, let total) where covered > total || total > UInt64(UInt16.max):
                    throw CoverageReadError.impossibleNumber(
                        file: file, line: xml.line,
                        detail: "condition-coverage=\"\(String(cString: value))\" covers more branches than there are")
                default:
                    break
                }
            }
        }
        guard let number else {
            throw CoverageReadError.missingField(file: file, line: xml.line, detail: "a <line> has no number attribute")
        }
        guard let hits else {
            throw CoverageReadError.missingField(file: file, line: xml.line, detail: "line \(number) has no hits attribute")
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
               Int(linesValid) != recount.statements || Int(linesCovered) != recount.coveredStatements {
                out.append("\(file): header says \(Int(linesCovered))/\(Int(linesValid)) lines covered, the lines listed give \(recount.coveredStatements)/\(recount.statements); using the lines")
            }
            // Without branch measurement coverage.py writes 0/0, and xcc writes a meaningless 1.0.
            if let branchesValid, let branchesCovered, branchesValid > 1,
               Int(branchesValid) != recount.branches || Int(branchesCovered) != recount.coveredBranches {
                out.append("\(file): header says \(Int(branchesCovered))/\(Int(branchesValid)) branches covered, the lines listed give \(recount.coveredBranches)/\(recount.branches); using the lines")
            }
            return out
        }
    }

    private func readHeader() throws -> Header {
        var header = Header()
        try xml.forEachAttribute { attribute, value in
            let key = String(cString: attribute)
            guard ["lines-valid", "lines-covered", "branches-valid", "branches-covered"].contains(key) else { return }
            let text = String(cString: value)
            guard let number = CountParser.headerNumber(text) else {
                throw CoverageReadError.impossibleNumber(file: file, line: xml.line, detail: "\(key)=\"\(text)\" is not a count")
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
                file: file, line: xml.line, detail: "lines-covered=\"\(covered)\" is more than lines-valid=\"\(valid)\"")
        }
        if let valid = header.branchesValid, let covered = header.branchesCovered, covered > valid {
            throw CoverageReadError.impossibleNumber(
                file: file, line: xml.line, detail: "branches-covered=\"\(covered)\" is more than branches-valid=\"\(valid)\"")
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
        // Only Windows writers use `\`; skip the copy for everyone else.
        let name = filename.utf8.contains(UInt8(ascii: "\\")) ? filename.replacingOccurrences(of: "\\", with: "/") : filename
        if PathMapper.isAbsolute(name) { return [name] }
        var result: [String] = []
        for source in sources {
            let joined = source.isEmpty ? name : (source.hasSuffix("/") ? source + name : source + "/" + name)
            if !result.contains(joined) { result.append(joined) }
        }
        if !result.contains(name) { result.append(name) }
        return result
    }
}
