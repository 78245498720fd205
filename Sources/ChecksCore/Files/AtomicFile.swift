import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file so readers see either the old bytes or the new ones, never half: a temporary file in
/// the same folder (same file system, so `rename` is atomic), flushed, then renamed over the target.
/// An existing file's permission bits are kept.
///
/// Every temporary file is registered while it exists, so that an interrupted process can remove it
/// before it ends (`removeTemporariesForExit`, called by ChecksCLI's `Interrupts`): an interrupt
/// leaves the target's old bytes or its new ones, and no `.NAME.tmp-XXXXXX` beside it.
public enum AtomicFile {
    public enum WriteError: Error, LocalizedError, Equatable {
        case cannotWrite(String, reason: String)

        public var errorDescription: String? {
            switch self {
            case let .cannotWrite(path, reason): "\(path): cannot write: \(reason)"
            }
        }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { put in try put(bytes) }
    }

    /// The same, for contents made in pieces: `contents` is handed a function that appends bytes to
    /// the temporary file, so a large report is never held whole. An error thrown by `contents`
    /// leaves the target as it was.
    public static func write(to path: String, contents: (_ put: ([UInt8]) throws -> Void) throws -> Void) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + name + ".tmp-XXXXXX").utf8CString)
        // Made and registered under one lock, so an interrupt that takes the lock sees every temporary
        // file that exists.
        let (fd, temporary): (Int32, String) = registry.locked {
            let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
            guard fd >= 0 else { return (fd, "") }
            let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
            registry.paths.insert(temporary)
            return (fd, temporary)
        }
        guard fd >= 0 else { throw WriteError.cannotWrite(path, reason: String(cString: strerror(errno))) }
        var closed = false
        defer {
            if !closed { close(fd) }
            registry.locked { _ = registry.paths.remove(temporary) }
        }
        do {
            var existing = stat()
            let mode: mode_t = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644
            fchmod(fd, mode)
            try contents { bytes in
                var written = 0
                while written < bytes.count {
                    let n = bytes.withUnsafeBytes { raw in
                        Foundation.write(fd, raw.baseAddress.map { $0 + written }, bytes.count - written)
                    }
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw WriteError.cannotWrite(path, reason: String(cString: strerror(errno)))
                    }
                    written += n
                }
            }
            guard fsync(fd) == 0 else { throw WriteError.cannotWrite(path, reason: String(cString: strerror(errno))) }
            if pauseBeforeRename > 0 {
                // Slept out in full: a signal handled on this thread cuts nanosleep short (EINTR,
                // whatever SA_RESTART says), and the rename must not then win the race by accident.
                var request = timespec(tv_sec: Int(pauseBeforeRename / 1000), tv_nsec: Int(pauseBeforeRename % 1000) * 1_000_000)
                var left = timespec()
                while nanosleep(&request, &left) != 0 && errno == EINTR {
                    request = left
                }
            }
            close(fd)
            closed = true
            guard rename(temporary, path) == 0 else {
                throw WriteError.cannotWrite(path, reason: String(cString: strerror(errno)))
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Unlinks every temporary file being written and returns with the registry locked for good, so
    /// no writer makes a new one or gets past its own clean-up: only for a process about to `_exit`.
    /// A writer that has already renamed its file leaves a path that no longer exists (unlink fails
    /// harmlessly); one that has not keeps the target's old bytes.
    public static func removeTemporariesForExit() {
        registry.lock.lock()
        for path in registry.paths {
            unlink(path)
        }
    }

    /// The temporary files that exist right now.
    private static let registry = TemporaryRegistry()

    /// Test hook: milliseconds to sleep after the temporary file is written and flushed, before the
    /// rename, so an interrupt test can hit that window every time instead of by luck
    /// (`AUTOGIT_CHECKS_TEST_RENAME_PAUSE_MS`; unset or 0 in any real run).
    private static let pauseBeforeRename: UInt32 = {
        guard let text = ProcessInfo.processInfo.environment["AUTOGIT_CHECKS_TEST_RENAME_PAUSE_MS"],
            let value = UInt32(text)
        else { return 0 }
        return min(value, 60_000)
    }()
}

/// Paths of temporary files in flight, behind a lock.
private final class TemporaryRegistry: @unchecked Sendable {
    let lock = NSLock()
    var paths = Set<String>()

    func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
