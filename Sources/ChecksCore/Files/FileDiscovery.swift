import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the input files of a run: the files with given extensions under the paths on the command
/// line, the way a user expects from a tool that respects `.gitignore`.
///
/// Rules, the same inside and outside git:
/// - Inside a git work tree the candidates are `Git.listFiles` (tracked plus untracked-but-not-
///   ignored); elsewhere the file system is walked.
/// - A path component starting with `.` below a path argument is skipped (`.git`, `.venv`,
///   `.build`); naming a dot-folder as an argument reads it.
/// - Only regular files count: FIFOs, sockets and devices are never opened. A symlink counts when
///   its target is a regular file or folder inside the root; a symlink that leaves the root, dangles
///   or loops is skipped, and each folder is entered once (by device and inode).
/// - `exclude` globs apply to root-relative paths, also to files named explicitly: pre-commit names
///   every staged file, and a configured exclude must still hold then.
/// - A file named explicitly is taken even when git ignores it or it sits in a dot-folder, as long
///   as its extension matches.
public enum FileDiscovery {
    /// Root-relative paths (with `/`) of the matching regular files, sorted and without duplicates.
    ///
    /// - Parameters:
    ///   - paths: files and folders, absolute or relative to the current directory; empty means the
    ///     whole root.
    ///   - root: the repository root; relative paths are resolved against the current directory.
    ///   - extensions: wanted extensions without the dot, compared case-insensitively
    ///     (`["md", "markdown"]`); an empty set takes every regular file.
    ///   - exclude: globs on root-relative paths; a match drops the file (or the whole folder).
    /// - Throws: `FileDiscoveryError` for a path that does not exist, lies outside the root or
    ///   cannot be read; `GitError` when git fails inside a work tree.
    public static func files(
        under paths: [String], root: String, extensions: Set<String>, exclude: [GlobPattern]
    ) throws -> [String] {
        let currentDirectory = FileManager.default.currentDirectoryPath
        let rootAbsolute = absolute(root, in: currentDirectory)
        guard let realRoot = realPath(rootAbsolute) else { throw FileDiscoveryError.pathNotFound(root) }
        var search = Search(
            realRoot: realRoot,
            extensions: Set(extensions.map { $0.drop { $0 == "." }.lowercased() }),
            exclude: exclude)

        var folders: [(relative: String, real: String)] = []
        for argument in paths.isEmpty ? [rootAbsolute] : paths {
            let path = absolute(argument, in: currentDirectory)
            var info = stat()
            guard stat(path, &info) == 0 else {
                let code = errno
                if code == ENOENT || code == ENOTDIR || code == ELOOP {
                    throw FileDiscoveryError.pathNotFound(argument)
                }
                throw FileDiscoveryError.unreadable(path: argument, reason: systemReason(code))
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                // A folder is taken by its real location, so a symlinked folder argument lists the
                // same files git knows by their real paths.
                guard let real = realPath(path), let relative = search.relativeToRoot(real) else {
                    throw FileDiscoveryError.pathOutsideRoot(path: argument, root: realRoot)
                }
                folders.append((relative, real))
            } else {
                // A file keeps the name it was given (a symlink stays the symlink), inside the root.
                guard let location = logicalLocation(path), let relative = search.relativeToRoot(location) else {
                    throw FileDiscoveryError.pathOutsideRoot(path: argument, root: realRoot)
                }
                guard search.wants(relative) else { continue }
                // Named on purpose, so silence would hide a mistake: a FIFO, socket or device is
                // refused without being opened (a read could block), a symlink out of the root too.
                guard info.st_mode & S_IFMT == S_IFREG else { throw FileDiscoveryError.notARegularFile(argument) }
                guard search.isRegularFileInsideRoot(location) else {
                    throw FileDiscoveryError.pathOutsideRoot(path: argument, root: realRoot)
                }
                search.found.insert(relative)
            }
        }

        if !folders.isEmpty {
            if Git.topLevel(of: realRoot) != nil {
                let listed = try Git.listFiles(in: realRoot)
                for folder in folders { search.select(from: listed, under: folder.relative) }
            } else {
                for folder in folders { try search.walkAll(folder.real, relative: folder.relative) }
            }
        }
        return search.found.sorted()
    }

    /// The state of one discovery run.
    private struct Search {
        let realRoot: String
        let extensions: Set<String>
        let exclude: [GlobPattern]
        var found = Set<String>()
        /// Folders already entered, by device and inode, so symlink loops end.
        var visited = Set<FolderIdentity>()
        /// Symlinked folders met during a walk, entered once the real folders are done.
        var symlinkedFolders: [(real: String, relative: String)] = []

        init(realRoot: String, extensions: Set<String>, exclude: [GlobPattern]) {
            self.realRoot = realRoot
            self.extensions = extensions
            self.exclude = exclude
        }

        /// `path` relative to the root ("" for the root itself), or nil outside it. `path` must be
        /// absolute with symlinks resolved at least up to its last component.
        func relativeToRoot(_ path: String) -> String? {
            if path == realRoot { return "" }
            let prefix = realRoot.hasSuffix("/") ? realRoot : realRoot + "/"
            guard path.hasPrefix(prefix) else { return nil }
            return String(path.dropFirst(prefix.count))
        }

        /// Extension and exclude checks, which need no system call.
        func wants(_ relative: String) -> Bool {
            hasWantedExtension(relative) && !exclude.contains { $0.matches(relative) }
        }

