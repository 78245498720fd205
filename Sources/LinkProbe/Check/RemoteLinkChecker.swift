import ChecksCore
import Foundation

/// Everything the remote phase needs, already validated.
public struct RemoteCheckOptions: Sendable {
    public var policy = ProbePolicy()
    /// markdown-link-check `ignorePatterns`: tested on the link as written.
    public var ignorePatterns: [JSRegex] = []
    /// Our own `ignore` regexes (ICU, as in check-doc-refs), tested on the link as written.
    public var ignore: [NSRegularExpressionMatcher] = []
    public var replacements: [MarkdownLinkCheckConfig.Replacement] = []
    public var headers: [HeaderRule] = []
    /// Statuses that count as alive; nil = any 2xx.
    public var aliveStatusCodes: Set<Int>?
    /// Check `#fragment`s against the page's `id`/`name` attributes.
    public var remoteFragments = false
    /// Absolute repository root: `file:` URLs made by replacements are checked inside it only.
    public var root: String
    /// Read and update the cache at this path; nil = no cache.
    public var cachePath: String?
    /// Seconds.
    public var maxCacheAge = 86400.0
    /// Add `link-ok`, `link-ignored` and `link-skipped` notes.
    public var verbose = false
    /// Called with (URLs done, URLs to probe, failures so far) from the probing thread.
    public var progress: (@Sendable (Int, Int, Int) -> Void)?
    public var now = Date()

    public init(root: String) {
        self.root = root
    }
}

/// A compiled ICU regular expression; NSRegularExpression is thread-safe for matching.
public struct NSRegularExpressionMatcher: @unchecked Sendable {
    public let pattern: String
    private let regex: NSRegularExpression

    public init(_ pattern: String) throws {
        self.pattern = pattern
        regex = try NSRegularExpression(pattern: pattern)
    }

    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }
}

/// What the remote phase found.
public struct RemoteCheckResult: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// Remote link occurrences checked (after ignores, http and https only).
    public var checkedLinks = 0
    /// Distinct URLs among them (after replacement, without fragments).
    public var urls = 0
    /// HTTP requests sent.
    public var requests = 0
    /// URLs answered from the cache.
    public var cached = 0
    /// Why the cache could not be written, if it could not (the run still counts).
    public var cacheProblem: String?
}

