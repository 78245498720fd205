import ChecksCore
import Markdown

/// An entry `--write` took out, printed on stderr so that no hand-written text disappears silently.
public struct RemovedEntry: Sendable, Equatable {
    /// 1-based line of the entry in the index before the rewrite.
    public var line: Int
    /// The item's source lines as they were, or just the link for an unlinked entry.
    public var text: String
    /// The entry had nested entries: only its link went, its text and nested list stay.
    public var unlinked: Bool
}

/// The style of the lines `--write` adds: the region's own (first bullet, first nesting width, first
/// description separator), else `-`, two spaces and ` — `.
struct IndexStyle: Equatable {
    var bullet: String
    var indent: Int
    var separator: String

    init(bullet: String = "-", indent: Int = 2, separator: String = " — ") {
        self.bullet = bullet
        self.indent = indent
        self.separator = separator
    }

    init(_ outline: ListOutline) {
        self.init()
        if let item = outline.items.first(where: { !outline.lists[$0.list].isOrdered && outline.lists[$0.list].container != .other }) {
            bullet = item.marker
        }
        for item in outline.items {
            guard let parent = item.parent, case .item = outline.lists[item.list].container else { continue }
            let width = IndexStyle.width(item.prefix) - IndexStyle.width(outline.items[parent].prefix)
            if width > 0 {
                indent = width
                break
            }
        }
        if let item = outline.items.first(where: { $0.link != nil && !$0.description.isEmpty && !$0.separator.isEmpty }) {
            separator = item.separator
        }
    }

    /// Columns of a line prefix; a tab moves to the next multiple of 4 (CommonMark §2.2).
    static func width(_ prefix: String) -> Int {
        var columns = 0
        for scalar in prefix.unicodeScalars {
            columns = scalar == "\t" ? (columns / 4 + 1) * 4 : columns + 1
        }
        return columns
    }
}

/// What `--write` does to the region, computed in every mode: its lines are the findings' suggestions
/// and its bytes are what `--diff` compares.
///
/// The merge is keyed by target path. An existing entry keeps its place, bullet, indentation and
/// description; only its link text (to the doc's title) and its target (after a rename git detected,
/// or to the on-disk letter case) change. A stale entry without a rename is removed, or, when it has
/// nested entries, loses only its link. A new doc goes into the list that holds its folder's docs (a
/// group created when there is none), at its sorted position, with its front matter description if it
/// has one. With `order=` in the start marker every list is put in that order.
struct IndexRewrite {
    let region: [UInt8]
    /// Entry → its line after the rewrite (indentation dropped), for entries whose link changes.
    let changedLines: [Int: String]
    /// Stale entry → its line pointed at the closest unlisted doc (a suggestion; `--write` removes it).
    let closestLines: [Int: String]
    /// Doc path → the line added for it.
    let addedLines: [String: String]
    let removed: [RemovedEntry]
    let added: Int
    let changed: Int
    let reordered: Bool
    /// With `order=`: per list of the source, the first item (outline index) that sorts before the item
    /// above it, and that item.
    let outOfOrder: [(item: Int, previous: Int)]

    /// The rewrite of an index with nothing to change.
    init(unchanged file: IndexFile) {
        region = file.regionBytes
        changedLines = [:]
        closestLines = [:]
        addedLines = [:]
        removed = []
        added = 0
        changed = 0
        reordered = false
        outOfOrder = []
    }

    init(_ analysis: IndexAnalysis) {
        let builder = RewriteBuilder(analysis)
        builder.run()
        outOfOrder = builder.outOfOrder
        region = builder.tree.render()
        changedLines = builder.changedLines
        closestLines = builder.closestLines
        addedLines = builder.addedLines
        removed = builder.removed
        added = builder.added
        changed = builder.changed
        reordered = builder.reordered
    }
}

/// The mutable state of one rewrite.
private final class RewriteBuilder {
    let analysis: IndexAnalysis
    let tree: RegionTree
    let style: IndexStyle
    let eol: [UInt8]
    /// Lists in document order, with the lists the rewrite creates appended.
    var lists: [RegionTree.ListNode]
    var changedLines: [Int: String] = [:]
    var closestLines: [Int: String] = [:]
    var addedLines: [String: String] = [:]
    var removed: [RemovedEntry] = []
    var added = 0
    var changed = 0
    var reordered = false
    var outOfOrder: [(item: Int, previous: Int)] = []

