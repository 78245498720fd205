"""benchmarks: compare-benchmarks against `pytest-benchmark compare` on one pair of saved runs.

Goal (issue 6): compare-benchmarks at most 0.2 × `pytest-benchmark compare`'s wall time on the same
pair of pytest-benchmark files saved with --benchmark-save-data (several MB each).

The pair is made at bench time by running a generated pytest-benchmark suite twice (the second run
with 30 % more work in six of the eight benchmarks) with pytest-benchmark's own storage, and cached in
.bench/benchmarks/ keyed by the versions and settings below.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from ..model import Goal, Plan, Subject, Tool
from ..setup import Context, SetupError, capture, log

NAME = "benchmarks"
SUMMARY = "compare-benchmarks vs pytest-benchmark compare on two runs saved with --benchmark-save-data"
TITLE = "benchmarks: comparing two pytest-benchmark runs"

PEERS = {"pytest": "9.0.3", "pytest-benchmark": "5.2.3"}
# Tiny benchmarks and a short max time: about 50k rounds each, so each saved file is several MB of
# `stats.data` while the two pytest runs take seconds.
MAX_TIME = "0.05"
SUITE = '''\
import os

import pytest

SCALE = float(os.environ.get("BENCH_SCALE", "1"))


@pytest.mark.parametrize("n", [10, 20, 40, 80, 160, 320])
def test_sum(benchmark, n):
    benchmark(sum, range(int(n * SCALE)))


@pytest.mark.parametrize("n", [10, 100])
def test_sorted(benchmark, n):
    data = list(range(n))[::-1]
    benchmark(sorted, data)
'''

# compare-benchmarks: failed: 3 errors, 0 warnings (8 benchmarks, 3 regressed, ...)
OURS_SUMMARY = re.compile(r"\((\d+) benchmarks?, (\d+) regressed")


def ours_findings(stdout: str, stderr: str) -> str | None:
    match = OURS_SUMMARY.search(stdout)
    return f"{match.group(2)} regressed" if match else None


def make_pair(ctx: Context, peers: Path) -> Path:
    """The folder holding base.json and current.json, generated once per settings."""
    folder = ctx.work / "benchmarks" / f"pair-pb{PEERS['pytest-benchmark']}-t{MAX_TIME}"
    if (folder / "base.json").exists() and (folder / "current.json").exists():
        return folder
    log(f"generating the pytest-benchmark pair in {folder.relative_to(ctx.repo)}")
    suite = folder / "suite"
    (suite / "tests").mkdir(parents=True, exist_ok=True)
    (suite / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider\n")
    (suite / "tests" / "test_many.py").write_text(SUITE)
    storage = folder / "storage"
    for save, scale in (("base", "1"), ("current", "1.3")):
        argv = [str(peers / "pytest"), "tests", "-q", "--benchmark-only", f"--benchmark-max-time={MAX_TIME}",
                "--benchmark-min-time=0.000002", "--benchmark-disable-gc", f"--benchmark-save={save}",
                "--benchmark-save-data", f"--benchmark-storage=file://{storage}"]
        done = subprocess.run(argv, cwd=suite, env={**ctx.measured_env(), "BENCH_SCALE": scale},
                              stdout=sys.stderr, stderr=sys.stderr)
        if done.returncode != 0:
            raise SetupError(f"pytest-benchmark run for {save} failed (exit {done.returncode})")
    for save in ("base", "current"):
        found = sorted(storage.glob(f"*/*_{save}.json"))
        if not found:
            raise SetupError(f"pytest-benchmark saved no {save} run under {storage}")
        found[-1].rename(folder / f"{save}.json")
    return folder


def plan(ctx: Context) -> Plan:
    peers = ctx.ensure_pip(PEERS)
    ours = str(ctx.swift_products("compare-benchmarks") / "compare-benchmarks")
    pytest_benchmark = str(peers / "pytest-benchmark")
    pair = make_pair(ctx, peers)
    # Nothing above the pair's folder is a git work tree or a configuration for the tools.
    env = ctx.measured_env(GIT_CEILING_DIRECTORIES=str(pair.parent.resolve()))
    files = [pair / "base.json", pair / "current.json"]
    size = sum(f.stat().st_size for f in files)
    subjects = [Subject(name="pytest-benchmark pair", path=pair, files=2, bytes=size)]

    tools = [
        Tool("compare-benchmarks", lambda s: [[ours, "base.json", "current.json"]], ours_findings,
             shown_as="compare-benchmarks base.json current.json"),
        Tool("compare-benchmarks --fail-on", lambda s: [[ours, "base.json", "current.json", "--fail-on", "min:5%"]],
             ours_findings, shown_as="compare-benchmarks base.json current.json --fail-on min:5%"),
        # pytest-benchmark compare has no verdicts (and exits 0), so there are no findings to parse.
        Tool("pytest-benchmark compare", lambda s: [[pytest_benchmark, "compare", "base.json", "current.json"]],
             None, shown_as="pytest-benchmark compare base.json current.json"),
    ]
    rounds = []
    for f in files:
        rounds.append(capture([str(peers / "python"), "-c",
                               "import json,sys; d=json.load(open(sys.argv[1])); "
                               "print(sum(b['stats']['rounds'] for b in d['benchmarks']))", str(f)]) or "?")
    versions = {
        "compare-benchmarks": capture([ours, "--version"]) or "unknown",
        "pytest-benchmark": PEERS["pytest-benchmark"],
        "pytest": PEERS["pytest"],
    }
    notes = [
        "input: two runs of a generated 8-benchmark pytest-benchmark suite saved with "
        f"`--benchmark-save --benchmark-save-data --benchmark-max-time={MAX_TIME}` (in the second, the six "
        f"`test_sum` benchmarks do 30 % more work); rounds in `stats.data`: {' and '.join(rounds)}",
        "findings: compare-benchmarks' regressed count (one run per side, so the default rule can only "
        "say `suspect`; `--fail-on min:5%` is pytest-benchmark's own check); pytest-benchmark compare "
        "prints a table and judges nothing",
    ]
    return Plan(
        suite=NAME,
        title=TITLE,
        subjects=subjects,
        tools=tools,
        ratios=[("× pytest-benchmark compare", "pytest-benchmark compare")],
        goals=[Goal("compare-benchmarks", "pytest-benchmark compare", 0.2),
               Goal("compare-benchmarks --fail-on", "pytest-benchmark compare", 0.2)],
        versions=versions,
        env=env,
        notes=notes,
        subject_label="input",
        input_label="JSON read",
        commands_where="run in the folder holding the pair",
    )
