import CoverageFuzzing
import FuzzSupport

/// check-coverage's report reader on inputs grown from the LCOV fixtures (seeds: scripts/fuzz).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLCOV(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzCoverageReport(start, count, kind: .lcov)
}

runLibFuzzer(fuzzLCOV)
