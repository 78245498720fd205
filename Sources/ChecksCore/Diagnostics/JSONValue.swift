/// A JSON value whose objects keep their key order, so reports read in the order DESIGN.md §3 shows.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// An array whose elements are made one at a time as they are written, so a long list (a
    /// coverage report's every file and missing line) never exists as a tree.
    case lazyArray(JSONElements)
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.double(a), .double(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.lazyArray(a), _): JSONValue.array(a.materialised) == rhs
        case let (_, .lazyArray(b)): lhs == JSONValue.array(b.materialised)
        case let (.object(a), .object(b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// Serialises per RFC 8259. `indent` > 0 pretty-prints with that many spaces per level.
    ///
    /// Written into a byte buffer: a coverage report's JSON lists every file and missing line, and
    /// appending to a `String` scalar by scalar cost twice the time of parsing the 40 MB report.
    public func serialized(indent: Int = 2) -> String {
        var out = JSONByteSink(flush: nil)
        write(to: &out, indent: indent, level: 0)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Serialises into `flush` in pieces of about 64 KiB, the last one with `trailer` appended: the
    /// whole text is never held at once.
    public func write(indent: Int = 2, trailer: String = "", to flush: ([UInt8]) throws -> Void) throws {
        try withoutActuallyEscaping(flush) { flush in
            var out = JSONByteSink(flush: flush)
            write(to: &out, indent: indent, level: 0)
            out.bytes.append(contentsOf: trailer.utf8)
            try out.drain()
        }
    }

    private func write(to out: inout JSONByteSink, indent: Int, level: Int) {
        switch self {
        case .null: out.bytes.append(contentsOf: "null".utf8)
        case .bool(let b): out.bytes.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.bytes.append(contentsOf: String(i).utf8)
        case .double(let d):
            // JSON has no NaN or infinity; a non-finite number is written as null rather than invalid JSON.
            if d.isFinite {
                out.bytes.append(contentsOf: (d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)).utf8)
            } else {
                out.bytes.append(contentsOf: "null".utf8)
            }
        case .string(let s): JSONValue.writeString(s, to: &out.bytes)
        case .array(let items):
            JSONValue.writeArray(count: items.count, element: { items[$0] }, to: &out, indent: indent, level: level)
        case .lazyArray(let elements):
            JSONValue.writeArray(count: elements.count, element: elements.element, to: &out, indent: indent, level: level)
        case .object(let members):
            if members.isEmpty { out.bytes.append(contentsOf: "{}".utf8); return }
            out.bytes.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.bytes.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out.bytes, indent: indent, level: level + 1)
                JSONValue.writeString(key, to: &out.bytes)
                out.bytes.append(UInt8(ascii: ":"))
                if indent > 0 { out.bytes.append(UInt8(ascii: " ")) }
                value.write(to: &out, indent: indent, level: level + 1)
            }
            JSONValue.newline(&out.bytes, indent: indent, level: level)
            out.bytes.append(UInt8(ascii: "}"))
        }
    }

    private static func writeArray(
        count: Int, element: (Int) -> JSONValue, to out: inout JSONByteSink, indent: Int, level: Int
    ) {
        if count == 0 { out.bytes.append(contentsOf: "[]".utf8); return }
        out.bytes.append(UInt8(ascii: "["))
        for i in 0..<count {
            if i > 0 { out.bytes.append(UInt8(ascii: ",")) }
            JSONValue.newline(&out.bytes, indent: indent, level: level + 1)
            element(i).write(to: &out, indent: indent, level: level + 1)
            out.flushIfFull()
        }
        JSONValue.newline(&out.bytes, indent: indent, level: level)
        out.bytes.append(UInt8(ascii: "]"))
    }

    /// A line break and the indentation of `level`, when pretty-printing.
    private static func newline(_ out: inout [UInt8], indent: Int, level: Int) {
        guard indent > 0 else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or `\u00XX`;
    /// everything else, including non-ASCII text, copied as UTF-8 bytes.
    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = s
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
                case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
                default:
                    let hex = String(byte, radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// The elements of a `JSONValue.lazyArray`: how many, and how to make the one at an index.
///
/// `@unchecked Sendable`: the closure reads values captured when the report was made and never
/// changed after; a report is written on the thread that made it.
public struct JSONElements: @unchecked Sendable {
    public let count: Int
    let element: (Int) -> JSONValue

    public init(count: Int, element: @escaping (Int) -> JSONValue) {
        self.count = count
        self.element = element
    }

    var materialised: [JSONValue] { (0..<count).map(element) }
}

/// Where serialisation appends its bytes; with `flush`, the bytes are handed on whenever 64 KiB
/// have gathered (between array elements), and a flush that throws stops further flushes.
private struct JSONByteSink {
    static let pieceSize = 64 * 1024
    var bytes: [UInt8] = []
    let flush: (([UInt8]) throws -> Void)?
    var failure: Error?

    init(flush: (([UInt8]) throws -> Void)?) {
        self.flush = flush
        bytes.reserveCapacity(flush == nil ? 4096 : Self.pieceSize + 4096)
    }

    mutating func flushIfFull() {
        guard let flush, failure == nil, bytes.count >= Self.pieceSize else { return }
        do { try flush(bytes) } catch { failure = error }
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func drain() throws {
        if let failure { throw failure }
        guard let flush, !bytes.isEmpty else { return }
        try flush(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}

extension JSONValue {
    public init(_ string: String?) {
        self = string.map(JSONValue.string) ?? .null
    }
}
