import ChecksCore

/// Finds the lines changed on this branch with one `git diff` from the merge-base to the working
/// tree, so committed, staged and unstaged edits are numbered as the working tree has them (the
/// lines the report measured). diff-cover instead merges three diffs whose line numbers refer to
/// different trees and can blame the wrong lines (Bachmann1234/diff_cover#135). Untracked files that
/// git does not ignore count whole.
///
/// Only the report's files can hold new measured lines, so untracked files are found among them
/// (not in the index, not ignored) instead of by walking the work tree (`ls-files --others`), which
/// takes half a second in a tree of 50,000 files.
public enum ChangedLinesFinder {
    /// Tried in order when no `--compare-branch` is given.
    public static let defaultBases = ["origin/main", "main", "master"]

    /// - Parameter reportFiles: root-relative paths of the report's files that exist.
    public static func find(root: String, compareBranch: String?, reportFiles: [String]) throws -> ChangedLines {
        try finish(prepare(root: root, compareBranch: compareBranch), reportFiles: reportFiles)
    }

    /// The part that needs only git: base, merge-base, the diff and the index. check-coverage runs
    /// it on a second thread while the report is parsed.
    public struct Prepared: Sendable {
        public var root: String
        public var base: String
        public var mergeBase: String
        public var ranges: [String: [ClosedRange<Int>]]
        /// Tracked files, root-relative.
        public var tracked: Set<String>
    }

    public static func prepare(root: String, compareBranch: String?) throws -> Prepared {
        guard Git.topLevel(of: root) != nil else { throw NewCodeError.notARepository(root: root) }
        let base: String
        let baseCommit: String
        if let ref = compareBranch {
            guard let commit = try Git.resolveCommit(ref, in: root) else { throw NewCodeError.unknownRef(ref) }
            base = ref
            baseCommit = commit
        } else {
            var found: (String, String)?
            for ref in defaultBases {
                if let commit = try Git.resolveCommit(ref, in: root) {
                    found = (ref, commit)
                    break
                }
            }
            guard let found else {
                throw NewCodeError.noBase(tried: defaultBases, shallow: (try? Git.isShallow(in: root)) ?? false)
            }
            (base, baseCommit) = found
        }
        guard let mergeBase = try Git.mergeBase(baseCommit, "HEAD", in: root) else {
            throw NewCodeError.noMergeBase(ref: base, shallow: (try? Git.isShallow(in: root)) ?? false)
        }
        let ranges = UnifiedDiffParser.addedLines(try Git.diffToWorkingTree(from: mergeBase, in: root))
        return Prepared(root: root, base: base, mergeBase: mergeBase, ranges: ranges, tracked: try Git.trackedFiles(in: root))
    }

    /// Adds the report's untracked, not ignored files, whole.
    public static func finish(_ prepared: Prepared, reportFiles: [String]) throws -> ChangedLines {
        var ranges = prepared.ranges
        let untracked = reportFiles.filter { !prepared.tracked.contains($0) }
        // The root is a work tree here (prepare checked); check-ignore runs only for the rare
        // untracked report file.
        let ignored = untracked.isEmpty ? [] : try Git.ignoredPaths(untracked, in: prepared.root)
        for path in untracked where !ignored.contains(path) {
            ranges[path] = [ChangedLines.wholeFile]
        }
        return ChangedLines(ranges: ranges, base: prepared.base, mergeBase: prepared.mergeBase)
    }
}
