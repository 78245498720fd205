import ChecksTestSupport
import Foundation
import Testing

/// SIGINT and SIGTERM sent to the built tools while they write a file or wait on the network: the
/// file keeps its old bytes or has its complete new ones, no temporary file stays behind, and the
/// process exits 130 (SIGINT) or 143 (SIGTERM), or 0 when it finished first.
@Suite struct InterruptCLITests {
    static let pauseVariable = "AUTOGIT_CHECKS_TEST_RENAME_PAUSE_MS"

    /// Temporary files of atomic writes (`.NAME.tmp-XXXXXX`) anywhere under `root`.
    static func temporaries(under root: String) -> [String] {
        let walker = FileManager.default.enumerator(atPath: root)
        var found: [String] = []
        while let path = walker?.nextObject() as? String {
            if (path as NSString).lastPathComponent.contains(".tmp-") { found.append(path) }
        }
        return found
    }

    /// Polls until a temporary file appears under `root` (at most `seconds`).
    static func waitForTemporary(under root: String, atMost seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if !temporaries(under: root).isEmpty { return true }
            usleep(2000)
        }
        return false
    }

    static func read(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// `docs/` with `count` docs in 30 folders and an INDEX.md that lists every other one, so
    /// `--write` has half of them to add.
    static func indexTree(docs count: Int) throws -> TemporaryTree {
        let tree = try TemporaryTree()
        for folder in 0..<min(count, 30) {
            try FileManager.default.createDirectory(atPath: tree.root + "/docs/s\(folder)", withIntermediateDirectories: true)
        }
        var index = ["# Index", "", "<!-- doc-index:start -->"]
        for number in 0..<count {
            let path = "s\(number % 30)/d\(number).md"
            let text = "# Doc \(number)\n\nSee [the next](../s\((number + 1) % 30)/d\((number + 1) % count).md).\n"
            // open(2) and write(2): Foundation's file writes cost milliseconds each on Linux.
            let fd = open(tree.root + "/docs/" + path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            #expect(fd >= 0)
            let bytes = Array(text.utf8)
            #expect(write(fd, bytes, bytes.count) == bytes.count)
            close(fd)
            if number.isMultiple(of: 2) { index.append("- [Doc \(number)](\(path))") }
        }
        index.append("<!-- doc-index:end -->")
        try tree.write("docs/INDEX.md", index.joined(separator: "\n") + "\n")
        return tree
    }

    static let writeArguments = ["--root", ".", "--index", "docs/INDEX.md", "--docs", "docs", "--write"]

    /// A signal at many moments of a `--write` on 800 docs: before, during and after the write.
    @Test func writeInterruptedAtSpreadMomentsLeavesTheOldOrTheNewIndex() throws {
        let tree = try Self.indexTree(docs: 800)
        let root = URL(fileURLWithPath: tree.root)
        let indexPath = tree.root + "/docs/INDEX.md"
        let old = try #require(Self.read(indexPath))

        // One run to the end: the new content, and how long a run takes once its handlers are in.
        let full = try RunningTool("verify-doc-index", Self.writeArguments, in: root)
        #expect(full.waitUntilCatching([SIGINT, SIGTERM]))
        let ready = Date()
        let done = full.wait()
        #expect(done.ending == .exited(0), "\(done.stderr)")
        let duration = Date().timeIntervalSince(ready)
        let new = try #require(Self.read(indexPath))
        #expect(new != old)

        var interrupted = 0
        let runs = 12
        for run in 0..<runs {
            try old.write(to: URL(fileURLWithPath: indexPath))
            let signal = run.isMultiple(of: 2) ? SIGINT : SIGTERM
            // From right after the handlers are in to well past the usual end (runs vary on a busy
            // machine): early signals interrupt the parse, late ones meet a finished run.
            let delay = duration * 1.6 * Double(run) / Double(runs - 1)
            let tool = try RunningTool("verify-doc-index", Self.writeArguments, in: root)
            #expect(tool.waitUntilCatching([SIGINT, SIGTERM]))
            usleep(UInt32(delay * 1_000_000))
            tool.send(signal)
            let end = tool.wait()
            let now = try #require(Self.read(indexPath))
            #expect(now == old || now == new, "run \(run): the index is neither the old nor the new one")
            #expect(Self.temporaries(under: tree.root).isEmpty, "run \(run): \(Self.temporaries(under: tree.root))")
            switch end.ending {
            case .exited(0):
                #expect(now == new, "run \(run): exit 0 but the index was not written")
            case .exited(128 + signal):
                interrupted += 1
            default:
                Issue.record("run \(run) after \(delay) s: \(end.ending), signal \(signal); \(end.stderr)")
            }
        }
        #expect(interrupted >= 2, "only \(interrupted) of \(runs) runs were interrupted: the spread missed the run")
    }

    /// The signal lands while the temporary file exists (the test hook holds the rename back).
    @Test(arguments: [SIGINT, SIGTERM])
    func signalDuringTheIndexWriteKeepsTheOldIndex(_ signal: Int32) throws {
        let tree = try Self.indexTree(docs: 6)
        let indexPath = tree.root + "/docs/INDEX.md"
        let old = try #require(Self.read(indexPath))
        let tool = try RunningTool(
            "verify-doc-index", Self.writeArguments, in: URL(fileURLWithPath: tree.root), environment: [Self.pauseVariable: "20000"])
        #expect(Self.waitForTemporary(under: tree.root + "/docs"), "no temporary file appeared")
        let sent = Date()
        tool.send(signal)
        let end = tool.wait()
        #expect(end.ending == .exited(128 + signal), "\(end.stderr)")
        // The handler does not wait for the paused writer.
        #expect(Date().timeIntervalSince(sent) < 3)
        #expect(Self.read(indexPath) == old)
        #expect(Self.temporaries(under: tree.root).isEmpty)
    }

    @Test func signalDuringTheReportWriteKeepsTheOldReport() throws {
        let tree = try Self.indexTree(docs: 6)
        try tree.write("report.txt", "the previous report\n")
        let tool = try RunningTool(
            "verify-doc-index", ["--root", ".", "--index", "docs/INDEX.md", "--output", "report.txt"],
            in: URL(fileURLWithPath: tree.root), environment: [Self.pauseVariable: "20000"])
        #expect(Self.waitForTemporary(under: tree.root), "no temporary file appeared")
        tool.send(SIGINT)
        let end = tool.wait()
        #expect(end.ending == .exited(130), "\(end.stderr)")
        #expect(Self.read(tree.root + "/report.txt") == Data("the previous report\n".utf8))
        #expect(Self.temporaries(under: tree.root).isEmpty)
    }

    /// The fault servers of LinkFaultCLITests: one python process for the target.
    static var faultServer: Result<LinkFaultServer, Error> { LinkFaultCLITests.server }
    static let oldCache = Data(#"{"doc-links": {}, "format": 1, "other-tool": {"kept": true}}"#.utf8 + [0x0A])

    @Test(arguments: [SIGINT, SIGTERM])
    func signalDuringTheCacheWriteKeepsTheOldCache(_ signal: Int32) throws {
        let server = try Self.faultServer.get()
        let tree = try TemporaryTree()
        // The huge server answers HEAD with 200: a success, so the cache is written.
        try tree.write("doc.md", "[alive](\(server.url("huge")))\n")
        try tree.write(".autogit-checks-cache", String(decoding: Self.oldCache, as: UTF8.self))
        let tool = try RunningTool(
            "check-doc-links", ["--root", ".", "doc.md", "--cache", "--timeout", "5"],
            in: URL(fileURLWithPath: tree.root), environment: [Self.pauseVariable: "20000"])
        #expect(Self.waitForTemporary(under: tree.root), "no temporary file appeared")
        tool.send(signal)
        let end = tool.wait()
        #expect(end.ending == .exited(128 + signal), "\(end.stderr)")
        #expect(Self.read(tree.root + "/.autogit-checks-cache") == Self.oldCache)
        #expect(Self.temporaries(under: tree.root).isEmpty)
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func signalDuringANetworkWaitEndsPromptly(_ signal: Int32) throws {
        let server = try Self.faultServer.get()
        let tree = try TemporaryTree()
        try tree.write("doc.md", "[never answers](\(server.url("silent")))\n")
        try tree.write(".autogit-checks-cache", String(decoding: Self.oldCache, as: UTF8.self))
        let tool = try RunningTool(
            "check-doc-links", ["--root", ".", "doc.md", "--cache", "--timeout", "30"], in: URL(fileURLWithPath: tree.root))
        #expect(tool.waitUntilCatching([SIGINT, SIGTERM]))
        usleep(300_000)
        let sent = Date()
        tool.send(signal)
        let end = tool.wait(atMost: 10)
        #expect(end.ending == .exited(128 + signal), "\(end.stderr)")
        #expect(Date().timeIntervalSince(sent) < 2, "the tool took \(Date().timeIntervalSince(sent)) s to stop")
        #expect(Self.read(tree.root + "/.autogit-checks-cache") == Self.oldCache)
        #expect(Self.temporaries(under: tree.root).isEmpty)
    }
}
