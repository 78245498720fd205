import Foundation

/// One `--fail-on` expression, in pytest-benchmark's `--benchmark-compare-fail` grammar exactly
/// (`PB:utils.py:246-260`):
///
///     ^(min|max|mean|median|stddev|iqr):((?P<percentage>[0-9]+)%|(?P<difference>[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?))$
///
/// `min:5%` fails when `current / baseline * 100 - 100 > 5`; `mean:0.001` when
/// `current - baseline > 0.001` (seconds). The percentage is a non-negative integer (`5.5%` is
/// rejected, as pytest-benchmark rejects it); neither form takes a sign.
public struct FailOnExpression: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// An integer percentage (`PercentageRegressionCheck`).
        case percentage(Double)
        /// A difference in seconds (`DifferenceRegressionCheck`).
        case difference(Double)
    }

    public var statistic: Statistic
    public var kind: Kind
    /// The expression as written, for messages.
    public var text: String

    public var description: String { text }

    public init(parsing text: String) throws {
        guard let colon = text.firstIndex(of: ":"),
            let statistic = Statistic(rawValue: String(text[..<colon]))
        else { throw FailOnExpressionError.unparsable(text) }
        let value = text[text.index(after: colon)...]
        if value.hasSuffix("%") {
            let digits = value.dropLast()
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let number = Double(digits) else {
                throw FailOnExpressionError.unparsable(text)
            }
            kind = .percentage(number)
        } else {
            guard FailOnExpression.isUnsignedDecimal(value), let number = Double(value) else {
                throw FailOnExpressionError.unparsable(text)
            }
            kind = .difference(number)
        }
        self.statistic = statistic
        self.text = text
    }

    /// `[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?`, the difference part of the regex.
    static func isUnsignedDecimal(_ s: Substring) -> Bool {
        var rest = s[...]
        var mantissa = rest.prefix { $0 != "e" && $0 != "E" }
        rest = rest.dropFirst(mantissa.count)
        if let dot = mantissa.firstIndex(of: ".") {
            let whole = mantissa[..<dot]
            mantissa = mantissa[mantissa.index(after: dot)...]
            guard whole.allSatisfy(\.isASCIIDigit) else { return false }
        }
        guard !mantissa.isEmpty, mantissa.allSatisfy(\.isASCIIDigit) else { return false }
        if rest.isEmpty { return true }
        rest = rest.dropFirst()
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy(\.isASCIIDigit)
    }

    /// pytest-benchmark's `compute`: the percentage (`inf` for a zero baseline) or the difference.
    public func value(baseline: Double, current: Double) -> Double {
        switch kind {
        case .percentage:
            // `if not val: return float('inf')`: a zero baseline counts as infinitely worse.
            baseline == 0 ? .infinity : current / baseline * 100 - 100
        case .difference:
            current - baseline
        }
    }

    public var threshold: Double {
        switch kind {
        case .percentage(let value), .difference(let value): value
        }
    }

    /// Fails iff the value is strictly above the threshold (`RegressionCheck.fails`).
    public func fails(baseline: Double, current: Double) -> Bool {
        value(baseline: baseline, current: current) > threshold
    }
}

/// A `--fail-on` value that is not in pytest-benchmark's grammar (a usage error, exit 64).
public enum FailOnExpressionError: Error, LocalizedError, Equatable {
    case unparsable(String)

    public var errorDescription: String? {
        switch self {
        case .unparsable(let text):
            "cannot parse --fail-on '\(text)'; write STAT:N% (integer percent) or STAT:SECONDS, STAT one of min, max, mean, median, stddev, iqr"
        }
    }
}
