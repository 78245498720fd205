import CCmark

/// A document's first level-1 heading, the title mkdocs and most readers take when front matter has
/// none.
public struct TitleHeading: Sendable, Hashable {
    /// The rendered text content: inline markup dropped, code spans and entities as text, line breaks
    /// as spaces, images and raw HTML left out (as in `MarkdownHeading.text`).
    public var text: String
    public var position: SourcePosition

    public init(text: String, position: SourcePosition) {
        self.text = text
        self.position = position
    }
}

/// Finds the first H1 of a Markdown file: an ATX (`# Title`) or setext (`Title` over `===`) heading
/// outside code blocks, raw HTML and front matter. A separate, small cmark walk: it copies out one
/// string and stops at the first H1, where `MarkdownDocument.parse` extracts everything.
public enum DocumentTitle {
    public static func firstH1(in bytes: [UInt8]) -> TitleHeading? {
        bytes.withUnsafeBufferPointer { raw in
            let hasBOM = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
            let bytes = hasBOM ? UnsafeBufferPointer(rebasing: raw[3...]) : raw
            // No line can be a level-1 heading without a '#' or a '=': skip cmark for such files.
            guard bytes.contains(0x23) || bytes.contains(0x3D) else { return nil }
            let source = SourceText(bytes)
            let frontMatterLines = FrontMatter.lineCount(in: source)
            let start = source.offset(afterLine: frontMatterLines)
            let body = UnsafeBufferPointer(rebasing: bytes[start...])
            return firstH1(body: body, source: source, lineOffset: frontMatterLines)
        }
    }

    private static func firstH1(body: UnsafeBufferPointer<UInt8>, source: SourceText, lineOffset: Int) -> TitleHeading? {
        let parsed: OpaquePointer? =
            body.isEmpty
            ? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
            : body.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: body.count) {
                    cmark_parse_document($0, body.count, CMARK_OPT_DEFAULT)
                }
            } ?? nil
        guard let root = parsed else { return nil }
        defer { cmark_node_free(root) }
        // Headings are blocks: only the document's direct children and the children of containers can
        // be headings, so walk blocks with the iterator and read the inline text of the first H1 only.
        guard let iterator = cmark_iter_new(root) else { return nil }
        defer { cmark_iter_free(iterator) }
        var text: String?
        var position = SourcePosition(line: 1, column: 1)
        var imageDepth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_HEADING where text == nil:
                    guard cmark_node_get_heading_level(node) == 1 else { continue }
                    text = ""
                    let line = Int(cmark_node_get_start_line(node)) + lineOffset
                    position = source.position(line: line, byteColumn: Int(cmark_node_get_start_column(node)))
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    if text != nil, imageDepth == 0, let literal = cmark_node_get_literal(node) {
                        text? += String(cString: literal)
                    }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    if text != nil, imageDepth == 0 { text? += " " }
                case CMARK_NODE_IMAGE:
                    imageDepth += 1
                default:
                    break
                }
            } else if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_IMAGE { imageDepth -= 1 }
                if type == CMARK_NODE_HEADING, let found = text {
                    return TitleHeading(text: found, position: position)
                }
            }
        }
        return nil
    }
}
