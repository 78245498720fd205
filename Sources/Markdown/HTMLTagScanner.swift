/// A forgiving scanner for the raw HTML that Markdown allows: finds start tags with their attributes
/// and comments, in order, with byte offsets into the scanned buffer. It never builds a tree and never
/// fails; malformed markup is skipped byte by byte.
struct HTMLTagScanner {
    struct Attribute {
        /// Lower-cased attribute name.
        var name: String
        /// The value with entities decoded.
        var value: String
        /// Byte offset of the value's first byte (after the quote), or of the name when valueless.
        var valueOffset: Int
    }

    enum Item {
        /// A start tag (`<a href=…>`); `name` is lower-cased. End tags are reported with `isEnd`.
        case tag(name: String, isEnd: Bool, attributes: [Attribute], range: Range<Int>)
        /// `<!-- … -->`; `text` is the inside, trimmed.
        case comment(text: String, offset: Int)
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Item] {
        var items: [Item] = []
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            guard bytes[i] == 0x3C else { i += 1; continue }  // '<'
            let start = i
            if i + 3 < end, bytes[i + 1] == 0x21, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D {  // "<!--"
                var j = i + 4
                while j + 2 < end, !(bytes[j] == 0x2D && bytes[j + 1] == 0x2D && bytes[j + 2] == 0x3E) { j += 1 }
                let inner = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 4)..<min(j, end)]), as: UTF8.self)
                items.append(.comment(text: inner.trimmingASCIIWhitespace(), offset: start))
                i = min(j + 3, end)
                continue
            }
            var j = i + 1
            var isEnd = false
            if j < end, bytes[j] == 0x2F { isEnd = true; j += 1 }  // '/'
            let nameStart = j
            while j < end, isNameByte(bytes[j]) { j += 1 }
            guard j > nameStart, isLetter(bytes[nameStart]) else { i += 1; continue }
            let name = lowerASCII(bytes, nameStart..<j)
            var attributes: [Attribute] = []
            // Attributes until '>' (quoted values may contain '>').
            while j < end, bytes[j] != 0x3E {
                if isSpace(bytes[j]) || bytes[j] == 0x2F { j += 1; continue }
                let attrStart = j
                while j < end, !isSpace(bytes[j]), bytes[j] != 0x3D, bytes[j] != 0x3E, bytes[j] != 0x2F { j += 1 }
                if j == attrStart { j += 1; continue }
                let attrName = lowerASCII(bytes, attrStart..<j)
                var k = j
                while k < end, isSpace(bytes[k]) { k += 1 }
                guard k < end, bytes[k] == 0x3D else {
                    attributes.append(Attribute(name: attrName, value: "", valueOffset: attrStart))
                    continue
                }
                k += 1
                while k < end, isSpace(bytes[k]) { k += 1 }
                guard k < end else { j = k; break }
                var valueStart = k
                var valueEnd: Int
                if bytes[k] == 0x22 || bytes[k] == 0x27 {  // quoted
                    let quote = bytes[k]
                    valueStart = k + 1
                    valueEnd = valueStart
                    while valueEnd < end, bytes[valueEnd] != quote { valueEnd += 1 }
                    j = min(valueEnd + 1, end)
                } else {
                    valueEnd = k
                    while valueEnd < end, !isSpace(bytes[valueEnd]), bytes[valueEnd] != 0x3E { valueEnd += 1 }
                    j = valueEnd
                }
                let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
                attributes.append(Attribute(name: attrName, value: HTMLEntities.decode(raw), valueOffset: valueStart))
            }
            let tagEnd = min(j + 1, end)
            items.append(.tag(name: name, isEnd: isEnd, attributes: attributes, range: start..<tagEnd))
            i = tagEnd
        }
        return items
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x3A || b == 0x5F
    }
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
    private static func lowerASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: bytes[range].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

/// Decodes the character references that matter in attribute values and raw-HTML heading text.
enum HTMLEntities {
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "copy": "\u{A9}", "reg": "\u{AE}",
    ]

    static func decode(_ text: String) -> String {
        guard text.utf8.contains(0x26) else { return text }  // '&'
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let afterAmp = rest.index(after: amp)
            if let semi = rest[afterAmp...].prefix(32).firstIndex(of: ";") {
                let name = rest[afterAmp..<semi]
                if let scalar = decodeReference(name) {
                    out += scalar
                    rest = rest[rest.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = rest[afterAmp...]
        }
        out += rest
        return out
    }

    private static func decodeReference(_ name: Substring) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        return named[String(name)]
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r") }),
            let last = scalars.lastIndex(where: { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r") })
        else { return "" }
        return String(scalars[first...last])
    }
}
