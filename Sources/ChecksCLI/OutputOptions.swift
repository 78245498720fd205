import ArgumentParser
import ChecksCore

/// The output options every tool shares (DESIGN.md §3).
public struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: Reporters.identifiers.joined(separator: "|")))
    public var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("Write the report to FILE (atomically) instead of standard output.", valueName: "FILE"))
    public var output: String?

    @Flag(name: .long, help: "Report findings but exit 0.")
    public var exitZero = false

    @Flag(name: .long, help: "Print the effective configuration and exit.")
    public var printConfig = false

    public init() {}

    public func validate() throws {
        guard Reporters.named(format) != nil else {
            throw ValidationError("unknown format '\(format)'; use one of: \(Reporters.identifiers.joined(separator: ", "))")
        }
    }
}
