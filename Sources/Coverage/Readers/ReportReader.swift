import Foundation

/// Opens one report, tells its format from its content and hands it to the matching reader.
public enum ReportReader {
    /// Reads the report at `path` (absolute or relative to the current directory).
    /// - Parameter displayPath: how messages name the file, e.g. the path as the user typed it.
    /// - Throws: `CoverageReadError` for a missing, unreadable, empty, malformed, hostile or
    ///   impossible report, or one that lists no files.
    public static func read(path: String, displayPath: String? = nil) throws -> ParsedReport {
        let name = displayPath ?? path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw CoverageReadError.notFound(file: name) }
            throw CoverageReadError.unreadable(file: name, reason: String(cString: strerror(code)).lowercased())
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw CoverageReadError.unreadable(file: name, reason: String(cString: strerror(errno)).lowercased())
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw CoverageReadError.unreadable(file: name, reason: "not a regular file")
        }
        guard info.st_size > 0 else { throw CoverageReadError.empty(file: name) }

        let head = try readHead(descriptor, limit: XMLEntityGuard.prologLimit, name: name)
        let report: ParsedReport
        switch try ReportSniffer.kind(of: head, path: name) {
        case .lcov:
            guard lseek(descriptor, 0, SEEK_SET) == 0 else {
                throw CoverageReadError.unreadable(file: name, reason: "cannot seek")
            }
            report = try LCOVReader(path: name).read(descriptor: descriptor)
        case .xml:
            let root = try XMLEntityGuard.check(head, isWholeFile: Int(info.st_size) <= head.count, path: name)
            guard lseek(descriptor, 0, SEEK_SET) == 0 else {
                throw CoverageReadError.unreadable(file: name, reason: "cannot seek")
            }
            // The root element decides the reader; a root that is neither is refused before parsing,
            // unless the document is so broken that libxml2's message is the better one.
            switch root {
            case "report":
                report = try XMLEventParser.parse(descriptor: descriptor, path: name, handler: JaCoCoReader(path: name))
            case "coverage", nil:
                report = try XMLEventParser.parse(descriptor: descriptor, path: name, handler: CoberturaReader(path: name))
            case let other?:
                throw CoverageReadError.unknownRoot(file: name, root: other)
            }
        }
        guard !report.files.isEmpty else { throw CoverageReadError.noFiles(file: name) }
        return report
    }

    /// Up to `limit` bytes from the start of the file.
    private static func readHead(_ descriptor: Int32, limit: Int, name: String) throws -> [UInt8] {
        var head = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < limit {
            let count = head.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return readBytes(descriptor, base + filled, limit - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw CoverageReadError.unreadable(file: name, reason: String(cString: strerror(errno)).lowercased())
            }
            if count == 0 { break }
            filled += count
        }
        head.removeSubrange(filled...)
        return head
    }
}

/// POSIX `read(2)`, named apart from the readers' own `read()` methods.
func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
