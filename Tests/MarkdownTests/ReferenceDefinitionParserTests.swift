import Testing

@testable import Markdown

/// Definitions are found by our own parser (cmark keeps no node for them), so their destinations
/// must come out as cmark's own reference links resolve them: CommonMark §2.4 backslash escapes
/// removed before ASCII punctuation only.
@Suite struct ReferenceDefinitionParserTests {
    @Test(arguments: [
        #"docs/foo\_bar.md"#,  // escaped punctuation: the backslash goes
        #"docs/a\\b.md"#,  // an escaped backslash is one backslash
        #"docs/\q.md"#,  // no punctuation after it: the backslash stays
        #"docs/\(x\).md#p\~q"#,
        #"docs/x\é.md"#,  // é is not ASCII punctuation
        #"<docs/with\>angle.md>"#,
        #"docs/end\"#,  // a trailing backslash stays
    ])
    func destinationsMatchWhatCmarkResolves(_ destination: String) throws {
        let document = MarkdownDocument.parse("See [the link][def].\n\n[def]: \(destination)\n")
        let definition = try #require(document.definitions.first)
        let link = try #require(document.links.first { $0.kind == .link })
        // cmark resolved [the link][def] with the same definition: its destination is the oracle.
        #expect(definition.destination == link.destination, "\(destination)")
    }

    @Test func escapesAreRemovedAsCommonMarkSays() throws {
        let document = MarkdownDocument.parse("[a]: x\\_y\\q\\\\z.md\n")
        #expect(document.definitions.map(\.destination) == [#"x_y\q\z.md"#])
    }
}
