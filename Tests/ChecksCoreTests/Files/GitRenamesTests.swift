import ChecksCore
import Foundation
import Testing

@Suite struct GitRenamesTests {
    @Test func stagedMovesAndPlainMovesArePaired() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.git("init", "-q")
        try tree.write("docs/setup.md", "# Setup\n\nsome text that makes the file long enough\n")
        try tree.write("docs/usage.md", "# Usage\n")
        try tree.write("docs/a/same.md", "# A\n")
        try tree.write("docs/b/same.md", "# B\n")
        try tree.git("add", "-A")
        try tree.git("commit", "-q", "-m", "initial")
        try tree.makeFolder("docs/guide")
        // Staged (git mv), plain (mv, not added), and ambiguous (two files of one name went).
        try tree.git("mv", "docs/setup.md", "docs/guide/install.md")
        try FileManager.default.moveItem(atPath: tree.absolute("docs/usage.md"), toPath: tree.absolute("docs/guide/usage.md"))
        try FileManager.default.removeItem(atPath: tree.absolute("docs/a/same.md"))
        try FileManager.default.removeItem(atPath: tree.absolute("docs/b/same.md"))
        try tree.write("docs/c/same.md", "# C\n")
        let renames = Git.renames(in: tree.path)
        #expect(
            renames.map { "\($0.from) -> \($0.to)" } == [
                "docs/setup.md -> docs/guide/install.md", "docs/usage.md -> docs/guide/usage.md",
            ])
        // From a subfolder, paths are relative to it.
        #expect(Git.renames(in: tree.absolute("docs")).map(\.from) == ["setup.md", "usage.md"])
    }

    @Test func noRenamesOutsideAWorkTreeOrBeforeTheFirstCommit() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        #expect(Git.renames(in: tree.path).isEmpty)
        try tree.git("init", "-q")
        try tree.write("a.md")
        #expect(Git.renames(in: tree.path).isEmpty)
    }
}
