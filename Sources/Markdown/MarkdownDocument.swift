import ChecksCore

/// A place in a Markdown source: 1-based line, 1-based column counted in Unicode scalars.
public struct SourcePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// A link, image or raw-HTML `href`/`src` as it appears in the source.
public struct MarkdownLink: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// `[text](dest)`, `[text][label]`, `[label][]`, `[label]`.
        case link
        /// `![alt](src)` and its reference forms.
        case image
        /// `<https://…>`.
        case autolink
        /// `href=` or `src=` inside raw HTML.
        case html
    }

    public var kind: Kind
    /// The destination after CommonMark's unescaping and entity decoding; percent-encoding is kept.
    public var destination: String
    /// Where the link starts: its `[`, `!`, `<`, or the attribute value.
    public var position: SourcePosition
}

/// A heading and the anchor GitHub gives it.
public struct MarkdownHeading: Sendable, Hashable {
    public var level: Int
    /// The rendered text content, the input of the slugger.
    public var text: String
    public var anchor: String
    public var position: SourcePosition
}

/// An `id=` on any HTML element, or `name=` on an `<a>`.
public struct ExplicitAnchor: Sendable, Hashable {
    public var name: String
    public var position: SourcePosition
}

/// `[label]: destination` (CommonMark link reference definition).
public struct ReferenceDefinition: Sendable, Hashable {
    /// The label as written, for messages.
    public var label: String
    /// The matching key: case-folded, whitespace collapsed (CommonMark §4.7).
    public var key: String
    public var destination: String
    public var position: SourcePosition
}

/// A full `[text][label]` or collapsed `[label][]` reference, or a shortcut `[label]`.
public struct ReferenceUse: Sendable, Hashable {
    public enum Form: String, Sendable { case full, collapsed, shortcut }
    public var form: Form
    public var label: String
    public var key: String
    public var position: SourcePosition
    /// Written right after a word character (`m[0][1]`): prose indexing rather than a link.
    public var followsWord: Bool = false
}

/// What the checks need from one Markdown file, copied out of cmark's tree.
public struct MarkdownDocument: Sendable {
    public var links: [MarkdownLink] = []
    public var headings: [MarkdownHeading] = []
    public var explicitAnchors: [ExplicitAnchor] = []
    public var definitions: [ReferenceDefinition] = []
    /// Full, collapsed and shortcut references found outside code. Shortcuts with no definition are
    /// plain text in CommonMark, so only full and collapsed ones can be undefined.
    public var referenceUses: [ReferenceUse] = []
    /// Line ranges where `autogit-checks-disable` (or markdown-link-check's disable comments) apply.
    public var suppressedLines: [ClosedRange<Int>] = []
    public var lineCount: Int = 0

    public init() {}

    /// Every fragment that lands somewhere in this file: heading anchors and explicit anchors.
    public var anchors: Set<String> {
        var set = Set(headings.map(\.anchor))
        for anchor in explicitAnchors { set.insert(anchor.name) }
        return set
    }

    public func isSuppressed(line: Int) -> Bool {
        suppressedLines.contains { $0.contains(line) }
    }

    /// The largest Markdown file the checks parse (16 MiB): bigger ones are refused by size.
    ///
    /// cmark builds the whole tree before the first node can be read, and a tree takes 20 to 27
    /// times the size of dense documentation (links, emphasis, lists on most lines): 50 MB of it made
    /// a 1.3 GB tree, in cmark's own command-line tool too. Documentation files are kilobytes; a
    /// generated dump of many MB in a docs tree is better excluded than parsed. Two files at the
    /// limit parsed at once (one per core on a small CI machine) stay under about 1 GB.
    public static let maxFileBytes = 16 << 20

    /// Parses UTF-8 Markdown (invalid bytes are tolerated, a BOM is skipped, front matter is ignored).
    public static func parse(_ bytes: [UInt8]) -> MarkdownDocument {
        bytes.withUnsafeBufferPointer { MarkdownExtractor.extract($0) }
    }

    public static func parse(_ text: String) -> MarkdownDocument {
        parse(Array(text.utf8))
    }
}

extension ReferenceDefinition {
    /// CommonMark label matching: Unicode case fold (approximated by lower-casing), leading and trailing
    /// whitespace stripped, inner runs of whitespace collapsed to one space.
    public static func key(for label: String) -> String {
        // The common case, a short ASCII label with single spaces, needs only lower-casing.
        let utf8 = label.utf8
        var previous: UInt8 = 0x20
        var simple = utf8.last != 0x20
        for byte in utf8 where simple {
            simple = byte < 0x80 && byte != 0x09 && byte != 0x0A && byte != 0x0D && !(byte == 0x20 && previous == 0x20)
            previous = byte
        }
        if simple {
            return String(unsafeUninitializedCapacity: utf8.count) { buffer in
                var count = 0
                for byte in utf8 {
                    buffer[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    count += 1
                }
                return count
            }
        }
        var out = ""
        var pendingSpace = false
        for scalar in label.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out.lowercased()
    }
}
