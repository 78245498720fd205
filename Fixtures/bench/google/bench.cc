// A tiny Google Benchmark program whose JSON output is a compare-benchmarks fixture (see ../make.sh).
// GBENCH_SORT_SCALE multiplies BM_Sort's input, to make a real regression.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <vector>

static double scale() {
  const char* value = std::getenv("GBENCH_SORT_SCALE");
  return value ? std::atof(value) : 1.0;
}

static void BM_Sum(benchmark::State& state) {
  std::vector<int> v(state.range(0));
  std::iota(v.begin(), v.end(), 0);
  for (auto _ : state) {
    benchmark::DoNotOptimize(std::accumulate(v.begin(), v.end(), 0LL));
  }
}
BENCHMARK(BM_Sum)->Arg(1000)->Arg(10000);

static void BM_Sort(benchmark::State& state) {
  const auto n = static_cast<size_t>(state.range(0) * scale());
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<int> v(n);
    std::iota(v.rbegin(), v.rend(), 0);
    state.ResumeTiming();
    std::sort(v.begin(), v.end());
    benchmark::DoNotOptimize(v.data());
  }
}
BENCHMARK(BM_Sort)->Arg(4096);

BENCHMARK_MAIN();
