import Testing

@testable import Markdown

@Suite struct FrontMatterFieldsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var title: String?
        var description: String? = nil
        var index: Bool? = nil
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "plain scalars", text: "---\ntitle: Getting started\ndescription: install and run # note\nindex: false\n---\n# H\n",
            title: "Getting started", description: "install and run", index: false),
        Case(
            name: "quoted scalars", text: "---\ntitle: \"Say \\\"hi\\\" \\u00e9\"\ndescription: 'it''s: fine'\n---\n",
            title: "Say \"hi\" é", description: "it's: fine"),
        Case(name: "folded continuation", text: "---\ndescription: one\n  two\ntitle: T\n---\n", title: "T", description: "one two"),
        Case(name: "multi-line quoted", text: "---\ntitle: \"a\n  b\"\n---\n", title: "a b"),
        Case(name: "block scalars and nested keys are not read", text: "---\ntitle: |\n  x\nmeta:\n  description: no\n---\n", title: nil),
        Case(name: "no front matter", text: "# Title\ntitle: no\n", title: nil),
        Case(name: "unclosed front matter is Markdown", text: "---\ntitle: no\n", title: nil),
        Case(name: "toml front matter is not read", text: "+++\ntitle = \"x\"\n+++\n", title: nil),
        Case(name: "first key wins; yes/no booleans", text: "---\ntitle: A\ntitle: B\nindex: yes\n---\n", title: "A", index: true),
        Case(name: "byte order mark", text: "\u{FEFF}---\ntitle: T\n---\n", title: "T"),
    ]

    @Test(arguments: cases)
    func fields(_ testCase: Case) {
        let fields = FrontMatterFields.read(Array(testCase.text.utf8))
        #expect(fields.title == testCase.title)
        #expect(fields.description == testCase.description)
        #expect(fields.index == testCase.index)
    }

    @Test func titleLineAndLineCount() {
        let fields = FrontMatterFields.read(Array("---\na: 1\ntitle: T\n---\nbody\n".utf8))
        #expect(fields.titleLine == 3)
        #expect(fields.lineCount == 4)
    }
}
