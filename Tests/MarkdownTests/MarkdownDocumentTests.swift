import ChecksTestSupport
import Testing

@testable import Markdown

/// One case: Markdown with a `‸` where each expected link starts, and the destinations in order.
struct LinkCase: Sendable, CustomTestStringConvertible {
    var name: String
    var markdown: String
    var destinations: [String]
    var testDescription: String { name }
}

@Suite struct MarkdownDocumentTests {
    static let linkCases: [LinkCase] = [
        LinkCase(name: "inline link", markdown: "«P»Some ‸[link](a.md) text\n", destinations: ["a.md"]),
        LinkCase(name: "link in heading", markdown: "# «P»Hi `code` ‸[x](y.md)\n", destinations: ["y.md"]),
        LinkCase(
            name: "continuation line with indentation",
            markdown: "«P»Some ‸[link](a.md) and text\n  «P»continued ‸[two](b.md#frag) here.\n",
            destinations: ["a.md", "b.md#frag"]),
        LinkCase(
            name: "block quote", markdown: "> «P»quote ‸[q](q.md) and\n> «P»more ‸[q2](q2.md)\n",
            destinations: ["q.md", "q2.md"]),
        LinkCase(
            name: "list item continuation",
            markdown: "- «P»item ‸[l](l.md)\n  «P»next ‸[l2](l2.md) ‸<http://auto.link>\n",
            destinations: ["l.md", "l2.md", "http://auto.link"]),
        LinkCase(
            name: "image and references",
            markdown: "«P»‸![img](i.png) ‸[ref][lab] ‸[lab][] ‸[lab]\n\n[lab]: d.md \"title\"\n",
            destinations: ["i.png", "d.md", "d.md", "d.md"]),
        LinkCase(
            name: "paragraph after removed definitions",
            markdown: "[lab]: d.md\n[other]: e.md\n«P»text ‸[x](after.md)\n",
            destinations: ["after.md"]),
        LinkCase(
            name: "raw html attributes",
            markdown: "«P»<a href=\"‸h.md\">x</a> <img src=\"‸i.png\">\n\n<div>\n<a href=\"‸block.md\">b</a>\n</div>\n",
            destinations: ["h.md", "i.png", "block.md"]),
        LinkCase(
            name: "code is not a link",
            markdown: "«P»`[no](a.md)` ‸[yes](b.md)\n\n```\n[no](c.md)\n```\n\n    [no](d.md)\n",
            destinations: ["b.md"]),
        LinkCase(
            name: "front matter is not Markdown",
            markdown: "---\ntitle: [no](a.md)\n---\n«P»‸[yes](b.md)\n", destinations: ["b.md"]),
        LinkCase(
            name: "front matter that ends the file, with no line break",
            markdown: "---\ntitle: [no](a.md)\n---", destinations: []),
        LinkCase(
            name: "footnotes are not links",
            markdown: "«P»Text[^1] ‸[real](r.md)\n\n[^1]: note here\n", destinations: ["r.md"]),
        LinkCase(name: "escaped brackets", markdown: "«P»\\[not\\](a.md) ‸[yes](b.md)\n", destinations: ["b.md"]),
        LinkCase(
            name: "link inside nested list and quote",
            markdown: "> - «P»a\n>   «P»b ‸[x](x.md)\n", destinations: ["x.md"]),
        LinkCase(
            name: "CRLF line endings",
            markdown: "«P»a ‸[x](x.md)\r\n  «P»b ‸[y](y.md)\r\n", destinations: ["x.md", "y.md"]),
    ]

    @Test(arguments: linkCases)
    func linksAreFoundAtTheirPositions(_ testCase: LinkCase) {
        for variant in MarkedText.variants(testCase.markdown) {
            let document = MarkdownDocument.parse(variant.text)
            let links = document.links.sorted { $0.position < $1.position }
            #expect(links.map(\.destination) == testCase.destinations, "\(variant.text.debugDescription)")
            let expected = variant.markers.map { SourcePosition(line: $0.line, column: $0.column) }
            #expect(links.map(\.position) == expected, "\(variant.text.debugDescription)")
        }
    }

    @Test func headingAnchorsFollowGitHub() {
        let document = MarkdownDocument.parse(
            """
            # Install
            ## Install
            Setext *Title*
            ==============
            ### `code` and ![img](x.png) [link](y.md) <!-- c -->
            <h2 id="own">Raw &amp; HTML</h2>

            ```
            # not a heading
            ```
            """)
        #expect(document.headings.map(\.anchor) == ["install", "install-1", "setext-title", "code-and--link-", "raw--html"])
        #expect(document.anchors.contains("own"))
        #expect(document.headings.map(\.position.line) == [1, 2, 3, 5, 6])
    }

    @Test func explicitAnchors() {
        let document = MarkdownDocument.parse("<a name=\"n1\"></a> <span id='sp'>x</span>\n\n<div id=blk>\n</div>\n")
        #expect(document.explicitAnchors.map(\.name) == ["n1", "sp", "blk"])
    }

    @Test func definitionsAndUses() {
        let document = MarkdownDocument.parse(
            """
            See [text][Defined Label] and [missing][nowhere] and [collapsed][] and [short].
            `[code][nowhere2]` and \\[esc][nowhere3]

            [defined   label]: a.md
            [short]: b.md
            [short]: c.md
            > [quoted]: q.md
            """)
        #expect(document.definitions.map(\.key) == ["defined label", "short", "short", "quoted"])
        #expect(document.definitions.map(\.position.line) == [4, 5, 6, 7])
        let full = document.referenceUses.filter { $0.form != .shortcut }
        #expect(full.map(\.key) == ["defined label", "nowhere", "collapsed"])
        #expect(full.map(\.position.column) == [5, 31, 54])
        #expect(document.referenceUses.contains { $0.form == .shortcut && $0.key == "short" })
    }

    @Test func disableComments() {
        let document = MarkdownDocument.parse(
            """
            a
            <!-- autogit-checks-disable -->
            b
            <!-- autogit-checks-enable -->
            <!-- markdown-link-check-disable-next-line -->
            c

            ```
            <!-- autogit-checks-disable -->
            ```
            """)
        #expect(document.isSuppressed(line: 3))
        #expect(document.isSuppressed(line: 6))
        #expect(!document.isSuppressed(line: 1))
        #expect(!document.isSuppressed(line: 10))
    }

    @Test(arguments: [
        [UInt8]([0xEF, 0xBB, 0xBF]) + Array("[x](a.md)".utf8),
        Array("[x](a.md) \u{0}\u{0} [y](b.md)".utf8),
        [0xFF, 0xFE, 0x5B, 0x78, 0x5D, 0x28, 0x61, 0x29, 0xC3],
        Array(repeating: UInt8(ascii: "["), count: 20_000),
        Array(String(repeating: "> ", count: 5_000).utf8) + Array("[x](a.md)".utf8),
        Array(String(repeating: "x", count: 100_000).utf8) + Array(" [x](a.md)".utf8),
        [],
    ])
    func hostileInputGivesAResult(_ bytes: [UInt8]) {
        let document = MarkdownDocument.parse(bytes)
        #expect(document.links.count <= 2)
    }

    @Test func bomDoesNotShiftColumns() {
        let document = MarkdownDocument.parse([0xEF, 0xBB, 0xBF] + Array("ab [x](a.md)".utf8))
        #expect(document.links.first?.position == SourcePosition(line: 1, column: 4))
    }
}
