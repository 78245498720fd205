import Foundation

/// Why `verify-doc-index` cannot judge the index at all (exit 2). Every message names the file, and
/// the line when there is one, and says what to do; nothing is written after any of these.
public enum DocIndexError: Error, LocalizedError, Equatable, Sendable {
    case indexNotFound(file: String)
    case indexUnreadable(file: String, reason: String)
    case indexOutsideRoot(file: String, root: String)
    case docsNotFound(folder: String)
    case docUnreadable(file: String, reason: String)
    /// A start marker with no end marker after it.
    case unclosedMarker(file: String, line: Int)
    /// A second start marker; `first` is the line of the first one.
    case secondStartMarker(file: String, line: Int, first: Int)
    case endWithoutStart(file: String, line: Int)
    case unknownMarkerOption(file: String, line: Int, option: String, known: [String])
    case invalidMarkerOption(file: String, line: Int, key: String, value: String, allowed: [String])
    /// `--write` or `--diff` on an index without markers.
    case noMarkers(file: String, flag: String)

    public var errorDescription: String? {
        switch self {
        case .indexNotFound(let file):
            return "\(file): index not found; create it or pass --index"
        case .indexUnreadable(let file, let reason):
            return "\(file): cannot read the index (\(reason)); check its permissions"
        case .indexOutsideRoot(let file, let root):
            return "\(file): the index is outside the repository root \(root); pass --root"
        case .docsNotFound(let folder):
            return "\(folder): docs folder not found; pass --docs"
        case .docUnreadable(let file, let reason):
            return "\(file): cannot read (\(reason)); fix its permissions or exclude it"
        case .unclosedMarker(let file, let line):
            return "\(file):\(line): \(IndexMarkers.start) is never closed; add \(IndexMarkers.end) after the index"
        case .secondStartMarker(let file, let line, let first):
            return "\(file):\(line): a second \(IndexMarkers.start) (the first is at line \(first)); keep one marked region"
        case .endWithoutStart(let file, let line):
            return "\(file):\(line): \(IndexMarkers.end) without a start marker; add \(IndexMarkers.start) before the index"
        case .unknownMarkerOption(let file, let line, let option, let known):
            return "\(file):\(line): unknown option '\(option)' in the start marker (known: \(known.joined(separator: ", ")))"
        case .invalidMarkerOption(let file, let line, let key, let value, let allowed):
            return "\(file):\(line): '\(key)=\(value)' in the start marker; use one of: \(allowed.map { "\(key)=\($0)" }.joined(separator: ", "))"
        case .noMarkers(let file, let flag):
            return
                "\(file): no \(IndexMarkers.start) / \(IndexMarkers.end) markers, so \(flag) has no region to rewrite; put them around the index list"
        }
    }
}
