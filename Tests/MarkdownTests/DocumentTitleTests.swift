import Testing

@testable import Markdown

@Suite struct DocumentTitleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var title: String?
        var line: Int? = nil
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "atx", text: "intro\n\n# The `foo` *tool*\n", title: "The foo tool", line: 3),
        Case(name: "setext", text: "Title\nline two\n=====\n", title: "Title line two", line: 1),
        Case(name: "h2 is not a title", text: "## Sub\n", title: nil),
        Case(name: "code is not a title", text: "```\n# no\n```\n\n    # no\n", title: nil),
        Case(name: "html is not a title", text: "<h1>no</h1>\n", title: nil),
        Case(name: "after front matter", text: "---\ntitle: x\n---\n# Real\n", title: "Real", line: 4),
        Case(name: "entities and images", text: "# A &amp; B ![logo](l.png)\n", title: "A & B ", line: 1),
        Case(name: "nothing", text: "plain text\n", title: nil),
        // Front matter that ends the file, without a line break: there is no body to read.
        Case(name: "front matter only, no final line break", text: "---\ntitle: x\n# no\n---", title: nil),
        Case(name: "front matter closed by a lone CR line", text: "---\r# no\r---", title: nil),
    ]

    @Test(arguments: cases)
    func firstH1(_ testCase: Case) {
        let heading = DocumentTitle.firstH1(in: Array(testCase.text.utf8))
        #expect(heading?.text == testCase.title)
        if let line = testCase.line { #expect(heading?.position.line == line) }
    }
}
