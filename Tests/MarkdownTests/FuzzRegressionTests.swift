import ChecksTestSupport
import Foundation
import Markdown
import Testing

/// Inputs the FuzzMarkdown fuzz target (Fuzz/, scripts/fuzz) crashed on, kept in
/// Fixtures/fuzz/FuzzMarkdown/ and replayed here through the same calls.
@Suite struct MarkdownFuzzRegressionTests {
    /// Each kept input through every Markdown reader. Runs in a child process (an exit test) so a
    /// regression fails this test instead of taking the whole test run down.
    ///
    /// lone-cr-list-item.md: a lone CR ends a line for cmark but not for ChecksCore's LineIndex, so
    /// the list item cmark puts on line 2 lies past the table's only line and ListOutline built the
    /// range 2..<0.
    ///
    /// front-matter-at-end-of-file.md: front matter whose closing `---` is the file's last line, with
    /// no line break after it (here after a lone CR): the body was taken to start at the next line's
    /// offset, which does not exist.
    @Test func everyKeptInputIsReadWithoutCrashing() async {
        await #expect(processExitsWith: .success) {
            let folder = FixturePaths.fixture("fuzz/FuzzMarkdown")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            guard !names.isEmpty else { throw CocoaError(.fileNoSuchFile) }
            for name in names {
                let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
                let document = MarkdownDocument.parse(bytes)
                var slugger = HeadingSlugger()
                for heading in document.headings { _ = slugger.slug(heading.text) }
                _ = FrontMatterFields.read(bytes)
                _ = DocumentTitle.firstH1(in: bytes)
                _ = ListOutline.parse(bytes)
            }
        }
    }
}
