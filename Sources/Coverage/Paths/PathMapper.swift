import ChecksCore
import Foundation

/// Maps the paths a report names to repository-relative paths, failing closed.
///
/// For each candidate a reader proposes (Cobertura: every `<source>` joined with `filename`, then
/// `filename`; JaCoCo: the package path under the usual source roots; LCOV: `SF:`), in order:
/// 1. an absolute path under `--src-root` (a CI runner's checkout, e.g.
///    `/home/runner/work/demo/demo`) is re-rooted at the repository root;
/// 2. an absolute path under the repository root is made relative to it;
/// 3. a relative path is tried under the repository root, under `--src-root` when that is relative
///    (JaCoCo's `src/main/java`), and under the working directory.
/// The first that names an existing file wins. When none does, the repository's files are searched
/// for the longest unambiguous path suffix (`/ci/checkout/src/app/core.py` → `src/app/core.py`,
/// JaCoCo's `com/x/Foo.java` → `module/src/main/java/com/x/Foo.java`). A file still not found keeps
/// its first candidate and counts as unmatched; it still counts in the totals, as in coverage.py.
public final class PathMapper: @unchecked Sendable {
    /// Absolute, standardised, without a trailing `/`.
    public let root: String
    public let workingDirectory: String
    public let sourceRoot: String?
    private let isFile: (String) -> Bool
    /// The root folder, open for `fstatat`; -1 when it cannot be opened (every lookup then fails).
    private let rootDescriptor: Int32
    private let listFiles: () -> [String]
    private var suffixIndex: SuffixIndex?

    /// - Parameters:
    ///   - root: the repository root (absolute).
    ///   - workingDirectory: the current directory (absolute).
    ///   - sourceRoot: `--src-root`, absolute or relative to the working directory.
    ///   - isFile: whether a root-relative path is an existing regular file (injectable for tests);
    ///     by default `fstatat` relative to the root, which spares the kernel the root's components.
    ///   - listFiles: the repository's files, root-relative (for the suffix search).
    ///   - knownFiles: files known to exist (git's index), root-relative, to save a `stat` each.
    public init(
        root: String, workingDirectory: String, sourceRoot: String? = nil,
        isFile: ((String) -> Bool)? = nil,
        listFiles: (() -> [String])? = nil,
        knownFiles: Set<String>? = nil
    ) {
        let root = PathMapper.standardised(root)
        let rootDescriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        self.rootDescriptor = rootDescriptor
        self.root = root
        self.workingDirectory = PathMapper.standardised(workingDirectory)
        self.sourceRoot = sourceRoot.map { source in
            let normal = source.replacingOccurrences(of: "\\", with: "/")
            return PathMapper.isAbsolute(normal) ? PathMapper.standardised(normal) : PathMapper.lexical(normal)
        }
        self.isFile =
            isFile ?? { relative in
                // Tracked files exist (a deletion shows up in the diff, not here); others are looked up.
                if knownFiles?.contains(relative) == true { return true }
                var info = stat()
                return fstatat(rootDescriptor, relative, &info, 0) == 0 && info.st_mode & S_IFMT == S_IFREG
            }
        self.listFiles = listFiles ?? { PathMapper.repositoryFiles(root: root) }
    }

    deinit {
        if rootDescriptor >= 0 { close(rootDescriptor) }
    }

    /// Where a report's file lives in the repository.
    public struct Resolution: Sendable, Equatable {
        /// Root-relative when `matched`; otherwise the first candidate (root-relative if it lies
        /// under the root).
        public var path: String
        public var matched: Bool
    }

    public func resolve(_ candidates: [String]) -> Resolution {
        for candidate in candidates {
            for relative in rootRelativePaths(for: candidate) where isFile(relative) {
                return Resolution(path: relative, matched: true)
            }
        }
        if let found = suffixMatch(candidates) { return Resolution(path: found, matched: true) }
        let first = candidates.first ?? ""
        let absolute = PathMapper.isAbsolute(first) ? PathMapper.lexical(first) : nil
        return Resolution(path: absolute.flatMap(relativeToRoot) ?? PathMapper.lexical(first), matched: false)
    }

