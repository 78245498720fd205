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

        public var errorDescription: String? {
            switch self {
            case .notRegularFile(let path): "\(path): not a regular file"
            case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
            }
        }
    }

    public static func read(_ path: String) throws -> [UInt8] {
        // O_NONBLOCK so opening a FIFO returns at once; fstat then tells us what it is.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError.unreadable(path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ReadError.unreadable(path, reason: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw ReadError.notRegularFile(path) }
        let size = Int(info.st_size)
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
}
