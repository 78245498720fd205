public struct SARIFReporter: Reporter {
    public static let identifier = "sarif"
    public init() {}
    public func render(_ report: Report, context: ReportContext) -> String { "" }
}
