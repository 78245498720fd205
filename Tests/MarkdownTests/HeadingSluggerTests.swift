import ChecksTestSupport
import Foundation
import Testing

@testable import Markdown

private struct SluggerVector: Decodable, Sendable {
    var name: String
    var input: String
    var expected: String
}

@Suite struct HeadingSluggerTests {
    /// github-slugger's 78 fixtures, scraped from real github.com renders (ISC, Fixtures/slugger/LICENSE).
    /// Order matters: they run through one slugger, like the headings of one document.
    @Test func allGitHubVectorsPass() throws {
        let data = try Data(contentsOf: FixturePaths.fixture("slugger/github-slugger-fixtures.json"))
        let vectors = try JSONDecoder().decode([SluggerVector].self, from: data)
        #expect(vectors.count == 78)
        var slugger = HeadingSlugger()
        var failures: [String] = []
        for vector in vectors {
            let actual = slugger.slug(vector.input)
            if actual != vector.expected {
                failures.append(
                    "\(vector.name): \(vector.input.debugDescription) → \(actual.debugDescription), expected \(vector.expected.debugDescription)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of 78 vectors fail:\n\(failures.joined(separator: "\n"))")
    }

    @Test(arguments: [
        ("C++ & C#", "c--c"),
        ("Q&A", "qa"),
        ("Version 2.0 (beta)", "version-20-beta"),
        ("x² and ½", "x-and-"),
        ("a\u{A0}b", "ab"),
        ("a\tb", "ab"),
        ("Fleet — operator", "fleet--operator"),
        ("Step 7 - Lint & Test", "step-7---lint--test"),
        ("Maximum Likelihood Estimator (MLE)", "maximum-likelihood-estimator-mle"),
        ("Valid Heading 20.04 ✔️", "valid-heading-2004-\u{FE0F}"),
        ("???", ""),
    ])
    func extraVectors(input: String, expected: String) {
        #expect(HeadingSlugger.slug(input) == expected)
    }

    @Test func repeatsAreNumberedPerDocument() {
        var slugger = HeadingSlugger()
        #expect(["a", "a", "a-1", "a"].map { slugger.slug($0) } == ["a", "a-1", "a-1-1", "a-2"])
    }
}