    init(_ analysis: IndexAnalysis) {
        self.analysis = analysis
        tree = RegionTree(bytes: analysis.file.regionBytes, outline: analysis.file.outline)
        style = IndexStyle(analysis.file.outline)
        eol = Array(analysis.file.lineEnding.utf8)
        lists = tree.listsInDocumentOrder
    }

    private var outline: ListOutline { analysis.file.outline }
    private var bytes: [UInt8] { analysis.file.regionBytes }

    func run() {
        let retitled = analysis.titleMismatches
        assignFolders()
        if let order = analysis.order {
            // The order as written, judged by the link text as written.
            assignKeys([:])
            findOutOfOrder(order)
        }
        assignKeys(retitled)
        editEntries(retitled)
        cutRemovedItems()
        addEntries()
        if let order = analysis.order {
            for list in lists { sort(list, order: order) }
        }
    }

    // MARK: - Groups and keys

    /// The folder each list groups: where most of its entries' docs live; else, under a `name/`
    /// label, that folder inside the parent's; else, at the top, the docs folder.
    private func assignFolders() {
        for list in lists {
            var counts: [String: Int] = [:]
            var firstSeen: [String] = []
            for item in list.items {
                guard let outlineItem = item.outlineItem, let entry = analysis.entryByItem[outlineItem],
                    let path = analysis.entries[entry].target.listedPath ?? analysis.renames[entry]
                else { continue }
                let folder = RelativePath.folder(of: path)
                list.folders.insert(folder)
                if counts.index(forKey: folder) == nil { firstSeen.append(folder) }
                counts[folder, default: 0] += 1
            }
            // The folder with the most entries; ties go to the one seen first.
            var bestCount = 0
            for folder in firstSeen where (counts[folder] ?? 0) > bestCount {
                bestCount = counts[folder] ?? 0
                list.folder = folder
            }
        }
        // Parents come before their nested lists in document order, so their folders are known.
        for list in lists where list.folder == nil {
            if let parent = tree.parentItem(of: list), let outlineItem = parent.outlineItem {
                let label = outline.items[outlineItem].label
                guard analysis.entryByItem[outlineItem] == nil, label.hasSuffix("/"),
                    let owner = tree.itemNodes[outlineItem]?.list
                else { continue }
                let base = owner.folder ?? analysis.docsFolder
                let name = String(label.dropLast()).trimmingASCIISpaces()
                list.folder = base.isEmpty ? name : base + "/" + name
            } else if let index = list.outlineList, outline.lists[index].container == .document {
                list.folder = analysis.docsFolder
            }
        }
    }

    /// Sort keys: entries by the path they list (their new title for `order=alpha`), `name/` groups by
    /// their folder.
    private func assignKeys(_ retitled: [Int: String]) {
        for list in lists {
            for item in list.items {
                guard let outlineItem = item.outlineItem else { continue }
                if let index = analysis.entryByItem[outlineItem] {
                    let entry = analysis.entries[index]
                    let path = entry.target.listedPath ?? analysis.renames[index] ?? entry.writtenPath
                    item.sortKey = SortKey(path: path, isFolder: false, text: retitled[index] ?? entry.link.text)
                } else {
                    let label = outline.items[outlineItem].label
                    if label.hasSuffix("/"), let folder = item.childLists.first?.folder {
                        item.sortKey = SortKey(path: folder, isFolder: true, text: label)
                    }
                }
            }
        }
    }

    // MARK: - Existing entries

    private func editEntries(_ retitled: [Int: String]) {
        for (index, entry) in analysis.entries.enumerated() {
            var newDestination: String?
            switch entry.target {
            case .exists:
                break
            case let .caseMismatch(onDisk, path):
                newDestination = destination(entry, to: onDisk, asFolder: onDisk != path)
            case .stale:
                if let to = analysis.renames[index] {
                    newDestination = destination(entry, to: to, asFolder: false)
                } else {
                    suggestClosest(index, entry)
                    remove(entry)
                    continue
                }
            }
            let newText = retitled[index]
            let edits = LinkEdits.edits(for: entry.link, in: bytes, newText: newText, newDestination: newDestination)
            guard !edits.isEmpty else { continue }
            tree.edits += edits
            changed += 1
            changedLines[index] = line(of: entry, with: edits)
        }
    }

