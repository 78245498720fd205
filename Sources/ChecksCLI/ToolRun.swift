import ArgumentParser
import ChecksCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The thin part every executable shares: turn a report or an error into output and an exit code.
///
/// Exit codes (DESIGN.md §3): 0 nothing at error severity, 1 findings or a failed gate, 2 bad input,
/// configuration or runtime error, 64 usage error (ArgumentParser's own).
public enum ToolRun {
    public static let findingsExitCode: Int32 = 1
    public static let badInputExitCode: Int32 = 2

    /// Runs `body`, emits its report, and throws the `ExitCode` ArgumentParser should exit with.
    public static func execute(tool: String, output: OutputOptions, _ body: () throws -> Report) throws {
        Interrupts.install()
        let report: Report
        do {
            report = try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw failure(tool: tool, error)
        }
        do {
            try emit(report, output: output)
        } catch {
            throw failure(tool: tool, error)
        }
        if !report.passed && !output.exitZero { throw ExitCode(findingsExitCode) }
    }

    /// Prints one line on stderr naming what is wrong and returns exit code 2 for the caller to throw,
    /// so the process ends at the top of `run()` and never below it.
    public static func failure(tool: String, _ error: Error) -> ExitCode {
        let described = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
        // One line, whatever bytes a file name or a report path brought in.
        let message = DisplayText.escapingControls(described)
        FileHandle.standardError.write(Data("\(tool): error: \(message)\n".utf8))
        return ExitCode(badInputExitCode)
    }

    static func emit(_ report: Report, output: OutputOptions) throws {
        guard let reporter = Reporters.named(output.format) else { return }
        let context = ReportContext(
            colour: output.output == nil && Terminal.wantsColour(fileDescriptor: STDOUT_FILENO),
            workingDirectory: FileManager.default.currentDirectoryPath)
        if let path = output.output {
            try AtomicFile.write(to: path) { put in try reporter.write(report, context: context, to: put) }
        } else {
            try reporter.write(report, context: context) { FileHandle.standardOutput.write(Data($0)) }
        }
        if output.format == GitHubReporter.identifier,
            let summaryPath = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summaryPath.isEmpty,
            let handle = FileHandle(forWritingAtPath: summaryPath)
        {
            // The step summary is appended to, never replaced: other steps write there too.
            defer { try? handle.close() }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: Data(GitHubReporter.stepSummary(report).utf8))
        }
    }

    /// Prints the effective configuration (`--print-config`).
    public static func printConfiguration(_ tables: [(name: String, values: [(key: String, value: ConfigValue)])]) {
        FileHandle.standardOutput.write(Data(ConfigurationFile.renderTOML(tables).utf8))
    }
}

/// Colour and progress only where a person is watching (DESIGN.md §3).
public enum Terminal {
    public static func wantsColour(fileDescriptor: Int32) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }

    public static var stderrIsInteractive: Bool { isatty(STDERR_FILENO) == 1 }
}
