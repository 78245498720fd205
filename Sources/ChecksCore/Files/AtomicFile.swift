import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so readers see either the old bytes or the new ones, never half: a temporary file in
/// the same folder (same file system, so `rename` is atomic), flushed, then renamed over the target.
/// An existing file's permission bits are kept.
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
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + name + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw WriteError.cannotWrite(path, reason: String(cString: strerror(errno))) }
        let temporary = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do {
            var existing = stat()
            let mode: mode_t = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644
            fchmod(fd, mode)
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
            guard fsync(fd) == 0 else { throw WriteError.cannotWrite(path, reason: String(cString: strerror(errno))) }
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
}