    private func destination(_ entry: IndexEntry, to path: String, asFolder: Bool) -> String {
        let written = entry.link.destinationRange.map { String(decoding: bytes[$0], as: UTF8.self) } ?? entry.link.destination
        return LinkEdits.destination(
            to: path, asFolder: asFolder, replacing: written,
            angled: entry.link.form == .inline && entry.link.destinationIsAngled, indexPath: analysis.file.path)
    }

    /// What the stale entry's line would be, pointed at the closest unlisted doc.
    private func suggestClosest(_ index: Int, _ entry: IndexEntry) {
        guard let near = analysis.closest[index] else { return }
        let title = analysis.docs[near]?.title
        let newText = title.flatMap { TitleText.matches(entry.link.text, title: $0, path: near, mode: analysis.titleMode) ? nil : $0 }
        let edits = LinkEdits.edits(
            for: entry.link, in: bytes, newText: newText, newDestination: destination(entry, to: near, asFolder: false))
        if !edits.isEmpty { closestLines[index] = line(of: entry, with: edits) }
    }

    /// Takes a stale entry out: the whole item, or, when it has nested entries (or cannot be cut out),
    /// only its link, keeping the link's text. Items are collected and cut out of their lists at the
    /// end, one pass per list.
    private func remove(_ entry: IndexEntry) {
        let item = outline.items[entry.item]
        let line = analysis.file.fileLine(item.firstLine)
        if case let (node, list)? = tree.itemNodes[entry.item], node.childLists.isEmpty {
            removedNodes.insert(ObjectIdentifier(node))
            listsWithRemovals[ObjectIdentifier(list)] = list
            let range = min(item.byteRange.lowerBound, bytes.count)..<min(item.byteRange.upperBound, bytes.count)
            var text = String(decoding: bytes[range], as: UTF8.self)
            while let last = text.last, last == "\n" || last == "\r\n" || last == "\r" { text.removeLast() }
            removed.append(RemovedEntry(line: line, text: text, unlinked: false))
            return
        }
        guard let range = entry.link.range, let textRange = entry.link.textRange else { return }
        tree.edits.append((range, Array(bytes[textRange])))
        changed += 1
        removed.append(RemovedEntry(line: line, text: String(decoding: bytes[range], as: UTF8.self), unlinked: true))
    }

    private var removedNodes = Set<ObjectIdentifier>()
    private var listsWithRemovals: [ObjectIdentifier: RegionTree.ListNode] = [:]

    /// Cuts the removed items out, each with one blank line next to it, so a loose list keeps single
    /// blank lines between the items that stay.
    private func cutRemovedItems() {
        for list in listsWithRemovals.values {
            var result: [RegionTree.Slot] = []
            var dropNextGap = false
            for slot in list.slots {
                switch slot {
                case .item(let item) where removedNodes.contains(ObjectIdentifier(item)):
                    // The gap before it goes, unless the list starts here; then the gap after it.
                    if case .gap? = result.last {
                        result.removeLast()
                    } else {
                        dropNextGap = true
                    }
                case .gap where dropNextGap:
                    dropNextGap = false
                default:
                    if case .item = slot { dropNextGap = false }
                    result.append(slot)
                }
            }
            list.slots = result
        }
    }

    /// The first line holding the entry's link, with `edits` applied and its indentation dropped.
    private func line(of entry: IndexEntry, with edits: [LinkEdits.Edit]) -> String {
        guard let range = entry.link.range else { return "" }
        let first = tree.line(containing: range.lowerBound)
        let last = tree.line(containing: max(range.lowerBound, range.upperBound - 1))
        let rendered = RegionTree.apply(
            edits.sorted { $0.range.lowerBound < $1.range.lowerBound },
            to: tree.lines(first, last + 1), of: bytes)
        let firstLine = rendered.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: false).first ?? []
        var text = String(decoding: firstLine, as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        return String(text.drop { $0 == " " || $0 == "\t" })
    }

