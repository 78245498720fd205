import ChecksCore
import Foundation
import Testing

@Suite struct FileDiscoveryTests {
    static let markdown: Set<String> = ["md", "markdown"]

    /// The shared tree: documents at several depths, plus every trap the discovery must avoid.
    private static func makeTree() throws -> ScratchTree {
        let tree = try ScratchTree()
        try tree.write("README.md")
        try tree.write("notes.MARKDOWN")  // extensions compare case-insensitively
        try tree.write("image.png")
        try tree.write("docs/guide.md")
        try tree.write("docs/deep/nested/page.md")
        try tree.write("docs/drafts/wip.md")  // excluded by a glob in some tests
        try tree.write(".hidden/secret.md")  // dot-folder
        try tree.write("docs/.cache/cached.md")  // nested dot-folder
        try tree.write(".dotfile.md")  // a dot-file is a document (tldr's page for `.` is `..md`)
        try tree.symlink("loop", to: ".")  // a loop back to the root
        try tree.symlink("self", to: "self")  // a link to itself: ELOOP
        try tree.symlink("etc-link", to: "/etc")  // a folder outside the root
        try tree.symlink("outside.md", to: "/etc/passwd")  // a file outside the root
        try tree.symlink("alias.md", to: "docs/guide.md")  // a file inside the root
        try tree.symlink("dangling.md", to: "missing.md")
        try tree.fifo("pipe.md")  // must never be opened
        return tree
    }

    static let everything = [
        ".dotfile.md", "README.md", "alias.md", "docs/deep/nested/page.md", "docs/drafts/wip.md", "docs/guide.md",
        "notes.MARKDOWN",
    ]

    // MARK: - Without git

    @Test func walksTheTreeSafely() throws {
        let tree = try Self.makeTree()
        defer { tree.remove() }
        let files = try FileDiscovery.files(
            under: [tree.path], root: tree.path, extensions: Self.markdown, exclude: [])
        #expect(files == Self.everything)
    }

    @Test func emptyPathsMeanTheWholeRoot() throws {
        let tree = try Self.makeTree()
        defer { tree.remove() }
        let files = try FileDiscovery.files(under: [], root: tree.path, extensions: Self.markdown, exclude: [])
        #expect(files == Self.everything)
    }

