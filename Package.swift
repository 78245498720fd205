// swift-tools-version:6.0
import PackageDescription

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")

let package = Package(
    name: "autogit-checks",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "check-doc-refs", targets: ["check-doc-refs"]),
        .executable(name: "verify-doc-index", targets: ["verify-doc-index"]),
        .executable(name: "check-doc-links", targets: ["check-doc-links"]),
        .executable(name: "check-coverage", targets: ["check-coverage"]),
        .executable(name: "compare-benchmarks", targets: ["compare-benchmarks"]),
        // Libraries for the fuzz package in Fuzz/, which depends on this one by path.
        .library(name: "ChecksCore", targets: ["ChecksCore"]),
        .library(name: "Markdown", targets: ["Markdown"]),
        .library(name: "DocChecks", targets: ["DocChecks"]),
        .library(name: "Coverage", targets: ["Coverage"]),
        .library(name: "Benchmarks", targets: ["Benchmarks"]),
        .library(name: "LinkProbe", targets: ["LinkProbe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // System libraries: pkg-config supplies the flags, apt names the package to install.
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),

        // No C below this line except in the three edge modules (Markdown, LinkProbe, Coverage).
        .target(name: "ChecksCore", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "Markdown", dependencies: ["CCmark", "ChecksCore"]),
        .target(name: "DocChecks", dependencies: ["Markdown", "ChecksCore"]),
        .target(name: "LinkProbe", dependencies: ["CCurl", "ChecksCore"]),
        .target(name: "Coverage", dependencies: ["CLibXML2", "ChecksCore"]),
        .target(name: "Benchmarks", dependencies: ["ChecksCore"]),
        .target(name: "ChecksCLI", dependencies: ["ChecksCore", argumentParser]),

        // One thin command per tool.
        .executableTarget(name: "check-doc-refs", dependencies: ["ChecksCLI", "DocChecks", argumentParser]),
        .executableTarget(name: "verify-doc-index", dependencies: ["ChecksCLI", "DocChecks", argumentParser]),
        .executableTarget(name: "check-doc-links", dependencies: ["ChecksCLI", "DocChecks", "LinkProbe", argumentParser]),
        .executableTarget(name: "check-coverage", dependencies: ["ChecksCLI", "Coverage", argumentParser]),
        .executableTarget(name: "compare-benchmarks", dependencies: ["ChecksCLI", "Benchmarks", argumentParser]),

        .target(name: "ChecksTestSupport", dependencies: ["ChecksCore"]),

        .testTarget(name: "ChecksCoreTests", dependencies: ["ChecksCore", "ChecksTestSupport"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "ChecksTestSupport"]),
        .testTarget(name: "DocChecksTests", dependencies: ["DocChecks", "ChecksTestSupport"]),
        .testTarget(name: "LinkProbeTests", dependencies: ["LinkProbe", "ChecksTestSupport"]),
        .testTarget(name: "CoverageTests", dependencies: ["Coverage", "ChecksTestSupport"]),
        .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks", "ChecksTestSupport"]),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "ChecksTestSupport", "check-doc-refs", "verify-doc-index", "check-doc-links", "check-coverage",
                "compare-benchmarks",
            ]),
    ]
)
