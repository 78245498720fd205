import ChecksCore
import Testing

/// The LeakSanitizer hooks are read by the sanitizer runtime as C strings, in the formats of
/// sanitizer_common: suppressions are `type:pattern` lines, options are `key=value` pairs. An
/// ordinary build never calls them, so a missing NUL or a malformed line would only show under
/// `scripts/sanitize`, as garbage read past the string or a runtime that refuses to start.
@Suite struct LeakSanitizerSuppressionsTests {
    @Test func suppressionsAreLeakLinesNamingTOMLKit() {
        let text = String(cString: leakSanitizerDefaultSuppressions())
        let lines = text.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("leak:") && $0.count > 5 && !$0.contains(" ") }, "\(text)")
        #expect(lines.contains("leak:TOMLKit"))
    }

    @Test func optionsAreKeyValuePairsThatSilenceTheSuppressionTable() {
        let text = String(cString: leakSanitizerDefaultOptions())
        let pairs = text.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "\n" })
        #expect(!pairs.isEmpty)
        #expect(pairs.allSatisfy { $0.split(separator: "=", omittingEmptySubsequences: false).count == 2 }, "\(text)")
        #expect(pairs.contains("print_suppressions=0"))
    }
}
