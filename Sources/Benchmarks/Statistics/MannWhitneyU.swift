import Foundation

/// The two-sided Mann-Whitney U test (Wilcoxon rank-sum), as benchstat and Google Benchmark's
/// compare.py use it: does one sample tend to have larger values than the other?
///
/// Small samples without ties get the exact null distribution of U, counted by dynamic programming;
/// larger samples, and any sample with ties, the normal approximation with tie correction and a
/// continuity correction (the textbook method, as in scipy's `mannwhitneyu(method="asymptotic")`).
public enum MannWhitneyU {
    public struct Result: Sendable, Equatable {
        /// U of the first sample: the number of pairs (x, y) with x > y, ties counting one half.
        public var u: Double
        /// Two-sided p-value.
        public var p: Double
        public var exact: Bool
    }

    /// The exact distribution is used up to this many values on each side; 25 + 25 keeps every
    /// count below 2^53, so the Double arithmetic is exact.
    public static let exactLimit = 25

    /// Tests `x` against `y`. Returns nil when either sample is empty.
    public static func test(_ x: [Double], _ y: [Double]) -> Result? {
        let n1 = x.count
        let n2 = y.count
        guard n1 > 0, n2 > 0 else { return nil }

        // Mid-ranks over the pooled sample: tied values share the mean of the ranks they span.
        var pooled = x.map { ($0, true) } + y.map { ($0, false) }
        pooled.sort { $0.0 < $1.0 }
        var rankSumX = 0.0
        var tieTerm = 0.0
        var start = 0
        while start < pooled.count {
            var end = start
            while end + 1 < pooled.count && pooled[end + 1].0 == pooled[start].0 { end += 1 }
            let rank = Double(start + end) / 2 + 1
            let size = Double(end - start + 1)
            if size > 1 { tieTerm += size * size * size - size }
            for i in start...end where pooled[i].1 { rankSumX += rank }
            start = end + 1
        }
        let u = rankSumX - Double(n1 * (n1 + 1)) / 2

        if tieTerm == 0 && n1 <= exactLimit && n2 <= exactLimit {
            return Result(u: u, p: exactPValue(u: u, n1: n1, n2: n2), exact: true)
        }
        let n = Double(n1 + n2)
        let mean = Double(n1 * n2) / 2
        let variance = Double(n1 * n2) / 12 * ((n + 1) - tieTerm / (n * (n - 1)))
        guard variance > 0 else {
            // Every value is the same: no evidence of any difference.
            return Result(u: u, p: 1, exact: false)
        }
        let z = Swift.max(abs(u - mean) - 0.5, 0) / variance.squareRoot()
        return Result(u: u, p: Swift.min(1, erfc(z / 2.0.squareRoot())), exact: false)
    }

    /// The number of arrangements giving each U = 0…n1·n2 when there are no ties: the coefficients
    /// of the Gaussian binomial [n1+n2 choose n1]_q = Π_{i=1…n1} (1 − q^(n2+i)) / (1 − q^i).
    /// Multiplying by (1 − q^k) and dividing by (1 − q^i) are one pass over the coefficients each.
    public static func exactCounts(n1: Int, n2: Int) -> [Double] {
        let size = n1 * n2 + 1
        var c = [Double](repeating: 0, count: size)
        c[0] = 1
        for i in Swift.stride(from: 1, through: n1, by: 1) {
            let k = n2 + i
            // × (1 − q^k), high degrees first so each term reads the old lower coefficient.
            if k < size {
                for d in Swift.stride(from: size - 1, through: k, by: -1) { c[d] -= c[d - k] }
            }
            // ÷ (1 − q^i) is × (1 + q^i + q^2i + …): a running sum with stride i.
            if i < size {
                for d in i..<size { c[d] += c[d - i] }
            }
        }
        return c
    }

    /// Two-sided exact p: twice the smaller tail at u, capped at 1 (the distribution is symmetric).
    static func exactPValue(u: Double, n1: Int, n2: Int) -> Double {
        let counts = exactCounts(n1: n1, n2: n2)
        let total = counts.reduce(0, +)
        let lowU = Swift.min(u, Double(n1 * n2) - u)
        let bound = Int(lowU.rounded(.down))
        var tail = 0.0
        for d in 0...Swift.max(0, Swift.min(bound, counts.count - 1)) { tail += counts[d] }
        return Swift.min(1, 2 * tail / total)
    }
}