    @Test(arguments: [
        (["**/drafts/**"], [".dotfile.md", "README.md", "alias.md", "docs/deep/nested/page.md", "docs/guide.md", "notes.MARKDOWN"]),
        (["drafts/"], [".dotfile.md", "README.md", "alias.md", "docs/deep/nested/page.md", "docs/guide.md", "notes.MARKDOWN"]),
        (["docs/**/*.md"], [".dotfile.md", "README.md", "alias.md", "notes.MARKDOWN"]),
        (["*.MARKDOWN", "/README.md"], [".dotfile.md", "alias.md", "docs/deep/nested/page.md", "docs/drafts/wip.md", "docs/guide.md"]),
        (["docs"], [".dotfile.md", "README.md", "alias.md", "notes.MARKDOWN"]),
    ])
    func excludeGlobs(_ globs: [String], _ expected: [String]) throws {
        let tree = try Self.makeTree()
        defer { tree.remove() }
        let exclude = try globs.map(GlobPattern.init)
        #expect(
            try FileDiscovery.files(under: [tree.path], root: tree.path, extensions: Self.markdown, exclude: exclude)
                == expected)
    }

    @Test func aSubfolderArgument() throws {
        let tree = try Self.makeTree()
        defer { tree.remove() }
        let files = try FileDiscovery.files(
            under: [tree.absolute("docs/deep"), tree.absolute("docs/deep/nested")], root: tree.path,
            extensions: ["md"], exclude: [])
        #expect(files == ["docs/deep/nested/page.md"])
    }

    @Test func aDotFolderNamedExplicitlyIsRead() throws {
        let tree = try Self.makeTree()
        defer { tree.remove() }
        let files = try FileDiscovery.files(
            under: [tree.absolute(".hidden")], root: tree.path, extensions: ["md"], exclude: [])
        #expect(files == [".hidden/secret.md"])
    }

    @Test func fileArguments() throws {
        let tree = try Self.makeTree()
        defer { tree.remove() }
        let arguments = [
            "docs/guide.md", ".hidden/secret.md", "image.png", "alias.md", "docs/guide.md",
        ].map(tree.absolute)
        let files = try FileDiscovery.files(under: arguments, root: tree.path, extensions: ["md"], exclude: [])
        // A wrong extension is dropped; a symlink keeps its name.
        #expect(files == [".hidden/secret.md", "alias.md", "docs/guide.md"])
    }

    /// A FIFO named explicitly is refused without being opened, a symlink leaving the root too.
    @Test func fileArgumentsThatAreNoRegularFileInTheRootAreErrors() throws {
        let tree = try Self.makeTree()
        defer { tree.remove() }
        #expect(throws: FileDiscoveryError.notARegularFile(tree.absolute("pipe.md"))) {
            try FileDiscovery.files(under: [tree.absolute("pipe.md")], root: tree.path, extensions: ["md"], exclude: [])
        }
        #expect(throws: FileDiscoveryError.self) {
            try FileDiscovery.files(under: [tree.absolute("outside.md")], root: tree.path, extensions: ["md"], exclude: [])
        }
    }

    @Test func excludeAppliesToFileArgumentsToo() throws {
        let tree = try Self.makeTree()
        defer { tree.remove() }
        let files = try FileDiscovery.files(
            under: [tree.absolute("docs/drafts/wip.md"), tree.absolute("README.md")], root: tree.path,
            extensions: ["md"], exclude: [GlobPattern("drafts/")])
        #expect(files == ["README.md"])
    }

    @Test func emptyExtensionSetTakesEveryRegularFile() throws {
        let tree = try Self.makeTree()
        defer { tree.remove() }
        let files = try FileDiscovery.files(
            under: [tree.absolute("docs"), tree.absolute("image.png")], root: tree.path, extensions: [],
            exclude: [])
        #expect(files == ["docs/deep/nested/page.md", "docs/drafts/wip.md", "docs/guide.md", "image.png"])
    }

    @Test func extensionsMayBeGivenWithADot() throws {
        let tree = try Self.makeTree()
        defer { tree.remove() }
        let files = try FileDiscovery.files(
            under: [tree.absolute("docs")], root: tree.path, extensions: [".MD"], exclude: [])
        #expect(files == ["docs/deep/nested/page.md", "docs/drafts/wip.md", "docs/guide.md"])
    }

    @Test func pathsRelativeToTheCurrentDirectory() throws {
        let tree = try Self.makeTree()
        defer { tree.remove() }
        // Reach the tree from the current directory with ../ steps, without changing the directory
        // (tests run in parallel).
        let current = FileManager.default.currentDirectoryPath
        let depth = current.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + tree.path.dropFirst()
        let files = try FileDiscovery.files(
            under: [relative + "/docs/deep", relative + "/README.md"], root: relative, extensions: ["md"],
            exclude: [])
        #expect(files == ["README.md", "docs/deep/nested/page.md"])
    }

    @Test func dotAndDotDotInArguments() throws {
        let tree = try Self.makeTree()
        defer { tree.remove() }
        let files = try FileDiscovery.files(
            under: [tree.absolute("docs/deep/.."), tree.absolute("docs/./guide.md")], root: tree.path,
            extensions: ["md"], exclude: [GlobPattern("drafts")])
        #expect(files == ["docs/deep/nested/page.md", "docs/guide.md"])
    }

    @Test func missingPathIsAnError() throws {
        let tree = try Self.makeTree()
        defer { tree.remove() }
        let missing = tree.absolute("docs/nope.md")
        #expect(throws: FileDiscoveryError.pathNotFound(missing)) {
            try FileDiscovery.files(under: [missing], root: tree.path, extensions: ["md"], exclude: [])
        }
        #expect(FileDiscoveryError.pathNotFound("docs/nope.md").localizedDescription == "path not found: docs/nope.md")
        // A dangling symlink is as missing as its target.
        #expect(throws: FileDiscoveryError.pathNotFound(tree.absolute("dangling.md"))) {
            try FileDiscovery.files(
                under: [tree.absolute("dangling.md")], root: tree.path, extensions: ["md"], exclude: [])
        }
    }

    @Test func pathsOutsideTheRootAreAnError() throws {
        let tree = try Self.makeTree()
        defer { tree.remove() }
        for argument in ["/etc", "/etc/passwd", tree.absolute("etc-link")] {
            #expect(throws: FileDiscoveryError.pathOutsideRoot(path: argument, root: tree.path)) {
                try FileDiscovery.files(under: [argument], root: tree.path, extensions: ["md"], exclude: [])
            }
        }
    }

    @Test func aSymlinkedFolderInsideTheRootIsFollowedOnce() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("real/a.md")
        try tree.symlink("link", to: "real")
        try tree.symlink("real/back", to: "..")
        let files = try FileDiscovery.files(under: [tree.path], root: tree.path, extensions: ["md"], exclude: [])
        // Real folders are walked before symlinked ones, so the folder is listed under its real path
        // and the link to it is not entered again.
        #expect(files == ["real/a.md"])
        // Named as an argument, a symlinked folder is taken by its real path.
        let viaLink = try FileDiscovery.files(
            under: [tree.absolute("link")], root: tree.path, extensions: ["md"], exclude: [])
        #expect(viaLink == ["real/a.md"])
    }

    // MARK: - In a git work tree

    private static func makeRepository() throws -> ScratchTree {
        let tree = try makeTree()
        try tree.write(".gitignore", "ignored.md\nbuild/\n")
        try tree.write("ignored.md")
        try tree.write("build/out.md")
        try tree.write("gone.md")
        try tree.git("init", "-q")
        try tree.git("add", ".gitignore", "README.md", "docs/guide.md", "gone.md", "alias.md", "outside.md")
        try tree.git("commit", "-q", "-m", "initial")
        try FileManager.default.removeItem(atPath: tree.absolute("gone.md"))
        // docs/deep, docs/drafts and notes.MARKDOWN stay untracked but not ignored.
        return tree
    }

    @Test func gitListsTrackedAndUntrackedButNotIgnored() throws {
        let tree = try Self.makeRepository()
        defer { tree.remove() }
        let files = try FileDiscovery.files(under: [tree.path], root: tree.path, extensions: Self.markdown, exclude: [])
        #expect(files == Self.everything)
    }

    @Test func gitSubfolderAndExclude() throws {
        let tree = try Self.makeRepository()
        defer { tree.remove() }
        let files = try FileDiscovery.files(
            under: [tree.absolute("docs")], root: tree.path, extensions: ["md"],
            exclude: [GlobPattern("**/drafts/**")])
        #expect(files == ["docs/deep/nested/page.md", "docs/guide.md"])
    }

    @Test func gitIgnoredFileNamedExplicitlyIsTaken() throws {
        let tree = try Self.makeRepository()
        defer { tree.remove() }
        let files = try FileDiscovery.files(
            under: [tree.absolute("ignored.md"), tree.absolute("build")], root: tree.path, extensions: ["md"],
            exclude: [])
        // The ignored file was named; the ignored folder's files stay ignored.
        #expect(files == ["ignored.md"])
    }

    @Test func gitRootBelowTheTopLevel() throws {
        let tree = try Self.makeRepository()
        defer { tree.remove() }
        let files = try FileDiscovery.files(
            under: [], root: tree.absolute("docs"), extensions: ["md"], exclude: [GlobPattern("/drafts")])
        #expect(files == ["deep/nested/page.md", "guide.md"])
    }

    @Test func gitMissingPathIsAnError() throws {
        let tree = try Self.makeRepository()
        defer { tree.remove() }
        // Still in git's index, but deleted from the disk.
        let gone = tree.absolute("gone.md")
        #expect(throws: FileDiscoveryError.pathNotFound(gone)) {
            try FileDiscovery.files(under: [gone], root: tree.path, extensions: ["md"], exclude: [])
        }
    }
}
