import ChecksCore
import Foundation
import Testing

@Suite struct JSONValueTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("quote \" backslash \\", #""quote \" backslash \\""#),
        ("nl\ncr\rtab\t", #""nl\ncr\rtab\t""#),
        ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
        ("del \u{7F} stays", "\"del \u{7F} stays\""),
        ("ünï 🙂 /", #""ünï 🙂 /""#),
    ])
    func escapesStrings(input: String, expected: String) throws {
        #expect(JSONValue.string(input).serialized(indent: 0) == expected)
        // Whatever we write, a standard parser reads back the same string.
        let decoded = try JSONSerialization.jsonObject(with: Data(expected.utf8), options: [.fragmentsAllowed])
        #expect(decoded as? String == input)
    }

    @Test(arguments: [
        (Double.nan, "null"),
        (Double.infinity, "null"),
        (-Double.infinity, "null"),
        (2.0, "2"),
        (-0.5, "-0.5"),
        (1.5e20, "1.5e+20"),
    ])
    func writesNumbers(value: Double, expected: String) {
        #expect(JSONValue.double(value).serialized(indent: 0) == expected)
    }

    @Test func keepsKeyOrder() {
        let value = JSONValue.object([
            ("zebra", .int(1)), ("apple", .array([.bool(true), .null])), ("mango", .object([])),
        ])
        #expect(value.serialized(indent: 0) == #"{"zebra":1,"apple":[true,null],"mango":{}}"#)
        #expect(
            value.serialized() == """
                {
                  "zebra": 1,
                  "apple": [
                    true,
                    null
                  ],
                  "mango": {}
                }
                """)
        // Order is part of the value: the same members in another order are a different document.
        #expect(value != .object([("apple", .array([.bool(true), .null])), ("zebra", .int(1)), ("mango", .object([]))]))
    }

    /// A lazy array is made element by element while it is written, and is the same document as
    /// the plain array of its elements.
    @Test func lazyArrayWritesAndComparesAsItsElements() {
        let lazy = JSONValue.lazyArray(JSONElements(count: 3) { .object([("n", .int($0))]) })
        let plain = JSONValue.array((0..<3).map { .object([("n", .int($0))]) })
        #expect(lazy == plain)
        #expect(plain == lazy)
        #expect(lazy != .array([]))
        #expect(lazy.serialized(indent: 0) == #"[{"n":0},{"n":1},{"n":2}]"#)
        #expect(JSONValue.lazyArray(JSONElements(count: 0) { _ in .null }).serialized() == "[]")
    }

    /// Written in pieces, a large document arrives in several flushes (so it is never held whole) that
    /// join to exactly the one-piece text, trailer included.
    @Test func writingInPiecesGivesTheSameBytes() throws {
        let files = JSONValue.lazyArray(
            JSONElements(count: 5000) { index in
                .object([("path", .string("src/pkg\(index)/app/core.py")), ("missing_lines", .array([.int(index), .int(index + 1)]))])
            })
        let document = JSONValue.object([("tool", .string("check-coverage")), ("files", files)])
        var pieces: [[UInt8]] = []
        try document.write(trailer: "\n", to: { pieces.append($0) })
        #expect(pieces.count > 2)
        #expect(pieces.dropLast().allSatisfy { $0.count >= 64 * 1024 })
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == document.serialized() + "\n")
    }

    /// A failing sink stops the writing with its error.
    @Test func aFailingSinkStopsTheWrite() {
        struct Full: Error {}
        let document = JSONValue.lazyArray(JSONElements(count: 20000) { .string(String(repeating: "x", count: 20) + String($0)) })
        var calls = 0
        #expect(throws: Full.self) {
            try document.write(to: { _ in
                calls += 1
                throw Full()
            })
        }
        #expect(calls == 1)
    }

    @Test func optionalStringBecomesNull() {
        #expect(JSONValue(nil as String?) == .null)
        #expect(JSONValue("x" as String?) == .string("x"))
    }
}
