import Foundation

/// The name pytest-benchmark gives a saved run: `NNNN_<save name>.json`, where autosave's name is
/// `<commit id>_<YYYYmmdd_HHMMSS>[_uncommited-changes]` (`PB:storage/file.py:49-54`,
/// `PB:utils.py:54-59`). Releases up to 5.2.3 spell the suffix `uncommited`; master and the project's
/// own 2015 fixtures spell it `uncommitted`; both are read.
public struct StorageFileName: Sendable, Equatable {
    /// The 4-digit run number, e.g. `0001`.
    public var number: String
    /// The commit id (autosave) or the `--benchmark-save` name.
    public var name: String
    /// `YYYYmmdd_HHMMSS`, UTC, for autosaved runs.
    public var timestamp: String?
    /// True when the file name says the tree had uncommitted changes.
    public var uncommittedChanges: Bool

    /// Parses the last component of `path`; nil when it is not a storage file name.
    public init?(path: String) {
        let fileName = (path as NSString).lastPathComponent
        guard fileName.hasSuffix(".json") else { return nil }
        var stem = Substring(fileName.dropLast(5))
        let digits = stem.prefix(4)
        guard digits.count == 4, digits.allSatisfy(\.isASCIIDigit), stem.dropFirst(4).first == "_" else { return nil }
        number = String(digits)
        stem = stem.dropFirst(5)
        uncommittedChanges = false
        for suffix in ["_uncommited-changes", "_uncommitted-changes"] where stem.hasSuffix(suffix) {
            uncommittedChanges = true
            stem = stem.dropLast(suffix.count)
        }
        // `_YYYYmmdd_HHMMSS` at the end: 8 digits, `_`, 6 digits.
        let tail = stem.suffix(16)
        if tail.count == 16, tail.first == "_",
            tail.dropFirst().prefix(8).allSatisfy(\.isASCIIDigit), tail.dropFirst(9).first == "_",
            tail.suffix(6).allSatisfy(\.isASCIIDigit)
        {
            timestamp = String(tail.dropFirst())
            stem = stem.dropLast(16)
        } else {
            timestamp = nil
        }
        guard !stem.isEmpty else { return nil }
        name = String(stem)
    }

    /// `0001 (1331d4a, uncommitted changes)`: how the run is shown in reports.
    public var label: String {
        let looksLikeCommit = name.count == 40 && name.allSatisfy(\.isHexDigit)
        var details = [looksLikeCommit ? String(name.prefix(7)) : name]
        if uncommittedChanges { details.append("uncommitted changes") }
        return "\(number) (\(details.joined(separator: ", ")))"
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
