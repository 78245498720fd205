import Foundation

/// Why a git command could not give an answer.
public enum GitError: Error, LocalizedError, Equatable, Sendable {
    /// No `git` executable on PATH or in the usual places.
    case gitNotFound
    case launchFailed(executable: String, reason: String)
    /// git ran and exited non-zero; `stderr` is its message, e.g. "fatal: not a git repository".
    case commandFailed(command: String, status: Int32, stderr: String)

    public var errorDescription: String? {
        switch self {
        case .gitNotFound:
            return "git not found; install git or add it to PATH"
        case .launchFailed(let executable, let reason):
            return "cannot run \(executable): \(reason.lowercased()); check the git installation"
        case .commandFailed(let command, let status, let stderr):
            let detail = stderr.isEmpty ? "" : ": " + stderr.replacingOccurrences(of: "\n", with: " ")
            return "\(command) failed with exit status \(status)\(detail)"
        }
    }
}
