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
        guard let result = try? run(["-C", directory, "rev-parse", "--show-toplevel"]),
            result.status == 0
        else { return nil }
        let path = trimmingLineEnd(String(decoding: result.stdout, as: UTF8.self))
        return path.isEmpty ? nil : path
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
        for field in result.stdout.split(separator: 0, omittingEmptySubsequences: true) {
            let path = String(decoding: field, as: UTF8.self)
            guard seen.insert(path).inserted else { continue }
            // A tracked file deleted from the disk is still in the index until the deletion is
            // staged; lstat (not stat) keeps a dangling symlink, which is still a file in git's eyes.
            var info = stat()
            guard lstat(root + "/" + path, &info) == 0 else { continue }
            files.append(path)
        }
        return files.sorted()
    }

    /// The URL of the `origin` remote as configured (`git config --get remote.origin.url`), or nil
    /// when there is none or git is unavailable.
    ///
    /// The configured URL, not `git remote get-url`: `url.<base>.insteadOf` rules rewrite the
    /// transport (a mirror, https → ssh) but not which repository this is.
    public static func originRemote(in root: String) -> String? {
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
        let repoOK = !repo.isEmpty && repo != "." && repo != ".."
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
        while true {
            var info = stat()
            if lstat(folder + "/.git", &info) == 0 { return true }
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
}
