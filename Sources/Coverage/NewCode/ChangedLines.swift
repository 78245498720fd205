/// Lines changed since the merge-base, per file: root-relative path → sorted, disjoint 1-based
/// line ranges in the working tree.
public struct ChangedLines: Sendable, Equatable {
    public var ranges: [String: [ClosedRange<Int>]]
    /// The ref compared with, as resolved (`origin/main`), and the merge-base commit; empty in tests
    /// that build the value by hand.
    public var base: String
    public var mergeBase: String

    public init(ranges: [String: [ClosedRange<Int>]], base: String = "", mergeBase: String = "") {
        self.ranges = ranges
        self.base = base
        self.mergeBase = mergeBase
    }

    /// A whole file (an untracked one): every line counts.
    public static let wholeFile: ClosedRange<Int> = 1...Int.max

    /// Whether `line` lies in one of `ranges` (sorted): binary search.
    public static func contains(_ ranges: [ClosedRange<Int>], _ line: Int) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound < line {
                low = mid + 1
            } else if ranges[mid].lowerBound > line {
                high = mid - 1
            } else {
                return true
            }
        }
        return false
    }

    /// Sorts and joins overlapping or touching ranges.
    static func normalised(_ ranges: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, range.lowerBound <= last.upperBound &+ 1 || last.upperBound == Int.max {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                out.append(range)
            }
        }
        return out
    }
}
