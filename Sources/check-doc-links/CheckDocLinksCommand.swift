import ArgumentParser
import ChecksCLI
import ChecksCore
import DocChecks
import Foundation
import LinkProbe

/// `check-doc-links`: the `check-doc-refs` checks plus every http(s) link, on libcurl.
struct CheckDocLinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-doc-links",
        abstract: "Check every link in Markdown docs: local files and anchors offline, then http and https links.",
        discussion: "Reads markdown-link-check's JSON config (-c) and accepts its -q -v -a -r flags.\n"
            + "Exit codes: 0 clean, 1 findings at error severity, 2 bad input or configuration, 64 usage error.",
        version: ToolkitVersion.current)

    @OptionGroup var tree: DocTreeOptions

    @Option(
        name: [.short, .customLong("config")],
        help: ArgumentHelp("markdown-link-check JSON configuration (overrides config `config`).", valueName: "FILE"))
    var config: String?

    @Flag(help: "Local checks only: no network (what the pre-commit hook runs).")
    var offline = false

    @Option(help: ArgumentHelp("Requests in flight per host (default 8).", valueName: "N"))
    var hostConcurrency: Int?

    @Option(help: ArgumentHelp("Requests in flight in total (default 64).", valueName: "N"))
    var maxConcurrency: Int?

    @Option(help: ArgumentHelp("Seconds for one request, first byte to last (default 10, or the config's `timeout`).", valueName: "S"))
    var timeout: Double?

    @Option(help: ArgumentHelp("Seconds to establish a connection (default 10).", valueName: "S"))
    var connectTimeout: Double?

    @Flag(help: "Do not verify TLS certificates or host names (self-signed or internal hosts); on your own risk.")
    var insecure = false

    @Flag(help: "Check #fragments of remote links against the page's id and name attributes (reads the page).")
    var remoteFragments = false

    @Flag(help: "Keep successful results in .autogit-checks-cache at the root and reuse them.")
    var cache = false

    @Option(help: ArgumentHelp("How long cached results stay valid: 1d, 12h, 30m, 90s (default 1d).", valueName: "AGE"))
    var maxCacheAge: String?

    @Flag(name: .short, help: "markdown-link-check -q: report errors only.")
    var quiet = false

    @Flag(name: .short, help: "markdown-link-check -v: also list alive, ignored and skipped links (as notes).")
    var verbose = false

    @Option(name: .short, help: ArgumentHelp("markdown-link-check -a: alive status codes, comma-separated (default: any 2xx).", valueName: "CODES"))
    var alive: String?

    @Flag(name: .short, help: "markdown-link-check -r: retry after 429 (on by default here; kept for compatibility).")
    var retry = false

    @Flag(help: "List the rules and exit.")
    var listRules = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let hostConcurrency, hostConcurrency < 1 { throw ValidationError("--host-concurrency must be at least 1") }
        if let maxConcurrency, maxConcurrency < 1 { throw ValidationError("--max-concurrency must be at least 1") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be more than 0 seconds") }
        if let connectTimeout, !(connectTimeout > 0) { throw ValidationError("--connect-timeout must be more than 0 seconds") }
        if let maxCacheAge, MsDuration.seconds(flag: maxCacheAge) == nil {
            throw ValidationError("--max-cache-age must be a duration such as 1d, 12h, 30m or 90s")
        }
        if let alive, DocLinksSettings.statusCodes(alive) == nil {
            throw ValidationError("-a must list http status codes separated by commas, e.g. 200,206")
        }
    }

    func run() throws {
        if listRules {
            for rule in DocRefsRules.all {
                print("\(rule.id)\t\(rule.severity.rawValue)\t\(rule.summary)")
            }
            for rule in RemoteLinkRules.all {
                print("\(rule.id)\t\(rule.severity)\t\(rule.summary)")
            }
            return
        }
        try ToolRun.execute(tool: DocLinksSettings.toolName, output: output) {
            let settings = try DocLinksSettings.resolve(self)
            if output.printConfig {
                ToolRun.printConfiguration([("doc-links", settings.effectiveConfiguration)])
                throw ExitCode.success
            }
            return try settings.check()
        }
    }
}
