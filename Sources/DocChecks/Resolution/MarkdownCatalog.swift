import ChecksCore
import Foundation
import Markdown

/// The anchors of every Markdown file a link may point at: the files being checked (parsed up front,
/// in parallel) and, on demand, files outside the checked paths but inside the root.
public final class MarkdownCatalog: @unchecked Sendable {
    /// What a link into a Markdown file needs to know about it.
    public struct Anchors: Sendable {
        public var exact: Set<String>
        /// Lower-cased anchor → the anchor as GitHub spells it, for `anchor-case`.
        public var byLowercase: [String: String]
        public var lineCount: Int

        init(_ document: MarkdownDocument) {
            exact = document.anchors
            var lower: [String: String] = [:]
            for anchor in exact.sorted() where lower[anchor.lowercased()] == nil { lower[anchor.lowercased()] = anchor }
            byLowercase = lower
            lineCount = document.lineCount
        }
    }

    private let root: String
    private let lock = NSLock()
    private var anchorsByPath: [String: Anchors?] = [:]

    public init(root: String) {
        self.root = root
    }

    public func add(_ document: MarkdownDocument, path: String) {
        let anchors = Anchors(document)
        lock.lock()
        anchorsByPath[path] = anchors
        lock.unlock()
    }

    /// Anchors of the Markdown file at a root-relative path, parsing it once if it was not checked.
    /// Nil when it cannot be read (not a regular file).
    public func anchors(of path: String) -> Anchors? {
        lock.lock()
        if let known = anchorsByPath[path] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let parsed = (try? RegularFileReader.read(root + "/" + path)).map { Anchors(MarkdownDocument.parse($0)) }
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
        let count = (try? RegularFileReader.read(root + "/" + path)).map(LineCountCache.count)
        lock.lock()
        counts[path] = count
        lock.unlock()
        return count
    }

    /// Lines as GitHub numbers them: a final line without a newline still counts.
    static func count(_ bytes: [UInt8]) -> Int {
        guard !bytes.isEmpty else { return 0 }
        var lines = 0
        for b in bytes where b == 0x0A { lines += 1 }
        return bytes.last == 0x0A ? lines : lines + 1
    }
}