    /// The root-relative paths to try for one candidate, in order; computed without joining and
    /// splitting absolute paths, since this runs once per file of a report with 50,000 of them.
    func rootRelativePaths(for candidate: String) -> [String] {
        var out: [String] = []
        let path = PathMapper.lexical(candidate)
        if PathMapper.isAbsolute(path) {
            if let source = sourceRoot, PathMapper.isAbsolute(source), let rest = PathMapper.strip(prefix: source, from: path),
                !rest.isEmpty
            {
                out.append(rest)
            }
            if let relative = relativeToRoot(path) { out.append(relative) }
        } else {
            out.append(path)
            if let source = sourceRoot, !PathMapper.isAbsolute(source) {
                out.append(PathMapper.lexical(source + "/" + path))
                if let prefix = workingDirectoryPrefix {
                    out.append(PathMapper.lexical(prefix + source + "/" + path))
                }
            }
            if let prefix = workingDirectoryPrefix { out.append(PathMapper.lexical(prefix + path)) }
        }
        return out.filter { !$0.hasPrefix("../") && $0 != ".." && !$0.isEmpty }
    }

    /// The working directory relative to the root, with a trailing `/` ("" would mean the root
    /// itself and is nil, as is a working directory outside the root, reached through `../`).
    private var workingDirectoryPrefix: String? {
        if workingDirectory == root { return nil }
        if let inside = PathMapper.strip(prefix: root, from: workingDirectory) { return inside + "/" }
        return nil
    }

    /// The absolute paths `rootRelativePaths` stands for (for tests and messages).
    func absolutePaths(for candidate: String) -> [String] {
        rootRelativePaths(for: candidate).map { join(root, $0) }
    }

    /// `absolute` relative to the root, or nil when it lies outside.
    public func relativeToRoot(_ absolute: String) -> String? {
        PathMapper.strip(prefix: root, from: absolute).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// How output names a root-relative path: relative to the working directory (DESIGN.md §3),
    /// or absolute when the file is outside it.
    public func displayPath(_ rootRelative: String) -> String {
        if PathMapper.isAbsolute(rootRelative) { return rootRelative }
        let absolute = join(root, rootRelative)
        if workingDirectory == root { return rootRelative }
        return PathMapper.strip(prefix: workingDirectory, from: absolute) ?? absolute
    }

    // MARK: - Suffix search

    /// The repository's files by path and by every trailing run of two or more components, built on
    /// the first report path that needs it. Lookups are hashes: comparing each unmatched path with
    /// every file of the same name took two minutes for a report of 100,000 files from another
    /// checkout, where every path is unmatched and thousands share a name (`__init__.py`).
    private struct SuffixIndex {
        var paths = Set<String>()
        /// Trailing runs (`app/core.py`, `src/app/core.py`, …) → how many files end with it, and one.
        var endings: [String: (count: Int, path: String)] = [:]

        init(_ files: [String]) {
            paths.reserveCapacity(files.count)
            endings.reserveCapacity(files.count * 2)
            for file in files {
                paths.insert(file)
                let utf8 = file.utf8
                var index = utf8.endIndex
                var separators = 0
                while let slash = utf8[..<index].lastIndex(of: UInt8(ascii: "/")) {
                    separators += 1
                    index = slash
                    // A run of at least two components: what follows the second slash from the end.
                    if separators >= 2 { endings[String(file[utf8.index(after: slash)...]), default: (0, file)].count += 1 }
                }
                if separators >= 1 { endings[file, default: (0, file)].count += 1 }
            }
        }
    }

    /// The repository file a report path names after all: either the longest run of the report
    /// path's last components that is a repository path (a CI prefix to drop), or, for a relative
    /// report path of two or more components, the one repository file that ends with all of it (a
    /// source root to add, JaCoCo's `com/x/Foo.java`). Ambiguous endings match nothing.
    private func suffixMatch(_ candidates: [String]) -> String? {
        if suffixIndex == nil { suffixIndex = SuffixIndex(listFiles()) }
        guard let index = suffixIndex else { return nil }
        for candidate in candidates {
            let path = PathMapper.lexical(candidate)
            // Component runs are slices of the path: joining split components cost most of the time.
            let body = path.hasPrefix("/") ? path.dropFirst() : Substring(path)
            guard !body.isEmpty else { continue }
            let slash = UInt8(ascii: "/")
            if !PathMapper.isAbsolute(candidate), body.utf8.contains(slash) {
                if let ending = index.endings[String(body)] {
                    if ending.count == 1 { return ending.path }
                    continue  // several files end with the whole path: ambiguous
                }
            }
            // Longest first: the first trailing run that is a repository path is the best match.
            var start = body.startIndex
            while true {
                let tail = String(body[start...])
                if index.paths.contains(tail) { return tail }
                // A `/` is one UTF-8 byte, so its index is a character boundary too.
                guard let next = body.utf8[start...].firstIndex(of: slash) else { break }
                start = body.utf8.index(after: next)
            }
        }
        return nil
    }

    // MARK: - Path arithmetic

    private func join(_ base: String, _ relative: String) -> String {
        base == "/" ? "/" + relative : base + "/" + relative
    }

    /// `/x`, or a Windows drive path `C:/x` (a report written on Windows).
    public static func isAbsolute(_ path: String) -> Bool {
        var bytes = path.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        if first == UInt8(ascii: "/") { return true }
        guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20) else { return false }
        return bytes.next() == UInt8(ascii: ":") && bytes.next() == UInt8(ascii: "/")
    }

