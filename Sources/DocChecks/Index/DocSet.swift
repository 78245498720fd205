import ChecksCore
import Foundation
import Markdown

/// One Markdown file the index must list, with what the index needs from it.
struct IndexedDoc: Sendable, Equatable {
    enum TitleSource: Sendable, Equatable {
        /// `title:` in front matter, on this 1-based line.
        case frontMatter(line: Int)
        /// The first H1, on this 1-based line.
        case heading(line: Int)
    }

    /// Root-relative, `/`-separated, spelled as on disk.
    var path: String
    /// White space collapsed; nil when the doc has neither a front matter title nor an H1.
    var title: String?
    var titleSource: TitleSource?
    /// Front matter `description:`, white space collapsed.
    var description: String?
}

/// The docs an index must list: every Markdown file under the docs folder, minus the index and the
/// exclusions, read in parallel.
struct DocSet: Sendable {
    /// Sorted by path.
    var docs: [IndexedDoc]
    /// Path → index into `docs`.
    var byPath: [String: Int]
    /// Files taken out by front matter `index: false` or a first-line `<!-- doc-index: skip -->`.
    var optedOut: Set<String>

    init(docs: [IndexedDoc], optedOut: Set<String> = []) {
        self.docs = docs
        self.optedOut = optedOut
        byPath = Dictionary(docs.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(path: String) -> IndexedDoc? {
        guard let index: Int = byPath[path] else { return nil }
        return docs[index]
    }

    /// Discovers and reads the doc set.
    ///
    /// - Parameters:
    ///   - docsFolder: absolute folder to search.
    ///   - root: absolute repository root (symlink-free); the paths returned are relative to it.
    ///   - index: root-relative path of the index, never a doc of its own.
    /// - Throws: `FileDiscoveryError` or `GitError` when the files cannot be listed,
    ///   `DocIndexError.docUnreadable` (naming the first such file in path order) when one cannot be read.
    static func discover(
        docsFolder: String, root: String, index: String, exclude: [GlobPattern], display: DisplayPaths
    ) throws -> DocSet {
        let listed = try FileDiscovery.files(under: [docsFolder], root: root, extensions: ["md", "markdown"], exclude: exclude)
        let docsRelative = docsFolder == root ? "" : String(docsFolder.dropFirst(root.count + 1))
        let candidates = listed.filter { path in
            guard path != index else { return false }
            // `_`-prefixed files and folders are partials and drafts (the Docusaurus convention); dot
            // folders were already skipped by discovery.
            let below = docsRelative.isEmpty ? Substring(path) : path.dropFirst(docsRelative.count + 1)
            return !below.split(separator: "/").contains { $0.hasPrefix("_") }
        }
        return try read(candidates, root: root, display: display)
    }

    /// Reads `paths` (root-relative) in parallel; results stay in path order.
    static func read(_ paths: [String], root: String, display: DisplayPaths) throws -> DocSet {
        let results = parallelMap(count: paths.count) { index -> Result<IndexedDoc?, DocIndexError> in
            let path = paths[index]
            let bytes: [UInt8]
            do {
                bytes = try RegularFileReader.read(root + "/" + path)
            } catch let error as RegularFileReader.ReadError {
                switch error {
                case .notRegularFile: return .failure(.docUnreadable(file: display.path(for: path), reason: "not a regular file"))
                case .unreadable(_, let reason): return .failure(.docUnreadable(file: display.path(for: path), reason: reason.lowercased()))
                case .tooLarge: return .failure(.docUnreadable(file: display.path(for: path), reason: "too large"))
                }
            } catch {
                return .failure(.docUnreadable(file: display.path(for: path), reason: "\(error)"))
            }
            return .success(summarize(path: path, bytes: bytes))
        }
        var docs: [IndexedDoc] = []
        var optedOut = Set<String>()
        for (index, result) in results.enumerated() {
            switch result {
            case .failure(let error): throw error
            case .success(let doc?): docs.append(doc)
            case .success(nil): optedOut.insert(paths[index])
            }
        }
        return DocSet(docs: docs, optedOut: optedOut)
    }

    /// Title and description of one file; nil when it opts out of the index.
    static func summarize(path: String, bytes: [UInt8]) -> IndexedDoc? {
        let fields = FrontMatterFields.read(bytes)
        if fields.index == false || hasSkipMarker(bytes, frontMatterLines: fields.lineCount) { return nil }
        var doc = IndexedDoc(path: path)
        doc.description = fields.description.map(TitleText.collapsed).flatMap { $0.isEmpty ? nil : $0 }
        if let title = fields.title.map(TitleText.collapsed), !title.isEmpty {
            doc.title = title
            doc.titleSource = .frontMatter(line: fields.titleLine ?? 1)
        } else if let heading = DocumentTitle.firstH1(in: bytes) {
            let title = TitleText.collapsed(heading.text)
            if !title.isEmpty {
                doc.title = title
                doc.titleSource = .heading(line: heading.position.line)
            }
        }
        return doc
    }

    /// `<!-- doc-index: skip -->` (spaces optional) alone on the first line, or on the first line after
    /// front matter, doctoc's `<!-- DOCTOC SKIP -->` for the index.
    static func hasSkipMarker(_ bytes: [UInt8], frontMatterLines: Int) -> Bool {
        var start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        for _ in 0..<frontMatterLines {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else { return false }
            start = newline + 1
        }
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        let line = String(decoding: bytes[start..<end], as: UTF8.self)
        let compact = line.filter { $0 != " " && $0 != "\t" && $0 != "\r" }
        return compact == "<!--doc-index:skip-->"
    }
}