        func hasWantedExtension(_ relative: String) -> Bool {
            if extensions.isEmpty { return true }
            // Compare the tail bytes case-insensitively against each wanted extension: no allocation
            // for the tens of thousands of names a large tree has.
            let utf8 = relative.utf8
            for ext in extensions {
                let tail = ext.utf8
                guard utf8.count > tail.count + 1 else { continue }
                let dot = utf8.index(utf8.endIndex, offsetBy: -(tail.count + 1))
                guard utf8[dot] == 0x2E else { continue }
                if zip(utf8[utf8.index(after: dot)...], tail).allSatisfy({ a, b in
                    (a >= 0x41 && a <= 0x5A ? a | 0x20 : a) == b
                }) {
                    let before = utf8[utf8.index(before: dot)]
                    if before != 0x2F { return true }  // `.md` alone is a dot-file, not a Markdown file
                }
            }
            return false
        }

        /// Whether `path` is a regular file, or a symlink whose real target is a regular file inside
        /// the root. Never opens the file.
        func isRegularFileInsideRoot(_ path: String) -> Bool {
            var info = stat()
            guard lstat(path, &info) == 0 else { return false }
            let type = info.st_mode & S_IFMT
            if type == S_IFREG { return true }
            guard type == S_IFLNK, let target = realPath(path), relativeToRoot(target) != nil else { return false }
            guard stat(target, &info) == 0 else { return false }
            return info.st_mode & S_IFMT == S_IFREG
        }

        /// Picks the files under `folder` (root-relative, "" for all) from git's list.
        mutating func select(from listed: [String], under folder: String) {
            for path in listed {
                let below: Substring
                if folder.isEmpty {
                    below = Substring(path)
                } else {
                    guard path.hasPrefix(folder + "/") else { continue }
                    below = path.dropFirst(folder.count + 1)
                }
                guard !below.split(separator: "/").dropLast().contains(where: { $0.hasPrefix(".") }) else { continue }
                guard wants(path), isRegularFileInsideRoot(realRoot + "/" + path) else { continue }
                found.insert(path)
            }
        }

        /// Walks the real folder `folder`, known to the user as root-relative `relative`.
        /// Walks `folder`, then the symlinked folders found in it or below, in path order.
        mutating func walkAll(_ folder: String, relative: String) throws {
            try walk(folder, relative: relative)
            while !symlinkedFolders.isEmpty {
                let pending = symlinkedFolders.sorted { $0.relative < $1.relative }
                symlinkedFolders = []
                for (real, relative) in pending { try walk(real, relative: relative) }
            }
        }

        mutating func walk(_ folder: String, relative: String) throws {
            var info = stat()
            guard stat(folder, &info) == 0 else { return }
            guard visited.insert(FolderIdentity(info)).inserted else { return }

            for (name, type) in try FileDiscovery.entries(of: folder, display: relative.isEmpty ? "." : relative) {
                // Dot-folders hold tooling state (.git, .venv, .build); a dot-file is skipped only if
                // it is a folder (tldr's page for the `.` command is `..md`, a real document).
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                // readdir's type answers for plain files and folders without a system call; only
                // symlinks and file systems that do not fill it in need lstat.
                if name.hasPrefix("."), type != UInt8(DT_REG) {
                    if type == UInt8(DT_DIR) { continue }
                    var info = stat()
                    if stat(folder + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { continue }
                }
                if type == UInt8(DT_REG) {
                    if wants(childRelative) { found.insert(childRelative) }
                    continue
                }
                var childPath = folder + "/" + name
                if type == UInt8(DT_DIR) {
                    if exclude.contains(where: { $0.matches(childRelative + "/") }) { continue }
                    try walk(childPath, relative: childRelative)
                    continue
                }
                guard lstat(childPath, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFLNK {
                    // Follow a symlink only to a target inside the root; a loop or dangling link has
                    // no real path.
                    guard let target = realPath(childPath), relativeToRoot(target) != nil,
                        stat(target, &info) == 0
                    else { continue }
                    childPath = target
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if exclude.contains(where: { $0.matches(childRelative + "/") }) { continue }
                    // Entered after the real folders, so a folder reached both ways is listed under
                    // its real path whatever order the directory lists its entries in.
                    symlinkedFolders.append((childPath, childRelative))
                case S_IFREG:
                    if wants(childRelative) { found.insert(childRelative) }
                default:
                    continue  // FIFO, socket, device: never opened
                }
            }
        }
    }

    /// A folder's identity on disk.
    private struct FolderIdentity: Hashable {
        let device: UInt64
        let inode: UInt64

        init(_ info: stat) {
            device = UInt64(truncatingIfNeeded: info.st_dev)
            inode = UInt64(truncatingIfNeeded: info.st_ino)
        }
    }

    /// The names in a folder with their `d_type`, without `.` and `..`, in directory order (the result
    /// of a discovery is sorted once at the end).
    private static func entries(of folder: String, display: String) throws -> [(name: String, type: UInt8)] {
        guard let stream = opendir(folder) else {
            throw FileDiscoveryError.unreadable(path: display, reason: systemReason(errno))
        }
        defer { closedir(stream) }
        var names: [(name: String, type: UInt8)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append((name, entry.pointee.d_type)) }
        }
        return names
    }

    private static func absolute(_ path: String, in directory: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.isEmpty || path == "." { return directory }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// `path` with every symlink resolved except in its last component, which keeps its name;
    /// `.` and `..` as the last component are resolved. Nil when the parent does not exist.
    private static func logicalLocation(_ path: String) -> String? {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return realPath(String(trimmed)) }
        let name = trimmed[trimmed.index(after: slash)...]
        if name.isEmpty || name == "." || name == ".." { return realPath(String(trimmed)) }
        let parent = slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
        guard let realParent = realPath(parent) else { return nil }
        return realParent.hasSuffix("/") ? realParent + name : realParent + "/" + name
    }

    /// realpath(3): absolute, no symlinks, no `.` or `..`; nil for a missing path or a loop.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func systemReason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
