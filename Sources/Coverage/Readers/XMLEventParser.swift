import CLibXML2
import Foundation

/// What a report reader does with a document's elements, in document order.
///
/// The reader is a value driven by `XMLEventParser`: its state lives in memory the parser owns and
/// is reached through a typed pointer, so the million calls of a large report pay no reference
/// counting, no existential box and no exclusivity checks.
protocol XMLElementHandler {
    /// Called once, before the first element, to intern the names the handler compares against.
    mutating func prepare(_ names: XMLNameTable)
    /// An element's start tag. Return true to receive the element's text in `end`.
    mutating func start(_ element: XMLElement) throws -> Bool
    /// An element's end tag (an empty element `<a/>` gets both calls). `text` is the character data
    /// inside the element when `start` asked for it, nil otherwise.
    mutating func end(_ name: UnsafePointer<xmlChar>, text: String?) throws
    /// The report, once the whole document has been read.
    mutating func finish() throws -> ParsedReport
}

/// Interns element and attribute names in the parser's dictionary.
struct XMLNameTable {
    fileprivate let dictionary: xmlDictPtr?

    /// The dictionary's copy of `name`: element and attribute names the parser reports come from the
    /// same dictionary, so equal names are equal pointers. nil only if libxml2 is out of memory.
    func intern(_ name: String) -> UnsafePointer<xmlChar>? {
        guard let dictionary else { return nil }
        return xmlDictLookup(dictionary, name, -1)
    }
}

/// One start tag: its local name and attributes, valid only during `XMLElementHandler.start`.
struct XMLElement {
    let name: UnsafePointer<xmlChar>
    /// libxml2's SAX2 layout: five pointers per attribute (local name, prefix, URI, value start,
    /// value end); values are not NUL-terminated.
    fileprivate let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    fileprivate let attributeCount: Int
    fileprivate let context: xmlParserCtxtPtr

    /// 1-based line of the end of the start tag; computed only for messages.
    var line: Int { max(1, Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer(context)))) }

    /// Calls `body` with each attribute's local name and value bytes (already unescaped).
    @inline(__always)
    func forEachAttribute(_ body: (UnsafePointer<xmlChar>, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard let attributes else { return }
        for index in 0..<attributeCount {
            let base = attributes + index * 5
            guard let name = base[0], let start = base[3], let end = base[4] else { continue }
            try body(name, UnsafeBufferPointer(start: start, count: end - start))
        }
    }
}

/// Whether `name` is the interned `interned`, or spells `literal` when interning gave nothing.
@inline(__always)
func xmlNameIs(_ name: UnsafePointer<xmlChar>, _ interned: UnsafePointer<xmlChar>?, _ literal: StaticString) -> Bool {
    if let interned { return name == interned }
    return strcmp(
        UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self),
        UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
}

/// A value's bytes as a Swift string (invalid UTF-8 repaired), for paths and messages.
func xmlString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self)
}

/// Streams a report through libxml2's SAX2 push parser, the layer `xmlTextReader` and
/// `xmllint --stream` are built on, without the reader's per-node tree: a 40 MB report parses in
/// about half the instructions `xmllint --stream` takes, with memory flat in the size of the file.
///
/// Security (parser.h, SAX2.h): `XML_PARSE_NONET`; never `NOENT`, `DTDLOAD`, `DTDATTR` or `RECOVER`.
/// The handler table has no internal- or external-subset callbacks, so no DTD is ever loaded or
/// built; an entity declaration or a reference to an entity that is not one of XML's five predefined
/// ones stops the parse (`XMLEntityGuard` refuses declarations earlier, before a byte is parsed).
/// libxml2's own limits stay on: 256 levels of nesting, 10 MB per text node.
enum XMLEventParser {
    /// Bytes handed to libxml2 per call: large enough that the call overhead vanishes, small enough
    /// to stay in cache.
    static let chunkSize = 1 << 16

