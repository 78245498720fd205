// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "autogit-checks",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "check-doc-refs", targets: ["check-doc-refs"]),
        .library(name: "ChecksCore", targets: ["ChecksCore"]),
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
        .target(name: "ChecksCLI", dependencies: [
            "ChecksCore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "check-doc-refs", dependencies: [
            "ChecksCLI", "DocChecks", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "ChecksTestSupport", dependencies: ["ChecksCore"]),

        .testTarget(name: "ChecksCoreTests", dependencies: ["ChecksCore", "ChecksTestSupport"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "ChecksTestSupport"]),
        .testTarget(name: "DocChecksTests", dependencies: ["DocChecks", "ChecksTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["ChecksTestSupport", "check-doc-refs"]),
    ]
)
