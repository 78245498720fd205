import ChecksCore

/// A `javascript:`, `vbscript:` or `data:` target. GitHub's HTML sanitizer drops such an `href` or
/// `src` when it renders the page, so readers get plain text or a missing image (markdown-link-check
/// only marks such links "Unsupported Protocol", which never fails a run). A warning, not an error:
/// some site generators keep `data:` images.
public struct StrippedLinkRule: DocRefsRule {
    public static let id = "stripped-link"
    public static let severity = Severity.warning
    public static let summary = "a javascript:, vbscript: or data: target, which GitHub removes when it renders the page"
    public init() {}

    /// The schemes no sanitizer lets through, lower-case, with their colon.
    static let schemes = ["javascript:", "vbscript:", "data:"]

    public func check(_ file: CheckedFile) -> [Diagnostic] {
        file.links.compactMap { resolved in
            guard !resolved.isIgnored, let scheme = Self.strippedScheme(of: resolved.link.destination) else { return nil }
            let what = resolved.link.kind == .image ? "image" : "link"
            return diagnostic(
                file, at: resolved.link.position,
                "\(scheme) \(what) target: GitHub removes it when it renders the page, so readers see "
                    + (what == "image" ? "no image" : "plain text"),
                target: resolved.link.destination)
        }
    }

    /// The scheme as a browser reads it: leading blanks and controls skipped, tabs and line breaks
    /// inside ignored, letter case ignored (`JaVa\tScRiPt:` is `javascript:`).
    static func strippedScheme(of destination: String) -> String? {
        var scheme = ""
        for scalar in destination.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" || (scheme.isEmpty && scalar.value <= 0x20) { continue }
            // Longer than the longest scheme looked for, or a character no scheme has.
            guard scalar.isASCII, scalar.value > 0x20, scheme.utf8.count < 11 else { return nil }
            scheme.unicodeScalars.append(scalar)
            if scalar == ":" {
                let lower = scheme.lowercased()
                return schemes.contains(lower) ? lower : nil
            }
        }
        return nil
    }
}
