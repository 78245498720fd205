/// Summary statistics of a sample, computed the way pytest-benchmark computes them
/// (`PB:stats.py`): `statistics.median`, the sample standard deviation (0 for one value), and its
/// quartiles (Wikipedia's method 3 for an odd count, method 2 for an even one) for the IQR.
public struct Descriptive: Sendable, Equatable {
    public let count: Int
    public let min: Double
    public let max: Double
    public let mean: Double
    public let median: Double
    public let stddev: Double
    public let q1: Double
    public let q3: Double
    public var iqr: Double { q3 - q1 }

    /// - Precondition: `values` is not empty (callers only summarise runs they have).
    public init(_ values: [Double]) {
        let sorted = values.sorted()
        count = sorted.count
        min = sorted.first ?? .nan
        max = sorted.last ?? .nan
        mean = count == 0 ? .nan : sorted.reduce(0, +) / Double(count)
        median = Descriptive.medianOfSorted(sorted[...])
        if count > 1 {
            let m = mean
            let squares = sorted.reduce(0.0) { $0 + ($1 - m) * ($1 - m) }
            stddev = (squares / Double(count - 1)).squareRoot()
        } else {
            stddev = 0
        }
        (q1, q3) = Descriptive.quartiles(sorted)
    }

    /// `statistics.median`: the middle value, or the mean of the two middle values.
    public static func median(_ values: [Double]) -> Double {
        medianOfSorted(values.sorted()[...])
    }

    static func medianOfSorted(_ sorted: ArraySlice<Double>) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.startIndex + sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// pytest-benchmark's `q1`/`q3` (`PB:stats.py:124-156`), on sorted values.
    static func quartiles(_ data: [Double]) -> (Double, Double) {
        let rounds = data.count
        guard rounds > 0 else { return (.nan, .nan) }
        if rounds == 1 { return (data[0], data[0]) }
        if rounds % 2 == 1 {
            let n = rounds / 4
            let q = rounds % 4
            if q == 1 {
                return (0.25 * data[n - 1] + 0.75 * data[n], 0.75 * data[3 * n] + 0.25 * data[3 * n + 1])
            }
            return (0.75 * data[n] + 0.25 * data[n + 1], 0.25 * data[3 * n + 1] + 0.75 * data[3 * n + 2])
        }
        return (medianOfSorted(data[..<(rounds / 2)]), medianOfSorted(data[(rounds / 2)...]))
    }
}
