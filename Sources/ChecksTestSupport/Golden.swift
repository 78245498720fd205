import Foundation
import Testing

/// Compares `actual` with the golden file at `path`, or rewrites the golden when `RECORD=1` is set.
///
/// - Parameters:
///   - actual: The output under test.
///   - path: Relative to `Fixtures/` (e.g. `reporters/sample.md`); an absolute path is used as is.
///   - comparingJSON: Compare after decoding both sides with `JSONSerialization`, so key order and
///     whitespace do not matter but every value does. Otherwise the comparison is byte for byte.
///   - sourceLocation: Where a mismatch is reported.
///
/// Recording also records an issue, so a CI job that accidentally sets `RECORD` cannot pass by
/// overwriting its own expectations.
public func assertGolden(
    _ actual: String, path: String, comparingJSON: Bool,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : FixturePaths.fixture(path)

    if ProcessInfo.processInfo.environment["RECORD"] == "1" {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
            Issue.record("recorded golden \(url.path); run again without RECORD=1 to compare", sourceLocation: sourceLocation)
        } catch {
            Issue.record("cannot write golden \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }

    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record("missing golden \(url.path); run RECORD=1 swift test to create it", sourceLocation: sourceLocation)
        return
    }
    guard let expected = String(data: data, encoding: .utf8) else {
        Issue.record("golden \(url.path) is not valid utf-8", sourceLocation: sourceLocation)
        return
    }

    if comparingJSON {
        let canonicalActual: String
        let canonicalExpected: String
        do {
            canonicalActual = try canonicalJSON(Data(actual.utf8))
        } catch {
            Issue.record("output for \(url.lastPathComponent) is not valid json: \(error)", sourceLocation: sourceLocation)
            return
        }
        do {
            canonicalExpected = try canonicalJSON(data)
        } catch {
            Issue.record("golden \(url.path) is not valid json: \(error)", sourceLocation: sourceLocation)
            return
        }
        if canonicalActual != canonicalExpected {
            Issue.record(
                "json differs from \(url.lastPathComponent) (keys sorted for comparison)\n\(firstDifference(expected: canonicalExpected, actual: canonicalActual))",
                sourceLocation: sourceLocation)
        }
    } else if actual != expected {
        Issue.record(
            "output differs from \(url.lastPathComponent) (RECORD=1 rewrites it)\n\(firstDifference(expected: expected, actual: actual))",
            sourceLocation: sourceLocation)
    }
}

/// Decodes and re-encodes with sorted keys, so two documents with the same content print the same.
private func canonicalJSON(_ data: Data) throws -> String {
    let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    let canonical = try JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .fragmentsAllowed, .withoutEscapingSlashes])
    return String(decoding: canonical, as: UTF8.self)
}

/// The first line that differs, shown with escapes so invisible characters (CR, trailing spaces,
/// a missing final newline) are visible in the test log.
private func firstDifference(expected: String, actual: String) -> String {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(expectedLines.count, actualLines.count) {
        let e = i < expectedLines.count ? String(expectedLines[i]) : nil
        let a = i < actualLines.count ? String(actualLines[i]) : nil
        if e != a {
            return
                "first difference at line \(i + 1):\n  expected: \(e.map { $0.debugDescription } ?? "<end of file>")\n  actual:   \(a.map { $0.debugDescription } ?? "<end of file>")"
        }
    }
    return "the texts differ"
}
