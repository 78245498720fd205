import ChecksCore
import Testing

@Suite struct NearestMatchTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let query: String
        let candidates: [String]
        let maxDistance: Int?
        let expected: String?
        var testDescription: String { "\(query) → \(expected ?? "nil")" }

        init(_ query: String, _ candidates: [String], max: Int? = nil, _ expected: String?) {
            self.query = query
            self.candidates = candidates
            self.maxDistance = max
            self.expected = expected
        }
    }

    static let cases: [Case] = [
        // One deletion, the config-key case from DESIGN.md.
        Case("exlude", ["exclude", "ignore", "orphans"], "exclude"),
        // Adjacent transposition costs 1 (optimal string alignment), not 2.
        Case("exculde", ["exclude", "include"], "exclude"),
        Case("teh", ["the", "toe"], "the"),
        // Equal ignoring case beats a one-edit candidate: 0.5 < 1.
        Case("README.md", ["readme.mx", "Readme.md"], "Readme.md"),
        Case("Install", ["install", "instal"], "install"),
        // Case differences cost half a step overall: "Exlude" is 1.5 from "exclude".
        Case("Exlude", ["exclude", "exclusion"], "exclude"),
        // The query itself wins.
        Case("exclude", ["exclude", "exclude2", "Exclude"], "exclude"),
        // Ties on distance go to the shorter candidate, then lexicographic order.
        Case("abcd", ["abcde", "abc"], "abc"),
        Case("abcd", ["abcx", "abcy", "abce"], "abce"),
        Case("abcd", ["abcy", "abcx"], "abcx"),
        // Default threshold: max(1, n / 3), at most 4.
        Case("abc", ["xyz"], nil),
        Case("ab", ["xb"], "xb"),
        Case("ab", ["xy"], nil),
        Case("abcdef", ["abxyef"], "abxyef"),
        Case("abcdef", ["axyzef"], nil),
        // A long query tolerates at most 4 edits.
        Case("abcdefghijklmnopqrstuvwx", ["abcdefghijklmnopqrstyyyy"], "abcdefghijklmnopqrstyyyy"),
        Case("abcdefghijklmnopqrstuvwx", ["abcdefghijklmnopqrsyyyyy"], nil),
        // An explicit threshold overrides the default.
        Case("abc", ["xyz"], max: 3, "xyz"),
        Case("exlude", ["exclude"], max: 0, nil),
        // Length pre-filter: far longer or shorter candidates are never scored.
        Case("doc", ["documentation"], nil),
        // Unicode scalars, not bytes: one accented letter is one substitution.
        Case("café", ["cafe", "cafés"], "cafe"),
        Case("über", ["uber", "überall"], "uber"),
        Case("", ["a", ""], nil),
        Case("anything", [], nil),
    ]

    @Test(arguments: cases)
    func best(_ c: Case) {
        #expect(NearestMatch.best(for: c.query, among: c.candidates, maxDistance: c.maxDistance) == c.expected)
    }

    @Test(arguments: cases)
    func answerDoesNotDependOnCandidateOrder(_ c: Case) {
        #expect(
            NearestMatch.best(for: c.query, among: c.candidates.reversed(), maxDistance: c.maxDistance)
                == c.expected)
    }

    @Test func acceptsAnySequence() {
        let keys: Set<String> = ["exclude", "ignore"]
        #expect(NearestMatch.best(for: "ignor", among: keys) == "ignore")
        #expect(NearestMatch.best(for: "ignor", among: ["ignore": 1].keys) == "ignore")
    }

    /// The textbook optimal-string-alignment recurrence, full table, no cut-offs.
    private static func referenceDistance(_ a: [Character], _ b: [Character]) -> Int {
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    @Test(arguments: 0..<5)
    func agreesWithTheReferenceDistance(limit: Int) {
        // A fixed linear congruential generator: the same strings on every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(limit)
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array("abc")
        func word() -> String { String((0..<next(9)).map { _ in alphabet[next(alphabet.count)] }) }
        for _ in 0..<400 {
            let query = word()
            let candidate = word()
            guard !query.isEmpty else { continue }
            let distance = Self.referenceDistance(Array(query), Array(candidate))
            let found = NearestMatch.best(for: query, among: [candidate], maxDistance: limit)
            #expect((found != nil) == (distance <= limit), "\(query) ~ \(candidate): \(distance)")
        }
    }

    @Test func manyCandidates() {
        // 60 000 headings-like names; the answer is in the middle.
        var candidates = (0..<60_000).map { "section-\($0)-overview" }
        candidates.insert("installation-guide", at: 30_000)
        #expect(NearestMatch.best(for: "instalation-guide", among: candidates) == "installation-guide")
        #expect(NearestMatch.best(for: "section-123-overviwe", among: candidates) == "section-123-overview")
    }
}