    // MARK: - New docs

    /// A new item waiting for its list. Items are placed once every new doc has its list, one merge
    /// pass per list, so a large index does not pay a scan of its list per new doc.
    private struct PendingItem {
        var key: SortKey
        /// The item's text after marker and space.
        var content: String
        /// The doc it lists, or nil for a `name/` group.
        var doc: String?
        /// The nested list of a new group.
        var child: RegionTree.ListNode?
    }

    private var pending: [ObjectIdentifier: [PendingItem]] = [:]
    /// The first list in document order whose entries mostly live in a folder, and the first holding
    /// any entry of a folder.
    private var listByMajority: [String: RegionTree.ListNode] = [:]
    private var listByFolder: [String: RegionTree.ListNode] = [:]

    private func addEntries() {
        for list in lists {
            if let folder = list.folder, listByMajority.index(forKey: folder) == nil { listByMajority[folder] = list }
            for folder in list.folders where listByFolder.index(forKey: folder) == nil { listByFolder[folder] = list }
        }
        for path in analysis.missing {
            guard let doc = analysis.docs[path] else { continue }
            let text = doc.title ?? RelativePath.name(of: doc.path)
            let link = "[\(TitleText.linkText(text))](\(LinkEdits.destination(to: doc.path, indexPath: analysis.file.path)))"
            let content = link + (doc.description.map { style.separator + $0 } ?? "")
            let list = targetList(for: RelativePath.folder(of: doc.path))
            pending[ObjectIdentifier(list), default: []].append(
                PendingItem(key: SortKey(path: doc.path, isFolder: false, text: text), content: content, doc: doc.path))
        }
        // Parents before the lists nested in them: a new group's marker decides its child's indent.
        for list in lists {
            if let items = pending.removeValue(forKey: ObjectIdentifier(list)) { merge(items, into: list) }
        }
    }

    /// The first list that mostly holds `folder`'s docs; else the first holding any of them; for the
    /// docs folder itself, else the first top-level list; else a new `name/` group in the list of the
    /// parent folder (and, with no list at all, a new list at the end of the region).
    private func targetList(for folder: String) -> RegionTree.ListNode {
        if let list: RegionTree.ListNode = listByMajority[folder] ?? listByFolder[folder] { return list }
        let docsFolder = analysis.docsFolder
        let inside = docsFolder.isEmpty ? !folder.isEmpty : folder.hasPrefix(docsFolder + "/")
        guard inside else {
            let topLevel = tree.top.lazy.compactMap { node -> RegionTree.ListNode? in
                if case .list(let list) = node { list } else { nil }
            }.first
            let list = topLevel ?? newTopLevelList()
            listByMajority[folder] = list
            return list
        }
        let parent = targetList(for: RelativePath.folder(of: folder))
        let name = RelativePath.name(of: folder)
        let child = RegionTree.ListNode(outlineList: nil, isLoose: false, prefix: "", marker: style.bullet, isOrdered: false, spacing: " ")
        child.folder = folder
        listByMajority[folder] = child
        lists.append(child)
        pending[ObjectIdentifier(parent), default: []].append(
            PendingItem(
                key: SortKey(path: folder, isFolder: true, text: name + "/"), content: TitleText.linkText(name) + "/", child: child))
        return child
    }

    private func newTopLevelList() -> RegionTree.ListNode {
        let list = RegionTree.ListNode(outlineList: nil, isLoose: false, prefix: "", marker: style.bullet, isOrdered: false, spacing: " ")
        // Keep the list apart from text before it: a blank line, and a line break if the region's last
        // line has none.
        let rendered = tree.render()
        if let last = rendered.last {
            var separator: [UInt8] = last == 0x0A ? [] : eol
            let lastLine = rendered.dropLast(last == 0x0A ? 1 : 0).split(separator: 0x0A, omittingEmptySubsequences: false).last ?? []
            if !lastLine.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { separator += eol }
            if !separator.isEmpty { tree.top.append(.piece(.inserted(separator))) }
        }
        tree.top.append(.list(list))
        lists.append(list)
        return list
    }

