import ChecksCore
import ChecksTestSupport
import Foundation
import Testing

@testable import DocChecks

/// Trees an attacker or an accident could hand the checker: it must give a result, read nothing
/// outside the root, and never block on a FIFO or loop on a symlink.
@Suite struct HostileTreeTests {
    @Test func symlinksFifosAndTraversalStayInsideTheRoot() throws {
        let tree = try TemporaryTree()
        try tree.write(
            "docs/a.md",
            """
            [loop](loop/a.md) [etc](etc/passwd) [up](../../../../etc/passwd) [enc](%2E%2E/%2E%2E/%2E%2E/etc/passwd)
            [fifo](pipe.md) [ok](b.md#b)
            """)
        try tree.write("docs/b.md", "# B\n")
        try FileManager.default.createSymbolicLink(atPath: tree.root + "/docs/loop", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: tree.root + "/docs/etc", withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: tree.root + "/docs/evil.md", withDestinationPath: "/etc/passwd")
        #expect(mkfifo(tree.root + "/docs/pipe.md", 0o644) == 0)

        let report = try DocRefsChecker.run(DocRefsOptions(paths: ["docs"], root: tree.root, workingDirectory: tree.root))
        let byTarget = Dictionary(report.diagnostics.map { ($0.target ?? "", $0.rule) }, uniquingKeysWith: { a, _ in a })
        #expect(byTarget["etc/passwd"] == "escapes-root")
        #expect(byTarget["../../../../etc/passwd"] == "escapes-root")
        #expect(byTarget["%2E%2E/%2E%2E/%2E%2E/etc/passwd"] == "escapes-root")
        #expect(byTarget["b.md#b"] == nil)
        // The symlink to /etc/passwd is not a document of this tree, and the FIFO is never opened.
        #expect(!report.diagnostics.contains { $0.file.hasSuffix("evil.md") })
        #expect(report.counts.first { $0.key == "files" }?.value == 2)
    }

    @Test func largeAndDegenerateFilesGiveAResult() throws {
        let tree = try TemporaryTree()
        try tree.write("docs/headings.md", String(repeating: "# Same\n", count: 50_000) + "[x](#same-49999) [y](#same-50000)\n")
        try tree.write("docs/nest.md", String(repeating: "> ", count: 5_000) + "[x](nope.md)\n")
        try tree.write("docs/brackets.md", String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n")
        try tree.write("docs/long.md", String(repeating: "x", count: 100_000) + " [x](nope.md)\n")
        let url = URL(fileURLWithPath: tree.root + "/docs/bytes.md")
        try Data([0xFF, 0xFE, 0x20, 0x5B, 0x78, 0x5D, 0x28, 0x6E, 0x2E, 0x6D, 0x64, 0x29, 0x00, 0x0D, 0x0A, 0xEF, 0xBB, 0xBF]).write(to: url)

        let report = try DocRefsChecker.run(DocRefsOptions(paths: ["docs"], root: tree.root, workingDirectory: tree.root))
        let found = report.diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.rule)" }
        #expect(found.contains("docs/headings.md:50001:18 missing-anchor"))
        #expect(found.contains("docs/nest.md:1:10001 missing-file"))
        #expect(found.contains("docs/long.md:1:100002 missing-file"))
        #expect(found.contains("docs/bytes.md:1:4 missing-file"))
    }
}
