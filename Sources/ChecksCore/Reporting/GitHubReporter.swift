public struct GitHubReporter: Reporter {
    public static let identifier = "github"
    public init() {}
    public func render(_ report: Report, context: ReportContext) -> String { "" }
}
