import CLibXML2
import Foundation

/// The one owner of a libxml2 `xmlTextReader`: a forward-only pull parser that keeps memory flat
/// whatever the report's size (xmlreader.h; the API `xmllint --stream` uses).
///
/// Options: `XML_PARSE_NONET` (no network for anything the document names), `XML_PARSE_NOBLANKS`
/// (indentation produces no nodes), `XML_PARSE_NOERROR`/`NOWARNING` (errors are collected here, not
/// printed). Never `NOENT`, `DTDLOAD` or `RECOVER`: entities stay unexpanded, no DTD is loaded, and a
/// malformed report fails. The reader is freed in `deinit`; no libxml2 pointer leaves this type
/// except for the duration of one callback.
final class XMLStreamReader {
    enum Node: Equatable {
        case start
        case end
        case other
    }

    private let reader: xmlTextReaderPtr
    let path: String
    /// The first error libxml2 reported, with its 1-based line.
    fileprivate var firstError: (line: Int, message: String)?
    /// Whether the last `next()` stopped at an element that has no end tag (`<methods/>`).
    private(set) var isEmptyElement = false
    private(set) var node: Node = .other
    /// The current element's local name, owned by the reader's dictionary and valid until `next()`.
    private(set) var name: UnsafePointer<xmlChar>?

    /// Opens `descriptor` (positioned at the start of the file; not closed here).
    init(descriptor: Int32, path: String) throws {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue
            | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let reader = xmlReaderForFd(descriptor, path, nil, options) else {
            throw CoverageReadError.unreadable(file: path, reason: "libxml2 could not open it")
        }
        self.reader = reader
        self.path = path
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            let owner = Unmanaged<XMLStreamReader>.fromOpaque(context).takeUnretainedValue()
            guard owner.firstError == nil else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
            message = message.trimmingCharacters(in: .whitespacesAndNewlines)
            if let first = message.first { message = first.lowercased() + message.dropFirst() }
            owner.firstError = (Int(error.pointee.line), message)
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// The same string from the reader's dictionary, so element names compare by pointer.
    func intern(_ text: String) -> UnsafePointer<xmlChar>? {
        xmlTextReaderConstString(reader, text)
    }

    /// 1-based line of the current node.
    var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// Moves to the next element start or end tag; false at the end of the document.
    /// - Throws: `CoverageReadError` for malformed XML or an entity reference.
    func next() throws -> Bool {
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return false }
            guard status == 1 else { throw failure() }
            switch xmlTextReaderNodeType(reader) {
            case 1:  // XML_READER_TYPE_ELEMENT
                node = .start
                isEmptyElement = xmlTextReaderIsEmptyElement(reader) == 1
                name = xmlTextReaderConstLocalName(reader)
                return true
            case 15:  // XML_READER_TYPE_END_ELEMENT
                node = .end
                isEmptyElement = false
                name = xmlTextReaderConstLocalName(reader)
                return true
            case 5, 6, 16:  // ENTITY_REFERENCE, ENTITY, END_ENTITY
                throw CoverageReadError.entitiesRefused(file: path)
            default:
                continue
            }
        }
    }

    /// Calls `body` with each attribute's local name and value of the current element; both
    /// pointers are valid only during the call.
    func forEachAttribute(_ body: (UnsafePointer<xmlChar>, UnsafePointer<xmlChar>) throws -> Void) rethrows {
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return }
        defer { xmlTextReaderMoveToElement(reader) }
        repeat {
            if let name = xmlTextReaderConstLocalName(reader), let value = xmlTextReaderConstValue(reader) {
                try body(name, value)
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
    }

    /// The text inside the current element (`<source>…</source>`), copied out; "" when empty.
    func text() -> String {
        guard let raw = xmlTextReaderReadString(reader) else { return "" }
        defer { autogit_xmlFree(raw) }
        return String(cString: raw)
    }

    private func failure() -> CoverageReadError {
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

extension XMLStreamReader {
    /// Whether the current element's name is `literal`, whose interned pointer is `interned`.
    ///
    /// Element and attribute names come from the parser's dictionary, the same one
    /// `xmlTextReaderConstString` interns into, so equal names are equal pointers and the common
    /// mismatch costs one comparison. The byte comparison runs only when interning gave nothing.
    @inline(__always)
    func isNamed(_ name: UnsafePointer<xmlChar>?, _ interned: UnsafePointer<xmlChar>?, _ literal: StaticString) -> Bool {
        guard let name else { return false }
        if let interned { return name == interned }
        return strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// The current element's name as a Swift string (for messages).
    var nameString: String { name.map { String(cString: $0) } ?? "" }
}
