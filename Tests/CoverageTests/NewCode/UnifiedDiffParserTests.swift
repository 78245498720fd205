import Testing

@testable import Coverage

@Suite struct UnifiedDiffParserTests {
    @Test func addedLinesFromHunkHeaders() {
        let diff = """
            diff --git a/src/a.py b/src/a.py
            index 1111111..2222222 100644
            --- a/src/a.py
            +++ b/src/a.py
            @@ -3,0 +4,2 @@ def f():
            +    x = 1
            +    y = 2
            @@ -10 +12 @@
            -old
            +new
            @@ -20,3 +22,0 @@
            -gone
            diff --git a/deleted.py b/deleted.py
            --- a/deleted.py
            +++ /dev/null
            @@ -1,2 +0,0 @@
            diff --git "a/caf\\303\\251 \\"x\\".py" "b/caf\\303\\251 \\"x\\".py"
            --- "a/caf\\303\\251 \\"x\\".py"
            +++ "b/caf\\303\\251 \\"x\\".py"
            @@ -0,0 +1,3 @@
            diff --git a/with space.py b/with space.py
            +++ b/with space.py\t
            @@ -1 +1 @@
            """
        let lines = UnifiedDiffParser.addedLines(diff)
        #expect(lines["src/a.py"] == [4...5, 12...12])
        #expect(lines["deleted.py"] == nil)
        #expect(lines["café \"x\".py"] == [1...3])
        #expect(lines["with space.py"] == [1...1])
    }

    @Test(arguments: [("@@ -1,2 +3,4 @@", 3...6), ("@@ -1 +1 @@", 1...1)] as [(String, ClosedRange<Int>)])
    func hunkHeader(_ header: String, _ expected: ClosedRange<Int>) {
        #expect(UnifiedDiffParser.addedRange(header) == expected)
    }

    @Test func deletionOnlyHunkAddsNothing() {
        #expect(UnifiedDiffParser.addedRange("@@ -5,2 +4,0 @@") == nil)
    }
}
