public struct JUnitReporter: Reporter {
    public static let identifier = "junit"
    public init() {}
    public func render(_ report: Report, context: ReportContext) -> String { "" }
}
