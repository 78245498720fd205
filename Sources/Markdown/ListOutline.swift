import CCmark
import ChecksCore

/// The list structure of a Markdown document: every list and list item with its nesting, marker,
/// indentation, source lines and byte ranges, and the first link of each item with the rest of its
/// paragraph. What a tool that reads and rewrites a Markdown list in place needs (the doc index).
///
/// Lines are 1-based; byte offsets are UTF-8 offsets into the buffer given to `parse`; columns in
/// `SourcePosition` count Unicode scalars.
public struct ListOutline: Sendable {
    public var lists: [OutlineList] = []
    /// Items in document order (a parent before its nested items).
    public var items: [OutlineItem] = []
    /// Lines in the parsed buffer (a trailing newline does not open a line).
    public var lineCount: Int = 0
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public var lineStarts: [Int] = [0]

    public init() {}

    /// Parses `bytes`. With `frontMatter`, YAML or TOML front matter at the top is skipped (and a byte
    /// order mark); without it the buffer is taken as Markdown from its first byte, as for a region
    /// cut out of a larger file.
    public static func parse(_ bytes: [UInt8], frontMatter: Bool = true) -> ListOutline {
        bytes.withUnsafeBufferPointer { raw in
            let bomLength = frontMatter && raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF ? 3 : 0
            let body = UnsafeBufferPointer(rebasing: raw[bomLength...])
            var walker = OutlineWalker(source: SourceText(body), byteOffset: bomLength, frontMatter: frontMatter)
            walker.run()
            var outline = walker.outline
            let lines = LineIndex(raw)
            outline.lineStarts = lines.lineStarts
            outline.lineCount = raw.last == 0x0A ? lines.lineCount - 1 : lines.lineCount
            return outline
        }
    }

    /// Byte offset where a 1-based line starts (the buffer's end for a line past the last).
    public func offset(ofLine line: Int) -> Int {
        line >= 1 && line <= lineStarts.count ? lineStarts[line - 1] : (lineStarts.last ?? 0)
    }
}

/// Where a list sits.
public enum OutlineContainer: Sendable, Hashable {
    /// At the top level of the document.
    case document
    /// Nested in the item with this index in `ListOutline.items`.
    case item(Int)
    /// Inside a block quote (possibly within an item): its lines carry `>` markers.
    case other
}

public struct OutlineList: Sendable, Hashable {
    public var container: OutlineContainer
    /// 0 for a list at the top level, 1 for a list nested in one of its items, and so on.
    public var depth: Int
    public var isOrdered: Bool
    /// Whether CommonMark considers the list tight (no blank lines between or inside its items).
    public var isTight: Bool
    /// Indices into `ListOutline.items`, in order.
    public var items: [Int] = []
    public var firstLine: Int
    public var lastLine: Int
}

public struct OutlineItem: Sendable, Hashable {
    /// Index into `ListOutline.lists`.
    public var list: Int
    /// The list's depth: 0 for a top-level item.
    public var depth: Int
    public var parent: Int?
    /// The marker as written: `-`, `*`, `+`, `1.`, `12)`.
    public var marker: String
    /// Bytes between the start of the first line and the marker (indentation, and `>` markers inside a
    /// block quote).
    public var prefix: String
    /// Bytes between the marker and the item's first content on the same line (usually one space);
    /// nil when the item's first line holds nothing after the marker.
    public var spacing: String?
    public var markerPosition: SourcePosition
    public var firstLine: Int
    /// The last line that belongs to the item (trailing blank lines belong to the list, not the item).
    public var lastLine: Int
    /// From the start of `firstLine` to the end of `lastLine`, its line break included.
    public var byteRange: Range<Int>
    /// Lists nested directly in this item, in order (indices into `ListOutline.lists`).
    public var childLists: [Int] = []
    /// The first link anywhere in the item's own content (not in nested lists), if any.
    public var link: OutlineLink?
    /// The rendered text of the item's first paragraph (for labels such as `guide/`); "" when the
    /// item does not start with a paragraph.
    public var label: String = ""
    /// What follows the link in its paragraph, in source form: the separator (` — `, `: `) and the
    /// description, continuation lines joined with one space.
    public var afterLink: String = ""
    /// `afterLink` without the leading separator and surrounding space.
    public var description: String = ""
    /// The separator as written between the link and the description, e.g. " — " or ": ".
    public var separator: String = ""
}

