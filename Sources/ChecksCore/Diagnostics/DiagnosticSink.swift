import Foundation

/// Where checks hand their findings. Thread-safe, so parallel checks can share one sink.
public final class DiagnosticSink: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Diagnostic] = []

    public init() {}

    public func emit(_ diagnostic: Diagnostic) {
        lock.lock()
        collected.append(diagnostic)
        lock.unlock()
    }

    public func emit(contentsOf diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        lock.lock()
        collected.append(contentsOf: diagnostics)
        lock.unlock()
    }

    /// Everything emitted so far, in output order.
    public var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return collected.sorted(by: Diagnostic.outputOrder)
    }
}
