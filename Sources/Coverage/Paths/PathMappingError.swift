import Foundation

/// Why the report's paths could not be related to the repository.
public enum PathMappingError: Error, LocalizedError, Equatable, Sendable {
    /// No file of the report exists under the root: the gates would measure nothing.
    case nothingMatched(report: String, example: String, root: String)

    public var errorDescription: String? {
        switch self {
        case .nothingMatched(let report, let example, let root):
            return "\(report): no file in the report exists in the repository (e.g. '\(example)', root tried: \(root)); "
                + "pass --src-root with the folder the report's paths are relative to, or --root"
        }
    }
}
