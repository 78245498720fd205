import ChecksCore
import Testing

@Suite struct LineIndexTests {
    /// (line, scalar column) of a UTF-8 byte offset, via the public API.
    private func position(_ text: String, _ offset: Int) -> (line: Int, column: Int) {
        position(Array(text.utf8), offset)
    }

    private func position(_ bytes: [UInt8], _ offset: Int) -> (line: Int, column: Int) {
        let index = LineIndex(bytes)
        return bytes.withUnsafeBufferPointer { index.position(of: offset, in: $0) }
    }

    @Test func lineStartsAfterEveryLineFeed() {
        let index = LineIndex(Array("ab\ncd\n\nef".utf8))
        #expect(index.lineStarts == [0, 3, 6, 7])
        #expect(index.lineCount == 4)
        // offset → 1-based line, including the newline byte itself, which belongs to its line.
        let expected = [(0, 1), (1, 1), (2, 1), (3, 2), (5, 2), (6, 3), (7, 4), (8, 4), (99, 4)]
        for (offset, line) in expected {
            #expect(index.line(containing: offset) == line, "offset \(offset)")
        }
    }

    @Test func emptyAndTrailingNewline() {
        #expect(LineIndex([UInt8]()).lineStarts == [0])
        #expect(position("", 0) == (1, 1))
        // A final newline opens an empty last line, as editors show it.
        #expect(LineIndex(Array("a\n".utf8)).lineCount == 2)
        #expect(position("a\n", 2) == (2, 1))
    }

    @Test func offsetOfLineAndByteColumnIsClamped() {
        let index = LineIndex(Array("ab\ncd".utf8))
        #expect(index.offset(line: 2, byteColumn: 2) == 4)
        #expect(index.offset(line: 0, byteColumn: 0) == 0)
        #expect(index.offset(line: 9, byteColumn: 1) == 3)
    }

    /// "Sée 🙂 [x]": S(1 byte) é(2) e(1) space(1) 🙂(4) space(1) [ — so `[` is at byte column 11 and
    /// scalar column 7.
    @Test func scalarColumnsCountScalarsNotBytes() {
        let text = "Sée 🙂 [x]"
        let bytes = Array(text.utf8)
        let index = LineIndex(bytes)
        let column = bytes.withUnsafeBufferPointer { index.scalarColumn(line: 1, byteColumn: 11, in: $0) }
        #expect(column == 7)
        #expect(position(text, 10) == (1, 7))
        // Each scalar's first byte, in order, has columns 1…10.
        var offset = 0
        for (i, scalar) in text.unicodeScalars.enumerated() {
            #expect(position(text, offset) == (1, i + 1), "scalar \(scalar) at byte offset \(offset)")
            offset += String(scalar).utf8.count
        }
    }

    /// The same finding after a multibyte prefix keeps its scalar column shifted by the prefix's
    /// scalar count, not its byte count.
    @Test(arguments: ["", "é", "🙂", "日本語", "e\u{301}"])
    func multibytePrefixShiftsByScalars(prefix: String) {
        let text = "line one\n\(prefix)see [x](y.md)"
        let offset = Array(text.utf8).count - "[x](y.md)".utf8.count
        #expect(position(text, offset) == (2, 5 + prefix.unicodeScalars.count))
    }

    @Test func crlfLinesEndAtTheLineFeed() {
        let text = "ab\r\ncd\r\n"
        #expect(LineIndex(Array(text.utf8)).lineStarts == [0, 4, 8])
        // The CR is the last column of its line; the line after CRLF starts at column 1.
        #expect(position(text, 2) == (1, 3))
        #expect(position(text, 4) == (2, 1))
        #expect(position(text, 5) == (2, 2))
    }

    /// A CR alone ends a line too, as in cmark; CR LF stays one line end.
    @Test func aLoneCarriageReturnEndsALine() {
        let text = "a\ré [x](y.md)\r\nlast"
        #expect(LineIndex(Array(text.utf8)).lineStarts == [0, 2, 16])
        let link = Array(text.utf8).count - "[x](y.md)\r\nlast".utf8.count
        #expect(position(text, link) == (2, 3))
        #expect(position(text, Array(text.utf8).count - 1) == (3, 4))
    }

    @Test func invalidUTF8NeverTraps() {
        let samples: [[UInt8]] = [
            [0xFF, 0xFE, 0x0A, 0x41],
            [0x80, 0x80, 0x80, 0x41, 0x0A, 0xC3],
            [0xC3, 0x0A, 0xA9, 0xE2, 0x82],
            [0xF0, 0x9F, 0x99],
            [0x0A, 0x0A],
        ]
        for bytes in samples {
            let index = LineIndex(bytes)
            var previous = (line: 1, column: 1)
            for offset in -2...(bytes.count + 2) {
                let p = position(bytes, offset)
                #expect(p.line >= 1 && p.line <= index.lineCount)
                #expect(p.column >= 1 && p.column <= bytes.count + 1)
                // Positions never go backwards as the offset grows.
                #expect(p.line > previous.line || (p.line == previous.line && p.column >= previous.column))
                previous = p
            }
            bytes.withUnsafeBufferPointer { buffer in
                for line in -1...(index.lineCount + 1) {
                    for byteColumn in -1...(bytes.count + 2) {
                        #expect(index.scalarColumn(line: line, byteColumn: byteColumn, in: buffer) >= 1)
                    }
                }
            }
        }
    }
}
