import FuzzSupport
import LinkProbe

/// check-doc-links' reader of markdown-link-check's JSON configuration: the JSON parser (`JSONText`),
/// the translation of JavaScript regexes to ICU (`JSRegex`), `{{env.NAME}}` and `{{BASEURL}}`
/// substitution and every key's checks. The compiled patterns are not run: a pattern that
/// backtracks forever is the configuration's author's own choice, not untrusted input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLinkCheckConfig(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    // The file reader refuses what is not UTF-8 before parsing; only text reaches the parser.
    guard let text = String(validating: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self) else {
        return -1
    }
    guard
        let config = try? MarkdownLinkCheckConfig.parse(
            text, file: ".markdown-link-check.json", environment: ["TOKEN": "secret", "PORT": "8080"],
            projectBaseUrl: "file:///work")
    else { return 0 }
    if let timeout = config.timeout { fuzzCheck(timeout.isFinite && timeout >= 0, "timeout \(timeout)") }
    if let delay = config.fallbackRetryDelay { fuzzCheck(delay.isFinite && delay >= 0, "fallbackRetryDelay \(delay)") }
    if let count = config.retryCount { fuzzCheck(count >= 0, "retryCount \(count)") }
    return 0
}

runLibFuzzer(fuzzLinkCheckConfig)
