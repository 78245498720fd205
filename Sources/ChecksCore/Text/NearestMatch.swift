/// Finds the candidate closest to a misspelt word, for "did you mean …?" suggestions (config keys,
/// anchors, file names, benchmark names).
///
/// Distance is Damerau-Levenshtein in its optimal-string-alignment form (insert, delete, substitute,
/// swap two adjacent characters; each costs 1), counted on Unicode scalars. A candidate that differs
/// from the query only in letter case scores 0.5, and in general case differences never cost more
/// than half a step, so `Readme.md` beats `readme.mx` for the query `README.md`.
public enum NearestMatch {
    /// The candidate nearest to `query`, or nil when none is within the threshold.
    ///
    /// - Parameters:
    ///   - query: the word as the user wrote it. An empty query has no suggestion.
    ///   - candidates: every valid word; may number in the tens of thousands.
    ///   - maxDistance: the largest edit distance accepted; by default
    ///     `min(4, max(1, query.unicodeScalars.count / 3))`, so short words tolerate one typo.
    /// - Returns: the best candidate; ties go to the smaller distance, then the shorter candidate
    ///   (in Unicode scalars), then the lexicographically smaller one, so the answer never depends on
    ///   the order of `candidates`.
    public static func best(
        for query: String, among candidates: some Sequence<String>, maxDistance: Int? = nil
    ) -> String? {
        let queryScalars = Array(query.unicodeScalars)
        guard !queryScalars.isEmpty else { return nil }
        let threshold = max(0, maxDistance ?? min(4, max(1, queryScalars.count / 3)))
        var foldedQuery: [UInt32] = []
        fold(query, into: &foldedQuery)
        let exactQuery = queryScalars.map(\.value)
        var foldedCandidate: [UInt32] = []
        var exactCandidate: [UInt32] = []
        var scratch = Scratch()
        var queryHistogram = [Int](repeating: 0, count: 64)
        for value in foldedQuery { queryHistogram[Int(value & 63)] += 1 }
        var histogram = [Int](repeating: 0, count: 64)

        // Scores are doubled distances so the half-step for case stays an integer.
        var best: (candidate: String, score: Int, length: Int)?
        for candidate in candidates {
            // Nothing beats the query itself.
            if best?.score == 0 { break }
            // The cheap length check first: the distance is at least the difference in length,
            // and most of a large candidate list fails it without any allocation.
            let length = candidate.unicodeScalars.count
            guard abs(length - queryScalars.count) <= threshold else { continue }

            fold(candidate, into: &foldedCandidate)
            // The bag distance (characters one side has and the other lacks, ignoring order) is a
            // lower bound of the edit distance and costs one pass: most candidates stop here.
            guard bagDistance(queryHistogram, foldedCandidate, &histogram) <= threshold else { continue }
            guard let folded = scratch.distance(foldedQuery, foldedCandidate, limit: threshold) else {
                continue
            }
            let score: Int
            if folded == 0 {
                score = candidate == query ? 0 : 1
            } else {
                // Case-insensitive distance ≤ exact distance; they differ only when case matters,
                // and then the case difference costs half a step instead of whole ones.
                exactCandidate.removeAll(keepingCapacity: true)
                exactCandidate.append(contentsOf: candidate.unicodeScalars.lazy.map(\.value))
                let exact = scratch.distance(exactQuery, exactCandidate, limit: folded)
                score = exact == folded ? 2 * folded : 2 * folded + 1
            }
            if let current = best {
                let better =
                    score != current.score
                    ? score < current.score
                    : length != current.length
                        ? length < current.length
                        : candidate < current.candidate
                if !better { continue }
            }
            best = (candidate, score, length)
        }
        return best?.candidate
    }

    /// max(characters only the query has, characters only the candidate has), counted in 64 buckets:
    /// merging characters into buckets can only shrink the difference, so it stays a lower bound.
    private static func bagDistance(_ query: [Int], _ candidate: [UInt32], _ histogram: inout [Int]) -> Int {
        for index in histogram.indices { histogram[index] = query[index] }
        var candidateOnly = 0
        for value in candidate {
            let bucket = Int(value & 63)
            if histogram[bucket] > 0 { histogram[bucket] -= 1 } else { candidateOnly += 1 }
        }
        var queryOnly = 0
        for count in histogram { queryOnly += count }
        return max(queryOnly, candidateOnly)
    }

    /// Lower-cases `text` into `buffer` as scalar values, reusing its storage; ASCII, the common
    /// case for keys, anchors and paths, takes a fast path without allocating a String.
    private static func fold(_ text: String, into buffer: inout [UInt32]) {
        buffer.removeAll(keepingCapacity: true)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                buffer.append(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)
            } else {
                buffer.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars.lazy.map(\.value))
            }
        }
    }

    /// Three reusable DP rows, so scoring thousands of candidates allocates nothing per candidate.
    private struct Scratch {
        var previous2: [Int] = []
        var previous: [Int] = []
        var current: [Int] = []

        /// Optimal-string-alignment distance, or nil once it is certain to exceed `limit`.
        ///
        /// Only the band of cells with |i - j| ≤ limit is computed: a cell outside it needs more than
        /// `limit` insertions or deletions. The cells just outside the band hold `limit + 1`, so they
        /// can never win a minimum that matters.
        mutating func distance(_ a: [UInt32], _ b: [UInt32], limit: Int) -> Int? {
            if abs(a.count - b.count) > limit { return nil }
            if a.isEmpty { return b.count }
            if b.isEmpty { return a.count }
            let width = b.count + 1
            if previous.count < width + 1 {
                previous2 = Array(repeating: 0, count: width + 1)
                previous = Array(repeating: 0, count: width + 1)
                current = Array(repeating: 0, count: width + 1)
            }
            let outside = limit + 1
            for j in 0..<width { previous[j] = j }
            for i in 1...a.count {
                let low = max(1, i - limit)
                let high = min(b.count, i + limit)
                current[low - 1] = low == 1 ? i : outside
                var rowMinimum = current[low - 1]
                if low <= high {
                    for j in low...high {
                        let cost = a[i - 1] == b[j - 1] ? 0 : 1
                        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                            value = min(value, previous2[j - 2] + 1)
                        }
                        current[j] = value
                        rowMinimum = min(rowMinimum, value)
                    }
                }
                // The next row reads one column past this row's band.
                if high < b.count { current[high + 1] = outside }
                // Distances never shrink from one row to the next: a transposition from two rows up
                // costs at least as much as the diagonal cell it skips, which lies in this row. So once
                // a whole row exceeds the limit, the answer does too.
                if rowMinimum > limit { return nil }
                swap(&previous2, &previous)
                swap(&previous, &current)
            }
            let result = previous[b.count]
            return result <= limit ? result : nil
        }
    }
}
