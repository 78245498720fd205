import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Answers "does this path exist, and spelled exactly so?" from cached directory listings, never from
/// `stat` alone: a case-insensitive volume (macOS) would say yes to `Guide.md` when the file is
/// `guide.md`, and GitHub and Linux would then break. Same answer on every OS.
public final class PathLookup: @unchecked Sendable {
    public enum Kind: Sendable, Equatable { case file, directory }

    public enum Result: Sendable, Equatable {
        /// The path exists exactly as written.
        case exists(Kind)
        /// It exists only with other letter case; `onDisk` is the root-relative on-disk spelling.
        case caseMismatch(onDisk: String, kind: Kind)
        /// Nothing there. `existingParent` is the deepest folder that does exist (root-relative, "" for
        /// the root) and `missingName` the first component that does not.
        case missing(existingParent: String, missingName: String)
        /// A symbolic link on the way leads outside the root. One that dangles or loops leads nowhere:
        /// that is `missing`, so a link through it is reported as not found, not as an escape.
        case outsideRoot
    }

    private struct Entry {
        var name: String
        var isDirectory: Bool
        var isSymlink: Bool
    }

    /// Absolute, symlink-free root.
    public let root: String
    private let lock = NSLock()
    private var listings: [String: [String: Entry]] = [:]
    private var lowerListings: [String: [String: [String]]] = [:]
    /// Whole-path answers: the same targets are cited from many files.
    private var results: [String: Result] = [:]

    public init(root: String) {
        self.root = PathLookup.realPath(root) ?? root
    }

    /// Looks up a normalised root-relative path (`a/b/c.md`, no `.` or `..`, "" for the root itself).
    public func lookup(_ relativePath: String) -> Result {
        lock.lock()
        if let known = results[relativePath] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let result = uncachedLookup(relativePath)
        lock.lock()
        results[relativePath] = result
        lock.unlock()
        return result
    }

    private func uncachedLookup(_ relativePath: String) -> Result {
        if relativePath.isEmpty { return .exists(.directory) }
        var parent = ""
        var mismatch = false
        var onDisk: [String] = []
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for (index, component) in components.enumerated() {
            let listing = entries(of: parent)
            var entry = listing[component]
            if entry == nil, let alternatives = lowerEntries(of: parent)[component.lowercased()], let first = alternatives.first {
                entry = listing[first]
                mismatch = true
            }
            guard var found = entry else {
                return .missing(existingParent: parent, missingName: component)
            }
            let path = parent.isEmpty ? found.name : parent + "/" + found.name
            if found.isSymlink {
                guard let real = PathLookup.realPath(root + "/" + path) else {
                    return .missing(existingParent: parent, missingName: component)
                }
                guard real == root || real.hasPrefix(root + "/") else { return .outsideRoot }
                var info = stat()
                guard stat(real, &info) == 0 else { return .missing(existingParent: parent, missingName: component) }
                found.isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
            }
            onDisk.append(found.name)
            if !found.isDirectory, index < components.count - 1 {
                return .missing(existingParent: path, missingName: components[index + 1])
            }
            if index == components.count - 1 {
                let kind: Kind = found.isDirectory ? .directory : .file
                return mismatch ? .caseMismatch(onDisk: onDisk.joined(separator: "/"), kind: kind) : .exists(kind)
            }
            parent = path
        }
        return .exists(.directory)
    }

    /// Names in a root-relative folder (empty when it is not a readable folder).
    public func names(in relativeFolder: String) -> [String] {
        Array(entries(of: relativeFolder).keys)
    }

    private func entries(of folder: String) -> [String: Entry] {
        lock.lock()
        if let cached = listings[folder] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let listing = PathLookup.readDirectory(folder.isEmpty ? root : root + "/" + folder)
        lock.lock()
        listings[folder] = listing
        lock.unlock()
        return listing
    }

    private func lowerEntries(of folder: String) -> [String: [String]] {
        lock.lock()
        if let cached = lowerListings[folder] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        var lower: [String: [String]] = [:]
        for name in entries(of: folder).keys.sorted() { lower[name.lowercased(), default: []].append(name) }
        lock.lock()
        lowerListings[folder] = lower
        lock.unlock()
        return lower
    }

    private static func readDirectory(_ path: String) -> [String: Entry] {
        guard let dir = opendir(path) else { return [:] }
        defer { closedir(dir) }
        var result: [String: Entry] = [:]
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                if lstat(path + "/" + name, &info) == 0 {
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: type = UInt8(DT_DIR)
                    case S_IFLNK: type = UInt8(DT_LNK)
                    case S_IFREG: type = UInt8(DT_REG)
                    default: break
                    }
                }
            }
            result[name] = Entry(name: name, isDirectory: type == UInt8(DT_DIR), isSymlink: type == UInt8(DT_LNK))
        }
        return result
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