    /// Removes `.` and empty components and resolves `..` lexically (never through the file system,
    /// so a report cannot make us follow its symlinks).
    static func lexical(_ path: String) -> String {
        if isLexicallyClean(path) { return path }
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == ".." && absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }

    /// True when `lexical` would return `path` unchanged: no `.` or `..` component, no `//`, no
    /// trailing `/`. Checked on bytes, since nearly every report path is already clean.
    static func isLexicallyClean(_ path: String) -> Bool {
        // Native strings are contiguous UTF-8; the byte loop over a buffer is several times faster
        // than over the generic view.
        if let clean = path.utf8.withContiguousStorageIfAvailable(isLexicallyClean) { return clean }
        return Array(path.utf8).withUnsafeBufferPointer(isLexicallyClean)
    }

    private static func isLexicallyClean(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var length = 0
        var dots = 0
        var index = 0
        for byte in utf8 {
            if byte == UInt8(ascii: "/") {
                // A component ends here (a leading `/` ends none).
                if index > 0 && (length == 0 || (length == dots && length <= 2)) { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
            index += 1
        }
        if index == 0 { return true }
        if length == 0 { return utf8.count == 1 }
        return !(length == dots && length <= 2)
    }

    static func standardised(_ path: String) -> String {
        let normal = lexical(path.replacingOccurrences(of: "\\", with: "/"))
        return normal.isEmpty ? "/" : normal
    }

    static func strip(prefix: String, from path: String) -> String? {
        if prefix == "/" { return String(path.dropFirst()) }
        if path == prefix { return "" }
        guard path.hasPrefix(prefix + "/") else { return nil }
        return String(path.dropFirst(prefix.count + 1))
    }

    public static func regularFileExists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// git's view of the work tree when there is one, else a walk that skips dot-folders.
    static func repositoryFiles(root: String) -> [String] {
        if Git.topLevel(of: root) != nil, let files = try? Git.listFiles(in: root) { return files }
        var files: [String] = []
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        while let next = walker.nextObject() as? String {
            let name = (next as NSString).lastPathComponent
            if name.hasPrefix(".") || name == "node_modules" {
                walker.skipDescendants()
                continue
            }
            if regularFileExists(root + "/" + next) { files.append(next) }
            if files.count > 200_000 { break }
        }
        return files
    }
}
