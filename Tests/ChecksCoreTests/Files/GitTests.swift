import ChecksCore
import Foundation
import Testing

@Suite struct GitTests {
    @Test func topLevelFromASubfolder() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.git("init", "-q")
        try tree.makeFolder("docs/deep")
        #expect(Git.topLevel(of: tree.absolute("docs/deep")) == tree.path)
        #expect(Git.topLevel(of: tree.path) == tree.path)
    }

    @Test func topLevelOutsideAWorkTreeIsNil() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        #expect(Git.topLevel(of: tree.path) == nil)
        #expect(Git.topLevel(of: tree.absolute("does-not-exist")) == nil)
    }

    @Test func listFilesTrackedUntrackedIgnoredDeleted() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.git("init", "-q")
        try tree.write(".gitignore", "ignored.md\nbuild/\n")
        try tree.write("README.md")
        try tree.write("docs/guide.md")
        try tree.write("gone.md")
        try tree.git("add", ".gitignore", "README.md", "docs/guide.md", "gone.md")
        try tree.git("commit", "-q", "-m", "initial")
        // Untracked, ignored, deleted-but-tracked, and names that need -z.
        try tree.write("docs/new.md")
        try tree.write("ignored.md")
        try tree.write("build/out.md")
        try FileManager.default.removeItem(atPath: tree.absolute("gone.md"))
        try tree.write("with space.md")
        try tree.write("quote\"and\nnewline.md")
        try tree.write("ünïcödé.md")

        let files = try Git.listFiles(in: tree.path)
        #expect(
            files == [
                ".gitignore", "README.md", "docs/guide.md", "docs/new.md", "quote\"and\nnewline.md",
                "with space.md", "ünïcödé.md",
            ])
    }

    @Test func listFilesIsRelativeToTheFolderAsked() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.git("init", "-q")
        try tree.write("README.md")
        try tree.write("docs/a.md")
        try tree.write("docs/sub/b.md")
        #expect(try Git.listFiles(in: tree.absolute("docs")) == ["a.md", "sub/b.md"])
    }

    @Test func listFilesReportsEachConflictedFileOnce() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.git("init", "-q")
        try tree.write("a.md", "base\n")
        try tree.git("add", "a.md")
        try tree.git("commit", "-q", "-m", "base")
        try tree.git("checkout", "-q", "-b", "other")
        try tree.write("a.md", "other\n")
        try tree.git("commit", "-q", "-am", "other")
        try tree.git("checkout", "-q", "main")
        try tree.write("a.md", "main\n")
        try tree.git("commit", "-q", "-am", "main")
        // The merge stops with a conflict: the index holds a.md at stages 1, 2 and 3.
        #expect(throws: (any Error).self) { try tree.git("merge", "-q", "other") }
        #expect(try tree.git("ls-files", "--cached").split(separator: "\n").count == 3)
        #expect(try Git.listFiles(in: tree.path) == ["a.md"])
    }

    @Test func listFilesOutsideARepositoryThrows() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        do {
            _ = try Git.listFiles(in: tree.path)
            Issue.record("expected an error")
        } catch let error as GitError {
            guard case .commandFailed(let command, let status, let stderr) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(command.hasPrefix("git -C \(tree.path) ls-files"))
            #expect(status != 0)
            #expect(stderr.contains("not a git repository"))
            #expect(error.localizedDescription.contains("not a git repository"))
        }
    }

    @Test func originRemote() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.git("init", "-q")
        #expect(Git.originRemote(in: tree.path) == nil)
        try tree.git("remote", "add", "origin", "git@github.com:octo/hello.git")
        #expect(Git.originRemote(in: tree.path) == "git@github.com:octo/hello.git")
        // An insteadOf rewrite (a mirror) changes the transport, not the repository's identity.
        try tree.git("config", "url./srv/mirror/.insteadOf", "git@github.com:")
        #expect(Git.originRemote(in: tree.path) == "git@github.com:octo/hello.git")
    }

    @Test func originRemoteOutsideARepositoryIsNil() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        #expect(Git.originRemote(in: tree.path) == nil)
    }

    @Test(
        arguments: [
            ("https://github.com/octo/hello", "octo/hello"),
            ("https://github.com/octo/hello.git", "octo/hello"),
            ("https://github.com/octo/hello.git/", "octo/hello"),
            ("https://github.com/octo/hello/", "octo/hello"),
            ("http://github.com/octo/hello.git", "octo/hello"),
            ("https://GitHub.com/Octo-Org/hello.world_2", "Octo-Org/hello.world_2"),
            ("https://www.github.com/octo/hello", "octo/hello"),
            ("https://x-access-token:abc@github.com/octo/hello.git", "octo/hello"),
            ("git@github.com:octo/hello.git", "octo/hello"),
            ("git@github.com:octo/hello", "octo/hello"),
            ("github.com:octo/hello.git", "octo/hello"),
            ("ssh://git@github.com/octo/hello.git", "octo/hello"),
            ("ssh://git@github.com:22/octo/hello.git", "octo/hello"),
            ("git://github.com/octo/hello.git", "octo/hello"),
            ("  https://github.com/octo/hello.git\n", "octo/hello"),
            // Not GitHub, or not owner/repo.
            ("https://gitlab.com/octo/hello.git", nil),
            ("https://github.com.evil.example/octo/hello", nil),
            ("https://evil.example/github.com/octo/hello", nil),
            ("https://github.com/octo", nil),
            ("https://github.com/octo/hello/tree/main", nil),
            ("https://github.com/octo/.git", nil),
            ("https://github.com//hello", nil),
            ("git@gitlab.com:octo/hello.git", nil),
            ("file:///srv/git/hello.git", nil),
            ("/srv/git/hello.git", nil),
            ("../hello", nil),
            ("", nil),
        ] as [(String, String?)])
    func gitHubRepository(_ remote: String, _ expected: String?) {
        let parsed = Git.gitHubRepository(fromRemote: remote)
        #expect(parsed.map { "\($0.owner)/\($0.repo)" } == expected)
    }

    @Test func errorMessagesAreLowerCase() {
        let errors: [GitError] = [
            .gitNotFound, .launchFailed(executable: "/usr/bin/git", reason: "No such file"),
            .commandFailed(command: "git ls-files", status: 128, stderr: "fatal: not a git repository"),
        ]
        for error in errors {
            let message = error.localizedDescription
            #expect(message.first?.isLowercase == true, "\(message)")
            #expect(!message.hasSuffix("."))
        }
    }
}
