// Placeholder until its issue lands: the tool is not implemented yet, so it says so and fails.
import ChecksCLI
import Benchmarks
FileHandleErrorPrinter.notImplemented("compare-benchmarks")
