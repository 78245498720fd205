import Coverage
import FuzzSupport

/// Which inputs a coverage target keeps in its corpus: the three coverage targets share one reader
/// (the format is told by content), so each steers libFuzzer towards its own format.
public enum CoverageInputKind {
    case xml
    case lcov

    /// libFuzzer's "do not add to the corpus" answer (-1) for an input of the other kind.
    public func rejects(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let first = bytes.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
        let looksLikeXML = first == UInt8(ascii: "<")
        switch self {
        case .xml: return !looksLikeXML
        case .lcov: return looksLikeXML
        }
    }
}

/// Reads one input as a coverage report through the public entry point, as check-coverage does, and
/// checks what the readers promise about the lines they return.
public func fuzzCoverageReport(_ start: UnsafePointer<UInt8>?, _ count: Int, kind: CoverageInputKind) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    if kind.rejects(bytes) { return -1 }
    let path = ScratchFile.write(bytes)
    guard let report = try? ReportReader.read(path: path, displayPath: "fuzz-input") else { return 0 }
    fuzzCheck(!report.files.isEmpty, "a report with no files was accepted")
    for file in report.files {
        fuzzCheck(!file.candidates.isEmpty, "a file with no candidate path")
        var previous: UInt32 = 0
        for line in file.lines {
            fuzzCheck(line.number >= 1, "line number 0")
            fuzzCheck(line.number > previous, "lines not sorted and merged: \(previous) then \(line.number)")
            fuzzCheck(
                line.branchesCovered <= line.branchesTotal,
                "line \(line.number) covers \(line.branchesCovered) of \(line.branchesTotal) branches")
            previous = line.number
        }
        let stats = CoverageStats(lines: file.lines)
        fuzzCheck(
            stats.coveredStatements <= stats.statements && stats.coveredBranches <= stats.branches,
            "covered more than there is")
    }
    return 0
}
