"""scripts/bench's command line: pick suites, prepare them, run interleaved rounds, report."""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from . import report
from .measure import run_unit
from .model import Plan
from .setup import Context, SetupError, log, machine_facts
from .suites import BY_NAME, SUITES


def parse(argv: list[str], repo: Path) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/bench",
        description="Benchmark autogit-checks' tools against their peers on the shared corpora.",
        epilog="suites: " + "; ".join(f"{s.NAME}: {s.SUMMARY}" for s in SUITES),
    )
    parser.add_argument("suites", nargs="*", metavar="SUITE", help="suites to run (default: all)")
    parser.add_argument("--runs", type=int, default=5, help="timed rounds after the warm-up (default: 5)")
    parser.add_argument("--write-docs", action="store_true",
                        help="rewrite each suite's generated region in docs/benchmarks.md")
    parser.add_argument("--corpora", type=Path, default=repo.parent / "shared" / "corpora",
                        help="folder of corpus tarballs (default: ../shared/corpora from the repository)")
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="only corpora whose name contains NAME (repeatable)")
    parser.add_argument("--no-build", action="store_true",
                        help="use the existing release build instead of running swift build")
    parser.add_argument("--list", action="store_true", help="list the suites and exit")
    args = parser.parse_args(argv)
    unknown = [s for s in args.suites if s not in BY_NAME]
    if unknown:
        parser.error(f"unknown suite {', '.join(unknown)}; have {', '.join(BY_NAME)}")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.write_docs and args.only:
        parser.error("--write-docs needs every corpus; drop --only")
    return args


def repository_root() -> Path:
    here = Path(__file__).resolve().parent
    top = subprocess.run(["git", "-C", str(here), "rev-parse", "--show-toplevel"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if top.returncode == 0 and top.stdout.strip():
        return Path(top.stdout.decode().strip())
    return here.parent.parent  # scripts/bench_lib → repository root


def main(argv: list[str]) -> int:
    repo = repository_root()
    args = parse(argv, repo)
    if args.list:
        for suite in SUITES:
            print(f"{suite.NAME}\t{suite.SUMMARY}")
        return 0
    suites = [BY_NAME[name] for name in args.suites] if args.suites else SUITES

    try:
        ctx = Context(repo, args.corpora.resolve(), build=not args.no_build, only=args.only)
        plans: list[Plan] = [suite.plan(ctx) for suite in suites]
        rss_probe = rss_probe_path(ctx)
    except (SetupError, subprocess.CalledProcessError) as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2

    facts = machine_facts(repo)
    print("# autogit-checks benchmarks\n")
    print("\n".join(report.machine_lines(facts)))
    for plan in plans:
        print(f"- {plan.suite} versions: " + ", ".join(f"{k} {v}" for k, v in plan.versions.items()))
    print()

    load_before = load_average()
    results = measure_all(plans, ctx.work / "out", args.runs, rss_probe)
    # Other work on the machine shows up as spread; the load average says how busy it was.
    facts["load"] = f"{load_before} before, {load_average()} after"
    print(f"- load average (1 min): {facts['load']}\n")

    all_met = True
    for plan in plans:
        print(f"## {plan.title}\n")
        for tool in plan.tools:
            print(f"- {tool.name}: `{tool.shown_as}`")
        print()
        print(report.table(plan, results))
        print()
        lines, met = report.goal_lines(plan, results)
        all_met &= met
        for line in lines:
            print(line)
        print()
        warn_if_suspicious(plan, results)
        if args.write_docs:
            doc = repo / "docs" / "benchmarks.md"
            report.write_region(doc, plan.suite, plan.title,
                                report.suite_section(plan, results, facts, args.runs))
            log(f"wrote the {plan.suite} section of {doc.relative_to(repo)}")
    # Missing a goal is a result, not a failure of the benchmark: exit 0 either way.
    if not all_met:
        log("some goals are not met (✗ above)")
    return 0


def load_average() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except (OSError, IndexError):
        return "unknown"


def rss_probe_path(ctx: Context) -> str | None:
    """GNU time, which reads the tool's peak RSS without the harness's own (see measure.py)."""
    try:
        return ctx.ensure_apt("time", "/usr/bin/time")
    except SetupError as error:
        log(f"warning: {error}; peak RSS falls back to os.wait4 and includes the harness's ~15 MiB")
        return None


def measure_all(plans: list[Plan], out_dir: Path, runs: int, rss_probe: str | None) -> report.Results:
    """One untimed warm-up round, then `runs` timed rounds; each round runs every tool of every
    suite on every subject once, in a fixed order, so slow drift of the machine hits all alike."""
    jobs = []
    for plan in plans:
        for subject in plan.subjects:
            for tool in plan.tools:
                folder = out_dir / plan.suite / subject.name
                folder.mkdir(parents=True, exist_ok=True)
                slug = tool.name.replace(" ", "-")
                jobs.append((plan, subject, tool, folder / f"{slug}.out", folder / f"{slug}.err"))
    results: report.Results = {(p.suite, s.name, t.name): report.Cell() for p, s, t, _, _ in jobs}

    started = time.perf_counter()
    for round_number in range(runs + 1):
        timed = round_number > 0
        label = f"round {round_number}/{runs}" if timed else "warm-up"
        round_start = time.perf_counter()
        for plan, subject, tool, out_path, err_path in jobs:
            sample = run_unit(tool.commands(subject), subject.path, plan.env,
                              None if tool.discard_stdout else out_path, err_path, rss_probe)
            if timed:
                cell = results[(plan.suite, subject.name, tool.name)]
                cell.samples.append(sample)
                cell.exit_codes.update(sample.exit_codes)
        log(f"{label} done in {time.perf_counter() - round_start:.1f} s")
    log(f"measured {len(jobs)} pairs × {runs} rounds in {time.perf_counter() - started:.0f} s")

    # Findings from the last run's reports (the tools are deterministic on a fixed tree).
    for plan, subject, tool, out_path, err_path in jobs:
        if tool.findings is None:
            results[(plan.suite, subject.name, tool.name)].findings = "—"
            continue
        stdout = "" if tool.discard_stdout else out_path.read_text("utf-8", "replace")
        stderr = err_path.read_text("utf-8", "replace")
        results[(plan.suite, subject.name, tool.name)].findings = tool.findings(stdout, stderr)
    return results


def warn_if_suspicious(plan: Plan, results: report.Results) -> None:
    """A tool that exits with a usage/runtime error, or finds no input, measures nothing useful."""
    for subject in plan.subjects:
        for tool in plan.tools:
            cell = results[(plan.suite, subject.name, tool.name)]
            bad = [code for code in cell.exit_codes if code not in (0, 1, 2) or code < 0]
            if bad:
                log(f"warning: {tool.name} on {subject.name} exited {bad}; see .bench/out/{plan.suite}/")
            if cell.findings is None:
                log(f"warning: could not read {tool.name}'s findings on {subject.name}; "
                    f"see .bench/out/{plan.suite}/{subject.name}/")
