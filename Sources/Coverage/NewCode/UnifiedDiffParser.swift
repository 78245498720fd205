/// The added lines of a `git diff -U0` in the new (working-tree) numbering.
///
/// Spec: git-diff(1) "COMBINED DIFF FORMAT"/"GENERATING PATCH TEXT WITH -P" and GNU diffutils'
/// unified format: `+++ b/<path>` names the new file (`/dev/null` when deleted; a path with special
/// characters is C-quoted, and one with a space may end in a tab), and each hunk header
/// `@@ -a[,b] +c[,d] @@` adds lines `c … c+d-1` (`d` defaults to 1; `d = 0` adds nothing).
public enum UnifiedDiffParser {
    public static func addedLines(_ diff: String) -> [String: [ClosedRange<Int>]] {
        var result: [String: [ClosedRange<Int>]] = [:]
        var current: String?
        for rawLine in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.hasPrefix("diff --git ") {
                current = nil
            } else if line.hasPrefix("+++ ") {
                var name = String(line.dropFirst(4))
                if name.hasSuffix("\t") { name.removeLast() }
                if name.hasPrefix("\"") { name = unquote(name) }
                if name == "/dev/null" {
                    current = nil
                } else {
                    current = name.hasPrefix("b/") ? String(name.dropFirst(2)) : name
                }
            } else if line.hasPrefix("@@ "), let path = current, let range = addedRange(line) {
                result[path, default: []].append(range)
            }
        }
        return result.mapValues(ChangedLines.normalised)
    }

    /// `@@ -12,3 +14,5 @@ …` → 14...18; nil when the hunk only deletes.
    static func addedRange<S: StringProtocol>(_ header: S) -> ClosedRange<Int>? {
        guard let plus = header.firstIndex(of: "+") else { return nil }
        let rest = header[header.index(after: plus)...].prefix { $0 != " " }
        let parts = rest.split(separator: ",", maxSplits: 1)
        guard let first = parts.first, let start = Int(first) else { return nil }
        let count = parts.count == 2 ? Int(parts[1]) ?? 0 : 1
        guard count > 0, start >= 1 else { return nil }
        return start...(start + count - 1)
    }

    /// git's C-style quoting: `"b/caf\303\251 \"x\".py"` → `b/café "x".py`.
    static func unquote(_ quoted: String) -> String {
        var bytes: [UInt8] = []
        let input = Array(quoted.utf8.dropFirst().dropLast(quoted.hasSuffix("\"") ? 1 : 0))
        var i = 0
        while i < input.count {
            let byte = input[i]
            guard byte == UInt8(ascii: "\\"), i + 1 < input.count else {
                bytes.append(byte)
                i += 1
                continue
            }
            let next = input[i + 1]
            switch next {
            case UInt8(ascii: "n"): bytes.append(0x0A); i += 2
            case UInt8(ascii: "t"): bytes.append(0x09); i += 2
            case UInt8(ascii: "r"): bytes.append(0x0D); i += 2
            case UInt8(ascii: "a"): bytes.append(0x07); i += 2
            case UInt8(ascii: "b"): bytes.append(0x08); i += 2
            case UInt8(ascii: "f"): bytes.append(0x0C); i += 2
            case UInt8(ascii: "v"): bytes.append(0x0B); i += 2
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value: UInt8 = 0
                var j = i + 1
                while j < input.count, j < i + 4, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(input[j]) {
                    value = value &* 8 &+ (input[j] - UInt8(ascii: "0"))
                    j += 1
                }
                bytes.append(value)
                i = j
            default:
                bytes.append(next)
                i += 2
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
