/// A line diff in the unified format of `diff -u` and `git diff` (POSIX `diff -u`; GNU diffutils
/// manual, "Unified Format"): `---`/`+++` headers, `@@ -a,b +c,d @@` hunks with three lines of
/// context, and `\ No newline at end of file` after a last line without one.
///
/// The edit script is the standard library's `difference(from:)` (Myers' O((N+M)D) algorithm) over the
/// lines left after trimming the common head and tail, so a rewrite that touches a few lines of a long
/// index costs little.
public enum UnifiedDiff {
    /// "" when the texts are equal.
    public static func render(old: [UInt8], new: [UInt8], oldName: String, newName: String, context: Int = 3) -> String {
        guard old != new else { return "" }
        let a = lines(old)
        let b = lines(new)
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let middle = b[head..<(b.count - tail)].difference(from: a[head..<(a.count - tail)])
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in middle {
            switch change {
            case .remove(let offset, _, _): removed.insert(head + offset)
            case .insert(let offset, _, _): inserted.insert(head + offset)
            }
        }

        // The edit script in order: deletions before insertions at the same place, as diff prints them.
        var ops: [Op] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                ops.append(.delete(i))
                i += 1
            } else if j < b.count, inserted.contains(j) {
                ops.append(.insert(j))
                j += 1
            } else if i < a.count, j < b.count {
                ops.append(.same(i, j))
                i += 1
                j += 1
            } else {
                break
            }
        }

        var out = "--- \(oldName)\n+++ \(newName)\n"
        let changed = ops.indices.filter { if case .same = ops[$0] { false } else { true } }
        var start = 0
        while start < changed.count {
            // Changes closer than twice the context share a hunk.
            var end = start
            while end + 1 < changed.count, changed[end + 1] - changed[end] <= 2 * context { end += 1 }
            let first = max(0, changed[start] - context)
            let last = min(ops.count - 1, changed[end] + context)
            out += hunk(ops[first...last], a: a, b: b, oldStart: oldIndex(ops, first, end: a.count), newStart: newIndex(ops, first, end: b.count))
            start = end + 1
        }
        return out
    }

    private static func oldIndex(_ ops: [Op], _ position: Int, end: Int) -> Int {
        for op in ops[position...] {
            switch op {
            case .same(let x, _), .delete(let x): return x
            case .insert: continue
            }
        }
        return end
    }

    private static func newIndex(_ ops: [Op], _ position: Int, end: Int) -> Int {
        for op in ops[position...] {
            switch op {
            case .same(_, let y), .insert(let y): return y
            case .delete: continue
            }
        }
        return end
    }

    private static func hunk(_ slice: ArraySlice<Op>, a: [Line], b: [Line], oldStart: Int, newStart: Int) -> String {
        var body = ""
        var oldCount = 0
        var newCount = 0
        for op in slice {
            switch op {
            case .same(let x, _):
                body += " " + a[x].text
                oldCount += 1
                newCount += 1
            case .delete(let x):
                body += "-" + a[x].text
                oldCount += 1
            case .insert(let y):
                body += "+" + b[y].text
                newCount += 1
            }
        }
        return "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n" + body
    }

    private enum Op {
        case same(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    /// `start` is 0-based; an empty range names the line before it, as diff does (`-0,0` at the top).
    private static func range(_ start: Int, _ count: Int) -> String {
        switch count {
        case 0: "\(start),0"
        case 1: "\(start + 1)"
        default: "\(start + 1),\(count)"
        }
    }

    struct Line: Equatable {
        /// The line with its line break, or followed by the no-newline marker.
        var text: String
    }

    private static func lines(_ bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = 0
        while start < bytes.count {
            if let newline = bytes[start...].firstIndex(of: 0x0A) {
                result.append(Line(text: String(decoding: bytes[start...newline], as: UTF8.self)))
                start = newline + 1
            } else {
                result.append(Line(text: String(decoding: bytes[start...], as: UTF8.self) + "\n\\ No newline at end of file\n"))
                start = bytes.count
            }
        }
        return result
    }
}
