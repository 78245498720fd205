#!/usr/bin/env bash
# Regenerates coverage.info: LCOV written by `llvm-cov export -format=lcov` from a Swift test run of
# Sources/Demo, built in a throwaway package at a fixed path (SF: lines name that path).
# Made with Swift 6.3.1 (swift-6.3.1-RELEASE) and the toolchain's own llvm-cov on Debian 12 (Debian's
# /usr/bin/llvm-cov is LLVM 14 and rejects the toolchain's profile format: "unsupported
# instrumentation profile format version"):
#   ./make.sh
set -euo pipefail
cd "$(dirname "$0")"
here=$PWD
pkg=/tmp/autogit-swift-demo
rm -rf "$pkg" && mkdir -p "$pkg/Tests/DemoTests" && cp -r Sources "$pkg/"
cat > "$pkg/Package.swift" <<'SWIFT'
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "Demo",
    targets: [.target(name: "Demo"), .testTarget(name: "DemoTests", dependencies: ["Demo"])])
SWIFT
cat > "$pkg/Tests/DemoTests/TemperatureTests.swift" <<'SWIFT'
import Demo
import XCTest
final class TemperatureTests: XCTestCase {
    func testConversionAndLabels() {
        XCTAssertEqual(Temperature.celsius(fromFahrenheit: 212), 100)
        XCTAssertEqual(Temperature.label(celsius: -5), "freezing")
        XCTAssertEqual(Temperature.label(celsius: 30), "warm")
    }
}
SWIFT
llvm_cov=${LLVM_COV:-$(dirname "$(readlink -f "$(command -v swift)")")/llvm-cov}
(
  cd "$pkg"
  swift test --enable-code-coverage
  bin=$(swift build --show-bin-path)
  "$llvm_cov" export -format=lcov -instr-profile "$bin/codecov/default.profdata" "$bin/DemoPackageTests.xctest" \
    -ignore-filename-regex='(\.build|Tests)/' > "$here/coverage.info"
)
rm -rf "$pkg"
