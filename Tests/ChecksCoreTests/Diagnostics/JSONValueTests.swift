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

    @Test func optionalStringBecomesNull() {
        #expect(JSONValue(nil as String?) == .null)
        #expect(JSONValue("x" as String?) == .string("x"))
    }
}
