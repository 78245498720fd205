import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One file per fuzzing process that each input is written to, for readers whose only public entry
/// point takes a path (Coverage's `ReportReader.read(path:)`).
///
/// Kept under /dev/shm when it exists so the millions of rewrites never touch a disk; the name holds
/// the process id because `scripts/fuzz` may run several fuzzers, and libFuzzer's `-fork` more.
public enum ScratchFile {
    private static let path: String = {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        // libFuzzer ends a run with exit(), so the file goes with the process (a crash leaves it).
        atexit { unlink(ScratchFile.path) }
        return "\(folder)/autogit-checks-fuzz-\(getpid())"
    }()

    /// Replaces the file's content with `bytes` and returns its path.
    public static func write(_ bytes: UnsafeRawBufferPointer) -> String {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { fatalError("fuzz harness: cannot write \(path): errno \(errno)") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            guard let base = bytes.baseAddress else { break }
            let count = posixWrite(descriptor, base + written, bytes.count - written)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { fatalError("fuzz harness: short write to \(path): errno \(errno)") }
            written += count
        }
        return path
    }
}

/// write(2), named apart from `ScratchFile.write`, which would shadow it.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// Stops the run with a message libFuzzer shows next to the reproducer: an invariant of the code
/// under test broke. A thrown error is never a finding; only a crash, a sanitizer report or this is.
public func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("fuzz invariant broken: \(message())") }
}
