import Markdown

/// The marked region as a tree of byte ranges: text, lists, items (a head and a body of nested lists),
/// and the blank-line gaps between items. Rendering an untouched tree gives back the region byte for
/// byte; `--write` removes, inserts and reorders items in it and replaces link bytes, and everything
/// else is copied from the source as it was.
///
/// Reference types, because a rewrite reaches into nested lists while walking the tree.
final class RegionTree {
    /// Bytes of the source, or bytes the rewrite adds.
    enum Piece {
        /// A range of the region's bytes, rendered with the link edits that fall inside it.
        case original(Range<Int>)
        case inserted([UInt8])
    }

    enum Node {
        case piece(Piece)
        case list(ListNode)
    }

    enum Slot {
        /// Lines between two items of a loose list.
        case gap(Piece)
        case item(ItemNode)
    }

    final class ListNode {
        /// Index into the outline's lists; nil for a list the rewrite creates.
        let outlineList: Int?
        var slots: [Slot] = []
        /// Items separated by blank lines; new items get one too.
        var isLoose: Bool
        /// The folder (root-relative) whose docs this list mostly holds, when it holds a folder's docs.
        var folder: String?
        /// Every folder its entries' docs are in.
        var folders = Set<String>()
        /// How a new item is written here: the text before the marker, the marker, the space after it.
        var prefix: String
        var marker: String
        var isOrdered: Bool
        var spacing: String

        init(outlineList: Int?, isLoose: Bool, prefix: String, marker: String, isOrdered: Bool, spacing: String) {
            self.outlineList = outlineList
            self.isLoose = isLoose
            self.prefix = prefix
            self.marker = marker
            self.isOrdered = isOrdered
            self.spacing = spacing
        }

        var items: [ItemNode] {
            slots.compactMap { if case .item(let item) = $0 { item } else { nil } }
        }
    }

    final class ItemNode {
        /// Index into the outline's items; nil for an item the rewrite creates.
        let outlineItem: Int?
        /// The item's own lines: from its marker to its first nested list (or its end).
        var head: Piece
        /// Nested lists and any lines between or after them.
        var body: [Node] = []
        /// Where the item sorts among its siblings; nil for items the order leaves in place.
        var sortKey: SortKey?
        var prefix: String
        var marker: String
        var spacing: String

        init(outlineItem: Int?, head: Piece, prefix: String, marker: String, spacing: String) {
            self.outlineItem = outlineItem
            self.head = head
            self.prefix = prefix
            self.marker = marker
            self.spacing = spacing
        }

        var childLists: [ListNode] {
            body.compactMap { if case .list(let list) = $0 { list } else { nil } }
        }
    }

    let bytes: [UInt8]
    let outline: ListOutline
    var top: [Node] = []
    /// Link edits, by the range of source bytes they replace (never overlapping).
    var edits: [(range: Range<Int>, bytes: [UInt8])] = []
    /// Outline list → its node, for lists of the source.
    private(set) var listNodes: [Int: ListNode] = [:]
    /// Outline item → its node, and the list holding it.
    private(set) var itemNodes: [Int: (item: ItemNode, list: ListNode)] = [:]

    init(bytes: [UInt8], outline: ListOutline) {
        self.bytes = bytes
        self.outline = outline
        var cursor = 1
        for (index, list) in outline.lists.enumerated() where list.container == .document {
            guard let first = list.items.first, let last = list.items.last else { continue }
            let firstLine = outline.items[first].firstLine
            if firstLine > cursor { top.append(.piece(.original(lines(cursor, firstLine)))) }
            top.append(.list(buildList(index)))
            cursor = outline.items[last].lastLine + 1
        }
        if offset(ofLine: cursor) < bytes.count {
            top.append(.piece(.original(offset(ofLine: cursor)..<bytes.count)))
        }
    }

    // MARK: - Building

    private func buildList(_ index: Int) -> ListNode {
        let list = outline.lists[index]
        let first = list.items.first.map { outline.items[$0] }
        let node = ListNode(
            outlineList: index, isLoose: false, prefix: RegionTree.sanitized(first?.prefix ?? ""),
            marker: first?.marker ?? "-", isOrdered: list.isOrdered, spacing: first?.spacing ?? " ")
        var previousLast: Int?
        for itemIndex in list.items {
            let item = outline.items[itemIndex]
            if let previousLast, item.firstLine > previousLast + 1 {
                node.slots.append(.gap(.original(lines(previousLast + 1, item.firstLine))))
                node.isLoose = true
            }
            let itemNode = buildItem(itemIndex)
            node.slots.append(.item(itemNode))
            itemNodes[itemIndex] = (itemNode, node)
            previousLast = item.lastLine
        }
        listNodes[index] = node
        return node
    }

