import CoverageFuzzing
import FuzzSupport

/// check-coverage's report reader on inputs grown from the JaCoCo fixtures (seeds: scripts/fuzz).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJaCoCo(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzCoverageReport(start, count, kind: .xml)
}

runLibFuzzer(fuzzJaCoCo)
