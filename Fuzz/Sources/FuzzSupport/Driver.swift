import CLibFuzzer
import Foundation

/// What libFuzzer calls with each input: `LLVMFuzzerTestOneInput`'s C signature.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Hands the process to libFuzzer with `target`; every target's main.swift calls this and nothing
/// else at top level.
///
/// Why not libFuzzer's own `main`: SwiftPM (tools 5.5 and later) links every executable target with
/// `--defsym main=<Target>_main`, so a target must define that entry point and cannot leave `main`
/// to the runtime (the `-parse-as-library` recipe of older manifests fails to link). Defining it
/// keeps libFuzzer's `main` out of the link, and `LLVMFuzzerRunDriver` runs the same driver with the
/// same flags.
public func runLibFuzzer(_ target: FuzzTarget) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, target))
}
