import Testing

@testable import DocChecks

@Suite struct UnifiedDiffTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var old: String
        var new: String
        var diff: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "equal texts have no diff", old: "a\nb\n", new: "a\nb\n", diff: ""),
        Case(
            name: "one changed line with context", old: "1\n2\n3\n4\n5\n6\n7\n8\n", new: "1\n2\n3\n4\nX\n6\n7\n8\n",
            diff: """
                --- a/f
                +++ b/f
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +X
                 6
                 7
                 8

                """),
        Case(name: "insertion into an empty file", old: "", new: "a\n", diff: "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n"),
        Case(
            name: "far apart changes make two hunks", old: (1...20).map { "\($0)\n" }.joined(),
            new: (1...20).map { $0 == 2 ? "two\n" : $0 == 18 ? "" : "\($0)\n" }.joined(),
            diff: """
                --- a/f
                +++ b/f
                @@ -1,5 +1,5 @@
                 1
                -2
                +two
                 3
                 4
                 5
                @@ -15,6 +15,5 @@
                 15
                 16
                 17
                -18
                 19
                 20

                """),
        Case(
            name: "a missing final newline is marked", old: "a\nb", new: "a\nc",
            diff: """
                --- a/f
                +++ b/f
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                +c
                \\ No newline at end of file

                """),
    ]

    @Test(arguments: cases)
    func render(_ testCase: Case) {
        #expect(UnifiedDiff.render(old: Array(testCase.old.utf8), new: Array(testCase.new.utf8), oldName: "a/f", newName: "b/f") == testCase.diff)
    }
}