    /// Parses the document from `descriptor` (positioned at its start; not closed here).
    /// - Throws: `CoverageReadError` for malformed or truncated XML, a refused entity, a read error,
    ///   or whatever the handler throws.
    static func parse<Handler: XMLElementHandler>(descriptor: Int32, path: String, handler: Handler) throws -> ParsedReport {
        let reader = UnsafeMutablePointer<Handler>.allocate(capacity: 1)
        reader.initialize(to: handler)
        defer {
            reader.deinitialize(count: 1)
            reader.deallocate()
        }
        // The C callbacks cannot be generic; these closures carry the handler's type to them.
        let events = ParseState.Events(
            start: { try reader.pointee.start($0) },
            end: { try reader.pointee.end($0, text: $1) })
        let state = UnsafeMutablePointer<ParseState>.allocate(capacity: 1)
        state.initialize(to: ParseState(events: events, path: path))
        defer {
            state.deinitialize(count: 1)
            state.deallocate()
        }

        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { context, name, _, _, _, _, count, _, attributes in
            guard let context, let name else { return }
            ParseState.from(context).pointee.start(name, attributes, Int(count))
        }
        sax.endElementNs = { context, name, _, _ in
            guard let context, let name else { return }
            ParseState.from(context).pointee.end(name)
        }
        sax.characters = { context, bytes, count in
            guard let context, let bytes else { return }
            ParseState.from(context).pointee.characters(bytes, Int(count))
        }
        sax.cdataBlock = sax.characters
        sax.getEntity = { _, _ in
            // Never return a declaration: libxml2 then reports an undeclared entity as malformed XML
            // (no DTD), or calls `reference` (an external DTD it must not load could declare it).
            nil
        }
        sax.reference = { context, _ in
            guard let context else { return }
            ParseState.from(context).pointee.refuseEntities()
        }
        sax.entityDecl = { context, _, _, _, _, _ in
            guard let context else { return }
            ParseState.from(context).pointee.refuseEntities()
        }
        sax.serror = { context, error in
            guard let context, let error else { return }
            ParseState.from(context).pointee.record(error.pointee)
        }

        var buffer = [UInt8](repeating: 0, count: chunkSize)
        let first = try fill(&buffer, descriptor: descriptor, path: path)
        let created = buffer.withUnsafeBufferPointer { bytes in
            bytes.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: first) { chars in
                    xmlCreatePushParserCtxt(&sax, UnsafeMutableRawPointer(state), chars, Int32(first), path)
                }
            }
        }
        guard let context = created else {
            throw CoverageReadError.unreadable(file: path, reason: "libxml2 could not start a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        _ = xmlCtxtUseOptions(context, options)
        state.pointee.context = context
        reader.pointee.prepare(XMLNameTable(dictionary: context.pointee.dict))

        var finished = false
        while !finished {
            let count = try fill(&buffer, descriptor: descriptor, path: path)
            finished = count == 0
            _ = buffer.withUnsafeBufferPointer { bytes in
                bytes.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: max(count, 1)) { chars in
                        xmlParseChunk(context, chars, Int32(count), finished ? 1 : 0)
                    }
                }
            }
            if let error = state.pointee.failure { throw error }
            if context.pointee.wellFormed == 0 { throw state.pointee.malformed(line: Int(context.pointee.input?.pointee.line ?? 1)) }
        }
        return try reader.pointee.finish()
    }

    /// Reads up to a buffer's worth; 0 at the end of the file.
    private static func fill(_ buffer: inout [UInt8], descriptor: Int32, path: String) throws -> Int {
        let capacity = buffer.count
        return try buffer.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            var filled = 0
            while filled < capacity {
                let count = readBytes(descriptor, base + filled, capacity - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw CoverageReadError.unreadable(file: path, reason: String(cString: strerror(errno)).lowercased())
                }
                if count == 0 { break }
                filled += count
            }
            return filled
        }
    }
}

/// What the C callbacks reach through their context pointer.
private struct ParseState {
    struct Events {
        let start: (XMLElement) throws -> Bool
        let end: (UnsafePointer<xmlChar>, String?) throws -> Void
    }

    let events: Events
    let path: String
    var context: xmlParserCtxtPtr?
    /// The handler's error or a refused entity: the parse stops at the next callback boundary.
    var failure: Error?
    /// The first error libxml2 reported, with its 1-based line.
    var firstError: (line: Int, message: String)?
    var capturing = false
    var text: [UInt8] = []

    init(events: Events, path: String) {
        self.events = events
        self.path = path
    }

    static func from(_ context: UnsafeMutableRawPointer) -> UnsafeMutablePointer<ParseState> {
        context.assumingMemoryBound(to: ParseState.self)
    }

    mutating func start(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ count: Int) {
        guard failure == nil, let context else { return }
        do {
            capturing = try events.start(XMLElement(name: name, attributes: attributes, attributeCount: count, context: context))
            if capturing { text.removeAll(keepingCapacity: true) }
        } catch {
            stop(error)
        }
    }

    mutating func end(_ name: UnsafePointer<xmlChar>) {
        guard failure == nil else { return }
        do {
            let captured = capturing ? text.withUnsafeBufferPointer(xmlString) : nil
            capturing = false
            try events.end(name, captured)
        } catch {
            stop(error)
        }
    }

    mutating func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
        guard capturing else { return }
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    mutating func refuseEntities() {
        stop(CoverageReadError.entitiesRefused(file: path))
    }

    mutating func record(_ error: xmlError) {
        guard firstError == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = error.message.map { String(cString: $0) } ?? "unknown error"
        message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if let first = message.first { message = first.lowercased() + message.dropFirst() }
        firstError = (Int(error.line), message)
    }

    mutating func stop(_ error: Error) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }

    func malformed(line: Int) -> CoverageReadError {
        if let error = firstError {
            // libxml2's words for a document cut off inside an element.
            if error.message.hasPrefix("premature end of data") || error.message.hasPrefix("endtag: '</' not found") {
                return .truncated(file: path)
            }
            return .malformedXML(file: path, line: max(1, error.line), message: error.message)
        }
        return .malformedXML(file: path, line: max(1, line), message: "libxml2 stopped without a message")
    }
}
