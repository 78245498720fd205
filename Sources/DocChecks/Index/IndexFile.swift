import ChecksCore
import Markdown

/// The index file as read: its bytes, the region the tool owns, and that region's lists.
struct IndexFile: Sendable {
    let bytes: [UInt8]
    let region: IndexRegion
    /// The region's bytes; every offset and line in `outline` is relative to them.
    let regionBytes: [UInt8]
    let outline: ListOutline
    /// Root-relative path of the index.
    let path: String
    /// The index as findings name it (relative to the working directory).
    let displayPath: String
    /// `\r\n` when the file's first line ends so, else `\n`: new lines follow the file.
    let lineEnding: String

    /// - Throws: `DocIndexError` for a marker problem.
    init(bytes: [UInt8], path: String, displayPath: String) throws {
        self.bytes = bytes
        self.path = path
        self.displayPath = displayPath
        region = try IndexMarkers.region(in: bytes, file: displayPath)
        regionBytes = Array(bytes[region.range])
        if region.hasMarkers {
            // A marked region is parsed on its own (its lines and offsets are the region's), followed by
            // the rest of the file, because an entry may be a reference link (`[Guide][g]`) whose
            // definition sits below the end marker. A blank line and an HTML comment end any open
            // block first; what the rest of the file adds to the outline is cut off again.
            let separator = Array("\n\n<!-- doc-index: the rest of the file -->\n\n".utf8)
            let outside = Array(bytes[..<region.range.lowerBound]) + Array(bytes[region.range.upperBound...])
            let parsed = ListOutline.parse(regionBytes + separator + outside, frontMatter: false)
            outline = IndexFile.cut(parsed, toBytes: regionBytes.count)
        } else {
            // Without markers the region is the whole file, front matter and all.
            outline = ListOutline.parse(regionBytes, frontMatter: true)
        }
        if let newline = bytes.firstIndex(of: 0x0A), newline > 0, bytes[newline - 1] == 0x0D {
            lineEnding = "\r\n"
        } else {
            lineEnding = "\n"
        }
    }

    /// The outline of the region's first `count` bytes: lists and items that start there (they come
    /// first, in document order, and cannot reach past the separator), and the region's line table.
    private static func cut(_ outline: ListOutline, toBytes count: Int) -> ListOutline {
        var result = outline
        let lineStarts = outline.lineStarts.prefix { $0 <= count }
        result.lineStarts = Array(lineStarts)
        result.lineCount = max(0, lineStarts.last == count ? lineStarts.count - 1 : lineStarts.count)
        let lines = result.lineCount
        result.items = Array(outline.items.prefix { $0.firstLine <= lines })
        result.lists = Array(outline.lists.prefix { $0.firstLine <= lines })
        for index in result.lists.indices {
            result.lists[index].items = result.lists[index].items.filter { $0 < result.items.count }
        }
        for index in result.items.indices {
            result.items[index].childLists = result.items[index].childLists.filter { $0 < result.lists.count }
        }
        return result
    }

    /// The file's 1-based line for a 1-based line of the region.
    func fileLine(_ regionLine: Int) -> Int { regionLine + region.lineOffset }

    /// Where a missing entry is reported: the end marker's line, or the file's last line.
    var endLine: Int {
        if let end = region.endMarkerLine { return end }
        return max(1, outline.lineCount)
    }

    /// The region's bytes for `lines` (1-based, inclusive), line breaks included.
    func offset(ofRegionLine line: Int) -> Int {
        line - 1 < outline.lineStarts.count ? outline.lineStarts[line - 1] : regionBytes.count
    }

    /// `bytes` with the region replaced.
    func replacingRegion(with region: [UInt8]) -> [UInt8] {
        Array(bytes[..<self.region.range.lowerBound]) + region + Array(bytes[self.region.range.upperBound...])
    }
}

