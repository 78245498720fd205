import Foundation
import Testing

@testable import Coverage

/// What check-coverage says (exit 2) when git cannot give the new-code gate a base: the message
/// names the problem and the fix, and calls out a shallow clone, the usual CI cause.
@Suite struct NewCodeErrorTests {
    /// `origin` with `main` (two commits) and `feature` (two more on top of the first), inside the
    /// scratch folder, so `git clone file://…` can make shallow copies of it.
    func origin() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.git("init", "-q", "-b", "main", "origin")
        try scratch.write("origin/a.py", "x = 1\n")
        try scratch.git("-C", "origin", "add", ".")
        try scratch.git("-C", "origin", "commit", "-q", "-m", "base")
        try scratch.git("-C", "origin", "checkout", "-q", "-b", "feature")
        for number in 2...3 {
            try scratch.write("origin/a.py", "x = \(number)\n")
            try scratch.git("-C", "origin", "commit", "-q", "-am", "feature \(number)")
        }
        try scratch.git("-C", "origin", "checkout", "-q", "main")
        try scratch.write("origin/b.py", "y = 1\n")
        try scratch.git("-C", "origin", "add", ".")
        try scratch.git("-C", "origin", "commit", "-q", "-m", "main moves on")
        return scratch
    }

    func message(root: String, compareBranch: String?) -> String? {
        do {
            _ = try ChangedLinesFinder.find(root: root, compareBranch: compareBranch, reportFiles: ["a.py"])
            return nil
        } catch {
            return (error as? NewCodeError)?.errorDescription
        }
    }

    @Test func aShallowCloneHasNoMergeBaseAndSaysHowToFetch() throws {
        let scratch = try origin()
        // What actions/checkout does by default: one commit of each branch fetched.
        try scratch.git("clone", "-q", "--depth", "1", "--no-single-branch", "--branch", "feature", "file://\(scratch.path)/origin", "shallow")
        let root = scratch.path + "/shallow"
        #expect(
            message(root: root, compareBranch: nil)
                == "'origin/main' and HEAD have no merge-base because this clone is shallow; fetch the base branch with full history (actions/checkout: fetch-depth: 0)"
        )
        // With the history fetched, the same clone works.
        try scratch.git("-C", "shallow", "fetch", "-q", "--unshallow")
        let changes = try ChangedLinesFinder.find(root: root, compareBranch: nil, reportFiles: ["a.py"])
        #expect(changes.base == "origin/main")
        #expect(changes.ranges["a.py"] == [1...1])
    }

    @Test func aSingleBranchShallowCloneHasNoBaseAtAll() throws {
        let scratch = try origin()
        try scratch.git("clone", "-q", "--depth", "1", "--branch", "feature", "file://\(scratch.path)/origin", "shallow")
        #expect(
            message(root: scratch.path + "/shallow", compareBranch: nil)
                == "no base branch to compare with (tried origin/main, main, master); pass --compare-branch REF, and fetch the base branch with full history (actions/checkout: fetch-depth: 0): this clone is shallow"
        )
    }

    @Test func historiesThatNeverMetAreNoShallowProblem() throws {
        let scratch = try origin()
        try scratch.git("-C", "origin", "checkout", "-q", "--orphan", "unrelated")
        try scratch.write("origin/c.py", "z = 1\n")
        try scratch.git("-C", "origin", "add", "c.py")
        try scratch.git("-C", "origin", "commit", "-q", "-m", "unrelated root")
        #expect(
            message(root: scratch.path + "/origin", compareBranch: "main")
                == "'main' and HEAD have no merge-base; fetch the base branch with full history (actions/checkout: fetch-depth: 0)")
    }

    @Test func anUnknownRefAndAFolderOutsideGitSayWhatToPass() throws {
        let scratch = try origin()
        #expect(
            message(root: scratch.path + "/origin", compareBranch: "origin/develop")
                == "--compare-branch 'origin/develop' is not a commit here; check the name or fetch the base branch with full history (actions/checkout: fetch-depth: 0)"
        )
        let plain = try Scratch()
        #expect(
            message(root: plain.path, compareBranch: "main")
                == "\(plain.path) is not a git work tree; new-code coverage needs git history, or pass --no-new-code")
    }
}
