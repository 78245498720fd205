/// Puts the files of one or more reports together under their repository paths.
///
/// Several reports (or several entries of one report) that name the same file are merged line by
/// line: the highest hit count wins and branch data is combined (`LineCoverage.merged`), so a line
/// covered by any test run counts as covered, and mixed formats (Cobertura + LCOV + JaCoCo) combine.
public enum CoverageMerger {
    public struct Result: Sendable {
        /// Sorted by path.
        public var files: [FileCoverage]
        /// The files whose path was not found in the repository, with the report that named them.
        public var unmatched: [(report: String, path: String)]
    }

    /// - Throws: `PathMappingError.nothingMatched` when not one file of any report exists in the
    ///   repository: the report belongs to another checkout, and every gate would be meaningless.
    ///
    /// The reports are consumed: each report's lines are released once they are filed under their
    /// path, so a large report is held in memory once, not twice.
    public static func merge(_ reports: consuming [ParsedReport], mapper: PathMapper) throws -> Result {
        var files: [FileCoverage] = []
        var indexByPath: [String: Int] = [:]
        indexByPath.reserveCapacity(reports.reduce(0) { $0 + $1.files.count })
        var unmatched: [(report: String, path: String)] = []
        var anyMatched = false
        let names = reports.map(\.path)
        let example = reports.first?.files.first?.candidates.first ?? "?"
        for index in reports.indices {
            let report = reports[index]
            reports[index].files = []
            for file in report.files {
                let resolution = mapper.resolve(file.candidates)
                anyMatched = anyMatched || resolution.matched
                if !resolution.matched { unmatched.append((report.path, file.candidates.first ?? resolution.path)) }
                if let existing = indexByPath[resolution.path] {
                    files[existing].lines += file.lines
                    files[existing].matched = files[existing].matched || resolution.matched
                } else {
                    indexByPath[resolution.path] = files.count
                    files.append(FileCoverage(path: resolution.path, matched: resolution.matched, lines: file.lines))
                }
            }
        }
        guard anyMatched else {
            throw PathMappingError.nothingMatched(report: names.joined(separator: ", "), example: example, root: mapper.root)
        }
        // Duplicates were appended out of order; everything else is sorted already.
        for index in files.indices where files.count > 0 {
            files[index].lines = LineCoverage.normalised(files[index].lines)
        }
        // Reports list files in path order almost always; sorting 50,000 paths costs more than checking.
        if !zip(files, files.dropFirst()).allSatisfy({ $0.path < $1.path }) {
            files.sort { $0.path < $1.path }
        }
        return Result(files: files, unmatched: unmatched)
    }
}
