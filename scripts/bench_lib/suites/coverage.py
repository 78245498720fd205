"""coverage: check-coverage against pycobertura and diff-cover, with xmllint's streaming parse as the floor.

Goal (issue 5): on a ~40 MB Cobertura report, check-coverage at most 1.5 × `xmllint --stream --noout`
on the same file (the parsing floor), at most 0.25 × pycobertura and diff-cover, and a peak RSS
under 64 MiB whatever the size.

The report is generated here, never committed: the classes of the real coverage.py report in
Fixtures/coverage/python/coverage.xml are repeated under new names (pkgNNNN/...) until the file
reaches TARGET_BYTES, next to a git repository holding one source file per class (the fixture's
own sources), with a branch that changes a few of them so the new-code gate and diff-cover have a
diff to read.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from ..model import Goal, Plan, Subject, Tool
from ..setup import Context, capture, log

NAME = "coverage"
SUMMARY = "check-coverage vs pycobertura, diff-cover and the xmllint --stream floor on a ~40 MB Cobertura report"
TITLE = "coverage: Cobertura report gates"

PEERS = {"pycobertura": "4.1.0", "diff-cover": "11.0.1"}
TARGET_BYTES = 40 * 1024 * 1024
GIT_ENV = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.com",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.com"}

# check-coverage: failed: 0 errors, 12 warnings (…)   and the overall gate row "✓  overall  all files  84%"
OURS_OVERALL = re.compile(r"overall\s+all files\s+([\d.]+%)")
# check-coverage --format json: the overall gate's unrounded percent
OURS_JSON_OVERALL = re.compile(r'"name": "overall",\s*"percent": ([\d.]+)')
# pycobertura show: "TOTAL   2080000   320000   84.62%"
PYCOBERTURA_TOTAL = re.compile(r"^TOTAL\s+.*?([\d.]+%)\s*$", re.M)
# diff-cover: "Coverage: 66%"
DIFF_COVER_TOTAL = re.compile(r"Coverage:\s*([\d.]+%)")


def build_subject(repo: Path, work: Path) -> Subject:
    """The generated report and its repository, rebuilt only when missing."""
    fixture = repo / "Fixtures" / "coverage" / "python"
    folder = work / "coverage" / "big-cobertura"
    stamp = folder / ".stamp"
    report = folder / "coverage.xml"
    if not stamp.exists():
        log("generating the ~40 MB Cobertura report")
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        text = (fixture / "coverage.xml").read_text()
        head, rest = text.split("<packages>", 1)
        packages, tail = rest.rsplit("</packages>", 1)
        sources = {p.relative_to(fixture / "src").as_posix(): p.read_text()
                   for p in (fixture / "src").rglob("*.py")}
        head = head.replace("<source>src</source>", "<source>src</source>")
        copies = 0
        files = 0
        (folder / "src").mkdir()
        with open(report, "w") as out:
            out.write(head + "<packages>\n")
            size = len(head)
            while size < TARGET_BYTES:
                prefix = f"pkg{copies:05d}"
                chunk = packages.replace('filename="app/', f'filename="{prefix}/app/')
                chunk = chunk.replace('package name="app', f'package name="{prefix}.app')
                out.write(chunk)
                size += len(chunk)
                for relative, content in sources.items():
                    target = folder / "src" / prefix / relative
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(content)
                    files += 1
                copies += 1
            out.write("</packages>" + tail)
        env = dict(os.environ, **GIT_ENV)
        (folder / ".gitignore").write_text(".stamp\ncoverage.xml\n")
        for argv in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "base"],
                     ["checkout", "-q", "-b", "feature"]):
            subprocess.run(["git", "-C", str(folder), *argv], check=True, env=env, stdout=subprocess.DEVNULL)
        # The branch rewrites the body of export() in the first 50 copies: lines 30-34 of core.py.
        for index in range(50):
            core = folder / "src" / f"pkg{index:05d}" / "app" / "core.py"
            core.write_text(core.read_text().replace("handle.write", "handle.write "))
        subprocess.run(["git", "-C", str(folder), "commit", "-q", "-am", "change"], check=True, env=env)
        stamp.write_text(f"{copies} {files}\n")
    copies, files = (int(x) for x in stamp.read_text().split())
    return Subject(name=f"coverage.py ×{copies}", path=folder, files=files, bytes=report.stat().st_size,
                   data={"copies": copies})


def first_match(pattern: re.Pattern):
    def parse(stdout: str, stderr: str) -> str | None:
        match = pattern.search(stdout + "\n" + stderr)
        return match.group(1) if match else None
    return parse


def plan(ctx: Context) -> Plan:
    xmllint = ctx.ensure_apt("libxml2-utils", "xmllint")
    peers = ctx.ensure_pip(PEERS)
    pycobertura, diff_cover = str(peers / "pycobertura"), str(peers / "diff-cover")
    ours = str(ctx.swift_products("check-coverage") / "check-coverage")
    env = ctx.measured_env()
    subject = build_subject(ctx.repo, ctx.work)

    tools = [
        Tool("check-coverage",
             lambda s: [[ours, "coverage.xml", "--compare-branch", "main", "--fail-under", "0",
                         "--new-code-fail-under", "0"]],
             first_match(OURS_OVERALL),
             shown_as="check-coverage coverage.xml --compare-branch main --fail-under 0 --new-code-fail-under 0"),
        # The same run with the JSON report, which lists every file and its missing lines: the
        # output that grows with the report, written piece by piece.
        Tool("check-coverage json",
             lambda s: [[ours, "coverage.xml", "--compare-branch", "main", "--fail-under", "0",
                         "--new-code-fail-under", "0", "--format", "json"]],
             lambda out, err: (lambda m: f"{float(m.group(1)):.0f}%" if m else None)(OURS_JSON_OVERALL.search(out)),
             shown_as="check-coverage coverage.xml --compare-branch main --fail-under 0 --new-code-fail-under 0 --format json"),
        Tool("xmllint floor", lambda s: [[xmllint, "--stream", "--noout", "coverage.xml"]], None,
             shown_as="xmllint --stream --noout coverage.xml"),
        Tool("pycobertura", lambda s: [[pycobertura, "show", "coverage.xml"]], first_match(PYCOBERTURA_TOTAL),
             shown_as="pycobertura show coverage.xml"),
        Tool("diff-cover", lambda s: [[diff_cover, "coverage.xml", "--compare-branch", "main"]],
             first_match(DIFF_COVER_TOTAL), shown_as="diff-cover coverage.xml --compare-branch main"),
    ]
    versions = {
        "check-coverage": capture([ours, "--version"]) or "unknown",
        "xmllint": (re.findall(r"version (\d+)", capture([xmllint, "--version"])) or ["unknown"])[0],
        "pycobertura": PEERS["pycobertura"],
        "diff-cover": PEERS["diff-cover"],
    }
    notes = [
        f"subject: the 4 classes of Fixtures/coverage/python/coverage.xml (coverage.py 7.17.5, branch "
        f"coverage) repeated {subject.data['copies']:,} times under new package names, "
        f"{subject.bytes / 1024 / 1024:.1f} MiB; files: source files in the generated repository, one per class",
        "findings: the overall percent each tool prints: check-coverage and pycobertura the whole report "
        "(pycobertura counts partial branch lines as misses, so its figure differs), diff-cover the changed "
        "lines only",
        "check-coverage runs every gate: reading, path mapping of every class against the repository, "
        "`git diff` from the merge-base for the new-code gate, the table; xmllint only parses",
        "goal on memory: check-coverage's peak RSS stays under 64 MiB (column peak RSS), with the text "
        "report and with the JSON one",
    ]
    return Plan(
        suite=NAME, title=TITLE, subjects=[subject], tools=tools,
        ratios=[("× xmllint floor", "xmllint floor"), ("× pycobertura", "pycobertura"), ("× diff-cover", "diff-cover")],
        goals=[Goal("check-coverage", "xmllint floor", 1.5, "xmllint --stream"),
               Goal("check-coverage", "pycobertura", 0.25), Goal("check-coverage", "diff-cover", 0.25)],
        versions=versions, env=env, notes=notes, subject_label="report",
    )
