/// Where an item sorts among its siblings: entries by the path they list, folder groups by their folder.
struct SortKey: Sendable, Equatable {
    /// Root-relative path components.
    var components: [String]
    /// A group (`guide/`), which sorts as its folder; otherwise the last component is a file.
    var isFolder: Bool
    /// Link text (or a group's label), white space collapsed, for `order=alpha`.
    var text: String
    /// `components` and `text` lower-cased once, since a large index compares keys many times.
    let foldedComponents: [String]
    let foldedText: String

    init(path: String, isFolder: Bool, text: String) {
        components = path.split(separator: "/").map(String.init)
        self.isFolder = isFolder
        self.text = TitleText.collapsed(text)
        foldedComponents = components.map { $0.lowercased() }
        foldedText = self.text.lowercased()
    }
}

/// The sibling orders of the index.
enum EntryOrder {
    /// Whether `a` sorts strictly before `b`. With `order=alpha` by text ignoring letter case (ties by
    /// path); otherwise by path, which is also where `--write` puts new docs when the marker names no
    /// order.
    static func less(_ a: SortKey, _ b: SortKey, order: MarkerOptions.Order?) -> Bool {
        if order == .alpha {
            let x = a.foldedText
            let y = b.foldedText
            if x != y { return x < y }
            if a.text != b.text { return a.text < b.text }
        }
        return pathLess(a, b)
    }

    /// Folder order: component by component, a folder's README.md or index.md first, then its files,
    /// then its subfolders, names compared ignoring letter case (then exactly, so the order is total).
    static func pathLess(_ a: SortKey, _ b: SortKey) -> Bool {
        let count = min(a.components.count, b.components.count)
        for i in 0..<count {
            let x = a.components[i]
            let y = b.components[i]
            let xIsFile = !a.isFolder && i == a.components.count - 1
            let yIsFile = !b.isFolder && i == b.components.count - 1
            if x == y && xIsFile == yIsFile { continue }
            if xIsFile != yIsFile { return xIsFile }
            let xl = a.foldedComponents[i]
            let yl = b.foldedComponents[i]
            if xIsFile {
                let xFirst = isFolderIndex(xl)
                let yFirst = isFolderIndex(yl)
                if xFirst != yFirst { return xFirst }
            }
            return xl != yl ? xl < yl : x < y
        }
        // A folder sorts before what lies inside it.
        return a.components.count < b.components.count
    }

    /// `lower`: a lower-cased file name.
    static func isFolderIndex(_ lower: String) -> Bool {
        lower == "readme.md" || lower == "index.md" || lower == "readme.markdown" || lower == "index.markdown"
    }
}