/// The first link of an item: what it says and where its parts are in the source.
public struct OutlineLink: Sendable, Hashable {
    public enum Form: Sendable, Hashable {
        /// `[text](destination "title")`.
        case inline
        /// `[text][label]`.
        case full
        /// `[label][]`.
        case collapsed
        /// `[label]`.
        case shortcut
        /// `<https://…>`.
        case autolink
    }

    /// The rendered text content (markup dropped, code spans as text, images left out).
    public var text: String
    /// The destination after CommonMark's unescaping; percent-encoding is kept.
    public var destination: String
    public var position: SourcePosition
    /// The form, and the byte ranges of the whole link, its text (between the brackets) and, for an
    /// inline link, its destination (without `<` `>`); nil when the source could not be matched to
    /// cmark's link, so a rewrite must leave the link alone.
    public var form: Form?
    public var range: Range<Int>?
    public var textRange: Range<Int>?
    public var destinationRange: Range<Int>?
    /// The destination was written in angle brackets (`<a b.md>`).
    public var destinationIsAngled: Bool = false
}

private struct OutlineWalker {
    let source: SourceText
    /// Added to every byte offset: the length of a skipped byte order mark.
    let byteOffset: Int
    let frontMatter: Bool
    var outline = ListOutline()

    private var listStack: [Int] = []
    private var itemStack: [Int] = []
    private var quoteDepth = 0
    /// The paragraph inline positions are relative to: start line and byte column, quote depth.
    private var leaf: (line: Int, column: Int, quoteDepth: Int)?
    /// The item whose first paragraph is open, and where that paragraph started.
    private var firstParagraph: (item: Int, node: OpaquePointer)?
    /// The item whose first link is open, the link node, and the text collected so far.
    private var openLink: (item: Int, node: OpaquePointer, text: String)?
    private var imageDepth = 0
    private var lineOffset = 0

    init(source: SourceText, byteOffset: Int, frontMatter: Bool) {
        self.source = source
        self.byteOffset = byteOffset
        self.frontMatter = frontMatter
    }

