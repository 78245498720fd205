"""One timed unit: run one or more processes in a row, take the wall time and the peak RSS.

Wall time is time.perf_counter around spawn + wait, so it includes process start-up and exit,
as a user or CI step pays them.

Peak RSS is wait4's ru_maxrss (KiB on Linux) of the tool's process, but taken by GNU time
(`/usr/bin/time -f %M`, itself a fork + wait4), not by os.wait4 in this harness: Linux keeps
ru_maxrss across execve, and a child that Python spawns (vfork/posix_spawn share Python's memory
until exec) starts with the harness's own high-water mark, 15-20 MiB, which would hide the small
tools. GNU time's own footprint is about 1 MiB (`true` measures 1.0 MiB through it) and it costs
about 1 ms of wall time per process, the same for every tool. Without /usr/bin/time the harness
falls back to os.wait4 of the direct child, and those numbers carry the harness's floor.
A Python console script (mdlinkcheck) is measured with its interpreter, as users run it.
"""
from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Sample:
    wall_s: float  # seconds, summed over the unit's processes
    max_rss_kib: int  # the largest ru_maxrss among them
    exit_codes: list[int]  # one per process


def run_unit(
    commands: list[list[str]],
    cwd: Path,
    env: dict[str, str],
    stdout_path: Path | None,
    stderr_path: Path,
    rss_probe: str | None = None,
) -> Sample:
    """Runs `commands` one after the other with stdin from /dev/null.

    stdout goes to `stdout_path` (or /dev/null when None) and stderr to `stderr_path`; both files
    are truncated first and shared by all processes of the unit, so the report of the last timed
    run stays on disk for reading and for parsing findings. `rss_probe` is the path of GNU time.
    """
    rss_file = stderr_path.with_suffix(".rss")
    wall = 0.0
    peak = 0
    codes: list[int] = []
    stdout_target = open(stdout_path, "wb") if stdout_path else open(os.devnull, "wb")
    with stdout_target as out, open(stderr_path, "wb") as err:
        for argv in commands:
            if rss_probe:
                argv = [rss_probe, "-f", "%M", "-o", str(rss_file), *argv]
            start = time.perf_counter()
            process = subprocess.Popen(
                argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err
            )
            # wait4 reaps the child and hands back its rusage; tell Popen so it does not wait again.
            _, status, usage = os.wait4(process.pid, 0)
            wall += time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            codes.append(process.returncode)
            if rss_probe:
                # GNU time writes "Command exited with non-zero status N" first, then the format.
                lines = rss_file.read_text().split()
                peak = max(peak, int(lines[-1]) if lines and lines[-1].isdigit() else 0)
            else:
                peak = max(peak, usage.ru_maxrss)
    return Sample(wall_s=wall, max_rss_kib=peak, exit_codes=codes)
