/// A gitignore-style glob matched against `/`-separated paths relative to the repository root.
///
/// Syntax, following gitignore(5):
/// - `*` matches any run of characters within one path component, `?` exactly one character,
///   `[abc]`, `[a-z]` one character from a set, `[!a-z]` (or `[^a-z]`) one character outside it.
///   `\` makes the next character literal.
/// - `**` as a whole component matches any number of folders: `docs/**/*.md` matches `docs/a.md`
///   and `docs/x/y/a.md`; a trailing `/**` matches everything inside a folder (not the folder
///   itself); `**/drafts/**` matches anything inside any `drafts` folder. `**` inside a component
///   (`a**b`) is an ordinary `*`.
/// - A pattern without a `/` (other than a trailing one) matches a name at any depth: `*.tmp`,
///   `CHANGELOG.md`. A pattern with a `/` at the start or in the middle is anchored to the root:
///   `/TODO.md` and `docs/*.md` match only at the top.
/// - A pattern ending in `/` matches only a folder, and with it everything under it.
/// - As in gitignore, a pattern that matches a folder also matches everything under that folder:
///   `docs/drafts` matches `docs/drafts/wip.md`.
///
/// Paths are compared case-sensitively, character by character on Unicode scalars. A path ending in
/// `/` is taken to be a folder. The pattern is compiled once in `init`; `matches` allocates only the
/// split of the path.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let segments: [Segment]
    /// Set by a trailing `/`: the pattern can only match a folder.
    private let directoryOnly: Bool

    public var description: String { pattern }

    private enum Segment: Sendable, Hashable {
        /// `**`: any number of whole path components.
        case anyFolders
        case component([Token])
    }

    private enum Token: Sendable, Hashable {
        case literal(Unicode.Scalar)
        case anyCharacter
        case anyRun
        case set(ranges: [ClosedRange<UInt32>], negated: Bool)

        func matches(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .literal(let expected): return scalar == expected
            case .anyCharacter: return true
            case .anyRun: return false  // handled by the component matcher
            case .set(let ranges, let negated):
                return ranges.contains { $0.contains(scalar.value) } != negated
            }
        }
    }

    /// Compiles `pattern`.
    /// - Throws: `GlobPatternError` for an empty pattern, an unclosed `[`, an empty `[]` set, a range
    ///   written backwards (`[z-a]`) or a trailing `\`.
    public init(_ pattern: String) throws {
        self.pattern = pattern
        var body = Substring(pattern)
        guard !body.isEmpty else { throw GlobPatternError.empty }

        var anchored = false
        if body.hasPrefix("./") {
            // `./docs` is how people write "docs at the root"; treat it like `/docs`.
            body = body.dropFirst(2)
            anchored = true
        }
        if body.hasPrefix("/") {
            anchored = true
            body = body.drop { $0 == "/" }
        }
        var directoryOnly = false
        if body.hasSuffix("/") {
            directoryOnly = true
            while body.hasSuffix("/") { body = body.dropLast() }
        }
        guard !body.isEmpty else { throw GlobPatternError.empty }

        // Split on unescaped `/`; an escaped one stays in the component and can never match, since
        // path components contain no `/`.
        var rawComponents: [[Unicode.Scalar]] = [[]]
        var escaped = false
        for scalar in body.unicodeScalars {
            if escaped {
                rawComponents[rawComponents.count - 1].append(contentsOf: ["\\", scalar])
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == "/" {
                rawComponents.append([])
            } else {
                rawComponents[rawComponents.count - 1].append(scalar)
            }
        }
        if escaped { throw GlobPatternError.trailingBackslash(pattern: pattern) }
        // `a//b` means `a/b`.
        rawComponents.removeAll { $0.isEmpty }

        var segments: [Segment] = []
        for raw in rawComponents {
            if raw == ["*", "*"] {
                // Consecutive `**` components mean the same as one.
                if segments.last != .anyFolders { segments.append(.anyFolders) }
            } else {
                segments.append(.component(try GlobPattern.tokens(raw, pattern: pattern)))
            }
        }
        // A slash anywhere but the end anchors the pattern; without one it may start at any depth,
        // which is exactly a leading `**/`.
        if !anchored, rawComponents.count == 1, segments.first != .anyFolders {
            segments.insert(.anyFolders, at: 0)
        }
        self.segments = segments
        self.directoryOnly = directoryOnly
    }

    /// Whether `relativePath` (root-relative, `/`-separated, no leading `/`) matches, either itself or
    /// through one of the folders it lies in. A trailing `/` marks `relativePath` as a folder.
    public func matches(_ relativePath: String) -> Bool {
        var path = Substring(relativePath)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        let isDirectory = path.hasSuffix("/")
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
            .filter { $0 != "." }
        guard !components.isEmpty else { return false }

        // A set of live positions in `segments`, advanced one path component at a time (an NFA
        // simulation), so several `**` never backtrack exponentially.
        let count = segments.count
        var live = [Bool](repeating: false, count: count + 1)
        var next = live
        live[0] = true
        closeOverEmptyFolders(&live)

        for (index, component) in components.enumerated() {
            let scalars = Array(component.unicodeScalars)
            for i in 0...count { next[i] = false }
            for i in 0..<count where live[i] {
                switch segments[i] {
                case .anyFolders:
                    next[i] = true
                    next[i + 1] = true
                case .component(let tokens):
                    if GlobPattern.componentMatches(tokens, scalars) { next[i + 1] = true }
                }
            }
            closeOverEmptyFolders(&next)
            swap(&live, &next)
            guard live.contains(true) else { return false }
            if live[count] {
                let isLast = index == components.count - 1
                // Matching a folder the path lies in matches the path (gitignore semantics).
                if !isLast { return true }
                return !directoryOnly || isDirectory
            }
        }
        return false
    }

    /// Lets a `**` match zero folders, except a final one: `docs/**` means "inside docs".
    private func closeOverEmptyFolders(_ states: inout [Bool]) {
        for i in 0..<segments.count where states[i] {
            if segments[i] == .anyFolders, i + 1 < segments.count { states[i + 1] = true }
        }
    }

    /// Wildcard matching within one component: `*` backtracks to its most recent position only,
    /// which is enough because every other token consumes exactly one scalar.
    private static func componentMatches(_ tokens: [Token], _ scalars: [Unicode.Scalar]) -> Bool {
        var t = 0
        var s = 0
        var starToken = -1
        var starScalar = 0
        while s < scalars.count {
            if t < tokens.count, tokens[t] == .anyRun {
                starToken = t
                starScalar = s
                t += 1
            } else if t < tokens.count, tokens[t].matches(scalars[s]) {
                t += 1
                s += 1
            } else if starToken >= 0 {
                t = starToken + 1
                starScalar += 1
                s = starScalar
            } else {
                return false
            }
        }
        while t < tokens.count, tokens[t] == .anyRun { t += 1 }
        return t == tokens.count
    }

    /// Tokenises one component; `raw` still contains `\` escapes.
    private static func tokens(_ raw: [Unicode.Scalar], pattern: String) throws -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < raw.count {
            let scalar = raw[i]
            switch scalar {
            case "\\":
                // Escapes were validated while splitting, so a character always follows.
                if i + 1 < raw.count { tokens.append(.literal(raw[i + 1])) }
                i += 2
            case "*":
                if tokens.last != .anyRun { tokens.append(.anyRun) }
                i += 1
            case "?":
                tokens.append(.anyCharacter)
                i += 1
            case "[":
                let (token, end) = try characterSet(raw, openingAt: i, pattern: pattern)
                tokens.append(token)
                i = end
            default:
                tokens.append(.literal(scalar))
                i += 1
            }
        }
        return tokens
    }

    /// Parses `[...]` starting at `start`; returns the token and the index after the closing `]`.
    private static func characterSet(
        _ raw: [Unicode.Scalar], openingAt start: Int, pattern: String
    ) throws -> (Token, Int) {
        var i = start + 1
        var negated = false
        if i < raw.count, raw[i] == "!" || raw[i] == "^" {
            negated = true
            i += 1
        }
        var members: [Unicode.Scalar] = []
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        func nextMember() -> Unicode.Scalar? {
            guard i < raw.count else { return nil }
            if raw[i] == "\\", i + 1 < raw.count {
                i += 2
                return raw[i - 1]
            }
            i += 1
            return raw[i - 1]
        }
        while true {
            guard i < raw.count else { throw GlobPatternError.unclosedBracket(pattern: pattern) }
            // A `]` right after `[` or `[!` is a member, as in fnmatch.
            if raw[i] == "]", !first { break }
            first = false
            guard let low = nextMember() else { throw GlobPatternError.unclosedBracket(pattern: pattern) }
            if i + 1 < raw.count, raw[i] == "-", raw[i + 1] != "]" {
                i += 1
                guard let high = nextMember() else {
                    throw GlobPatternError.unclosedBracket(pattern: pattern)
                }
                guard low.value <= high.value else {
                    throw GlobPatternError.invalidRange(pattern: pattern, range: "\(low)-\(high)")
                }
                ranges.append(low.value...high.value)
            } else {
                members.append(low)
            }
        }
        ranges += members.map { $0.value...$0.value }
        return (.set(ranges: ranges, negated: negated), i + 1)
    }
}
