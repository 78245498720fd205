#!/usr/bin/env bash
# Regenerates the compare-benchmarks fixtures from real runs. Timings differ on every run, so the
# goldens that depend on them (Fixtures/bench/expected/*) must be re-recorded afterwards:
#   RECORD=1 swift test --filter CompareBenchmarks
# Tools used when the fixtures were committed: pytest 9.0.3, pytest-benchmark 5.2.3, hyperfine 1.15.0,
# g++ 12 with Debian's libbenchmark-dev 1.7.1 (Google Benchmark). Go is not installed here, so
# go/*.txt are written by hand in the `go test -bench` format (see go/README.md).
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ in the fixture suite
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

# Few, long-ish rounds keep each file small (tens of KB even with stats.data).
pb_opts=(--benchmark-only -q --benchmark-max-time=0.002 --benchmark-min-rounds=5 --benchmark-min-time=0.00005)

# --- runs/: five interleaved process runs per side, each written with --benchmark-json (with data)
# current: test_sort about 50 % slower, test_sum_large twice as fast, test_join new, test_format gone.
rm -rf runs && mkdir -p runs/baseline runs/current
for i in 1 2 3 4 5; do
  (cd suite && pytest tests/benchmarks "${pb_opts[@]}" --benchmark-json="$here/runs/baseline/run-$i.json") >/dev/null
  (cd suite && BENCH_SORT_SCALE=1.5 BENCH_SUM_SCALE=0.5 BENCH_NEW=1 BENCH_DROP=1 \
    pytest tests/benchmarks "${pb_opts[@]}" --benchmark-json="$here/runs/current/run-$i.json") >/dev/null
done

# --- storage/: pytest-benchmark's own storage, autosaved from a throw-away git repository so the file
# names carry a real commit id. 0001 with --benchmark-save-data on a dirty tree (…_uncommited-changes,
# pytest-benchmark 5.2.3's spelling), 0002 clean without data and with the slower sort, 0003 a copy of
# 0001 renamed to master's `uncommitted` spelling (no release writes it yet).
rm -rf storage && mkdir -p storage
repo="$(mktemp -d)"
trap 'rm -rf "$repo"' EXIT
cp -r suite/. "$repo/"
git -C "$repo" init -q && git -C "$repo" -c user.name=fixtures -c user.email=fixtures@example.invalid add -A
git -C "$repo" -c user.name=fixtures -c user.email=fixtures@example.invalid commit -q -m suite
echo "# dirty" >> "$repo/pytest.ini"
(cd "$repo" && pytest tests/benchmarks "${pb_opts[@]}" --benchmark-autosave --benchmark-save-data \
  --benchmark-storage="file://$here/storage/.benchmarks") >/dev/null
cp suite/pytest.ini "$repo/pytest.ini"  # back to the committed content: a clean tree
sleep 1
(cd "$repo" && BENCH_SORT_SCALE=1.5 pytest tests/benchmarks "${pb_opts[@]}" --benchmark-autosave \
  --benchmark-storage="file://$here/storage/.benchmarks") >/dev/null
machine_dir="$(ls storage/.benchmarks)"
first="$(ls storage/.benchmarks/"$machine_dir"/0001_*)"
cp "$first" "storage/.benchmarks/$machine_dir/$(basename "$first" | sed -e 's/^0001_/0003_/' -e 's/uncommited/uncommitted/')"

# --- mismatch/: run-1 of the baseline as if measured on another CPU and Python (edited copy).
rm -rf mismatch && mkdir -p mismatch
python3 - "$here/runs/baseline/run-1.json" "$here/mismatch/baseline.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["machine_info"]["cpu"]["brand_raw"] = "Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz"
doc["machine_info"]["python_version"] = "3.12.1"
json.dump(doc, open(sys.argv[2], "w"), indent=4)
PY

# --- google/: Google Benchmark JSON, 5 repetitions; current has BM_Sort on twice the input.
rm -rf google/*.json && mkdir -p google
g++ -O2 -std=c++17 google/bench.cc -o "$repo/gbench" -lbenchmark -lpthread
"$repo/gbench" --benchmark_repetitions=5 --benchmark_min_time=0.01 --benchmark_format=json --benchmark_out_format=json \
  --benchmark_out=google/baseline.json >/dev/null
GBENCH_SORT_SCALE=2 "$repo/gbench" --benchmark_repetitions=5 --benchmark_min_time=0.01 --benchmark_format=json \
  --benchmark_out_format=json --benchmark_out=google/current.json >/dev/null

# --- hyperfine/: hyperfine --export-json, 6 runs per command; `slow` sleeps 50 % longer in current.
rm -rf hyperfine && mkdir -p hyperfine
hyperfine -N --runs 6 --warmup 1 --export-json hyperfine/baseline.json -n fast 'sleep 0.005' -n slow 'sleep 0.02' >/dev/null
hyperfine -N --runs 6 --warmup 1 --export-json hyperfine/current.json -n fast 'sleep 0.005' -n slow 'sleep 0.03' >/dev/null

# --- bad/: broken inputs, each must give exit 2 with one line naming the file.
rm -rf bad && mkdir -p bad
: > bad/empty.json
head -c 700 runs/baseline/run-1.json > bad/truncated.json
echo '{"benchmarks": {"fullname": "not a list"}}' > bad/wrong-shape.json
echo '[1, 2, 3]' > bad/array.json
echo 'not a benchmark file' > bad/unknown.txt
python3 - "$here/runs/baseline/run-1.json" "$here/bad" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["benchmarks"] = doc["benchmarks"][:1]
doc["benchmarks"][0]["stats"].pop("data", None)
nan = json.loads(json.dumps(doc))
nan["benchmarks"][0]["stats"]["min"] = float("nan")
json.dump(nan, open(sys.argv[2] + "/nan.json", "w"), indent=1)  # Python writes a bare NaN token
neg = json.loads(json.dumps(doc))
neg["benchmarks"][0]["stats"]["min"] = -1.5e-06
json.dump(neg, open(sys.argv[2] + "/negative.json", "w"), indent=1)
missing = json.loads(json.dumps(doc))
del missing["benchmarks"][0]["stats"]["median"]
json.dump(missing, open(sys.argv[2] + "/missing-stat.json", "w"), indent=1)
PY
echo "fixtures written under $here"