    /// Places new items in one pass: each before the first existing sibling that sorts after it (an
    /// unsorted list keeps its order; new items sorted among themselves), numbered when the list is
    /// ordered, with a blank line between when the list is loose.
    private func merge(_ items: [PendingItem], into list: RegionTree.ListNode) {
        let order = analysis.order
        let sorted = items.enumerated().sorted { a, b in
            if EntryOrder.less(a.element.key, b.element.key, order: order) { return true }
            if EntryOrder.less(b.element.key, a.element.key, order: order) { return false }
            return a.offset < b.offset
        }.map(\.element)
        let blank = RegionTree.Slot.gap(.inserted(eol))
        var result: [RegionTree.Slot] = []
        result.reserveCapacity(list.slots.count + 2 * sorted.count)
        var hasItem = false
        var number = Int(list.marker.dropLast()).map { $0 - 1 } ?? 0
        var next = 0

        func make(_ pending: PendingItem) -> RegionTree.Slot {
            var marker = list.marker
            if list.isOrdered {
                number += 1
                marker = String(number) + String(list.marker.last ?? ".")
            }
            let line = Array((list.prefix + marker + list.spacing + pending.content).utf8)
            let node = RegionTree.ItemNode(outlineItem: nil, head: .inserted(line + eol), prefix: list.prefix, marker: marker, spacing: list.spacing)
            node.sortKey = pending.key
            if let child = pending.child {
                // A nested list must start at the parent's content column (marker and space) and less
                // than four columns past it, or it would be a paragraph or code.
                let width = IndexStyle.width(marker + list.spacing)
                child.prefix = list.prefix + String(repeating: " ", count: min(max(style.indent, width), width + 3))
                node.body = [.list(child)]
            }
            if let doc = pending.doc {
                added += 1
                addedLines[doc] = String(decoding: line.drop { $0 == 0x20 || $0 == 0x09 }, as: UTF8.self)
            }
            return .item(node)
        }

        for slot in list.slots {
            if case .item(let existing) = slot {
                if let key = existing.sortKey {
                    while next < sorted.count, EntryOrder.less(sorted[next].key, key, order: order) {
                        result.append(make(sorted[next]))
                        if list.isLoose { result.append(blank) }
                        next += 1
                    }
                }
                if list.isOrdered, let value = Int(existing.marker.dropLast()) { number = value }
                hasItem = true
            }
            result.append(slot)
        }
        while next < sorted.count {
            if list.isLoose, hasItem { result.append(blank) }
            result.append(make(sorted[next]))
            hasItem = true
            next += 1
        }
        list.slots = result
    }

    // MARK: - Order

    /// In each list of the source, the first sortable item that sorts before the one above it.
    private func findOutOfOrder(_ order: MarkerOptions.Order) {
        for list in lists where list.outlineList != nil {
            var previous: RegionTree.ItemNode?
            for item in list.items {
                guard let key = item.sortKey else { continue }
                if let above = previous, let aboveKey = above.sortKey, EntryOrder.less(key, aboveKey, order: order),
                    let index = item.outlineItem, let aboveIndex = above.outlineItem
                {
                    outOfOrder.append((index, aboveIndex))
                    break
                }
                previous = item
            }
        }
    }

    /// Puts the list's sortable items in order, stably; other items keep their slots.
    private func sort(_ list: RegionTree.ListNode, order: MarkerOptions.Order) {
        let positions = list.slots.indices.filter { if case .item(let item) = list.slots[$0] { item.sortKey != nil } else { false } }
        let items = positions.compactMap { index -> RegionTree.ItemNode? in
            if case .item(let item) = list.slots[index] { item } else { nil }
        }
        let sorted = items.enumerated().sorted { a, b in
            guard let x = a.element.sortKey, let y = b.element.sortKey else { return a.offset < b.offset }
            if EntryOrder.less(x, y, order: order) { return true }
            if EntryOrder.less(y, x, order: order) { return false }
            return a.offset < b.offset
        }.map(\.element)
        for (position, item) in zip(positions, sorted) {
            if case .item(let current) = list.slots[position], current !== item { reordered = true }
            list.slots[position] = .item(item)
        }
    }
}
