import ChecksCore
import Foundation
import Markdown

/// The anchors of every Markdown file a link may point at: the files being checked (parsed up front,
/// in parallel) and, on demand, files outside the checked paths but inside the root.
public final class MarkdownCatalog: @unchecked Sendable {
    /// What a link into a Markdown file needs to know about it.
    public struct Anchors: Sendable {
        public var exact: Set<String>
        public var lineCount: Int

        public init(_ document: MarkdownDocument) {
            exact = document.anchors
            lineCount = document.lineCount
        }

        /// The anchor that equals `fragment` when letter case is ignored (for `anchor-case`). Only asked
        /// after an exact miss, so it is not worth an index built for every file.
        public func matchIgnoringCase(_ fragment: String) -> String? {
            let lower = fragment.lowercased()
            return exact.filter { $0.lowercased() == lower }.min()
        }
    }

    private let root: String
    private let lock = NSLock()
    private var anchorsByPath: [String: Anchors?] = [:]

    public init(root: String) {
        self.root = root
    }

    public func add(_ document: MarkdownDocument, path: String) {
        add([(path, Anchors(document))])
    }

    /// Adds many files under one lock (their anchors were built in parallel).
    public func add(_ entries: [(String, Anchors)]) {
        lock.lock()
        anchorsByPath.reserveCapacity(anchorsByPath.count + entries.count)
        for (path, anchors) in entries { anchorsByPath[path] = anchors }
        lock.unlock()
    }

    /// Anchors of the Markdown file at a root-relative path, parsing it once if it was not checked.
    /// Nil when it cannot be read (not a regular file, or over `MarkdownDocument.maxFileBytes`).
    public func anchors(of path: String) -> Anchors? {
        lock.lock()
        if let known = anchorsByPath[path] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let parsed = (try? RegularFileReader.read(root + "/" + path, maxBytes: MarkdownDocument.maxFileBytes))
            .map { Anchors(MarkdownDocument.parse($0)) }
        lock.lock()
        anchorsByPath[path] = parsed
        lock.unlock()
        return parsed
    }
}

/// Line counts of files that links point into with `#L10`-style fragments, read once each.
public final class LineCountCache: @unchecked Sendable {
    private let root: String
    private let lock = NSLock()
    private var counts: [String: Int?] = [:]

    public init(root: String) {
        self.root = root
    }

    public func lineCount(of path: String) -> Int? {
        lock.lock()
        if let known = counts[path] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let count = try? RegularFileReader.countLines(root + "/" + path)
        lock.lock()
        counts[path] = count
        lock.unlock()
        return count
    }
}
