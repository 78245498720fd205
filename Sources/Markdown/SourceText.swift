import ChecksCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of one file with its line table: the one place that turns byte offsets into the
/// (line, scalar column) positions diagnostics use.
struct SourceText {
    let bytes: UnsafeBufferPointer<UInt8>
    let lines: LineIndex

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.lines = LineIndex(bytes)
    }

    var lineCount: Int {
        // A trailing newline does not open a line of its own.
        bytes.last == 0x0A ? lines.lineCount - 1 : lines.lineCount
    }

    /// Byte range of a 1-based line, without its `\n` (or `\r\n`).
    func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 1, line <= lines.lineCount else { return bytes.count..<bytes.count }
        let start = lines.lineStarts[line - 1]
        var end = line < lines.lineCount ? lines.lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// Offset just past a 1-based line's line break: where the next line starts, or the end of the
    /// text when the line is the last (a file may end without a line break, front matter too).
    func offset(afterLine line: Int) -> Int {
        guard line >= 1 else { return 0 }
        return line < lines.lineCount ? min(lines.lineStarts[line], bytes.count) : bytes.count
    }

    func byte(at offset: Int) -> UInt8? {
        offset >= 0 && offset < bytes.count ? bytes[offset] : nil
    }

    /// Byte offset of a 1-based line and 1-based byte column.
    func offset(line: Int, byteColumn: Int) -> Int {
        lines.offset(line: line, byteColumn: byteColumn)
    }

    func position(ofOffset offset: Int) -> SourcePosition {
        let p = lines.position(of: min(max(offset, 0), bytes.count), in: bytes)
        return SourcePosition(line: p.line, column: p.column)
    }

    func position(line: Int, byteColumn: Int) -> SourcePosition {
        SourcePosition(line: line, column: lines.scalarColumn(line: line, byteColumn: byteColumn, in: bytes))
    }

    /// 1-based byte column where a line's text starts once `quoteDepth` block-quote markers and the
    /// indentation are skipped: where cmark's inline parser believes a continuation line starts.
    func contentStartColumn(line: Int, quoteDepth: Int) -> Int {
        let range = lineRange(line)
        var i = range.lowerBound
        var depth = 0
        while depth < quoteDepth {
            var j = i
            var spaces = 0
            while j < range.upperBound, bytes[j] == 0x20, spaces < 3 { j += 1; spaces += 1 }
            guard j < range.upperBound, bytes[j] == 0x3E else { break }  // '>'
            i = j + 1
            depth += 1
        }
        while i < range.upperBound, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        return i - range.lowerBound + 1
    }

    func isBlank(line: Int) -> Bool {
        for i in lineRange(line) where bytes[i] != 0x20 && bytes[i] != 0x09 { return false }
        return true
    }

    func string(_ range: Range<Int>) -> String {
        let clamped = max(0, range.lowerBound)..<min(bytes.count, max(range.lowerBound, range.upperBound))
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[clamped]), as: UTF8.self)
    }

    /// First occurrence of `needle` in `range`, as a byte offset.
    func find(_ needle: [UInt8], in range: Range<Int>) -> Int? {
        guard let first = needle.first, range.count >= needle.count, let base = bytes.baseAddress else { return nil }
        var i = range.lowerBound
        let last = range.upperBound - needle.count
        while i <= last {
            // memchr jumps to the next candidate first byte a word at a time.
            guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var k = 1
            while k < needle.count, bytes[offset + k] == needle[k] { k += 1 }
            if k == needle.count { return offset }
            i = offset + 1
        }
        return nil
    }
}
