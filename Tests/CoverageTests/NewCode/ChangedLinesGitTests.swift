import Foundation
import Testing

@testable import Coverage

/// New-code lines from a real repository: committed on a branch, staged, unstaged and untracked
/// changes together, numbered as the working tree has them.
@Suite struct ChangedLinesGitTests {
    func repository() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.git("init", "-q", "-b", "main")
        try scratch.write("a.py", (1...10).map { "line\($0)" }.joined(separator: "\n") + "\n")
        try scratch.write("b.py", "one\ntwo\nthree\n")
        try scratch.write(".gitignore", "ignored.py\n")
        try scratch.git("add", ".")
        try scratch.git("commit", "-q", "-m", "base")
        try scratch.git("checkout", "-q", "-b", "feature")
        return scratch
    }

    @Test func oneDiffFromTheMergeBaseToTheWorkingTree() throws {
        let scratch = try repository()
        // Committed on the branch: line 4 changed.
        var lines = (1...10).map { "line\($0)" }
        lines[3] = "changed4"
        try scratch.write("a.py", lines.joined(separator: "\n") + "\n")
        try scratch.git("commit", "-q", "-am", "change 4")
        // Unstaged: three lines inserted at the top. The committed change is now line 7
        // (diff-cover's three merged diffs would report 1-4, issue #135).
        try scratch.write("a.py", (["new1", "new2", "new3"] + lines).joined(separator: "\n") + "\n")
        // Staged: b.py line 2.
        try scratch.write("b.py", "one\nTWO\nthree\n")
        try scratch.git("add", "b.py")
        // Untracked and ignored files.
        try scratch.write("c.py", "x = 1\n")
        try scratch.write("ignored.py", "x = 1\n")

        let changes = try ChangedLinesFinder.find(root: scratch.path, compareBranch: "main", reportFiles: ["a.py", "b.py", "c.py", "ignored.py"])
        #expect(changes.ranges["a.py"] == [1...3, 7...7])
        #expect(changes.ranges["b.py"] == [2...2])
        #expect(changes.ranges["c.py"] == [ChangedLines.wholeFile])
        #expect(changes.ranges["ignored.py"] == nil)
        #expect(changes.base == "main")
    }

    @Test func defaultBaseFallsBackToMain() throws {
        let scratch = try repository()
        try scratch.write("b.py", "one\ntwo\nthree\nfour\n")
        let changes = try ChangedLinesFinder.find(root: scratch.path, compareBranch: nil, reportFiles: ["a.py", "b.py"])
        #expect(changes.base == "main")
        #expect(changes.ranges["b.py"] == [4...4])
    }

    @Test func unknownBaseIsAnError() throws {
        let scratch = try repository()
        #expect(throws: NewCodeError.unknownRef("origin/nope")) {
            try ChangedLinesFinder.find(root: scratch.path, compareBranch: "origin/nope", reportFiles: [])
        }
    }

    @Test func noDefaultBaseNamesWhatWasTried() throws {
        let scratch = try Scratch()
        try scratch.git("init", "-q", "-b", "trunk")
        try scratch.write("a.py", "x\n")
        try scratch.git("add", ".")
        try scratch.git("commit", "-q", "-m", "base")
        #expect(throws: NewCodeError.noBase(tried: ["origin/main", "main", "master"], shallow: false)) {
            try ChangedLinesFinder.find(root: scratch.path, compareBranch: nil, reportFiles: ["a.py", "b.py"])
        }
    }

    @Test func outsideGitIsAnError() throws {
        let scratch = try Scratch()
        #expect(throws: NewCodeError.notARepository(root: scratch.path)) {
            try ChangedLinesFinder.find(root: scratch.path, compareBranch: nil, reportFiles: ["a.py", "b.py"])
        }
    }
}
