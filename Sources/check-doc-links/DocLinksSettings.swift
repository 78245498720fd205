import ChecksCLI
import ChecksCore
import DocChecks
import Foundation
import LinkProbe

/// The run's settings from the three sources, in order of precedence: command line, then the
/// markdown-link-check JSON (`-c`, or `config` in the table), then `[doc-links]` in
/// `.autogit-checks.toml`, then the defaults; and the run itself (local checks, then remote).
struct DocLinksSettings {
    static let toolName = "check-doc-links"

    static let schema: [String: ConfigValueKind] = [
        "config": .string, "exclude": .stringArray, "ignore": .stringArray, "orphans": .bool, "offline": .bool,
        "host-concurrency": .int, "max-concurrency": .int, "timeout": .number, "connect-timeout": .number,
        "retry-count": .int, "retry-wait": .number, "remote-fragments": .bool, "cache": .bool, "max-cache-age": .string,
        "insecure": .bool,
    ]

    var docRefs: DocRefsOptions
    var remote: RemoteCheckOptions
    var offline: Bool
    var quiet: Bool
    var configFile: String?
    var excludes: [String]
    var ignores: [String]
    var maxCacheAgeText: String
    var useCache: Bool

    // swiftlint:disable:next function_body_length
    static func resolve(_ command: CheckDocLinksCommand) throws -> DocLinksSettings {
        let cwd = FileManager.default.currentDirectoryPath
        let targets = command.tree.targets
        let rootPath = try command.tree.resolveRoot(cwd: cwd)
        let table = try ConfigurationFile.load(root: rootPath).table("doc-links", schema: schema)
        let tomlFile = table.file ?? ConfigurationFile.fileName

        // markdown-link-check's config: -c is relative to the working directory, `config` to the root.
        var mlc: MarkdownLinkCheckConfig?
        let configPath =
            command.config.map { RepositoryRoot.absolute($0, cwd: cwd) }
            ?? table.string("config").map { RepositoryRoot.absolute($0, cwd: rootPath) }
        let configDisplay = command.config ?? table.string("config")
        if let configPath, let configDisplay {
            mlc = try MarkdownLinkCheckConfig.load(
                path: configPath, display: configDisplay, environment: ProcessInfo.processInfo.environment,
                projectBaseUrl: "file://" + cwd)
        }

        let excludes = (table.strings("exclude") ?? []) + command.tree.excludes
        let ignores = (table.strings("ignore") ?? []) + command.tree.ignores
        let ignoreMatchers = try ignores.map { pattern in
            do { return try NSRegularExpressionMatcher(pattern) } catch {
                throw SettingsError(
                    "\(command.tree.ignores.contains(pattern) ? "--ignore" : "\(tomlFile): 'ignore' in [doc-links]"): invalid regex '\(pattern)'")
            }
        }
        let localIgnores =
            try ignores.map { try NSRegularExpressionBox($0) }
            + (mlc?.ignorePatterns ?? []).compactMap { try? NSRegularExpressionBox($0.translated) }
        let repository = Git.originRemote(in: rootPath).flatMap(Git.gitHubRepository(fromRemote:))
        let honoursDisable = !(mlc?.ignoreDisable ?? false)
        var docRefs = DocRefsOptions(
            paths: targets, root: rootPath, workingDirectory: cwd,
            exclude: try excludes.map(GlobPattern.init), ignore: localIgnores,
            orphans: command.tree.orphans || table.bool("orphans") == true,
            repository: repository.map { GitHubRepository(owner: $0.owner, name: $0.repo) })
        docRefs.honoursDisableComments = honoursDisable

        var policy = ProbePolicy()
        policy.hostConcurrency = command.hostConcurrency ?? table.int("host-concurrency") ?? policy.hostConcurrency
        policy.maxConcurrency = max(policy.hostConcurrency, command.maxConcurrency ?? table.int("max-concurrency") ?? policy.maxConcurrency)
        policy.totalTimeout = command.timeout ?? mlc?.timeout ?? table.number("timeout") ?? policy.totalTimeout
        policy.connectTimeout = command.connectTimeout ?? table.number("connect-timeout") ?? policy.connectTimeout
        policy.retryCount = mlc?.retryCount ?? table.int("retry-count") ?? policy.retryCount
        policy.retryOn429 = command.retry || (mlc?.retryOn429 ?? policy.retryOn429)
        policy.fallbackRetryDelay = mlc?.fallbackRetryDelay ?? policy.fallbackRetryDelay
        policy.retryWait = table.number("retry-wait") ?? policy.retryWait
        policy.verifyTLS = !(command.insecure || table.bool("insecure") == true)
        for (key, value) in [("host-concurrency", table.int("host-concurrency")), ("max-concurrency", table.int("max-concurrency"))] {
            if let value, value < 1 { throw SettingsError("\(tomlFile): '\(key)' in [doc-links] must be at least 1") }
        }
        for (key, value) in [("timeout", table.number("timeout")), ("connect-timeout", table.number("connect-timeout"))] {
            if let value, !(value > 0) { throw SettingsError("\(tomlFile): '\(key)' in [doc-links] must be more than 0 seconds") }
        }
        if let value = table.int("retry-count"), value < 0 { throw SettingsError("\(tomlFile): 'retry-count' in [doc-links] must be 0 or more") }
        if let value = table.number("retry-wait"), value < 0 { throw SettingsError("\(tomlFile): 'retry-wait' in [doc-links] must be 0 or more") }

        let maxCacheAgeText = command.maxCacheAge ?? table.string("max-cache-age") ?? "1d"
        guard let maxCacheAge = MsDuration.seconds(flag: maxCacheAgeText) else {
            throw SettingsError("\(tomlFile): 'max-cache-age' in [doc-links] must be a duration such as 1d, 12h, 30m or 90s")
        }
        let useCache = command.cache || table.bool("cache") == true

        var remote = RemoteCheckOptions(root: rootPath)
        remote.policy = policy
        remote.ignorePatterns = mlc?.ignorePatterns ?? []
        remote.ignore = ignoreMatchers
        remote.replacements = mlc?.replacementPatterns ?? []
        remote.headers = mlc?.httpHeaders ?? []
        remote.aliveStatusCodes = command.alive.flatMap(statusCodes) ?? mlc?.aliveStatusCodes.map(Set.init)
        remote.remoteFragments = command.remoteFragments || table.bool("remote-fragments") == true
        remote.cachePath = useCache ? rootPath + "/" + ProbeCache.fileName : nil
        remote.maxCacheAge = maxCacheAge
        remote.verbose = command.verbose

        return DocLinksSettings(
            docRefs: docRefs, remote: remote, offline: command.offline || table.bool("offline") == true,
            quiet: command.quiet, configFile: configDisplay, excludes: excludes, ignores: ignores,
            maxCacheAgeText: maxCacheAgeText, useCache: useCache)
    }

