import CCmark
import ChecksCore
import Foundation

/// The only code that touches cmark: parse, walk, copy out Swift values, free — all in one scope.
///
/// cmark's inline positions are exact on the first line of a paragraph but drift on later lines
/// (it assumes every line starts where the first did, yet strips each line's indentation and block-quote
/// markers) and after link reference definitions it removed (lines are counted from the paragraph's
/// original first line). `InlinePositionMapper` undoes both, once, here; nothing downstream sees a byte.
enum MarkdownExtractor {
    static func extract(_ raw: UnsafeBufferPointer<UInt8>) -> MarkdownDocument {
        // A UTF-8 byte order mark is not text; cmark would skip it, so columns must not count it either.
        let hasBOM = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
        let bytes = hasBOM ? UnsafeBufferPointer(rebasing: raw[3...]) : raw
        let source = SourceText(bytes)
        var walker = Walker(source: source)
        walker.run()
        return walker.document
    }
}

private struct LeafBlock {
    var startLine: Int
    var startColumn: Int  // 1-based byte column, as cmark reports it
    /// Lines of link reference definitions cmark removed from the start of this paragraph.
    var definitionLines: Int
    var quoteDepth: Int
}

private struct Walker {
    let source: SourceText
    var document = MarkdownDocument()
    private var slugger = HeadingSlugger()
    /// Lines belonging to a leaf block cmark kept; the rest may hold definitions cmark removed.
    private var claimed: [Bool]
    private var codeLines: [Bool]
    private var quoteDepth = 0
    private var leaf: LeafBlock?
    private var headingText: String?
    private var headingLevel = 0
    private var headingPosition = SourcePosition(line: 1, column: 1)
    private var imageDepth = 0
    private var footnoteDepth = 0
    /// Byte ranges of paragraphs and headings, scanned for reference uses.
    private var inlineRanges: [Range<Int>] = []
    private var disableStarts: [Int] = []
    private var frontMatterLines = 0

    init(source: SourceText) {
        self.source = source
        claimed = Array(repeating: false, count: source.lines.lineCount + 2)
        codeLines = claimed
        inlineRanges.reserveCapacity(32)
    }

