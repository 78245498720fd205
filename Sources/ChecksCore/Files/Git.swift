import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin wrappers over the git command line, which every CI runner and developer machine has.
///
/// git runs as a child process with an argument array (never a shell), stdin from /dev/null, and
/// both pipes drained concurrently so a chatty command cannot deadlock on a full pipe.
public enum Git {
    /// The top folder of the work tree containing `directory` (`git rev-parse --show-toplevel`),
    /// or nil outside a work tree, inside a `.git` folder, or when git is not installed.
    public static func topLevel(of directory: String) -> String? {
        // Starting git costs milliseconds; a folder with no `.git` above it (and no GIT_DIR) is not
        // in a work tree, which is the common case for unpacked trees and temporary folders.
        guard ProcessInfo.processInfo.environment["GIT_DIR"] != nil || hasGitEntry(above: directory) else { return nil }
        if let known = topLevels.value(for: directory) { return known }
        guard let result = try? run(["-C", directory, "rev-parse", "--show-toplevel"]),
            result.status == 0
        else {
            topLevels.store(nil, for: directory)
            return nil
        }
        let path = trimmingLineEnd(String(decoding: result.stdout, as: UTF8.self))
        let top = path.isEmpty ? nil : path
        // A run asks for the top of the path it was given and then for the top of the top itself.
        topLevels.store(top, for: directory)
        if let top { topLevels.store(top, for: top) }
        return top
    }

    /// Answers of `topLevel` in this process: the work tree does not move during a run.
    private static let topLevels = Memo()

