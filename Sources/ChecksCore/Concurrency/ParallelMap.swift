import Dispatch

/// Runs `transform` for every index on all cores and returns the results in index order, so parallel
/// work still gives deterministic output.
public func parallelMap<T: Sendable>(count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let results = ResultSlots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        results.store(transform(index), at: index)
    }
    return results.collect()
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

    func collect() -> [T] {
        slots.compactMap { $0 }
    }
}
