import Markdown
import Testing

@testable import DocChecks

@Suite struct TitleTextTests {
    @Test(arguments: [
        ("  a \n\t b  ", "a b"), ("", ""), ("x\u{A0}y", "x y"),
    ])
    func collapsed(_ input: String, _ expected: String) {
        #expect(TitleText.collapsed(input) == expected)
    }

    /// Whatever `linkText` writes, CommonMark renders back to the title.
    @Test(arguments: [
        "plain", "snake_case_name", "_lead and trail_", "a*b*c", "[brackets]", "back\\slash", "`code`", "<tag>",
        "AT&T &amp; co", "![not an image]", "ünïcödé 🙂", "#1 & 100%",
    ])
    func linkTextRoundTrips(_ title: String) {
        let source = "- [\(TitleText.linkText(title))](x.md)\n"
        let outline = ListOutline.parse(Array(source.utf8))
        #expect(outline.items.first?.link?.text == title, "\(source)")
    }

    @Test func modes() {
        #expect(TitleText.matches("Getting started", title: "Getting Started", path: "docs/start.md", mode: .casefold))
        #expect(!TitleText.matches("Getting started", title: "Getting Started", path: "docs/start.md", mode: .exact))
        #expect(TitleText.matches("Start.md", title: "Getting Started", path: "docs/start.md", mode: .casefold))
        #expect(TitleText.matches("start", title: "Getting Started", path: "docs/start.md", mode: .casefold))
        #expect(!TitleText.matches("start", title: "Getting Started", path: "docs/start.md", mode: .exact))
        #expect(TitleText.matches("anything", title: "Getting Started", path: "docs/start.md", mode: .ignore))
    }
}