    private final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String: String?] = [:]

        func value(for key: String) -> String?? {
            lock.lock()
            defer { lock.unlock() }
            return values[key]
        }

        func store(_ value: String?, for key: String) {
            lock.lock()
            values.updateValue(value, forKey: key)
            lock.unlock()
        }
    }

    /// Every file git would consider part of the work tree under `root`: tracked files plus
    /// untracked ones that no ignore rule covers (`git ls-files --cached --others --exclude-standard`).
    ///
    /// - Returns: paths relative to `root` with `/` separators, sorted, each once (a conflicted file
    ///   is listed once per stage by git), without tracked files that were deleted from the disk.
    ///   Symlinks are listed as files; git does not descend into them.
    /// - Throws: `GitError` when git is missing or fails, e.g. outside a repository.
    public static func listFiles(in root: String) throws -> [String] {
        let arguments = ["-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
        let result = try run(arguments)
        guard result.status == 0 else {
            throw GitError.commandFailed(
                command: "git " + arguments.joined(separator: " "), status: result.status,
                stderr: trimmingLineEnd(String(decoding: result.stderr, as: UTF8.self)))
        }
        // -z: NUL-separated and never quoted, so names with spaces, quotes or newlines survive.
        var seen = Set<String>()
        var files: [String] = []
        for path in nulSeparatedFields(result.stdout) {
            guard seen.insert(path).inserted else { continue }
            // A tracked file deleted from the disk is still in the index until the deletion is
            // staged; lstat (not stat) keeps a dangling symlink, which is still a file in git's eyes.
            var info = stat()
            guard lstat(root + "/" + path, &info) == 0 else { continue }
            files.append(path)
        }
        return files.sorted()
    }

    /// Files moved in the work tree since the last commit, as root-relative `(from, to)` pairs sorted
    /// by `from`; empty outside a work tree, before the first commit, or when git fails (a
    /// suggestion source, never a reason to fail a run).
    ///
    /// Two sources, because git only pairs a move it can see in the index:
    /// - git's own rename detection between HEAD and the work tree
    ///   (`git diff --find-renames --name-status HEAD`), which covers `git mv` and moves that were
    ///   added (`git add -A`);
    /// - a tracked file deleted from the disk plus exactly one untracked, not-ignored file with the
    ///   same name (`git ls-files --deleted` and `--others --exclude-standard`): a plain `mv` that
    ///   was not added yet, which `git status` shows as one deletion and one new file.
    public static func renames(in root: String) -> [(from: String, to: String)] {
        guard topLevel(of: root) != nil else { return [] }
        var pairs: [String: String] = [:]
        // --relative with -C root: paths relative to root, and only below it. -z: never quoted.
        if let diff = try? run(["-C", root, "diff", "--find-renames", "--name-status", "-z", "--relative", "HEAD"]),
            diff.status == 0
        {
            pairs = renamesInNameStatus(diff.stdout)
        }
        if let deleted = try? run(["-C", root, "ls-files", "-z", "--deleted"]), deleted.status == 0,
            let untracked = try? run(["-C", root, "ls-files", "-z", "--others", "--exclude-standard"]), untracked.status == 0
        {
            let moves = pairedByName(deleted: nulSeparated(deleted.stdout), untracked: nulSeparated(untracked.stdout))
            pairs.merge(moves) { fromGit, _ in fromGit }
        }
        return pairs.sorted { $0.key < $1.key }.map { (from: $0.key, to: $0.value) }
    }

    /// `R<score> old new` records of `git diff --name-status -z`; R and C records carry two paths,
    /// every other status one.
    static func renamesInNameStatus(_ output: Data) -> [String: String] {
        let fields = nulSeparated(output, keepingEmpty: true)
        var pairs: [String: String] = [:]
        var index = 0
        while index < fields.count, let kind = fields[index].first {
            if kind == "R" || kind == "C" {
                guard index + 2 < fields.count else { break }
                // Typed locals and `updateValue`: TOMLKit (imported elsewhere in this module) adds
                // subscripts to `[String]` and `[String: String]` that the type checker may pick for
                // `pairs[fields[i]] = fields[j]`, and its setter stores nothing.
                let from: String = fields[index + 1]
                let to: String = fields[index + 2]
                if kind == "R" { pairs.updateValue(to, forKey: from) }
                index += 3
            } else {
                index += 2
            }
        }
        return pairs
    }

    /// Deleted files paired with untracked ones of the same name, when exactly one file of that name
    /// went and exactly one came: anything else is too ambiguous to call a move.
    static func pairedByName(deleted: [String], untracked: [String]) -> [String: String] {
        func name(_ path: String) -> Substring { path.split(separator: "/").last ?? Substring(path) }
        var came: [Substring: [String]] = [:]
        for path in untracked { came[name(path), default: []].append(path) }
        var went: [Substring: [String]] = [:]
        for path in Set(deleted) { went[name(path), default: []].append(path) }
        var pairs: [String: String] = [:]
        for (fileName, gone) in went {
            guard gone.count == 1, let from = gone.first, let new = came[fileName], new.count == 1, let to = new.first else { continue }
            pairs.updateValue(to, forKey: from)
        }
        return pairs
    }

    private static func nulSeparated(_ data: Data, keepingEmpty: Bool = false) -> [String] {
        data.split(separator: 0, omittingEmptySubsequences: !keepingEmpty).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The URL of the `origin` remote as configured (`git config --get remote.origin.url`), or nil
    /// when there is none or git is unavailable.
    ///
    /// The configured URL, not `git remote get-url`: `url.<base>.insteadOf` rules rewrite the
    /// transport (a mirror, https → ssh) but not which repository this is.
    public static func originRemote(in root: String) -> String? {
        // Outside a work tree there is no remote to ask git about.
        guard ProcessInfo.processInfo.environment["GIT_DIR"] != nil || hasGitEntry(above: root) else { return nil }
        guard let result = try? run(["-C", root, "config", "--get", "remote.origin.url"]), result.status == 0 else {
            return nil
        }
        let url = trimmingLineEnd(String(decoding: result.stdout, as: UTF8.self))
        return url.isEmpty ? nil : url
    }

    /// The GitHub owner and repository named by a remote URL, or nil for another host or shape.
    ///
    /// Accepts `https://github.com/O/R(.git)`, with `http`, `git` or `ssh` schemes, an optional
    /// `user@` and port, and scp-like `git@github.com:O/R.git`. The host compares case-insensitively
    /// and `www.github.com` counts; a trailing `/` is ignored.
    public static func gitHubRepository(fromRemote remote: String) -> (owner: String, repo: String)? {
        let url = remote.trimmingCharacters(in: .whitespacesAndNewlines)
        var rest: Substring
        if let schemeEnd = url.range(of: "://") {
            let scheme = url[..<schemeEnd.lowerBound].lowercased()
            guard ["https", "http", "ssh", "git", "git+ssh", "ssh+git"].contains(scheme) else { return nil }
            rest = url[schemeEnd.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            var authority = rest[..<slash]
            if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
            if let colon = authority.firstIndex(of: ":") { authority = authority[..<colon] }
            guard isGitHub(authority) else { return nil }
            rest = rest[rest.index(after: slash)...]
        } else {
            // scp-like syntax: [user@]host:path, where the host part has no slash.
            guard let colon = url.firstIndex(of: ":") else { return nil }
            var host = url[..<colon]
            guard !host.contains("/") else { return nil }
            if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
            guard isGitHub(host) else { return nil }
            rest = url[url.index(after: colon)...]
        }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        while rest.hasPrefix("/") { rest = rest.dropFirst() }
        if rest.hasSuffix(".git") { rest = rest.dropLast(4) }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let owner = String(parts[0])
        let repo = String(parts[1])
        // GitHub's own rules: owners are letters, digits and '-'; repositories add '.' and '_'.
        let ownerOK = !owner.isEmpty && owner.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || $0 == "-" }
        let repoOK =
            !repo.isEmpty && repo != "." && repo != ".."
            && repo.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || $0 == "-" || $0 == "." || $0 == "_" }
        guard ownerOK, repoOK else { return nil }
        return (owner, repo)
    }

    // MARK: - Running git

    /// What one git invocation produced; `status` is the exit status (or the signal number when
    /// git was killed).
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: Data
    }

    /// Runs git with `arguments` and waits for it.
    static func run(_ arguments: [String]) throws -> Output {
        guard let executable = executablePath() else { throw GitError.gitNotFound }
        var environment = ProcessInfo.processInfo.environment
        // Never wait for a credential prompt or take the index lock just to read.
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        do {
            let output = try ChildProcess.run(executable, arguments, environment: environment)
            return Output(status: output.status, stdout: output.stdout, stderr: output.stderr)
        } catch ChildProcess.SpawnError.failed(let reason) {
            throw GitError.launchFailed(executable: executable, reason: reason)
        }
    }

    /// True when `directory` or one of its parents holds a `.git` folder or file (worktrees, submodules).
    private static func hasGitEntry(above directory: String) -> Bool {
        var folder = directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
        // git itself stops looking at GIT_CEILING_DIRECTORIES (colon-separated): so do we.
        let ceilings = Set(
            (ProcessInfo.processInfo.environment["GIT_CEILING_DIRECTORIES"] ?? "")
                .split(separator: ":").map { String($0.hasSuffix("/") && $0.count > 1 ? $0.dropLast() : $0) })
        while true {
            var info = stat()
            if lstat(folder + "/.git", &info) == 0 { return true }
            if ceilings.contains(folder) { return false }
            guard let slash = folder.lastIndex(of: "/"), folder != "/" else { return false }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
    }

    /// `git` from PATH, else the usual install locations.
    private static func executablePath() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        for folder in folders where !folder.isEmpty {
            let candidate = folder + "/git"
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    private static func trimmingLineEnd(_ text: String) -> String {
        var text = Substring(text)
        while let last = text.last, last == "\n" || last == "\r\n" || last == "\r" { text = text.dropLast() }
        return String(text)
    }

    private static func isGitHub(_ host: Substring) -> Bool {
        let host = host.lowercased()
        return host == "github.com" || host == "www.github.com"
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    // MARK: - History and diffs (check-coverage)

    /// The commit `ref` names (`git rev-parse --verify --quiet --end-of-options REF^{commit}`), or nil
    /// when it names none here. `--end-of-options` keeps a ref that starts with `-` from being read as
    /// an option.
    /// - Throws: `GitError` when git cannot run.
    public static func resolveCommit(_ ref: String, in root: String) throws -> String? {
        let result = try run(["-C", root, "rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"])
        guard result.status == 0 else { return nil }
        let commit = trimmingLineEnd(String(decoding: result.stdout, as: UTF8.self))
        return commit.isEmpty ? nil : commit
    }

    /// The best common ancestor of two commits (`git merge-base A B`), or nil when they share no
    /// history here (unrelated histories, or a shallow clone cut above it).
    /// - Throws: `GitError.commandFailed` for anything else git refuses.
    public static func mergeBase(_ first: String, _ second: String, in root: String) throws -> String? {
        let arguments = ["-C", root, "merge-base", "--end-of-options", first, second]
        let result = try run(arguments)
        if result.status == 1 { return nil }
        guard result.status == 0 else {
            throw GitError.commandFailed(
                command: "git " + arguments.joined(separator: " "), status: result.status,
                stderr: trimmingLineEnd(String(decoding: result.stderr, as: UTF8.self)))
        }
        let commit = trimmingLineEnd(String(decoding: result.stdout, as: UTF8.self))
        return commit.isEmpty ? nil : commit
    }

    /// The zero-context diff from `commit` to the working tree (committed, staged and unstaged changes
    /// in one diff), with paths relative to `root` and only files under it.
    ///
    /// Prefixes, quoting, colour and external drivers are pinned (`a/`/`b/`, octal-escaped bytes
    /// only for control characters and quotes, no colour, no ext-diff) so user configuration cannot
    /// change the text a parser reads.
    ///
    /// The index is refreshed on one thread (`core.preloadIndex=false`): the diff runs beside the
    /// report parser, and git's parallel `lstat` of every tracked file would take the core the parser
    /// needs; on one thread it finishes well before the parse does.
    public static func diffToWorkingTree(from commit: String, in root: String) throws -> String {
        let arguments = [
            "-C", root, "-c", "core.quotePath=false", "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false",
            "-c", "core.preloadIndex=false",
            "diff", "--no-color", "--no-ext-diff", "--no-textconv", "-U0", "--relative", commit, "--",
        ]
        let result = try run(arguments)
        guard result.status == 0 else {
            throw GitError.commandFailed(
                command: "git " + arguments.joined(separator: " "), status: result.status,
                stderr: trimmingLineEnd(String(decoding: result.stderr, as: UTF8.self)))
        }
        return String(decoding: result.stdout, as: UTF8.self)
    }

    /// Tracked files under `root` (the index, `git ls-files -z`), relative to `root`. Reads the index
    /// only, so it costs milliseconds even where walking the work tree for untracked files would not.
    public static func trackedFiles(in root: String) throws -> Set<String> {
        let arguments = ["-C", root, "ls-files", "-z"]
        let result = try run(arguments)
        guard result.status == 0 else {
            throw GitError.commandFailed(
                command: "git " + arguments.joined(separator: " "), status: result.status,
                stderr: trimmingLineEnd(String(decoding: result.stderr, as: UTF8.self)))
        }
        return Set(nulSeparatedFields(result.stdout))
    }

    /// The non-empty NUL-separated fields of git's `-z` output. Scanned over the raw bytes:
    /// `Data.split` spent six times as long on the 60,000 paths of a large repository.
    static func nulSeparatedFields(_ output: Data) -> [String] {
        output.withUnsafeBytes { raw -> [String] in
            let bytes = raw.bindMemory(to: UInt8.self)
            var fields: [String] = []
            fields.reserveCapacity(bytes.count / 32)
            var start = 0
            for index in bytes.indices where bytes[index] == 0 {
                if index > start { fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                start = index + 1
            }
            if start < bytes.count { fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return fields
        }
    }

    /// Which of `paths` (relative to `root`) an ignore rule covers (`git check-ignore --no-index`),
    /// asked in batches so the argument list stays far below ARG_MAX. git allows `-z` only with
    /// `--stdin`, so the answer is one path per line, unquoted through `core.quotePath=false`.
    public static func ignoredPaths(_ paths: [String], in root: String) throws -> Set<String> {
        var ignored = Set<String>()
        var start = 0
        while start < paths.count {
            let batch = Array(paths[start..<min(paths.count, start + 500)])
            start += batch.count
            let arguments = ["-C", root, "-c", "core.quotePath=false", "check-ignore", "--no-index", "--"] + batch
            let result = try run(arguments)
            // 0: some are ignored, 1: none is; anything else is an error.
            guard result.status == 0 || result.status == 1 else {
                throw GitError.commandFailed(
                    command: "git -C \(root) check-ignore", status: result.status,
                    stderr: trimmingLineEnd(String(decoding: result.stderr, as: UTF8.self)))
            }
            for field in result.stdout.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
                ignored.insert(String(decoding: field, as: UTF8.self))
            }
        }
        return ignored
    }

    /// Whether the repository is a shallow clone (`git rev-parse --is-shallow-repository`).
    public static func isShallow(in root: String) throws -> Bool {
        let result = try run(["-C", root, "rev-parse", "--is-shallow-repository"])
        return result.status == 0 && trimmingLineEnd(String(decoding: result.stdout, as: UTF8.self)) == "true"
    }
}
