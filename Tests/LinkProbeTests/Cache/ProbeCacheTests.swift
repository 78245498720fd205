import Foundation
import Testing

@testable import LinkProbe

@Suite struct ProbeCacheTests {
    func scratchFile() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("probe-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(ProbeCache.fileName).path
    }

    @Test func roundTripKeepsOtherSectionsAndDropsOldEntries() throws {
        let path = try scratchFile()
        try Data(#"{"format": 1, "other-tool": {"k": [1, 2]}, "doc-links": {"https://old/": {"status": 200, "checked": 0}}}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var cache = ProbeCache(path: path, maxAge: 86400, now: now)
        #expect(cache.entries.isEmpty)
        cache.store("https://new/", .init(status: 200, checked: now, anchors: ["b", "a"]))
        try cache.save()

        let again = ProbeCache(path: path, maxAge: 86400, now: now.addingTimeInterval(60))
        #expect(again.entry(for: "https://new/") == .init(status: 200, checked: now, anchors: ["a", "b"]))
        let expired = ProbeCache(path: path, maxAge: 86400, now: now.addingTimeInterval(86401))
        #expect(expired.entries.isEmpty)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(#""other-tool":{"k":[1,2]}"#))
    }

    @Test func aMalformedCacheIsAnEmptyCache() throws {
        let path = try scratchFile()
        try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
        #expect(ProbeCache(path: path, maxAge: 86400).entries.isEmpty)
    }
}