/// The remote phase of `check-doc-links`: ignore → replace → deduplicate → cache → probe → judge,
/// one diagnostic per failing occurrence plus one summary per unreachable host.
public enum RemoteLinkChecker {
    public static func run(_ occurrences: [RemoteLinkOccurrence], options: RemoteCheckOptions) -> RemoteCheckResult {
        var result = RemoteCheckResult()
        var diagnostics: [Diagnostic] = []

        struct Pending {
            var occurrence: RemoteLinkOccurrence
            var target: Int
            var fragment: String?
        }
        var pending: [Pending] = []
        var targetIndex: [String: Int] = [:]
        var targets: [ProbeTarget] = []

        func diagnostic(_ occurrence: RemoteLinkOccurrence, _ rule: String, _ severity: Severity, _ message: String) -> Diagnostic {
            Diagnostic(
                rule: rule, severity: severity, file: occurrence.file, line: occurrence.line, column: occurrence.column,
                message: message, target: occurrence.url)
        }

        for occurrence in occurrences {
            let raw = occurrence.url
            if options.ignorePatterns.contains(where: { $0.test(raw) }) || options.ignore.contains(where: { $0.matches(raw) }) {
                if options.verbose {
                    diagnostics.append(diagnostic(occurrence, RemoteLinkRules.linkIgnored, .note, "ignored: matches an ignore pattern"))
                }
                continue
            }
            var url = raw
            for replacement in options.replacements {
                url = replacement.pattern.replace(in: url, with: replacement.replacement, global: replacement.global)
            }
            let lower = url.lowercased()
            if lower.hasPrefix("file:") {
                result.checkedLinks += 1
                if let problem = fileProblem(url, root: options.root, replaced: url != raw) {
                    diagnostics.append(diagnostic(occurrence, RemoteLinkRules.deadLink, .error, problem))
                } else if options.verbose {
                    diagnostics.append(diagnostic(occurrence, RemoteLinkRules.linkOK, .note, "file exists"))
                }
                continue
            }
            let isWeb = lower.hasPrefix("http:") || lower.hasPrefix("https:") || url.hasPrefix("//")
            guard isWeb else {
                if options.verbose {
                    let scheme = url.split(separator: ":", maxSplits: 1).first.map { "\($0):" } ?? "this"
                    diagnostics.append(diagnostic(occurrence, RemoteLinkRules.linkSkipped, .note, "not checked: \(scheme) links are not probed"))
                }
                continue
            }
            result.checkedLinks += 1
            switch RemoteURL.parse(url) {
            case .failure(let malformation):
                diagnostics.append(diagnostic(occurrence, RemoteLinkRules.malformedURL, .error, "malformed url: \(malformation.description)"))
            case .success(let parsed):
                let key = parsed.withoutFragment
                let fragment = parsed.fragment.flatMap { $0.isEmpty ? nil : $0 }
                let wantsAnchors = options.remoteFragments && fragment != nil
                let index: Int
                if let known = targetIndex[key] {
                    index = known
                    if wantsAnchors { targets[index].wantsAnchors = true }
                } else {
                    index = targets.count
                    targetIndex[key] = index
                    targets.append(ProbeTarget(url: parsed, wantsAnchors: wantsAnchors))
                }
                pending.append(Pending(occurrence: occurrence, target: index, fragment: fragment))
            }
        }
        result.urls = targets.count

        // The cache answers what it can; the rest is probed.
        var cache = options.cachePath.map { ProbeCache(path: $0, maxAge: options.maxCacheAge, now: options.now) }
        var results = [ProbeResult?](repeating: nil, count: targets.count)
        var toProbe: [Int] = []
        for (index, target) in targets.enumerated() {
            let key = target.url.withoutFragment
            if let entry = cache?.entry(for: key), isAlive(entry.status, options), !target.wantsAnchors || entry.anchors != nil {
                var cached = ProbeResult(status: entry.status, finalURL: key)
                cached.anchors = entry.anchors
                results[index] = cached
                result.cached += 1
            } else {
                toProbe.append(index)
            }
        }

        var prober = LinkProber(policy: options.policy) { HeaderRule.lines(for: $0, rules: options.headers) }
        let total = toProbe.count
        var done = 0
        var failures = 0
        prober.onFinish = { _, probe in
            done += 1
            if probe.failure != nil || !(probe.status.map { isAlive($0, options) } ?? false) { failures += 1 }
            options.progress?(done, total, failures)
        }
        let probed = prober.run(toProbe.map { targets[$0] })
        for (slot, index) in toProbe.enumerated() {
            results[index] = probed[slot]
            result.requests += probed[slot].requests
        }

        // Judge every occurrence against its URL's result.
        var unreachableByHost: [String: (display: String, reason: String, occurrences: [RemoteLinkOccurrence])] = [:]
        var answeredHosts = Set<String>()
        for item in pending {
            let target = targets[item.target]
            guard let probe = results[item.target] else { continue }
            let occurrence = item.occurrence
            if let failure = probe.failure {
                if case .unreachable(let reason) = failure {
                    unreachableByHost[target.url.hostKey, default: (target.url.hostDisplay, reason, [])].occurrences.append(occurrence)
                } else {
                    answeredHosts.insert(target.url.hostKey)
                }
                diagnostics.append(diagnostic(occurrence, RemoteLinkRules.linkFailed, .error, "link failed: \(failure.description)"))
                continue
            }
            answeredHosts.insert(target.url.hostKey)
            guard let status = probe.status else { continue }
            if !isAlive(status, options) {
                var message = "dead link: \(RemoteLinkRules.statusText(status))"
                if probe.redirects > 0 {
                    message += " after \(probe.redirects) redirect\(probe.redirects == 1 ? "" : "s") (at \(RemoteURL.redacted(probe.finalURL)))"
                }
                if probe.retries > 0 { message += ", \(probe.retries) retr\(probe.retries == 1 ? "y" : "ies")" }
                diagnostics.append(diagnostic(occurrence, RemoteLinkRules.deadLink, .error, message))
                continue
            }
            if options.remoteFragments, let fragment = item.fragment, let anchors = probe.anchors,
                !fragmentFound(fragment, in: anchors, host: target.url.host)
            {
                let shown = LinkTextDecoding.percentDecoded(fragment)
                var message = "no anchor #\(shown) in \(target.url.withoutFragment) (no id or name attribute with that value)"
                if probe.truncated { message += " in the first \(options.policy.maxBodyBytes / 1024) KiB read" }
                diagnostics.append(diagnostic(occurrence, RemoteLinkRules.missingRemoteFragment, .error, message))
                continue
            }
            if options.verbose {
                diagnostics.append(diagnostic(occurrence, RemoteLinkRules.linkOK, .note, "alive: \(RemoteLinkRules.statusText(status))"))
            }
        }

        // One summary per host that was never reached, when several links point there.
        for (host, entry) in unreachableByHost where !answeredHosts.contains(host) && entry.occurrences.count >= 2 {
            let first = entry.occurrences.min { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) } ?? entry.occurrences[0]
            diagnostics.append(
                Diagnostic(
                    rule: RemoteLinkRules.hostUnreachable, severity: .error, file: first.file, line: first.line, column: first.column,
                    message: "host unreachable: \(entry.occurrences.count) links (\(entry.reason)); "
                        + "check the host name, or ignore it if this runner cannot reach it",
                    target: entry.display))
        }