/// What an entry's link points at.
enum EntryTarget: Sendable, Equatable {
    /// An existing file; a folder link stands for its README.md or index.md, whose path this is.
    case exists(path: String)
    /// The target exists only with other letter case. `onDisk` is the link's path as it should be
    /// spelled (a folder for a folder link) and `path` the file it lists.
    case caseMismatch(onDisk: String, path: String)
    case stale(StaleReason)

    /// The file the entry lists, if any.
    var listedPath: String? {
        switch self {
        case .exists(let path), .caseMismatch(_, let path): path
        case .stale: nil
        }
    }
}

enum StaleReason: Sendable, Equatable {
    case missing
    /// A folder link whose folder has neither README.md nor index.md.
    case folderWithoutIndex
    case outsideRoot
}

/// An entry: the first link of a list item, when it points into the repository.
struct IndexEntry: Sendable {
    /// Index into the outline's items.
    var item: Int
    var link: OutlineLink
    /// The link's position in the file (1-based line, column in characters).
    var line: Int
    var column: Int
    /// The link's path, resolved against the index's folder and normalised, root-relative.
    var writtenPath: String
    /// The link was to a folder (`guide/`), standing for its README.
    var isFolderLink: Bool
    var hasFragment: Bool
    var target: EntryTarget
}

/// Resolves entry links against the file system, with the same rules as `check-doc-refs`: targets
/// relative to the index, `/x` against the root, directory listings (never `stat`) for letter case.
struct EntryResolver {
    let lookup: PathLookup
    /// Root-relative path of the index.
    let indexPath: String

    /// The entries of `file`, in document order.
    func entries(of file: IndexFile, docs: DocSet) -> [IndexEntry] {
        file.outline.items.indices.compactMap { index in
            guard let link = file.outline.items[index].link else { return nil }
            return entry(item: index, link: link, file: file, docs: docs)
        }
    }

    /// - Parameter docs: files known to exist, spelled as on disk: a target among them needs no
    ///   directory listing, which is most entries of a large index.
    func entry(item: Int, link: OutlineLink, file: IndexFile, docs: DocSet) -> IndexEntry? {
        let written: String
        let fragment: Bool
        var target: EntryTarget
        var isFolder = false
        switch LinkTarget.parse(link.destination, sourcePath: indexPath, repository: nil) {
        case .external, .empty, .sameFile:
            return nil
        case .escapesRoot(let resolved):
            written = resolved
            fragment = false
            target = .stale(.outsideRoot)
        case let .local(path, linkFragment, _):
            written = path
            fragment = linkFragment.map { !$0.isEmpty } ?? false
            if docs.byPath.index(forKey: path) != nil {
                target = .exists(path: path)
                break
            }
            switch lookup.lookup(path) {
            case .exists(.file):
                target = .exists(path: path)
            case .exists(.directory):
                isFolder = true
                target = readme(in: path).map { .exists(path: $0) } ?? .stale(.folderWithoutIndex)
            case let .caseMismatch(onDisk, kind):
                isFolder = kind == .directory
                if isFolder {
                    target = readme(in: onDisk).map { .caseMismatch(onDisk: onDisk, path: $0) } ?? .stale(.folderWithoutIndex)
                } else {
                    target = .caseMismatch(onDisk: onDisk, path: onDisk)
                }
            case .missing:
                target = .stale(.missing)
            case .outsideRoot:
                target = .stale(.outsideRoot)
            }
        }
        let position = link.position
        return IndexEntry(
            item: item, link: link, line: file.fileLine(position.line), column: position.column,
            writtenPath: written, isFolderLink: isFolder || link.destination.hasSuffix("/"), hasFragment: fragment,
            target: target)
    }

    /// A folder's README.md (GitHub shows it under the listing), else its index.md.
    func readme(in folder: String) -> String? {
        let names = Set(lookup.names(in: folder))
        for candidate in ["README.md", "readme.md", "Readme.md", "index.md", "README.markdown"] where names.contains(candidate) {
            return folder.isEmpty ? candidate : folder + "/" + candidate
        }
        return nil
    }
}
