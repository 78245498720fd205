/// Options written in the start marker, mdformat-toc style (`<!-- doc-index:start order=folder -->`),
/// so a bare check is reproducible without a configuration file.
public struct MarkerOptions: Sendable, Equatable {
    /// `order=`: the sibling order the index promises, checked by the `order` rule and kept by `--write`.
    public enum Order: String, Sendable, CaseIterable {
        /// By link text, ignoring letter case.
        case alpha
        /// By path: a folder's README.md or index.md first, then its files, then its subfolders, each
        /// by name ignoring letter case.
        case folder
    }

    public var order: Order?
    /// `titles=`: how link text is compared; the command line and the configuration file win.
    public var titles: DocIndexOptions.TitleMode?

    public init(order: Order? = nil, titles: DocIndexOptions.TitleMode? = nil) {
        self.order = order
        self.titles = titles
    }
}

/// The part of the index file the tool owns.
struct IndexRegion: Sendable, Equatable {
    /// Bytes of the file between the marker lines (from the start of the line after the start marker
    /// to the start of the end marker's line); the whole file when there are no markers.
    var range: Range<Int>
    /// Added to a 1-based line of the region to get the file's line.
    var lineOffset: Int
    /// 1-based file lines of the markers; nil without markers.
    var startMarkerLine: Int?
    var endMarkerLine: Int?
    var options: MarkerOptions

    var hasMarkers: Bool { startMarkerLine != nil }
}

/// Finds the `<!-- doc-index:start -->` … `<!-- doc-index:end -->` region, doctoc style: anywhere in
/// the file, each marker alone on its line (surrounding white space allowed), never inside a fenced
/// code block (so a page can show the markers in an example).
enum IndexMarkers {
    static let start = "<!-- doc-index:start -->"
    static let end = "<!-- doc-index:end -->"
    static let knownOptions = ["order", "titles"]

    enum Marker: Equatable {
        case start(options: String)
        case end
    }

    /// - Throws: `DocIndexError` for a second start marker, an unclosed start marker, an end marker
    ///   without a start, and an unknown or invalid option (each naming `file` and the line).
    static func region(in bytes: [UInt8], file: String) throws -> IndexRegion {
        var startLine: Int?
        var startOptions = ""
        var regionStart = 0
        var found: (range: Range<Int>, startLine: Int, endLine: Int, options: String)?
        var fence: (byte: UInt8, length: Int)?
        var line = 0
        var lineStart = 0
        while lineStart < bytes.count {
            line += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = min(lineEnd + 1, bytes.count)
            defer { lineStart = next }
            var content = lineEnd
            if content > lineStart, bytes[content - 1] == 0x0D { content -= 1 }
            let text = bytes[lineStart..<content]
            if let open = fence {
                if closesFence(text, open) { fence = nil }
                continue
            }
            if let opened = opensFence(text) {
                fence = opened
                continue
            }
            switch marker(text) {
            case .start(let options):
                if let first = startLine ?? found?.startLine {
                    throw DocIndexError.secondStartMarker(file: file, line: line, first: first)
                }
                startLine = line
                startOptions = options
                regionStart = next
            case .end:
                guard let opened = startLine else { throw DocIndexError.endWithoutStart(file: file, line: line) }
                found = (regionStart..<lineStart, opened, line, startOptions)
                startLine = nil
            case nil:
                break
            }
        }
        if let opened = startLine { throw DocIndexError.unclosedMarker(file: file, line: opened) }
        guard let found else {
            return IndexRegion(range: 0..<bytes.count, lineOffset: 0, options: MarkerOptions())
        }
        return IndexRegion(
            range: found.range, lineOffset: found.startLine, startMarkerLine: found.startLine,
            endMarkerLine: found.endLine, options: try options(found.options, file: file, line: found.startLine))
    }

    /// The marker a line holds, if any: `<!--`, optional space, `doc-index:start` with options or
    /// `doc-index:end`, optional space, `-->`.
    static func marker(_ line: ArraySlice<UInt8>) -> Marker? {
        var text = Substring(String(decoding: line, as: UTF8.self))
        // A byte order mark may precede a marker on the first line.
        text = text.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        guard text.hasPrefix("<!--"), text.hasSuffix("-->"), text.count >= 7 else { return nil }
        var inner = text.dropFirst(4).dropLast(3)
        inner = inner.drop { $0 == " " || $0 == "\t" }
        while let last = inner.last, last == " " || last == "\t" { inner = inner.dropLast() }
        if inner == "doc-index:end" { return .end }
        let keyword = "doc-index:start"
        guard inner.hasPrefix(keyword) else { return nil }
        let rest = inner.dropFirst(keyword.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        return .start(options: String(rest))
    }

    static func options(_ text: String, file: String, line: Int) throws -> MarkerOptions {
        var options = MarkerOptions()
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let parts = token.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0])
            guard parts.count == 2, knownOptions.contains(key) else {
                throw DocIndexError.unknownMarkerOption(file: file, line: line, option: String(token), known: knownOptions)
            }
            let value = String(parts[1])
            switch key {
            case "order":
                guard let order = MarkerOptions.Order(rawValue: value) else {
                    throw DocIndexError.invalidMarkerOption(
                        file: file, line: line, key: key, value: value, allowed: MarkerOptions.Order.allCases.map(\.rawValue))
                }
                options.order = order
            default:
                guard let titles = DocIndexOptions.TitleMode(rawValue: value) else {
                    throw DocIndexError.invalidMarkerOption(
                        file: file, line: line, key: key, value: value,
                        allowed: DocIndexOptions.TitleMode.allCases.map(\.rawValue))
                }
                options.titles = titles
            }
        }
        return options
    }

    /// A fence opener: up to three spaces, then three or more backticks or tildes (CommonMark §4.5).
    private static func opensFence(_ text: ArraySlice<UInt8>) -> (byte: UInt8, length: Int)? {
        var i = text.startIndex
        var spaces = 0
        while i < text.endIndex, text[i] == 0x20, spaces < 3 { i += 1; spaces += 1 }
        guard i < text.endIndex, text[i] == 0x60 || text[i] == 0x7E else { return nil }
        let byte = text[i]
        var length = 0
        while i < text.endIndex, text[i] == byte { i += 1; length += 1 }
        guard length >= 3 else { return nil }
        // A backtick fence's info string may not contain a backtick.
        if byte == 0x60, text[i...].contains(0x60) { return nil }
        return (byte, length)
    }

    private static func closesFence(_ text: ArraySlice<UInt8>, _ open: (byte: UInt8, length: Int)) -> Bool {
        var i = text.startIndex
        var spaces = 0
        while i < text.endIndex, text[i] == 0x20, spaces < 3 { i += 1; spaces += 1 }
        var length = 0
        while i < text.endIndex, text[i] == open.byte { i += 1; length += 1 }
        guard length >= open.length else { return false }
        return text[i...].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
