/// The report formats check-coverage reads, told apart by content, never by file name.
public enum ReportFormat: String, Sendable, Equatable, CaseIterable {
    /// Cobertura XML: coverage.py, gcovr, istanbul/nyc, coverlet, slather.
    case cobertura
    /// JaCoCo's XML report.
    case jacoco
    /// LCOV tracefile (`geninfo`, `llvm-cov export -format=lcov`, gcovr `--lcov`).
    case lcov
}

/// What the first bytes of a report say about its format.
enum ReportSniffer {
    enum Kind: Equatable {
        /// Starts with `<` after an optional UTF-8 byte-order mark and whitespace; the root element
        /// decides between Cobertura and JaCoCo once the XML reader reaches it.
        case xml
        case lcov
    }

    /// LCOV record keys (geninfo(1)); a tracefile's first non-blank line starts with one of them.
    static let lcovKeys = ["TN:", "SF:", "VER:", "FN:", "FNDA:", "FNF:", "FNH:", "DA:", "BRDA:", "BRF:", "BRH:", "LF:", "LH:"]

    /// Classifies `head`, the first bytes of the file.
    /// - Throws: `CoverageReadError` for an empty file or one that is neither XML nor LCOV.
    static func kind(of head: [UInt8], path: String) throws -> Kind {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // UTF-16 and UTF-32 reports would slip past the entity guard, which scans ASCII bytes; no
        // coverage tool writes them.
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.first == 0 {
            throw CoverageReadError.unsupportedEncoding(file: path)
        }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        bytes = bytes.drop(while: isSpace)
        guard let first = bytes.first else { throw CoverageReadError.empty(file: path) }
        if first == UInt8(ascii: "<") { return .xml }
        let line = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
        let text = String(decoding: line, as: UTF8.self)
        if lcovKeys.contains(where: { text.hasPrefix($0) }) || text == "end_of_record" { return .lcov }
        throw CoverageReadError.unknownFormat(file: path)
    }
}
