import CCmark

/// Asks cmark itself whether a candidate `[label]: …` is a link reference definition, and what its
/// destination is. The line parser only proposes candidates; CommonMark's rules for what may follow the
/// destination (a title, and nothing else), multi-line titles and escapes are cmark's to decide, so a
/// list item such as `* [Tim]: Can we announce it?` is never mistaken for a definition.
enum ReferenceDefinitionCheck {
    /// cmark's destination for the definition on `lines` (container markers already stripped), or
    /// nil when cmark does not take them as a definition of `label`.
    static func destination(definitionText: [UInt8], label: String) -> String? {
        // The candidate, a blank line, then a shortcut use of the label on a line of its own: the use
        // becomes a link only if the candidate defined it.
        var text = definitionText
        text.append(contentsOf: [0x0A, 0x0A, 0x5B])
        text.append(contentsOf: Array(label.utf8))
        text.append(contentsOf: [0x5D, 0x0A])
        var useLine: Int32 = 3
        for byte in definitionText where byte == 0x0A { useLine += 1 }

        // Allocations go to the calling thread's arena, released with the document being extracted.
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, ccmark_arena_allocator()) else { return nil }
        defer { cmark_parser_free(parser) }
        text.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let root = cmark_parser_finish(parser), let iterator = cmark_iter_new(root) else { return nil }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return nil }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_LINK,
                  cmark_node_get_start_line(node) == useLine else { continue }
            return cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        }
    }
}
