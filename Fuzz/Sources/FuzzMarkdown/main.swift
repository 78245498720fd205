import FuzzSupport
import Markdown

/// Markdown extraction (cmark + the position mapping), the other Markdown readers DocChecks uses, and
/// HeadingSlugger on every heading text the document yields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let document = MarkdownDocument.parse(bytes)

    // Positions are 1-based lines and characters (DESIGN.md §3); a 0 or negative one means the byte
    // to character conversion went wrong.
    let positions =
        document.links.map(\.position) + document.headings.map(\.position)
        + document.explicitAnchors.map(\.position) + document.definitions.map(\.position)
        + document.referenceUses.map(\.position)
    for position in positions {
        fuzzCheck(position.line >= 1 && position.column >= 1, "position \(position) is not 1-based")
    }

    // One slugger per document hands out distinct anchors, whatever the heading texts are.
    var slugger = HeadingSlugger()
    var given = Set<String>()
    for heading in document.headings {
        let slug = slugger.slug(heading.text)
        fuzzCheck(given.insert(slug).inserted, "slug \(slug) given out twice")
        fuzzCheck(!HeadingSlugger.slug(heading.text).contains(" "), "a slug kept a space")
    }
    // The raw input as one heading text: invalid UTF-8 repaired, any scalar at all.
    _ = HeadingSlugger.slug(String(decoding: bytes, as: UTF8.self))
    for definition in document.definitions {
        _ = ReferenceDefinition.key(for: definition.label)
    }

    _ = FrontMatterFields.read(bytes)
    _ = DocumentTitle.firstH1(in: bytes)
    let outline = ListOutline.parse(bytes)
    for item in outline.items {
        fuzzCheck(
            item.byteRange.lowerBound >= 0 && item.byteRange.upperBound <= bytes.count,
            "list item range \(item.byteRange) outside the \(bytes.count)-byte input")
    }
    return 0
}

runLibFuzzer(fuzzMarkdown)
