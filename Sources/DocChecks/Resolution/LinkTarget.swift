/// What a link destination points at, before anything is looked up.
public enum LinkTarget: Sendable, Equatable {
    /// `#fragment` in the same file ("" for a bare `#`).
    case sameFile(fragment: String)
    /// A path in this repository, root-relative and normalised; `fragment` and `query` are decoded.
    case local(path: String, fragment: String?, query: String?)
    /// A path that climbs above the repository root (`../../x`).
    case escapesRoot(resolved: String)
    /// `https:`, `mailto:` and any other scheme, or `//host`: not checked offline.
    case external
    /// Nothing to check (`[x]()`).
    case empty

    /// Classifies `destination`, written in the file at root-relative `sourcePath`.
    ///
    /// - `repository`: this repository on GitHub, so its own `blob`/`tree` URLs count as local files.
    public static func parse(_ destination: String, sourcePath: String, repository: GitHubRepository?) -> LinkTarget {
        let trimmed = destination.trimmingASCIISpaces()
        let utf8 = trimmed.utf8
        guard let first = utf8.first else { return .empty }
        if first == 0x23 {  // '#'
            return .sameFile(fragment: percentDecoded(String(decoding: utf8.dropFirst(), as: UTF8.self)))
        }
        if first == 0x2F, utf8.dropFirst().first == 0x2F { return .external }  // "//host"
        if hasScheme(trimmed) {
            if let repository, let path = repository.localPath(forURL: trimmed) {
                return parse("/" + path, sourcePath: sourcePath, repository: nil)
            }
            return .external
        }
        var rest = utf8[...]
        var fragment: String?
        if let hash = rest.firstIndex(of: 0x23) {
            fragment = percentDecoded(String(decoding: rest[rest.index(after: hash)...], as: UTF8.self))
            rest = rest[..<hash]
        }
        var query: String?
        if let question = rest.firstIndex(of: 0x3F) {  // '?'
            query = String(decoding: rest[rest.index(after: question)...], as: UTF8.self)
            rest = rest[..<question]
        }
        let rawPath = percentDecoded(String(decoding: rest, as: UTF8.self))
        if rawPath.isEmpty {
            // `?plain=1#L3` alone still means this file.
            return .local(path: sourcePath, fragment: fragment, query: query)
        }
        switch normalise(rawPath, relativeTo: sourcePath) {
        case .inside(let normalised):
            return .local(path: normalised, fragment: fragment, query: query)
        case let .above(levels, rest) where levels == 2:
            // On GitHub a file is shown at /OWNER/REPO/blob/REF/path, so climbing exactly two levels
            // above the root lands on the repository's own pages: `/../../` is its home, `../../issues`
            // its issues, `../../blob/REF/x` and `../../tree/REF/x` its files on any branch.
            let parts = rest.split(separator: "/", omittingEmptySubsequences: true)
            if let route = parts.first, route == "blob" || route == "tree" {
                guard parts.count >= 2 else { return .external }
                let path = parts.dropFirst(2).joined(separator: "/")
                return .local(path: path, fragment: fragment, query: query)
            }
            if parts.isEmpty || GitHubRepository.pageRoutes.contains(String(parts[0])) { return .external }
            return .escapesRoot(resolved: rawPath)
        case .above:
            return .escapesRoot(resolved: rawPath)
        }
    }

    enum Normalised: Equatable {
        /// Root-relative, without `.` or `..`.
        case inside(String)
        /// `levels` folders above the root, then `rest`.
        case above(levels: Int, rest: String)
    }

    /// Joins a relative path to the folder of `sourcePath` (or takes a `/`-rooted one from the root),
    /// resolving `.` and `..` on the UTF-8 bytes; says how far above the root `..` climbed, if it did.
    static func normalise(_ path: String, relativeTo sourcePath: String) -> Normalised {
        var out: [UInt8] = []
        out.reserveCapacity(sourcePath.utf8.count + path.utf8.count)
        if path.utf8.first != 0x2F, let slash = sourcePath.utf8.lastIndex(of: 0x2F) {
            out.append(contentsOf: sourcePath.utf8[..<slash])
        }
        var above = 0
        var component: [UInt8] = []
        func flush() {
            defer { component.removeAll(keepingCapacity: true) }
            if component.isEmpty || component == [0x2E] { return }
            if component == [0x2E, 0x2E] {
                if out.isEmpty {
                    above += 1
                } else if let slash = out.lastIndex(of: 0x2F) {
                    out.removeSubrange(slash...)
                } else {
                    out.removeAll()
                }
                return
            }
            if !out.isEmpty { out.append(0x2F) }
            out.append(contentsOf: component)
        }
        for byte in path.utf8 {
            if byte == 0x2F { flush() } else { component.append(byte) }
        }
        flush()
        let text = String(decoding: out, as: UTF8.self)
        return above == 0 ? .inside(text) : .above(levels: above, rest: text)
    }

    /// RFC 3986 scheme: a letter, then letters, digits, `+`, `-`, `.`, then `:`. A Windows drive
    /// (`C:\`) is a single letter and is treated as a path.
    static func hasScheme(_ text: String) -> Bool {
        var count = 0
        for byte in text.utf8 {
            if byte == 0x3A { return count > 1 }  // ':'
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            let isOther = (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
            if count == 0 ? !isLetter : !(isLetter || isOther) { return false }
            count += 1
        }
        return false
    }

    /// Decodes `%XX` escapes as UTF-8; leaves malformed escapes as they are.
    public static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(0x25) else { return text }  // '%'

        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == 0x25, i + 2 < utf8.count, let high = hexValue(utf8[i + 1]), let low = hexValue(utf8[i + 2]) {
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }
}

/// This repository on GitHub, read from the `origin` remote.
public struct GitHubRepository: Sendable, Equatable {
    public var owner: String
    public var name: String

    public init(owner: String, name: String) {
        self.owner = owner
        self.name = name
    }

    /// Pages of a repository that a relative link can reach (`../../issues`); not checked offline.
    static let pageRoutes: Set<String> = [
        "issues", "pulls", "pull", "wiki", "actions", "releases", "tags", "branches", "commits", "commit",
        "compare", "discussions", "projects", "milestones", "labels", "security", "pulse", "graphs",
        "network", "settings", "stargazers", "watchers", "forks", "raw", "archive", "blame", "edit",
    ]

    /// `https://github.com/OWNER/REPO/blob|tree|raw/REF/path…` → `path…` (with its `#fragment`);
    /// nil for any other URL. The ref is one path segment; branch names with `/` are not supported,
    /// as in remark-validate-links.
    public func localPath(forURL url: String) -> String? {
        for prefix in ["https://github.com/", "http://github.com/", "https://www.github.com/"] where url.hasPrefix(prefix) {
            let parts = url.dropFirst(prefix.count).split(separator: "/", maxSplits: 4, omittingEmptySubsequences: false)
            guard parts.count >= 4,
                parts[0].lowercased() == owner.lowercased(),
                parts[1].lowercased() == name.lowercased() || parts[1].lowercased() == name.lowercased() + ".git",
                ["blob", "tree", "raw"].contains(parts[2])
            else { return nil }
            return parts.count == 5 ? String(parts[4]) : ""
        }
        return nil
    }
}

extension String {
    func trimmingASCIISpaces() -> String {
        guard let first = utf8.first, let last = utf8.last,
            first == 0x20 || first == 0x09 || first == 0x0A || last == 0x20 || last == 0x09 || last == 0x0A
        else { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" { scalars.removeLast() }
        return String(scalars)
    }
}
