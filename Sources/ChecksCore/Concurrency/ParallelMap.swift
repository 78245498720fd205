import Dispatch
import Foundation

/// Runs `transform` for every index on all cores and returns the results in index order, so parallel
/// work still gives deterministic output.
///
/// Indices are handed out in small batches from a shared counter: one dispatch per item costs more
/// than parsing a small Markdown file, and fixed halves leave a core idle when one half is slower.
public func parallelMap<T: Sendable>(count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let results = ResultSlots<T>(count: count)
    let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(1, count / 4))
    let batch = max(1, min(64, count / (workers * 16)))
    let next = SharedCounter()
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
            let start = next.take(batch)
            guard start < count else { return }
            for index in start..<min(start + batch, count) {
                results.store(transform(index), at: index)
            }
        }
    }
    return results.collect()
}

/// A counter shared across threads: batches handed out by `parallelMap`, items done for a progress line.
public final class SharedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    public init() {}

    /// Adds `n` and returns the value before the addition.
    @discardableResult
    public func take(_ n: Int = 1) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let start = value
        value += n
        return start
    }
}

/// Fixed slots each written by exactly one iteration, so no lock is needed.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) {
        slots[index] = value
    }

    /// Moves every value out (no copies: a result may hold many arrays); the slots are then empty.
    func collect() -> [T] {
        var values: [T] = []
        values.reserveCapacity(slots.count)
        for index in slots.indices {
            if let value = slots.moveElement(from: index) { values.append(value) }
            slots.initializeElement(at: index, to: nil)
        }
        return values
    }
}
