import Testing

@testable import Coverage

@Suite struct PathMapperTests {
    static let repository = [
        "src/app/core.py", "src/app/critical/payments.py", "setup.py", "lib/x/util.py", "other/x/util.py",
        "billing/src/main/java/com/x/A.java",
    ]

    func mapper(sourceRoot: String? = nil, cwd: String = "/repo") -> PathMapper {
        let files = Set(Self.repository)
        return PathMapper(
            root: "/repo", workingDirectory: cwd, sourceRoot: sourceRoot,
            isFile: { files.contains($0) }, listFiles: { Self.repository })
    }

    @Test(
        arguments: [
            // (candidates, --src-root, expected path, matched)
            (["src/app/core.py"], nil, "src/app/core.py", true),
            (["/repo/src/app/core.py"], nil, "src/app/core.py", true),
            (["/repo/./src/../src/app/core.py"], nil, "src/app/core.py", true),
            (["/home/runner/work/demo/demo/src/app/core.py", "app/core.py"], "/home/runner/work/demo/demo", "src/app/core.py", true),
            // No --src-root: the suffix search drops the CI prefix.
            (["/home/runner/work/demo/demo/src/app/core.py"], nil, "src/app/core.py", true),
            (["/ci/checkout/setup.py"], nil, "setup.py", true),
            // Two repository files share the longest suffix: ambiguous, unmatched.
            (["/ci/x/util.py"], nil, "/ci/x/util.py", false),
            // JaCoCo's package path under a source root inside a module folder.
            (["src/main/java/com/x/A.java", "com/x/A.java"], nil, "billing/src/main/java/com/x/A.java", true),
            (["com/x/A.java"], "billing/src/main/java", "billing/src/main/java/com/x/A.java", true),
            (["gone.py"], nil, "gone.py", false),
        ] as [([String], String?, String, Bool)])
    func resolves(candidates: [String], sourceRoot: String?, path: String, matched: Bool) {
        #expect(mapper(sourceRoot: sourceRoot).resolve(candidates) == PathMapper.Resolution(path: path, matched: matched))
    }

    @Test func relativeCandidatesAlsoResolveFromTheWorkingDirectory() {
        #expect(mapper(cwd: "/repo/src").resolve(["app/core.py"]) == PathMapper.Resolution(path: "src/app/core.py", matched: true))
        #expect(mapper(cwd: "/repo/src").displayPath("src/app/core.py") == "app/core.py")
        #expect(mapper(cwd: "/elsewhere").displayPath("src/app/core.py") == "/repo/src/app/core.py")
    }

    @Test(arguments: ["/x", "C:/x", "c:/"])
    func absolutePaths(_ path: String) { #expect(PathMapper.isAbsolute(path)) }
}
