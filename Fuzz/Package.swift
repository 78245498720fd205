// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for the readers that take untrusted input (issue 8), one executable each. Built
// only with the fuzzer runtime, whose driver calls each target's `LLVMFuzzerTestOneInput`:
//
//     swift build -c debug -Xswiftc -sanitize=fuzzer,address --package-path Fuzz
//
// `scripts/fuzz` builds and runs them. A plain `swift build` of this package does not link (no
// libFuzzer); the regression inputs it finds are replayed by the main package's unit tests instead.

// Each target's main.swift defines `LLVMFuzzerTestOneInput` and hands it to libFuzzer's driver
// (FuzzSupport/Driver.swift says why the driver and not libFuzzer's own `main`).
let package = Package(
    name: "autogit-checks-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "autogit-checks", path: "..")
    ],
    targets: [
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        .target(
            name: "CoverageFuzzing",
            dependencies: ["FuzzSupport", .product(name: "Coverage", package: "autogit-checks")]),
        .executableTarget(
            name: "FuzzMarkdown",
            dependencies: ["FuzzSupport", .product(name: "Markdown", package: "autogit-checks")]),
        .executableTarget(
            name: "FuzzCobertura",
            dependencies: ["CoverageFuzzing"]),
        .executableTarget(
            name: "FuzzJaCoCo",
            dependencies: ["CoverageFuzzing"]),
        .executableTarget(
            name: "FuzzLCOV",
            dependencies: ["CoverageFuzzing"]),
        .executableTarget(
            name: "FuzzBenchmarkReaders",
            dependencies: ["FuzzSupport", .product(name: "Benchmarks", package: "autogit-checks")]),
        .executableTarget(
            name: "FuzzLinkCheckConfig",
            dependencies: ["FuzzSupport", .product(name: "LinkProbe", package: "autogit-checks")]),
        .executableTarget(
            name: "FuzzConfig",
            dependencies: ["FuzzSupport", .product(name: "ChecksCore", package: "autogit-checks")]),
    ]
)