    mutating func run() {
        lineOffset = frontMatter ? FrontMatter.lineCount(in: source) : 0
        let start = source.offset(afterLine: lineOffset)
        let body = UnsafeBufferPointer(rebasing: source.bytes[start...])
        let parsed: OpaquePointer? =
            body.isEmpty
            ? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
            : body.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: body.count) {
                    cmark_parse_document($0, body.count, CMARK_OPT_DEFAULT)
                }
            } ?? nil
        guard let root = parsed else { return }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                enter(node)
            } else if event == CMARK_EVENT_EXIT {
                exit(node)
            }
        }
    }

    // MARK: - Events

    private mutating func enter(_ node: OpaquePointer) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth += 1
        case CMARK_NODE_LIST:
            enterList(node)
        case CMARK_NODE_ITEM:
            enterItem(node)
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            let line = Int(cmark_node_get_start_line(node)) + lineOffset
            leaf = (line, Int(cmark_node_get_start_column(node)), quoteDepth)
            if let item = itemStack.last, outline.items[item].label.isEmpty, firstParagraph == nil,
                cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH,
                let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_ITEM,
                cmark_node_first_child(parent) == node
            {
                firstParagraph = (item, node)
            }
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            guard imageDepth == 0, let literal = cmark_node_get_literal(node) else { return }
            let text = String(cString: literal)
            if let paragraph = firstParagraph { outline.items[paragraph.item].label += text }
            if openLink != nil { openLink?.text += text }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            guard imageDepth == 0 else { return }
            if let paragraph = firstParagraph { outline.items[paragraph.item].label += " " }
            if openLink != nil { openLink?.text += " " }
        case CMARK_NODE_IMAGE:
            imageDepth += 1
        case CMARK_NODE_LINK:
            // The first link of the innermost open item; links in nested lists belong to their items.
            guard imageDepth == 0, openLink == nil, let item = itemStack.last, outline.items[item].link == nil else { return }
            openLink = (item, node, "")
        default:
            break
        }
    }

    private mutating func exit(_ node: OpaquePointer) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth -= 1
        case CMARK_NODE_LIST:
            listStack.removeLast()
        case CMARK_NODE_ITEM:
            itemStack.removeLast()
        case CMARK_NODE_PARAGRAPH:
            if let paragraph = firstParagraph, paragraph.node == node {
                finishFirstParagraph(paragraph.item, node)
                firstParagraph = nil
            }
            leaf = nil
        case CMARK_NODE_HEADING:
            leaf = nil
        case CMARK_NODE_IMAGE:
            imageDepth -= 1
        case CMARK_NODE_LINK:
            if let open = openLink, open.node == node {
                outline.items[open.item].link = link(node, text: open.text)
                openLink = nil
            }
        default:
            break
        }
    }

    private mutating func enterList(_ node: OpaquePointer) {
        var container = OutlineContainer.document
        if let parent = cmark_node_parent(node) {
            switch cmark_node_get_type(parent) {
            case CMARK_NODE_DOCUMENT: container = .document
            case CMARK_NODE_ITEM: container = itemStack.last.map { .item($0) } ?? .other
            default: container = .other
            }
        }
        // A list inside a block quote inside an item still carries `>` markers on its lines.
        if quoteDepth > 0 { container = .other }
        let (first, last) = lines(of: node)
        let index = outline.lists.count
        outline.lists.append(
            OutlineList(
                container: container, depth: listStack.count,
                isOrdered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                isTight: cmark_node_get_list_tight(node) != 0, firstLine: first, lastLine: last))
        if case .item(let parent) = container { outline.items[parent].childLists.append(index) }
        listStack.append(index)
    }

    private mutating func enterItem(_ node: OpaquePointer) {
        guard let list = listStack.last else { return }
        let (first, last) = lines(of: node)
        let lineRange = source.lineRange(first)
        // Clamped to the line on both sides: a lone CR ends a line for cmark but not for LineIndex, so
        // cmark's line can lie past the table's last one, where `offset` and `lineRange` disagree
        // (fuzz input `\r-` built the range 2..<0 and trapped).
        let markerStart = max(
            lineRange.lowerBound, min(source.offset(line: first, byteColumn: Int(cmark_node_get_start_column(node))), lineRange.upperBound))
        var markerEnd = markerStart
        while markerEnd < lineRange.upperBound, source.bytes[markerEnd] >= 0x30, source.bytes[markerEnd] <= 0x39 { markerEnd += 1 }
        if markerEnd < lineRange.upperBound { markerEnd += 1 }  // the bullet, or the ordered list's `.` / `)`
        var spacing: String?
        if let child = cmark_node_first_child(node), Int(cmark_node_get_start_line(child)) + lineOffset == first {
            let contentStart = source.offset(line: first, byteColumn: Int(cmark_node_get_start_column(child)))
            if contentStart >= markerEnd, contentStart <= lineRange.upperBound {
                spacing = source.string(markerEnd..<contentStart)
            }
        }
        let endOffset = first <= last ? source.offset(afterLine: last) : lineRange.upperBound
        let index = outline.items.count
        outline.items.append(
            OutlineItem(
                list: list, depth: outline.lists[list].depth, parent: itemStack.last,
                marker: source.string(markerStart..<markerEnd),
                prefix: source.string(lineRange.lowerBound..<markerStart),
                spacing: spacing,
                markerPosition: source.position(ofOffset: markerStart),
                firstLine: first, lastLine: max(first, last),
                byteRange: (lineRange.lowerBound + byteOffset)..<(max(endOffset, lineRange.lowerBound) + byteOffset)))
        outline.lists[list].items.append(index)
        itemStack.append(index)
    }

    // MARK: - Pieces

    /// First and last line of a block, trailing blank lines left out. cmark ends a list or item that
    /// runs into blank lines at column 0 of a line after them, and counts all but the last blank line
    /// as its own; they separate items, so they belong to the list's gaps, never to an item.
    private func lines(of node: OpaquePointer) -> (Int, Int) {
        let first = Int(cmark_node_get_start_line(node)) + lineOffset
        var last = Int(cmark_node_get_end_line(node)) + lineOffset
        if cmark_node_get_end_column(node) == 0 { last -= 1 }
        last = min(last, source.lineCount)
        while last > first, source.isBlank(line: last) { last -= 1 }
        return (first, max(first, last))
    }

    /// Where an inline node really starts, as a 1-based line and byte column: cmark's columns are
    /// exact on a paragraph's first line only; on later lines it counts from the paragraph's start
    /// column although each line's indentation (and block-quote markers) were stripped.
    private func inlineByteStart(line: Int, column: Int) -> (Int, Int) {
        guard let leaf, line != leaf.line else { return (line, column) }
        let contentStart = source.contentStartColumn(line: line, quoteDepth: leaf.quoteDepth)
        return (line, column - leaf.column + contentStart)
    }

    private func link(_ node: OpaquePointer, text: String) -> OutlineLink {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let startLine = Int(cmark_node_get_start_line(node)) + lineOffset
        let (line, column) = inlineByteStart(line: startLine, column: Int(cmark_node_get_start_column(node)))
        let offset = source.offset(line: line, byteColumn: column)
        var result = OutlineLink(text: text, destination: destination, position: source.position(line: line, byteColumn: column))
        guard let syntax = LinkSyntaxScanner.scan(source.bytes, at: offset) else { return result }
        // On a paragraph's first line cmark's end column is exact too: a disagreement means the scan
        // did not find the link cmark parsed, and a rewrite must not guess.
        let endLine = Int(cmark_node_get_end_line(node)) + lineOffset
        if let leaf, startLine == leaf.line, endLine == startLine {
            let end = source.offset(line: line, byteColumn: Int(cmark_node_get_end_column(node))) + 1
            guard end == syntax.range.upperBound else { return result }
        }
        result.form = syntax.form
        result.range = shifted(syntax.range)
        result.textRange = syntax.textRange.map(shifted)
        result.destinationRange = syntax.destinationRange.map(shifted)
        result.destinationIsAngled = syntax.destinationIsAngled
        return result
    }

    private func shifted(_ range: Range<Int>) -> Range<Int> {
        (range.lowerBound + byteOffset)..<(range.upperBound + byteOffset)
    }

    /// The paragraph's end is exact (block positions are); what lies between the link and it is the
    /// description.
    private mutating func finishFirstParagraph(_ item: Int, _ node: OpaquePointer) {
        let label = outline.items[item].label
        outline.items[item].label = label.trimmingScalars(" \t")
        guard let range = outline.items[item].link?.range else { return }
        let endLine = Int(cmark_node_get_end_line(node)) + lineOffset
        let paragraphEnd = min(
            source.offset(line: endLine, byteColumn: Int(cmark_node_get_end_column(node))) + 1,
            source.lineRange(endLine).upperBound)
        let linkEnd = range.upperBound - byteOffset
        guard linkEnd <= paragraphEnd, range.lowerBound - byteOffset >= source.lineRange(startLine(of: node)).lowerBound else { return }
        // Continuation lines: each line's indentation is layout, not text.
        guard linkEnd < paragraphEnd else { return }
        let raw = source.string(linkEnd..<paragraphEnd)
        let joined =
            !raw.utf8.contains(0x0A)
            ? raw
            : raw.split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated()
                .map { index, line in
                    let text = line.hasSuffix("\r") ? line.dropLast() : line
                    return index == 0 ? String(text) : text.trimmingScalars(" \t>")
                }
                .joined(separator: " ")
        let trimmedEnd = String(joined.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        outline.items[item].afterLink = trimmedEnd
        let separator = Self.separator(of: trimmedEnd)
        outline.items[item].separator = separator
        outline.items[item].description = String(trimmedEnd.dropFirst(separator.count)).trimmingScalars(" \t")
    }

    private func startLine(of node: OpaquePointer) -> Int {
        Int(cmark_node_get_start_line(node)) + lineOffset
    }

    /// Spaces, then at most one separator (`—`, `–`, `-`, `:`, `|`, `·`), then spaces.
    static func separator(of text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let c = rest.first, c == " " || c == "\t" { out.append(c); rest.removeFirst() }
        if let c = rest.first, ["—", "–", "-", ":", "|", "·"].contains(c) {
            let next = rest.dropFirst().first
            // `-x` is a word, not a separator; `:` may touch the text.
            if c == ":" || next == nil || next == " " || next == "\t" {
                out.append(c)
                rest.removeFirst()
                while let c = rest.first, c == " " || c == "\t" { out.append(c); rest.removeFirst() }
            }
        }
        return out
    }
}

