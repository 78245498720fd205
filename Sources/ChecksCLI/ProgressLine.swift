import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A one-line progress counter on standard error for work that takes more than a second, shown only
/// on a terminal (never in CI logs or pipes) and erased when the work is done.
public final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false

    public init(label: String, enabled: Bool = Terminal.stderrIsInteractive) {
        self.label = label
        self.enabled = enabled
    }

    /// Reports `done` of `total`, then `detail` when given (e.g. "3 failed"); cheap enough to call for
    /// every item from any thread.
    public func update(_ done: Int, of total: Int, detail: String? = nil) {
        guard enabled else { return }
        let now = Date()
        lock.lock()
        defer { lock.unlock() }
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        drawn = true
        let suffix = detail.map { ", \($0)" } ?? ""
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(label) \(done)/\(total)\(suffix)".utf8))
    }

    /// Erases the line, if one was drawn.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        drawn = false
    }
}
