/// GitHub's line anchors: `L10`, `L10-L20`, `L10C2-L12C5` (columns are accepted and not checked).
public struct LineFragment: Sendable, Equatable {
    public var first: Int
    public var last: Int

    public init?(_ fragment: String) {
        let parts = fragment.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        var lines: [Int] = []
        for part in parts {
            guard part.first == "L" else { return nil }
            let body = part.dropFirst()
            let lineDigits = body.prefix { $0.isASCII && $0.isNumber }
            let rest = body.dropFirst(lineDigits.count)
            guard let line = Int(lineDigits), line >= 1 else { return nil }
            if !rest.isEmpty {
                guard rest.first == "C", rest.count > 1, rest.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            }
            lines.append(line)
        }
        first = lines[0]
        last = lines.count == 2 ? lines[1] : lines[0]
    }
}
