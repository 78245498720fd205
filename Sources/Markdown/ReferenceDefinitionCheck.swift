import CCmark

/// Asks cmark itself which candidate `[label]: …` lines are link reference definitions, and what their
/// destinations are. The line parser only proposes candidates; CommonMark's rules for what may follow
/// a destination (a title, and nothing else), multi-line titles and escapes are cmark's to decide, so a
/// list item such as `* [Tim]: Can we announce it?` is never mistaken for a definition.
enum ReferenceDefinitionCheck {
    /// cmark's destination for each candidate of a run (consecutive lines, container markers already
    /// stripped), nil from the first candidate cmark does not take as a definition on: like cmark, a
    /// run stops being definitions at the first line that is not one.
    ///
    /// One parse confirms the whole run: the candidates, a blank line, then each label alone on a line;
    /// a use becomes a link only if a candidate defined its label.
    static func destinations(definitionTexts: [[UInt8]], labels: [String]) -> [String?] {
        guard !definitionTexts.isEmpty else { return [] }
        let keys = labels.map(ReferenceDefinition.key(for:))
        if Set(keys).count != keys.count {
            // A repeated label would be answered by its first definition: confirm one by one instead.
            var result: [String?] = []
            for (text, label) in zip(definitionTexts, labels) {
                guard let destination = parse(definitions: [text], labels: [label]).first ?? nil else { break }
                result.append(destination)
            }
            return result + Array(repeating: nil, count: labels.count - result.count)
        }
        let found = parse(definitions: definitionTexts, labels: labels)
        var result: [String?] = []
        for destination in found {
            guard let destination else { break }
            result.append(destination)
        }
        return result + Array(repeating: nil, count: labels.count - result.count)
    }

    private static func parse(definitions: [[UInt8]], labels: [String]) -> [String?] {
        var text: [UInt8] = []
        var line: Int32 = 1
        for definition in definitions {
            text.append(contentsOf: definition)
            text.append(0x0A)
            line += 1
            for byte in definition where byte == 0x0A { line += 1 }
        }
        var useLines: [Int32: Int] = [:]
        for (index, label) in labels.enumerated() {
            text.append(0x0A)
            line += 1
            useLines[line] = index
            text.append(0x5B)
            text.append(contentsOf: Array(label.utf8))
            text.append(contentsOf: [0x5D, 0x0A])
            line += 1
        }
        var result = [String?](repeating: nil, count: labels.count)
        // Allocations go to the calling thread's arena, released with the document being extracted.
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, ccmark_arena_allocator()) else { return result }
        defer { cmark_parser_free(parser) }
        text.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let root = cmark_parser_finish(parser), let iterator = cmark_iter_new(root) else { return result }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return result }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_LINK,
                let index = useLines[cmark_node_get_start_line(node)]
            else { continue }
            result[index] = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        }
    }
}