/// Finds where a link's parts are in the source, starting at its `[` (or the `<` of an autolink),
/// following CommonMark's syntax for link text, destinations and titles.
enum LinkSyntaxScanner {
    struct Syntax {
        var form: OutlineLink.Form
        var range: Range<Int>
        var textRange: Range<Int>?
        var destinationRange: Range<Int>?
        var destinationIsAngled = false
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Syntax? {
        guard start >= 0, start < bytes.count else { return nil }
        if bytes[start] == 0x3C {  // '<': an autolink runs to the next '>' on the line
            var i = start + 1
            while i < bytes.count, bytes[i] != 0x3E, bytes[i] != 0x0A { i += 1 }
            guard i < bytes.count, bytes[i] == 0x3E else { return nil }
            return Syntax(form: .autolink, range: start..<(i + 1), textRange: (start + 1)..<i)
        }
        guard bytes[start] == 0x5B, let close = closingBracket(bytes, from: start) else { return nil }
        let text = (start + 1)..<close
        var i = close + 1
        if i < bytes.count, bytes[i] == 0x28, let inline = inlineTail(bytes, from: i) {  // '('
            return Syntax(
                form: .inline, range: start..<inline.end, textRange: text,
                destinationRange: inline.destination, destinationIsAngled: inline.angled)
        }
        if i < bytes.count, bytes[i] == 0x5B, let labelClose = closingBracket(bytes, from: i) {
            let form: OutlineLink.Form = labelClose == i + 1 ? .collapsed : .full
            i = labelClose + 1
            return Syntax(form: form, range: start..<i, textRange: text)
        }
        return Syntax(form: .shortcut, range: start..<(close + 1), textRange: text)
    }