    /// `200,206` → [200, 206]; nil when any item is not a status code.
    static func statusCodes(_ text: String) -> Set<Int>? {
        var codes = Set<Int>()
        for item in text.split(separator: ",") {
            guard let code = Int(item.trimmingCharacters(in: .whitespaces)), (100...999).contains(code) else { return nil }
            codes.insert(code)
        }
        return codes.isEmpty ? nil : codes
    }

    /// `--print-config`: our keys with their effective values. markdown-link-check's header values
    /// are secrets and never printed; the file is named instead.
    var effectiveConfiguration: [(key: String, value: ConfigValue)] {
        var values: [(key: String, value: ConfigValue)] = []
        if let configFile { values.append(("config", .string(configFile))) }
        values += [
            ("exclude", .strings(excludes)), ("ignore", .strings(ignores)), ("orphans", .bool(docRefs.orphans)),
            ("offline", .bool(offline)),
            ("host-concurrency", .int(remote.policy.hostConcurrency)), ("max-concurrency", .int(remote.policy.maxConcurrency)),
            ("timeout", .double(remote.policy.totalTimeout)), ("connect-timeout", .double(remote.policy.connectTimeout)),
            ("retry-count", .int(remote.policy.retryCount)), ("retry-wait", .double(remote.policy.retryWait)),
            ("remote-fragments", .bool(remote.remoteFragments)), ("cache", .bool(useCache)),
            ("max-cache-age", .string(maxCacheAgeText)), ("insecure", .bool(!remote.policy.verifyTLS)),
        ]
        return values
    }

    /// Local checks from one parse per file, then the remote phase on the external links found.
    func check() throws -> Report {
        let parsing = ProgressLine(label: "\(Self.toolName): parsing")
        var docRefs = self.docRefs
        docRefs.progress = { done, total in parsing.update(done, of: total) }
        let (local, external) = try DocRefsChecker.runCollectingExternalLinks(docRefs)
        parsing.finish()

        var diagnostics = local.diagnostics
        var counts = local.counts
        var descriptions = local.ruleDescriptions
        if !offline {
            let occurrences =
                external
                .filter { !$0.isSuppressed || !docRefs.honoursDisableComments }
                .map {
                    RemoteLinkOccurrence(file: $0.displayPath, line: $0.link.position.line, column: $0.link.position.column, url: $0.link.destination)
                }
            let probing = ProgressLine(label: "\(Self.toolName): checking urls")
            var remote = self.remote
            remote.progress = { done, total, failed in probing.update(done, of: total, detail: "\(failed) failed") }
            let result = RemoteLinkChecker.run(occurrences, options: remote)
            probing.finish()
            if let problem = result.cacheProblem {
                FileHandle.standardError.write(Data("\(Self.toolName): warning: cache not saved: \(problem)\n".utf8))
            }
            diagnostics += result.diagnostics
            counts += [("remote", result.checkedLinks), ("urls", result.urls), ("requests", result.requests), ("cached", result.cached)]
            descriptions.merge(RemoteLinkRules.descriptions) { a, _ in a }
        }
        if quiet { diagnostics.removeAll { $0.severity != .error } }
        return Report(
            tool: Self.toolName, version: ToolkitVersion.current, diagnostics: diagnostics,
            counts: counts, ruleDescriptions: descriptions)
    }
}

/// A bad setting found while resolving the configuration (exit 2, one line).
struct SettingsError: Error, LocalizedError {
    var message: String
    init(_ message: String) { self.message = message }
    var errorDescription: String? { message }
}
