import ChecksCore
import Foundation

/// The repository root every doc tool needs: `/x` links resolve there, the configuration file is
/// read there, and nothing outside it is read.
public enum RepositoryRoot {
    /// `explicit` (`--root`), else the git work tree holding `firstPath`, else the current folder when
    /// it holds that path, else the path's own folder. Returns an absolute, standardised path.
    /// - Throws: `RepositoryRootError` when `explicit` is not a folder or `firstPath` does not exist.
    public static func resolve(explicit: String?, firstPath: String, cwd: String) throws -> String {
        if let explicit {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: explicit, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw RepositoryRootError.rootNotFound(explicit)
            }
            return absolute(explicit, cwd: cwd)
        }
        let first = absolute(firstPath, cwd: cwd)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory) else {
            throw RepositoryRootError.pathNotFound(firstPath)
        }
        let folder = isDirectory.boolValue ? first : (first as NSString).deletingLastPathComponent
        if let top = Git.topLevel(of: folder) { return top }
        if first == cwd || first.hasPrefix(cwd + "/") { return cwd }
        return folder
    }

    /// `path` made absolute against `cwd`, with `.` and `..` resolved.
    public static func absolute(_ path: String, cwd: String) -> String {
        let joined = path.hasPrefix("/") ? path : cwd + "/" + path
        return (joined as NSString).standardizingPath
    }
}

/// Why the repository root could not be found (exit 2, one line).
public enum RepositoryRootError: Error, LocalizedError, Equatable {
    case rootNotFound(String)
    case pathNotFound(String)

    public var errorDescription: String? {
        switch self {
        case .rootNotFound(let path): "root not found: \(path)"
        case .pathNotFound(let path): "path not found: \(path)"
        }
    }
}