    /// The matching `]` of the `[` at `open`: brackets nest, backslash escapes and code spans hide them.
    static func closingBracket(_ bytes: UnsafeBufferPointer<UInt8>, from open: Int) -> Int? {
        var depth = 0
        var i = open
        while i < bytes.count {
            switch bytes[i] {
            case 0x5C:  // backslash
                i += 2
                continue
            case 0x60:  // a code span: skip to the closing run of the same length, if there is one
                var n = 0
                while i + n < bytes.count, bytes[i + n] == 0x60 { n += 1 }
                var j = i + n
                while j < bytes.count {
                    if bytes[j] == 0x60 {
                        var m = 0
                        while j + m < bytes.count, bytes[j + m] == 0x60 { m += 1 }
                        if m == n { break }
                        j += m
                    } else {
                        j += 1
                    }
                }
                i = j < bytes.count ? j + n : i + n
                continue
            case 0x5B:
                depth += 1
            case 0x5D:
                depth -= 1
                if depth == 0 { return i }
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// `(destination "title")` starting at `(`: the destination's range and the offset after `)`.
    static func inlineTail(_ bytes: UnsafeBufferPointer<UInt8>, from open: Int) -> (destination: Range<Int>, angled: Bool, end: Int)? {
        var i = open + 1
        skipSpace(bytes, &i)
        guard i < bytes.count else { return nil }
        var destination = i..<i
        var angled = false
        if bytes[i] == 0x3C {  // <destination>
            var j = i + 1
            while j < bytes.count, bytes[j] != 0x3E, bytes[j] != 0x0A, bytes[j] != 0x3C {
                if bytes[j] == 0x5C { j += 1 }
                j += 1
            }
            guard j < bytes.count, bytes[j] == 0x3E else { return nil }
            destination = (i + 1)..<j
            angled = true
            i = j + 1
        } else {
            var j = i
            var parens = 0
            while j < bytes.count {
                let b = bytes[j]
                if b == 0x5C, j + 1 < bytes.count { j += 2; continue }
                if b <= 0x20 { break }
                if b == 0x28 { parens += 1 }
                if b == 0x29 {
                    if parens == 0 { break }
                    parens -= 1
                }
                j += 1
            }
            destination = i..<j
            i = j
        }
        let afterDestination = i
        skipSpace(bytes, &i)
        guard i < bytes.count else { return nil }
        if i > afterDestination || bytes[i] != 0x29, let closer = titleCloser(bytes[i]) {
            var j = i + 1
            while j < bytes.count, bytes[j] != closer {
                if bytes[j] == 0x5C { j += 1 }
                j += 1
            }
            guard j < bytes.count else { return nil }
            i = j + 1
            skipSpace(bytes, &i)
        }
        guard i < bytes.count, bytes[i] == 0x29 else { return nil }
        return (destination, angled, i + 1)
    }

    private static func titleCloser(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x22: 0x22  // "
        case 0x27: 0x27  // '
        case 0x28: 0x29  // ( … )
        default: nil
        }
    }

    /// Spaces, tabs and at most one line break (with the next line's indentation).
    private static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        var newlines = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0D {
                i += 1
            } else if b == 0x0A, newlines == 0 {
                newlines += 1
                i += 1
            } else {
                break
            }
        }
    }
}
