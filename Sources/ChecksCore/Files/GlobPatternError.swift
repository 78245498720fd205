import Foundation

/// Why a glob from the command line or the configuration could not be compiled.
public enum GlobPatternError: Error, LocalizedError, Equatable, Sendable {
    case empty
    case unclosedBracket(pattern: String)
    case invalidRange(pattern: String, range: String)
    case trailingBackslash(pattern: String)

    public var errorDescription: String? {
        switch self {
        case .empty:
            "empty glob pattern; remove it or write a pattern such as 'docs/**/*.md'"
        case .unclosedBracket(let pattern):
            "invalid glob pattern '\(pattern)': '[' is never closed; add ']' or write '\\[' for a literal bracket"
        case .invalidRange(let pattern, let range):
            "invalid glob pattern '\(pattern)': range '\(range)' runs backwards; write the smaller character first"
        case .trailingBackslash(let pattern):
            "invalid glob pattern '\(pattern)': it ends in '\\'; remove it or escape it as '\\\\'"
        }
    }
}
