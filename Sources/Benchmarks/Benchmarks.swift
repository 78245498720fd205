/// Benchmark readers, statistics and comparison rules (issue 6).
import ChecksCore
