import Foundation

#if canImport(Glibc)
    import Glibc
    private let posixRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let posixRead = Darwin.read
#endif

/// Reads whole regular files with plain POSIX calls: one `open`, `fstat`, `read` loop, `close`.
/// A FIFO, socket or device is refused before it can block or stream forever.
public enum RegularFileReader {
    public enum ReadError: Error, LocalizedError, Equatable {
        case notRegularFile(String)
        case unreadable(String, reason: String)
        /// Larger than the caller's limit; sizes in bytes.
        case tooLarge(String, size: Int, limit: Int)

        public var errorDescription: String? {
            switch self {
            case .notRegularFile(let path): "\(path): not a regular file"
            case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
            case .tooLarge(let path, let size, let limit):
                "\(path): \(ReadError.mebibytes(size)) MiB is larger than the \(ReadError.mebibytes(limit)) MiB limit; split the file or exclude it"
            }
        }

        /// Bytes as MiB with one decimal when it is not whole ("50.2", "16").
        public static func mebibytes(_ bytes: Int) -> String {
            let tenths = (bytes * 10 + (1 << 19)) >> 20
            return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
        }
    }

    /// The whole file.
    /// - Parameter maxBytes: a file larger than this is refused (`tooLarge`) before any byte is read.
    public static func read(_ path: String, maxBytes: Int? = nil) throws -> [UInt8] {
        let (fd, info) = try openRegularFile(path)
        defer { close(fd) }
        let size = Int(info.st_size)
        if let maxBytes, size > maxBytes { throw ReadError.tooLarge(path, size: size, limit: maxBytes) }
        var failure: Int32 = 0
        // Read straight into uninitialised storage: zero-filling first would touch every byte twice.
        let buffer = [UInt8](unsafeUninitializedCapacity: max(size, 0)) { storage, initialized in
            var filled = 0
            while filled < size {
                let n = posixRead(fd, storage.baseAddress.map { $0 + filled }, size - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }  // the file shrank while we read it
                filled += n
            }
            initialized = filled
        }
        if failure != 0 { throw ReadError.unreadable(path, reason: String(cString: strerror(failure))) }
        return buffer
    }

    /// Opens `path` for reading if it is a regular file; the caller closes the descriptor.
    /// O_NONBLOCK so opening a FIFO returns at once; fstat then tells what it is, and a FIFO, socket
    /// or device is refused before a byte is read.
    private static func openRegularFile(_ path: String) throws -> (Int32, stat) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError.unreadable(path, reason: String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ReadError.unreadable(path, reason: reason)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw ReadError.notRegularFile(path)
        }
        return (fd, info)
    }

    /// Lines as GitHub numbers them (a final line without a newline still counts), read in 64 KiB
    /// pieces: a `#L10` link into a large file must not hold the whole file in memory.
    public static func countLines(_ path: String) throws -> Int {
        let (fd, _) = try openRegularFile(path)
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var newlines = 0
        var last: UInt8?
        while true {
            let n = buffer.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError.unreadable(path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            buffer.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return }
                var offset = 0
                // memchr steps a word at a time; a byte loop costs seconds on a large file in debug builds.
                while offset < n, let hit = memchr(base + offset, 0x0A, n - offset) {
                    newlines += 1
                    offset = base.distance(to: UnsafeRawPointer(hit)) + 1
                }
            }
            last = buffer[n - 1]
        }
        guard let last else { return 0 }
        return last == 0x0A ? newlines : newlines + 1
    }
}
