import ChecksCore
import Testing

@Suite struct GlobPatternTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let pattern: String
        let path: String
        let matches: Bool
        var testDescription: String { "\(pattern) \(matches ? "~" : "!~") \(path)" }
        init(_ pattern: String, _ path: String, _ matches: Bool) {
            self.pattern = pattern
            self.path = path
            self.matches = matches
        }
    }

    static let cases: [Case] = [
        // A pattern without a slash matches a name at any depth.
        Case("*.tmp", "a.tmp", true),
        Case("*.tmp", "docs/deep/a.tmp", true),
        Case("*.tmp", "a.tmpx", false),
        Case("CHANGELOG.md", "CHANGELOG.md", true),
        Case("CHANGELOG.md", "packages/x/CHANGELOG.md", true),
        Case("CHANGELOG.md", "changelog.md", false),  // case-sensitive, like git on Linux
        Case("CHANGELOG.md", "OLD-CHANGELOG.md", false),
        // ...including a folder name, which then covers everything under it (gitignore).
        Case("drafts", "docs/drafts/wip.md", true),
        Case("drafts", "docs/drafts-old/wip.md", false),
        // `*` stays within one component; `?` is one character; both match a leading dot.
        Case("docs/*.md", "docs/a.md", true),
        Case("docs/*.md", "docs/sub/a.md", false),
        Case("docs/*", "docs/sub/a.md", true),  // `docs/*` matches the folder docs/sub
        Case("docs/?.md", "docs/a.md", true),
        Case("docs/?.md", "docs/ab.md", false),
        Case("docs/?.md", "docs/.md", false),
        Case("*", ".hidden", true),
        Case("a*b*c", "axxbyyc", true),
        Case("a*b*c", "axxbyy", false),
        Case("*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false),
        // A slash at the start or in the middle anchors to the root.
        Case("docs/*.md", "sub/docs/a.md", false),
        Case("/TODO.md", "TODO.md", true),
        Case("/TODO.md", "docs/TODO.md", false),
        Case("./TODO.md", "TODO.md", true),
        Case("./TODO.md", "docs/TODO.md", false),
        // `**` matches any number of folders, including none.
        Case("docs/**/*.md", "docs/a.md", true),
        Case("docs/**/*.md", "docs/x/y/z/a.md", true),
        Case("docs/**/*.md", "other/docs/a.md", false),
        Case("docs/**/*.md", "docs/a.txt", false),
        Case("**/drafts/**", "drafts/a.md", true),
        Case("**/drafts/**", "docs/drafts/x/a.md", true),
        Case("**/drafts/**", "docs/drafts", false),  // a trailing /** needs something inside
        Case("**/drafts/**", "docs/draftsx/a.md", false),
        Case("**/*.md", "a.md", true),
        Case("**/*.md", "x/y/a.md", true),
        Case("**", "anything/at/all.md", true),
        Case("docs/**", "docs/a.md", true),
        Case("docs/**", "docs", false),
        Case("a/**/b", "a/b", true),
        Case("a/**/b", "a/x/y/b", true),
        Case("a/**/**/b", "a/x/b", true),
        Case("a/**/b/**/c", "a/1/b/2/b/3/c", true),
        Case("a/**/b/**/c", "a/1/b/2/3", false),
        // `**` inside a component is an ordinary `*`.
        Case("a**b.md", "axxb.md", true),
        Case("a**b.md", "ax/xb.md", false),
        // A trailing slash matches a folder and everything under it, not a file.
        Case("drafts/", "drafts/wip.md", true),
        Case("drafts/", "docs/drafts/wip.md", true),
        Case("drafts/", "drafts", false),
        Case("drafts/", "drafts/", true),
        Case("docs/drafts/", "docs/drafts/a/b.md", true),
        Case("docs/drafts/", "x/docs/drafts/b.md", false),
        // An anchored pattern that names a folder covers what is inside it.
        Case("docs/drafts", "docs/drafts/wip.md", true),
        Case("build", "build/out/report.md", true),
        // Character classes.
        Case("file[0-9].md", "file7.md", true),
        Case("file[0-9].md", "filex.md", false),
        Case("file[!0-9].md", "filex.md", true),
        Case("file[!0-9].md", "file7.md", false),
        Case("file[^0-9].md", "filex.md", true),
        Case("[abc].md", "b.md", true),
        Case("[abc].md", "d.md", false),
        Case("[]].md", "].md", true),
        Case("[a-].md", "-.md", true),
        Case("[é].md", "é.md", true),
        // Escapes.
        Case("\\*.md", "*.md", true),
        Case("\\*.md", "a.md", false),
        Case("\\[x].md", "[x].md", true),
        // Paths: a leading ./ and doubled slashes are tolerated.
        Case("docs/*.md", "./docs/a.md", true),
        Case("docs/*.md", "docs//a.md", true),
        Case("docs//*.md", "docs/a.md", true),
        Case("*.md", "", false),
        // Unicode: `?` is one character (scalar), not one byte.
        Case("caf?.md", "café.md", true),
        Case("日本/*.md", "日本/語.md", true),
    ]

    @Test(arguments: cases)
    func matching(_ c: Case) throws {
        #expect(try GlobPattern(c.pattern).matches(c.path) == c.matches)
    }

    @Test(arguments: [
        ("", GlobPatternError.empty),
        ("/", GlobPatternError.empty),
        ("docs/[abc", GlobPatternError.unclosedBracket(pattern: "docs/[abc")),
        ("[!", GlobPatternError.unclosedBracket(pattern: "[!")),
        ("[]", GlobPatternError.unclosedBracket(pattern: "[]")),
        ("[z-a].md", GlobPatternError.invalidRange(pattern: "[z-a].md", range: "z-a")),
        ("docs\\", GlobPatternError.trailingBackslash(pattern: "docs\\")),
    ])
    func invalidPatterns(_ pattern: String, _ expected: GlobPatternError) {
        #expect(throws: expected) { try GlobPattern(pattern) }
    }

    @Test func errorMessageNamesThePattern() {
        let message = GlobPatternError.unclosedBracket(pattern: "docs/[abc").localizedDescription
        #expect(message.contains("'docs/[abc'"))
        #expect(message == message.lowercased())
    }

    @Test func keepsThePatternText() throws {
        let glob = try GlobPattern("**/drafts/**")
        #expect(glob.pattern == "**/drafts/**")
        #expect(glob.description == "**/drafts/**")
    }
}
