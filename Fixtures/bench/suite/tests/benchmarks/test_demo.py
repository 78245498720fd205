"""A tiny pytest-benchmark suite whose runs are the fixtures of compare-benchmarks.

Environment knobs (read at import, so one pytest process is one configuration):
- BENCH_SORT_SCALE: multiplies the input of test_sort (1.5 makes it about 50 % slower: a real regression);
- BENCH_SUM_SCALE:  multiplies the input of test_sum_large (0.5 makes it about twice as fast);
- BENCH_NEW=1:      adds test_join (a benchmark the baseline does not have);
- BENCH_DROP=1:     removes test_format (a benchmark that goes missing).
"""
import os
import time

import pytest

SORT_SCALE = float(os.environ.get("BENCH_SORT_SCALE", "1"))
SUM_SCALE = float(os.environ.get("BENCH_SUM_SCALE", "1"))


def total(n):
    return sum(range(n))


def test_sum_small(benchmark):
    benchmark(total, 2_000)


def test_sum_large(benchmark):
    benchmark(total, int(20_000 * SUM_SCALE))


@pytest.mark.parametrize("size", [100, 1000])
def test_sort(benchmark, size):
    data = list(range(int(size * SORT_SCALE)))[::-1]
    benchmark(sorted, data)


def test_sleep(benchmark):
    # Timer-bound: a few per cent of scheduler noise that no code change causes.
    benchmark.pedantic(time.sleep, args=(0.001,), rounds=7, iterations=1)


if not os.environ.get("BENCH_DROP"):

    def test_format(benchmark):
        benchmark(lambda: "-".join(f"{i:04d}" for i in range(200)))


if os.environ.get("BENCH_NEW"):

    def test_join(benchmark):
        benchmark(lambda: ",".join(map(str, range(300))))