    private func buildItem(_ index: Int) -> ItemNode {
        let item = outline.items[index]
        let children = item.childLists.filter { !outline.lists[$0].items.isEmpty }
        let headEnd = children.first.flatMap { outline.lists[$0].items.first }.map { outline.items[$0].firstLine } ?? item.lastLine + 1
        let node = ItemNode(
            outlineItem: index, head: .original(lines(item.firstLine, max(item.firstLine, headEnd))),
            prefix: RegionTree.sanitized(item.prefix), marker: item.marker, spacing: item.spacing ?? " ")
        var cursor = max(item.firstLine, headEnd)
        for child in children {
            let list = outline.lists[child]
            guard let first = list.items.first, let last = list.items.last else { continue }
            let firstLine = outline.items[first].firstLine
            if firstLine > cursor { node.body.append(.piece(.original(lines(cursor, firstLine)))) }
            node.body.append(.list(buildList(child)))
            cursor = max(cursor, outline.items[last].lastLine + 1)
        }
        if cursor <= item.lastLine { node.body.append(.piece(.original(lines(cursor, item.lastLine + 1)))) }
        return node
    }

    /// Bytes of lines `from..<to` (1-based), line breaks included.
    func lines(_ from: Int, _ to: Int) -> Range<Int> {
        offset(ofLine: from)..<max(offset(ofLine: from), offset(ofLine: to))
    }

    func offset(ofLine line: Int) -> Int {
        line - 1 < outline.lineStarts.count ? min(outline.lineStarts[max(0, line - 1)], bytes.count) : bytes.count
    }

    /// The 1-based line holding a byte offset.
    func line(containing offset: Int) -> Int {
        var low = 0
        var high = outline.lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if outline.lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Indentation for a new sibling: the sibling's text before its marker, with anything but white
    /// space (a parent's marker on the same line, `- - x`) turned into spaces.
    static func sanitized(_ prefix: String) -> String {
        String(prefix.unicodeScalars.map { $0 == " " || $0 == "\t" ? Character($0) : " " })
    }

    // MARK: - Walking

    /// Every list node, in document order (a list before the lists nested in its items).
    var listsInDocumentOrder: [ListNode] {
        var result: [ListNode] = []
        func visit(_ nodes: [Node]) {
            for case .list(let list) in nodes {
                result.append(list)
                for item in list.items { visit(item.body) }
            }
        }
        visit(top)
        return result
    }

    /// The list node holding `list` as one of its items' children, or nil for a top-level list.
    func parentItem(of list: ListNode) -> ItemNode? {
        guard let index = list.outlineList, case .item(let parent) = outline.lists[index].container else { return nil }
        return itemNodes[parent]?.item
    }

    // MARK: - Rendering

    func render() -> [UInt8] {
        let sorted = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        func piece(_ piece: Piece) {
            switch piece {
            case .inserted(let inserted):
                out += inserted
            case .original(let range):
                out += RegionTree.apply(sorted, to: range, of: bytes)
            }
        }
        func renderNodes(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .piece(let p): piece(p)
                case .list(let list):
                    for slot in list.slots {
                        switch slot {
                        case .gap(let p): piece(p)
                        case .item(let item):
                            piece(item.head)
                            renderNodes(item.body)
                        }
                    }
                }
            }
        }
        renderNodes(top)
        return out
    }

    /// `bytes[range]` with the edits inside it applied; `edits` sorted by start.
    static func apply(_ edits: [(range: Range<Int>, bytes: [UInt8])], to range: Range<Int>, of bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var cursor = range.lowerBound
        // Binary search for the first edit at or after the range: a large index has few edits.
        var low = 0
        var high = edits.count
        while low < high {
            let mid = (low + high) / 2
            if edits[mid].range.lowerBound < range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var index = low
        while index < edits.count, edits[index].range.upperBound <= range.upperBound {
            let edit = edits[index]
            if edit.range.lowerBound >= cursor {
                out += bytes[cursor..<edit.range.lowerBound]
                out += edit.bytes
                cursor = edit.range.upperBound
            }
            index += 1
        }
        out += bytes[cursor..<range.upperBound]
        return out
    }
}