        // Successes go into the cache; failures leave it. A run without TLS verification stores
        // nothing: a later verified run must not take its word for a certificate it never checked.
        if options.policy.verifyTLS, var store = cache {
            for (index, target) in targets.enumerated() {
                guard let probe = results[index] else { continue }
                let key = target.url.withoutFragment
                if probe.failure == nil, let status = probe.status, isAlive(status, options) {
                    let previous = store.entry(for: key)
                    let fresh = toProbe.contains(index)
                    store.store(
                        key,
                        ProbeCache.Entry(
                            status: status, checked: fresh ? options.now : (previous?.checked ?? options.now),
                            anchors: probe.anchors ?? previous?.anchors))
                } else {
                    store.remove(key)
                }
            }
            do {
                try store.save()
            } catch {
                result.cacheProblem = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            }
            cache = store
        }

        result.diagnostics = diagnostics
        return result
    }

    static func isAlive(_ status: Int, _ options: RemoteCheckOptions) -> Bool {
        options.aliveStatusCodes?.contains(status) ?? (200..<300).contains(status)
    }

    /// GitHub prefixes rendered ids with `user-content-` and its scripts map `#x` to it; `#top` is the
    /// top of any page (HTML spec); GitHub's code views answer line anchors (`#L10`, `#L10-L20`).
    static func fragmentFound(_ fragment: String, in anchors: Set<String>, host: String) -> Bool {
        let decoded = LinkTextDecoding.percentDecoded(fragment)
        for candidate in [fragment, decoded] {
            if anchors.contains(candidate) || anchors.contains("user-content-" + candidate) { return true }
            if candidate.lowercased() == "top" { return true }
        }
        if host == "github.com" || host.hasSuffix(".github.com") {
            if decoded.range(of: #"^L\d+(C\d+)?(-L\d+(C\d+)?)?$"#, options: .regularExpression) != nil { return true }
        }
        return false
    }

    /// `file:` URLs, written so or made by a `{{BASEURL}}` replacement: the file must exist inside
    /// the root. `replaced` says which, so the message names replacementPatterns only when one applied.
    static func fileProblem(_ url: String, root: String, replaced: Bool = false) -> String? {
        let after = replaced ? " (after replacementPatterns)" : ""
        var path = String(url.dropFirst("file:".count))
        if path.hasPrefix("//") {
            path = String(path.dropFirst(2))
            // file://host/path: only an empty host or localhost is this machine.
            if let slash = path.firstIndex(of: "/") {
                let host = path[..<slash]
                guard host.isEmpty || host == "localhost" else { return "file url on another host (\(host)) is not checked" }
                path = String(path[slash...])
            }
        }
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        path = LinkTextDecoding.percentDecoded(path)
        let standardised = (path as NSString).standardizingPath
        guard standardised == root || standardised.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            return "dead link: \(standardised) is outside the repository root\(after)"
        }
        return FileManager.default.fileExists(atPath: standardised)
            ? nil : "dead link: no file at \(standardised)\(after)"
    }
}

/// Percent-decoding for messages and anchor comparison; malformed escapes stay as written.
enum LinkTextDecoding {
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        return text.removingPercentEncoding ?? text
    }
}
