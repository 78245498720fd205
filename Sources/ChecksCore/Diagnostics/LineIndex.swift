#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Maps byte offsets in a UTF-8 buffer to 1-based lines and 1-based columns counted in Unicode scalars.
///
/// Built once per file (one pass over the bytes); the column computation walks only the one line it
/// needs and skips continuation bytes, so invalid UTF-8 never traps.
public struct LineIndex: Sendable {
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        if let base = bytes.baseAddress {
            if memchr(base, 0x0D, bytes.count) == nil {
                // memchr finds newlines a word at a time; a byte loop was a visible share of a whole run.
                var offset = 0
                while offset < bytes.count, let hit = memchr(base + offset, 0x0A, bytes.count - offset) {
                    let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    starts.append(position + 1)
                    offset = position + 1
                }
            } else {
                // Lines end as cmark ends them (CommonMark §2.1): at LF, at CR LF, and at a CR alone,
                // so the line numbers cmark reports and these line starts agree in classic-Mac files.
                for index in bytes.indices {
                    let byte = bytes[index]
                    if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
                        starts.append(index + 1)
                    }
                }
            }
        }
        lineStarts = starts
    }

    public init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { LineIndex($0) }
    }

    public var lineCount: Int { lineStarts.count }

    /// Byte offset of a 1-based line and 1-based byte column, clamped into the buffer.
    public func offset(line: Int, byteColumn: Int) -> Int {
        let l = min(max(line, 1), lineStarts.count)
        return lineStarts[l - 1] + max(byteColumn, 1) - 1
    }

    /// 1-based line containing a byte offset.
    public func line(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// 1-based scalar column of a 1-based byte column on a 1-based line.
    public func scalarColumn(line: Int, byteColumn: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard line >= 1, line <= lineStarts.count else { return max(byteColumn, 1) }
        let start = lineStarts[line - 1]
        let end = min(start + max(byteColumn, 1) - 1, bytes.count)
        var column = 1
        var i = start
        while i < end {
            // A scalar starts at every byte that is not a UTF-8 continuation byte (10xxxxxx).
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    /// Position of a byte offset as (line, scalar column), both 1-based.
    public func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        let line = line(containing: offset)
        let byteColumn = offset - lineStarts[line - 1] + 1
        return (line, scalarColumn(line: line, byteColumn: byteColumn, in: bytes))
    }
}
