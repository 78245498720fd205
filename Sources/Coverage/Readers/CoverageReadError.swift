import Foundation

/// Why a report could not be used. Every message names the file (and the line, when known) and
/// says what to do; check-coverage exits with status 2 on any of these.
public enum CoverageReadError: Error, LocalizedError, Equatable, Sendable {
    case notFound(file: String)
    case unreadable(file: String, reason: String)
    case empty(file: String)
    case unsupportedEncoding(file: String)
    case unknownFormat(file: String)
    /// The root element is neither Cobertura's `<coverage>` nor JaCoCo's `<report>`.
    case unknownRoot(file: String, root: String)
    /// The document declares entities or refers to one: the XXE and billion-laughs shapes.
    case entitiesRefused(file: String)
    /// libxml2 stopped: `line` is 1-based, `message` is libxml2's, lower-cased.
    case malformedXML(file: String, line: Int, message: String)
    /// The document ended before its root element was closed.
    case truncated(file: String)
    /// A number that cannot be a count: negative, not a number, too large, or covered > total.
    case impossibleNumber(file: String, line: Int, detail: String)
    /// A required attribute or field is missing, e.g. `<class>` without `filename`.
    case missingField(file: String, line: Int, detail: String)
    /// The report lists no source file at all.
    case noFiles(file: String)

    public var errorDescription: String? {
        switch self {
        case .notFound(let file):
            return "\(file): no such report; run the tests with coverage first or pass the report's path"
        case .unreadable(let file, let reason):
            return "\(file): cannot read the report (\(reason)); check its permissions"
        case .empty(let file):
            return "\(file): the report is empty; regenerate it"
        case .unsupportedEncoding(let file):
            return "\(file): the report is not utf-8; write it as utf-8"
        case .unknownFormat(let file):
            return "\(file): not a coverage report; expected cobertura or jacoco xml, or an lcov tracefile"
        case .unknownRoot(let file, let root):
            return "\(file): root element <\(root)> is neither cobertura's <coverage> nor jacoco's <report>"
        case .entitiesRefused(let file):
            return "\(file): the report declares or uses xml entities, which coverage reports never need; refusing to read it"
        case .malformedXML(let file, let line, let message):
            return "\(file):\(line): malformed xml: \(message); regenerate the report"
        case .truncated(let file):
            return "\(file): the report ends before its root element is closed; it is truncated, regenerate it"
        case .impossibleNumber(let file, let line, let detail):
            return "\(file):\(line): impossible number: \(detail); regenerate the report"
        case .missingField(let file, let line, let detail):
            return "\(file):\(line): \(detail); regenerate the report"
        case .noFiles(let file):
            return "\(file): the report lists no source files; check that the tests ran with coverage enabled"
        }
    }
}
