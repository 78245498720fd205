import Testing

@testable import Markdown

@Suite struct ListOutlineTests {
    static let sample = """
        # Index

        intro

        - [A](a.md) — first
          continued *desc*
        - [B *x*](b.md "t"): second
          - [C][c] nested
          - [D](<d x.md>)

            para in D

        - plain/

          - [E](e.md)

        1. [F](f.md)
        2) [G](g.md)

        > - [Q](q.md)

        [c]: c.md

        """

    @Test func itemsNestingAndLines() {
        let outline = ListOutline.parse(Array(Self.sample.utf8))
        let summary = outline.items.map { "\($0.depth) \($0.marker) \($0.firstLine)-\($0.lastLine) \($0.link?.destination ?? "-")" }
        #expect(
            summary == [
                "0 - 5-6 a.md", "0 - 7-11 b.md", "1 - 8-8 c.md", "1 - 9-11 d x.md", "0 - 13-15 -", "1 - 15-15 e.md",
                "0 1. 17-17 f.md", "0 2) 18-18 g.md", "0 - 20-20 q.md",
            ])
        #expect(outline.items[2].parent == 1)
        #expect(outline.items[1].childLists == [1])
        #expect(outline.lists.map(\.container) == [.document, .item(1), .item(4), .document, .document, .other])
        #expect(outline.items[4].label == "plain/")
        #expect(outline.items[8].prefix == "> ")
    }

    @Test func linkPartsAndDescriptions() throws {
        let bytes = Array(Self.sample.utf8)
        let outline = ListOutline.parse(bytes)
        func text(_ range: Range<Int>?) -> String {
            guard let range else { return "<nil>" }
            return String(decoding: bytes[range], as: UTF8.self)
        }
        let a = try #require(outline.items[0].link)
        #expect(text(a.range) == "[A](a.md)")
        #expect(text(a.textRange) == "A")
        #expect(text(a.destinationRange) == "a.md")
        #expect(outline.items[0].separator == " — ")
        #expect(outline.items[0].description == "first continued *desc*")
        let b = try #require(outline.items[1].link)
        #expect(b.text == "B x")
        #expect(text(b.range) == "[B *x*](b.md \"t\")")
        #expect(text(b.destinationRange) == "b.md")
        #expect(outline.items[1].separator == ": ")
        #expect(outline.items[1].description == "second")
        let c = try #require(outline.items[2].link)
        #expect(c.form == .full)
        #expect(text(c.range) == "[C][c]")
        let d = try #require(outline.items[3].link)
        #expect(d.destinationIsAngled)
        #expect(text(d.destinationRange) == "d x.md")
        #expect(d.position == SourcePosition(line: 9, column: 5))
    }

    @Test(arguments: ["", "é🙂"])
    func positionsCountCharacters(_ prefix: String) throws {
        let text = "- \(prefix)[A](a.md)\n- x \(prefix)[B](b.md) y\n  more \(prefix)[C](c.md)\n"
        let outline = ListOutline.parse(Array(text.utf8))
        let width = prefix.unicodeScalars.count
        #expect(
            outline.items.map { $0.link?.position } == [
                SourcePosition(line: 1, column: 3 + width), SourcePosition(line: 2, column: 5 + width),
            ])
        #expect(outline.items[1].description == "y more \(prefix)[C](c.md)")
    }

    @Test func linkOnAContinuationLine() throws {
        let bytes = Array("- see\n  [A](a.md) — x\n".utf8)
        let outline = ListOutline.parse(bytes)
        let link = try #require(outline.items[0].link)
        #expect(link.position == SourcePosition(line: 2, column: 3))
        #expect(link.range.map { String(decoding: bytes[$0], as: UTF8.self) } == "[A](a.md)")
    }

    @Test func frontMatterIsSkippedAndLinesStayFileLines() {
        let outline = ListOutline.parse(Array("---\ntitle: x\n---\n- [A](a.md)\n".utf8))
        #expect(outline.items.map(\.firstLine) == [4])
        let region = ListOutline.parse(Array("---\n- [A](a.md)\n".utf8), frontMatter: false)
        #expect(region.items.map(\.firstLine) == [2])
    }

    /// Front matter that closes on the last line, with no line break after it, leaves no body.
    @Test func frontMatterThatEndsTheFileLeavesNoItems() {
        #expect(ListOutline.parse(Array("---\n- [A](a.md)\n---".utf8)).items.isEmpty)
        #expect(ListOutline.parse(Array("+++\r- [A](a.md)\r+++".utf8)).items.isEmpty)
    }

    @Test func crlfItemsKeepTheirLineBreaks() throws {
        let bytes = Array("- [A](a.md) — x\r\n- [B](b.md)\r\n".utf8)
        let outline = ListOutline.parse(bytes)
        #expect(outline.items.map { String(decoding: bytes[$0.byteRange], as: UTF8.self) } == ["- [A](a.md) — x\r\n", "- [B](b.md)\r\n"])
        #expect(outline.items[0].description == "x")
    }
}