    mutating func run() {
        document.lineCount = source.lineCount
        frontMatterLines = FrontMatter.lineCount(in: source)
        for line in stride(from: 1, through: frontMatterLines, by: 1) { claimed[line] = true; codeLines[line] = true }
        let start = source.offset(afterLine: frontMatterLines)
        let body = UnsafeBufferPointer(rebasing: source.bytes[start...])
        let lineOffset = frontMatterLines
        // Everything cmark allocates for this document lives in this thread's arena and is released
        // in one step when the walk is done (CCmark/shim.h says why); the parser frees into it too.
        defer { ccmark_arena_reset() }
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, ccmark_arena_allocator()) else {
            finish()
            return
        }
        defer { cmark_parser_free(parser) }
        if let base = body.baseAddress, !body.isEmpty {
            base.withMemoryRebound(to: CChar.self, capacity: body.count) { cmark_parser_feed(parser, $0, body.count) }
        }
        // The tree is never freed node by node: the arena reset above releases it whole.
        guard let root = cmark_parser_finish(parser) else {
            finish()
            return
        }
        guard let iterator = cmark_iter_new(root) else {
            finish()
            return
        }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                enter(node, lineOffset: lineOffset)
            } else if event == CMARK_EVENT_EXIT {
                exit(node)
            }
        }
        finish()
    }

    // MARK: - Tree events

    private mutating func enter(_ node: OpaquePointer, lineOffset: Int) {
        let type = cmark_node_get_type(node)
        // Text nodes are most of a tree and need no position: ask cmark only where one is used.
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            if headingText != nil, imageDepth == 0, let literal = cmark_node_get_literal(node) {
                headingText? += String(cString: literal)
            }
            return
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            if headingText != nil, imageDepth == 0 { headingText? += "\n" }
            return
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_DOCUMENT:
            return
        default:
            break
        }
        let startLine = Int(cmark_node_get_start_line(node)) + lineOffset
        let startColumn = Int(cmark_node_get_start_column(node))
        let endLine = Int(cmark_node_get_end_line(node)) + lineOffset
        switch type {
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth += 1
        case CMARK_NODE_PARAGRAPH:
            let definitions = leadingDefinitions(from: startLine, through: endLine)
            leaf = LeafBlock(startLine: startLine, startColumn: startColumn, definitionLines: definitions, quoteDepth: quoteDepth)
            claim(startLine, endLine)
            addInlineRange(startLine + definitions, endLine)
        case CMARK_NODE_HEADING:
            leaf = LeafBlock(startLine: startLine, startColumn: startColumn, definitionLines: 0, quoteDepth: quoteDepth)
            claim(startLine, endLine)
            addInlineRange(startLine, endLine)
            headingText = ""
            headingLevel = Int(cmark_node_get_heading_level(node))
            headingPosition = source.position(line: startLine, byteColumn: startColumn)
        case CMARK_NODE_CODE_BLOCK:
            claim(startLine, max(startLine, endLine), code: true)
        case CMARK_NODE_THEMATIC_BREAK:
            claim(startLine, startLine)
        case CMARK_NODE_HTML_BLOCK:
            claim(startLine, max(startLine, endLine), code: true)
            if let literal = cmark_node_get_literal(node) {
                html(literal, line: startLine, byteColumn: startColumn, isBlock: true)
            }
        case CMARK_NODE_HTML_INLINE:
            if let literal = cmark_node_get_literal(node) {
                let (line, column) = inlineByteStart(line: startLine, column: startColumn)
                html(literal, line: line, byteColumn: column, isBlock: false)
            }
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            link(node, isImage: type == CMARK_NODE_IMAGE, line: startLine, column: startColumn, lineOffset: lineOffset)
        default:
            break
        }
    }

    private mutating func exit(_ node: OpaquePointer) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth -= 1
        case CMARK_NODE_PARAGRAPH:
            leaf = nil
        case CMARK_NODE_HEADING:
            if let text = headingText {
                addHeading(level: headingLevel, text: text, position: headingPosition)
            }
            headingText = nil
            leaf = nil
        case CMARK_NODE_IMAGE:
            imageDepth -= 1
            if footnoteDepth > 0 { footnoteDepth -= 1 }
        case CMARK_NODE_LINK:
            if footnoteDepth > 0 { footnoteDepth -= 1 }
        default:
            break
        }
    }

    // MARK: - Pieces

    private mutating func addHeading(level: Int, text: String, position: SourcePosition) {
        let anchor = slugger.slug(text)
        document.headings.append(MarkdownHeading(level: level, text: text, anchor: anchor, position: position))
    }

    private mutating func link(_ node: OpaquePointer, isImage: Bool, line: Int, column: Int, lineOffset: Int) {
        if isImage { imageDepth += 1 }
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        var (byteLine, byteColumn) = inlineByteStart(line: line, column: column)
        var offset = source.offset(line: byteLine, byteColumn: byteColumn)
        var kind: MarkdownLink.Kind = isImage ? .image : .link
        if !isImage, source.byte(at: offset) != 0x5B {
            // cmark misplaces autolinks; its first text child sits right after the '<'.
            if let child = cmark_node_first_child(node) {
                let childLine = Int(cmark_node_get_start_line(child)) + lineOffset
                let childColumn = Int(cmark_node_get_start_column(child))
                let (l, c) = inlineByteStart(line: childLine, column: childColumn)
                let childOffset = source.offset(line: l, byteColumn: c)
                if source.byte(at: childOffset - 1) == 0x3C {
                    (byteLine, byteColumn, offset) = (l, c - 1, childOffset - 1)
                    kind = .autolink
                }
            }
        }
        // `[^1]` with a `[^1]: …` definition is a GitHub footnote, not a link, although cmark sees one.
        if source.byte(at: offset) == 0x5B, source.byte(at: offset + 1) == 0x5E {
            footnoteDepth += 1
            return
        }
        guard footnoteDepth == 0 else { return }
        let position = source.position(line: byteLine, byteColumn: byteColumn)
        document.links.append(MarkdownLink(kind: kind, destination: url, position: position))
    }

    /// Where an inline node really starts, as a 1-based line and byte column.
    private func inlineByteStart(line: Int, column: Int) -> (Int, Int) {
        guard let leaf else { return (line, column) }
        let actualLine = line + leaf.definitionLines
        if actualLine == leaf.startLine { return (actualLine, column) }
        let contentStart = source.contentStartColumn(line: actualLine, quoteDepth: leaf.quoteDepth)
        return (actualLine, column - leaf.startColumn + contentStart)
    }

    private mutating func html(_ literal: UnsafePointer<CChar>, line: Int, byteColumn: Int, isBlock: Bool) {
        let length = strlen(literal)
        literal.withMemoryRebound(to: UInt8.self, capacity: length) { pointer in
            let text = UnsafeBufferPointer(start: pointer, count: length)
            let items = HTMLTagScanner.scan(text, range: 0..<length)
            guard !items.isEmpty else { return }
            var headingOpen: (level: Int, contentStart: Int, position: SourcePosition)? = nil
            for item in items {
                switch item {
                case let .comment(comment, offset):
                    control(comment, line: line + newlines(in: text, before: offset))
                case let .tag(name, isEnd, attributes, range):
                    if isEnd {
                        if let open = headingOpen, name == "h\(open.level)" {
                            let inner = HTMLText.textContent(UnsafeBufferPointer(rebasing: text[open.contentStart..<range.lowerBound]))
                            addHeading(level: open.level, text: inner, position: open.position)
                            headingOpen = nil
                        }
                        continue
                    }
                    for attribute in attributes {
                        switch attribute.name {
                        case "href" where name == "a" || name == "area" || name == "link",
                            "src" where name == "img" || name == "source" || name == "video" || name == "audio" || name == "iframe",
                            "srcset" where false:
                            let position = attributePosition(text, attribute, line: line, byteColumn: byteColumn)
                            document.links.append(MarkdownLink(kind: .html, destination: attribute.value, position: position))
                        case "id":
                            document.explicitAnchors.append(
                                ExplicitAnchor(
                                    name: attribute.value, position: attributePosition(text, attribute, line: line, byteColumn: byteColumn)))
                        case "name" where name == "a":
                            document.explicitAnchors.append(
                                ExplicitAnchor(
                                    name: attribute.value, position: attributePosition(text, attribute, line: line, byteColumn: byteColumn)))
                        default:
                            break
                        }
                    }
                    if isBlock, name.count == 2, name.first == "h", let level = Int(name.dropFirst()), (1...6).contains(level) {
                        let l = line + newlines(in: text, before: range.lowerBound)
                        headingOpen = (level, range.upperBound, SourcePosition(line: l, column: 1))
                    }
                }
            }
        }
    }

    private func newlines(in text: UnsafeBufferPointer<UInt8>, before offset: Int) -> Int {
        var count = 0
        for i in 0..<min(offset, text.count) where text[i] == 0x0A { count += 1 }
        return count
    }

    /// The source position of an attribute value: on the literal's first line by offset; on later
    /// lines by finding the value in the source line (container prefixes were stripped from the literal).
    private func attributePosition(_ text: UnsafeBufferPointer<UInt8>, _ attribute: HTMLTagScanner.Attribute, line: Int, byteColumn: Int)
        -> SourcePosition
    {
        let breaks = newlines(in: text, before: attribute.valueOffset)
        if breaks == 0 {
            return source.position(line: line, byteColumn: byteColumn + attribute.valueOffset)
        }
        let actualLine = line + breaks
        var lineStart = attribute.valueOffset
        while lineStart > 0, text[lineStart - 1] != 0x0A { lineStart -= 1 }
        let needle = Array(UnsafeBufferPointer(rebasing: text[lineStart..<attribute.valueOffset]))
        let range = source.lineRange(actualLine)
        if let found = source.find(needle, in: range) {
            return source.position(ofOffset: found + needle.count)
        }
        return source.position(line: actualLine, byteColumn: attribute.valueOffset - lineStart + 1)
    }

    /// `<!-- autogit-checks-disable -->` and friends, plus markdown-link-check's spellings.
    private mutating func control(_ comment: String, line: Int) {
        switch comment {
        case "autogit-checks-disable", "markdown-link-check-disable":
            disableStarts.append(line)
        case "autogit-checks-enable", "markdown-link-check-enable":
            if let start = disableStarts.popLast() { document.suppressedLines.append(start...line) }
        case "autogit-checks-disable-next-line", "markdown-link-check-disable-next-line":
            document.suppressedLines.append((line + 1)...(line + 1))
        case "autogit-checks-disable-line", "markdown-link-check-disable-line":
            document.suppressedLines.append(line...line)
        default:
            break
        }
    }

    private mutating func claim(_ from: Int, _ to: Int, code: Bool = false) {
        guard from >= 1 else { return }
        for line in from...max(from, min(to, claimed.count - 1)) where line < claimed.count {
            claimed[line] = true
            if code { codeLines[line] = true }
        }
    }

    private mutating func addInlineRange(_ from: Int, _ to: Int) {
        guard from <= to else { return }
        let start = source.lineRange(from).lowerBound
        let end = source.lineRange(to).upperBound
        if start < end { inlineRanges.append(start..<end) }
    }

    /// Parses the definitions cmark took from the start of a paragraph; returns the lines they used.
    private mutating func leadingDefinitions(from startLine: Int, through endLine: Int) -> Int {
        var candidates: [(match: ReferenceDefinitionParser.Match, line: Int)] = []
        var line = startLine
        while line <= endLine, let match = ReferenceDefinitionParser.parse(line: line, in: source),
            line + match.lineCount - 1 <= endLine
        {
            candidates.append((match, line))
            line += match.lineCount
        }
        return addConfirmedDefinitions(candidates)
    }

    /// Keeps the candidates of one run that cmark confirms; returns the lines they occupy.
    private mutating func addConfirmedDefinitions(_ candidates: [(match: ReferenceDefinitionParser.Match, line: Int)]) -> Int {
        guard !candidates.isEmpty else { return 0 }
        // The common run, `[label]: destination` lines and nothing else, needs no second opinion;
        // anything with a title, trailing text or a split line is cmark's to judge.
        let destinations: [String?] =
            candidates.allSatisfy(\.match.isPlain)
            ? candidates.map { Optional($0.match.destination) }
            : ReferenceDefinitionCheck.destinations(
                definitionTexts: candidates.map { ReferenceDefinitionParser.text(of: $0.match, line: $0.line, in: source) },
                labels: candidates.map(\.match.label))
        var lines = 0
        for (candidate, destination) in zip(candidates, destinations) {
            guard let destination else { break }
            document.definitions.append(
                ReferenceDefinition(
                    label: candidate.match.label, key: ReferenceDefinition.key(for: candidate.match.label),
                    destination: destination, position: source.position(ofOffset: candidate.match.offset)))
            lines += candidate.match.lineCount
        }
        return lines
    }

    /// GitHub renders `[^label]: text` as a footnote with the ids `user-content-fn-label` and
    /// `user-content-fnref-label`, which links may target; cmark knows nothing of footnotes.
    private mutating func addFootnoteAnchors() {
        var line = frontMatterLines + 1
        while line <= source.lineCount {
            defer { line += 1 }
            guard line < codeLines.count, !codeLines[line] else { continue }
            let range = source.lineRange(line)
            let start = ReferenceDefinitionParser.skipContainerMarkers(range, source.bytes)
            guard start + 3 < range.upperBound, source.bytes[start] == 0x5B, source.bytes[start + 1] == 0x5E,
                let close = source.find([0x5D, 0x3A], in: (start + 2)..<range.upperBound), close > start + 2
            else { continue }
            let label = source.string((start + 2)..<close)
            guard !label.contains(" ") else { continue }
            let position = source.position(ofOffset: start)
            document.explicitAnchors.append(ExplicitAnchor(name: "fn-" + label, position: position))
            document.explicitAnchors.append(ExplicitAnchor(name: "fnref-" + label, position: position))
        }
    }

    private mutating func finish() {
        // Paragraphs made only of definitions leave no node: look at the lines no block claimed, one
        // run of consecutive candidates at a time.
        var run: [(match: ReferenceDefinitionParser.Match, line: Int)] = []
        var line = frontMatterLines + 1
        while line <= source.lineCount {
            if line < claimed.count, !claimed[line], !source.isBlank(line: line),
                let match = ReferenceDefinitionParser.parse(line: line, in: source),
                (line..<(line + match.lineCount)).allSatisfy({ $0 < claimed.count && !claimed[$0] })
            {
                run.append((match, line))
                line += match.lineCount
            } else {
                _ = addConfirmedDefinitions(run)
                run = []
                line += 1
            }
        }
        _ = addConfirmedDefinitions(run)
        // Without definitions only `[x][y]` and `[x][]` matter (undefined references), and both
        // contain "][": most paragraphs can be skipped after one memchr-speed search.
        let needsShortcuts = !document.definitions.isEmpty
        let definitionLabelLengths = Set(document.definitions.map(\.key.utf8.count))
        for range in inlineRanges {
            guard needsShortcuts ? source.find([0x5D], in: range) != nil : source.find([0x5D, 0x5B], in: range) != nil
            else { continue }
            for match in ReferenceUseScanner.scan(source.bytes, range: range) {
                // A shortcut only matters as a use of a definition: bracketed prose whose length fits
                // no definition's label is dropped before its key is even computed.
                if match.form == .shortcut, !definitionLabelLengths.contains(match.label.utf8.count),
                    match.label.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x20 && $0 != 0x09 })
                {
                    continue
                }
                document.referenceUses.append(
                    ReferenceUse(
                        form: match.form, label: match.label, key: ReferenceDefinition.key(for: match.label),
                        position: source.position(ofOffset: match.offset), followsWord: match.followsWord))
            }
        }
        addFootnoteAnchors()
        // An unclosed disable runs to the end of the file, as markdown-link-check does.
        for start in disableStarts { document.suppressedLines.append(start...max(start, source.lineCount + 1)) }
        disableStarts = []
    }
}

/// Text content of raw HTML (tags and comments dropped, entities decoded), as a browser's
/// `textContent` would give for a heading written in HTML.
enum HTMLText {
    static func textContent(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x3C {
                while i < bytes.count, bytes[i] != 0x3E { i += 1 }
                i += 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return HTMLEntities.decode(String(decoding: out, as: UTF8.self))
    }
}
