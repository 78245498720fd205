public struct MarkdownReporter: Reporter {
    public static let identifier = "markdown"
    public init() {}
    public func render(_ report: Report, context: ReportContext) -> String { "" }
}
