/// How a report should be rendered on this run.
public struct ReportContext: Sendable {
    /// ANSI colour in the text format; only on a terminal and never with `NO_COLOR`.
    public var colour: Bool
    /// The working directory, absolute, for formats that want URIs (SARIF).
    public var workingDirectory: String

    public init(colour: Bool = false, workingDirectory: String = "") {
        self.colour = colour
        self.workingDirectory = workingDirectory
    }
}

/// Renders a whole `Report` as one output format. One type per format, one file per type.
public protocol Reporter: Sendable {
    /// The `--format` value that selects this reporter.
    static var identifier: String { get }
    init()
    func render(_ report: Report, context: ReportContext) -> String
    /// Hands the rendering to `sink` in pieces. The default renders it whole; a format whose output
    /// grows with the input (JSON lists every file of a coverage report) writes it piece by piece,
    /// so the text never exists in memory at once.
    func write(_ report: Report, context: ReportContext, to sink: ([UInt8]) throws -> Void) throws
}

extension Reporter {
    public func write(_ report: Report, context: ReportContext, to sink: ([UInt8]) throws -> Void) throws {
        try sink(Array(render(report, context: context).utf8))
    }
}

/// The registry: adding a format is one file and one line here.
public enum Reporters {
    public static let all: [any Reporter.Type] = [
        TextReporter.self,
        JSONReporter.self,
        GitHubReporter.self,
        SARIFReporter.self,
        JUnitReporter.self,
        MarkdownReporter.self,
    ]

    public static var identifiers: [String] { all.map { $0.identifier } }

    public static func named(_ identifier: String) -> (any Reporter)? {
        all.first { $0.identifier == identifier }.map { $0.init() }
    }
}
