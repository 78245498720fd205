import Testing
@testable import Benchmarks
