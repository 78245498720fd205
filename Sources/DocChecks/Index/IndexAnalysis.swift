import ChecksCore

/// The index held against the doc set: which docs are listed, by which entries, and what is wrong.
/// Pure data; the rules turn it into findings and `IndexRewrite` into a new region.
struct IndexAnalysis: Sendable {
    let file: IndexFile
    let docs: DocSet
    let entries: [IndexEntry]
    /// Outline item → index into `entries`.
    let entryByItem: [Int: Int]
    let titleMode: DocIndexOptions.TitleMode
    let order: MarkerOptions.Order?
    /// Root-relative folder of the doc set ("" for the root).
    let docsFolder: String
    /// Doc path → the entries listing it, in document order. An entry lists a doc when it points at it,
    /// at it with other letter case, or at the old path of a rename git detected.
    let listings: [String: [Int]]
    /// Docs of the set no entry lists, sorted by path.
    let missing: [String]
    /// Stale entry → the path git says its target moved to.
    let renames: [Int: String]
    /// Stale entry without a rename → the closest unlisted doc.
    let closest: [Int: String]
    /// Names in the index's folder that collide with `index.md` ignoring case, when there are two or more.
    let indexNameCollisions: [String]
    let display: DisplayPaths
    /// Entry → the doc's title, for entries whose link text disagrees with it.
    let titleMismatches: [Int: String]

    /// - Parameter renames: git's renames (from → to, root-relative); asked only when an entry is stale.
    init(
        file: IndexFile, docs: DocSet, resolver: EntryResolver, titles: DocIndexOptions.TitleMode?,
        configuredTitles: DocIndexOptions.TitleMode? = nil, docsFolder: String, display: DisplayPaths,
        renames: () -> [String: String]
    ) {
        self.file = file
        self.docs = docs
        self.docsFolder = docsFolder
        self.display = display
        // Command line > start marker > configuration file > exact: the more specific place wins.
        titleMode = titles ?? file.region.options.titles ?? configuredTitles ?? .exact
        order = file.region.options.order
        entries = resolver.entries(of: file, docs: docs)
        entryByItem = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.item, $0) })

        // String-keyed dictionaries are read with typed bindings and `index(forKey:)` throughout: TOMLKit,
        // loaded with ChecksCore, adds `subscript(key: String) -> TOMLValue?` to them, which the type
        // checker may otherwise pick.
        var listings: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            if let path = entry.target.listedPath { listings[path, default: []].append(index) }
        }
        // A rename counts as listing its new path, unless another entry already lists that path: then
        // rewriting the old entry would only make a duplicate, so it stays stale.
        var renamed: [Int: String] = [:]
        if entries.contains(where: { if case .stale = $0.target { true } else { false } }) {
            let moves = renames()
            for (index, entry) in entries.enumerated() {
                guard case .stale(.missing) = entry.target, let to: String = moves[entry.writtenPath], listings.index(forKey: to) == nil,
                    case .exists(.file) = resolver.lookup.lookup(to)
                else { continue }
                renamed[index] = to
                listings[to, default: []].append(index)
            }
        }
        self.renames = renamed
        self.listings = listings
        let missing = docs.docs.map(\.path).filter { listings.index(forKey: $0) == nil }
        self.missing = missing

        var closest: [Int: String] = [:]
        if entries.contains(where: { if case .stale = $0.target { true } else { false } }), !missing.isEmpty {
            let candidates = ClosestDoc(missing)
            for (index, entry) in entries.enumerated() where renamed[index] == nil {
                guard case .stale = entry.target, let near = candidates.closest(to: entry.writtenPath) else { continue }
                closest[index] = near
            }
        }
        self.closest = closest

        var mismatches: [Int: String] = [:]
        for index in entries.indices {
            let entry = entries[index]
            guard !entry.hasFragment, let path = entry.target.listedPath ?? renamed[index],
                let doc = docs[path], let title = doc.title
            else { continue }
            if !TitleText.matches(entry.link.text, title: title, path: doc.path, mode: titleMode) { mismatches[index] = title }
        }
        titleMismatches = mismatches

        let folder = RelativePath.folder(of: file.path)
        let collisions = resolver.lookup.names(in: folder).filter { $0.lowercased() == "index.md" }.sorted()
        indexNameCollisions = collisions.count >= 2 ? collisions : []
    }

    /// The unlisted doc a stale path most likely meant: the only one anywhere with the same file name
    /// (the file moved), else the nearest name in the same folder (a typo). Both are lookups in maps
    /// built once, so an index whose every entry went stale stays fast.
    struct ClosestDoc {
        private var byName: [String: [String]] = [:]
        private var byFolder: [String: [String]] = [:]

        init(_ candidates: [String]) {
            for path in candidates {
                byName[RelativePath.name(of: path).lowercased(), default: []].append(path)
                byFolder[RelativePath.folder(of: path), default: []].append(RelativePath.name(of: path))
            }
        }

        func closest(to path: String) -> String? {
            let name = RelativePath.name(of: path)
            if let sameName: [String] = byName[name.lowercased()], sameName.count == 1 { return sameName.first }
            let folder = RelativePath.folder(of: path)
            guard let names: [String] = byFolder[folder], let near = NearestMatch.best(for: name, among: names) else { return nil }
            return folder.isEmpty ? near : folder + "/" + near
        }
    }

    /// The doc an entry lists (after a detected rename), if it is in the doc set.
    func doc(for entryIndex: Int) -> IndexedDoc? {
        guard let path = entries[entryIndex].target.listedPath ?? renames[entryIndex] else { return nil }
        return docs[path]
    }

    /// Whether the entry's link text disagrees with its doc's title under the title mode. Entries with a
    /// `#fragment` point at a section, whose name the link text may rightly be.
    func titleMismatch(_ entryIndex: Int) -> String? {
        titleMismatches[entryIndex]
    }

    /// Whether any finding needs the rewrite (for its suggestion or the order check); a clean index
    /// in check mode skips computing it.
    var needsRewrite: Bool {
        if order != nil || !missing.isEmpty || !titleMismatches.isEmpty { return true }
        return entries.contains { if case .exists = $0.target { false } else { true } }
    }

    /// The path shown for a root-relative path.
    func displayPath(_ rootRelative: String) -> String {
        display.path(for: rootRelative)
    }
}
