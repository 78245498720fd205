/// LeakSanitizer's built-in settings for every program that links ChecksCore (the five tools, the
/// test runner, the fuzz targets). The sanitizer runtime calls these hooks at start-up when the
/// program was built with `--sanitize=address` or `-sanitize=fuzzer,address`
/// (sanitizer/lsan_interface.h); in an ordinary build nothing calls them.
///
/// They live in the program rather than in `LSAN_OPTIONS` because the CLI tests start the tools with
/// a clean environment, and a leak report makes a tool exit non-zero, failing tests that have
/// nothing wrong (`scripts/sanitize address`).
///
/// Each suppression names leaks that are TOMLKit's (0.6, the TOML parser this folder uses) or
/// Foundation's, none ours:
/// - `TOMLKit`: `TOMLTable(string:)` never frees its error buffer nor the toml++ tree it parses, and
///   `TOMLTable.keys` never frees the C array and strings `tableGetKeys` mallocs. A few hundred
///   bytes per configuration file, once per run.
/// - `libstdc++`: toml++ is the only C++ in these programs, and LeakSanitizer's fast unwinder stops
///   inside libstdc++'s `operator new` (built without frame pointers), so some of the same leaks show
///   no TOMLKit frame.
/// - `_CFRegularExpressionCreate`: swift-corelibs-foundation's `NSRegularExpression(pattern:)` leaks
///   its 592-byte CF object (found by the FuzzLinkCheckConfig fuzz target, on `ignorePatterns` and
///   `replacementPatterns` of a markdown-link-check file): once per pattern, once per run.
/// Any other leak, in our code or the C libraries we call, is still reported.
@_cdecl("__lsan_default_suppressions")
public func leakSanitizerDefaultSuppressions() -> UnsafePointer<CChar> {
    UnsafeRawPointer(suppressions.utf8Start).assumingMemoryBound(to: CChar.self)
}

/// `print_suppressions=0`: the runtime would otherwise print a table of the suppressions it used to
/// stderr at every exit, which is part of what the CLI tests compare.
@_cdecl("__lsan_default_options")
public func leakSanitizerDefaultOptions() -> UnsafePointer<CChar> {
    UnsafeRawPointer(options.utf8Start).assumingMemoryBound(to: CChar.self)
}

// NUL-terminated, with static storage: the runtime keeps the pointers.
private let suppressions: StaticString = "leak:TOMLKit\nleak:libstdc++\nleak:_CFRegularExpressionCreate\n\0"
private let options: StaticString = "print_suppressions=0\0"
