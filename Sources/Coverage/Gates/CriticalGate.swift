import ChecksCore
import Foundation

/// Critical paths: each glob aggregates the files it matches with the overall formula and must meet
/// its own threshold; with `each`, every matching file must meet it on its own. A file counts in
/// every glob that matches it. A glob that matches no file is an error, not a pass (as Jest does):
/// a renamed folder must not silently switch a gate off.
public enum CriticalGate {
    /// One `--critical GLOB[=N]` or one `critical` entry of the configuration.
    public struct Rule: Sendable, Equatable {
        public var pattern: String
        public var threshold: Double

        public init(pattern: String, threshold: Double) {
            self.pattern = pattern
            self.threshold = threshold
        }
    }

    public static func evaluate(_ files: [FileCoverage], rules: [Rule], each: Bool, precision: Int) throws -> [GateResult] {
        var results: [GateResult] = []
        for rule in rules {
            let glob = try GlobPattern(rule.pattern)
            let matching = files.filter { glob.matches($0.path) }
            guard !matching.isEmpty else { throw CoverageGateError.criticalMatchesNothing(pattern: rule.pattern) }
            if each {
                for file in matching {
                    let stats = file.stats
                    results.append(
                        GateResult(
                            kind: .critical, pattern: rule.pattern, file: file.path, covered: stats.covered,
                            total: stats.total, threshold: rule.threshold, precision: precision))
                }
            } else {
                let stats = matching.reduce(CoverageStats()) { $0 + $1.stats }
                results.append(
                    GateResult(
                        kind: .critical, pattern: rule.pattern, covered: stats.covered, total: stats.total,
                        threshold: rule.threshold, precision: precision))
            }
        }
        return results
    }
}

/// A gate that cannot be evaluated as configured.
public enum CoverageGateError: Error, LocalizedError, Equatable, Sendable {
    case criticalMatchesNothing(pattern: String)
    case thresholdOutOfRange(name: String, value: Double)
    case precisionOutOfRange(Int)

    public var errorDescription: String? {
        switch self {
        case .criticalMatchesNothing(let pattern):
            return "critical pattern '\(pattern)' matches no file in the report; fix the glob (paths are relative to the repository root)"
        case .thresholdOutOfRange(let name, let value):
            return "\(name) \(value) is not a percentage; use a number from 0 to 100"
        case .precisionOutOfRange(let value):
            return "precision \(value) is out of range; use 0 to 10 decimals"
        }
    }
}
