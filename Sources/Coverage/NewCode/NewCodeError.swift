import Foundation

/// Why the changed lines could not be found.
public enum NewCodeError: Error, LocalizedError, Equatable, Sendable {
    case notARepository(root: String)
    /// None of the default base refs exists.
    case noBase(tried: [String], shallow: Bool)
    case unknownRef(String)
    /// The base and HEAD share no history here, usually a shallow clone.
    case noMergeBase(ref: String, shallow: Bool)

    private static let fetchHint = "fetch the base branch with full history (actions/checkout: fetch-depth: 0)"

    public var errorDescription: String? {
        switch self {
        case .notARepository(let root):
            return "\(root) is not a git work tree; new-code coverage needs git history, or pass --no-new-code"
        case .noBase(let tried, let shallow):
            return "no base branch to compare with (tried \(tried.joined(separator: ", "))); pass --compare-branch REF"
                + (shallow ? ", and \(NewCodeError.fetchHint): this clone is shallow" : "")
        case .unknownRef(let ref):
            return "--compare-branch '\(ref)' is not a commit here; check the name or \(NewCodeError.fetchHint)"
        case .noMergeBase(let ref, let shallow):
            return "'\(ref)' and HEAD have no merge-base" + (shallow ? " because this clone is shallow" : "")
                + "; \(NewCodeError.fetchHint)"
        }
    }
}
