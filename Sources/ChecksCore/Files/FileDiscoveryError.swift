import Foundation

/// Why the input files of a run could not be listed.
public enum FileDiscoveryError: Error, LocalizedError, Equatable, Sendable {
    /// A path argument (as the user wrote it) that does not exist.
    case pathNotFound(String)
    /// A path argument that resolves outside the repository root.
    case pathOutsideRoot(path: String, root: String)
    /// A path or folder that exists but cannot be read; `reason` is the system's explanation.
    case unreadable(path: String, reason: String)
    /// A file argument that is a FIFO, socket or device: never opened.
    case notARegularFile(String)

    public var errorDescription: String? {
        switch self {
        case .pathNotFound(let path):
            "path not found: \(path)"
        case .pathOutsideRoot(let path, let root):
            "path outside the repository root \(root): \(path); pass a path inside the repository"
        case .unreadable(let path, let reason):
            "cannot read \(path) (\(reason)); check its permissions"
        case .notARegularFile(let path):
            "\(path) is not a regular file (a FIFO, socket or device); name Markdown files or folders"
        }
    }
}
