import Foundation

/// Reads an LCOV tracefile.
///
/// Spec: geninfo(1), "TRACEFILE FORMAT" (https://github.com/linux-test-project/lcov, man/geninfo.1),
/// and the writer in llvm `tools/llvm-cov/CoverageExporterLcov.cpp`: one record per source file,
/// `SF:<path>` … `end_of_record`, with `DA:<line>,<count>[,<checksum>]` per measured line and
/// `BRDA:<line>,<block>,<branch>,<taken|->` per branch arc. `TN`, `FN*`, `LF/LH`, `BRF/BRH` and
/// `VER` are summaries or function data and are not needed.
///
/// The same `SF` may appear in several records (once per test name): counts are summed and a branch
/// arc is taken if any record took it. A branch arc on a line with no `DA` is ignored, since only
/// measured lines count. Negative or non-numeric counts are refused.
struct LCOVReader {
    let path: String

    private struct Accumulator {
        var name: String
        var hits: [UInt32: UInt64] = [:]
        var arcs: [ArcKey: Bool] = [:]
    }

    private struct ArcKey: Hashable {
        var line: UInt32
        var id: String
    }

    /// Reads the tracefile from `descriptor`, positioned at its start.
    func read(descriptor: Int32) throws -> ParsedReport {
        var files: [Accumulator] = []
        var indexByName: [String: Int] = [:]
        var current: Int?
        var lineNumber = 0

        func handle(_ line: ArraySlice<UInt8>) throws {
            lineNumber += 1
            var line = line
            if line.last == 0x0D { line = line.dropLast() }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                if text == "end_of_record" { current = nil }
                return
            }
            let key = line[line.startIndex..<colon]
            let value = line[(colon + 1)...]
            if key.elementsEqual("SF".utf8) {
                let name = String(decoding: value, as: UTF8.self).replacingOccurrences(of: "\\", with: "/")
                guard !name.isEmpty else {
                    throw CoverageReadError.missingField(file: path, line: lineNumber, detail: "SF: names no file")
                }
                if let index = indexByName[name] {
                    current = index
                } else {
                    current = files.count
                    indexByName[name] = files.count
                    files.append(Accumulator(name: name))
                }
            } else if key.elementsEqual("DA".utf8) {
                guard let index = current else {
                    throw CoverageReadError.missingField(file: path, line: lineNumber, detail: "DA: outside an SF: record")
                }
                let fields = value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
                guard fields.count >= 2 else {
                    throw CoverageReadError.missingField(file: path, line: lineNumber, detail: "DA: needs a line and a count")
                }
                guard let number = CountParser.count(fields[0]), number >= 1, number <= UInt64(UInt32.max) else {
                    throw CoverageReadError.impossibleNumber(
                        file: path, line: lineNumber, detail: "DA line \"\(String(decoding: fields[0], as: UTF8.self))\" is not a line number")
                }
                guard let count = CountParser.count(fields[1]) else {
                    throw CoverageReadError.impossibleNumber(
                        file: path, line: lineNumber, detail: "DA count \"\(String(decoding: fields[1], as: UTF8.self))\" is not a count")
                }
                let (sum, overflow) = (files[index].hits[UInt32(number)] ?? 0).addingReportingOverflow(count)
                files[index].hits[UInt32(number)] = overflow ? UInt64.max : sum
            } else if key.elementsEqual("BRDA".utf8) {
                guard let index = current else {
                    throw CoverageReadError.missingField(file: path, line: lineNumber, detail: "BRDA: outside an SF: record")
                }
                let fields = value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
                guard fields.count >= 4, let number = CountParser.count(fields[0]), number >= 1, number <= UInt64(UInt32.max) else {
                    throw CoverageReadError.impossibleNumber(file: path, line: lineNumber, detail: "BRDA needs line,block,branch,taken")
                }
                // lcov 2 allows a comma inside the branch expression; the count is always last.
                let takenField = fields[fields.count - 1]
                let taken: Bool
                if takenField.elementsEqual("-".utf8) {
                    taken = false
                } else if let count = CountParser.count(takenField) {
                    taken = count > 0
                } else {
                    throw CoverageReadError.impossibleNumber(
                        file: path, line: lineNumber, detail: "BRDA taken \"\(String(decoding: takenField, as: UTF8.self))\" is not a count")
                }
                let id = String(decoding: value[fields[1].startIndex..<fields[fields.count - 2].endIndex], as: UTF8.self)
                let key = ArcKey(line: UInt32(number), id: id)
                files[index].arcs[key] = (files[index].arcs[key] ?? false) || taken
            } else if key.elementsEqual("end_of_record".utf8) {
                current = nil
            }
        }

        // Stream in 256 KiB chunks so a large tracefile never sits in memory whole.
        var buffer = [UInt8](repeating: 0, count: 256 * 1024)
        var pending: [UInt8] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CoverageReadError.unreadable(file: path, reason: String(cString: strerror(errno)).lowercased())
            }
            if count == 0 { break }
            var start = 0
            for i in 0..<count where buffer[i] == 0x0A {
                if pending.isEmpty {
                    try handle(buffer[start..<i])
                } else {
                    pending.append(contentsOf: buffer[start..<i])
                    try handle(pending[...])
                    pending.removeAll(keepingCapacity: true)
                }
                start = i + 1
            }
            pending.append(contentsOf: buffer[start..<count])
        }
        if !pending.isEmpty { try handle(pending[...]) }

        let reported = files.map { file -> ReportedFile in
            var branches: [UInt32: (covered: UInt16, total: UInt16)] = [:]
            for (key, taken) in file.arcs where file.hits[key.line] != nil {
                var entry = branches[key.line] ?? (0, 0)
                entry.total &+= 1
                if taken { entry.covered &+= 1 }
                branches[key.line] = entry
            }
            let lines = file.hits.map { number, hits in
                LineCoverage(
                    number: number, hits: UInt32(min(hits, UInt64(UInt32.max))),
                    branchesCovered: branches[number]?.covered ?? 0, branchesTotal: branches[number]?.total ?? 0)
            }.sorted { $0.number < $1.number }
            return ReportedFile(name: file.name, lines: lines)
        }
        return ParsedReport(path: path, format: .lcov, files: reported)
    }
}
