import Foundation

/// A real folder under the temporary directory, removed when the value goes away: tests write the
/// tree they need into it instead of sharing fixture folders they might change.
public final class TemporaryTree: @unchecked Sendable {
    /// Absolute, symlink-free path of the folder.
    public let root: String

    public init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("autogit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        root = base.resolvingSymlinksInPath().path
    }

    /// Writes `text` to root-relative `path`, creating its folders.
    public func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }
}
