"""What a suite hands the harness: the subjects (corpora), the tools to run on each, the goals."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

# A tool's commands for one subject: one or more argv lists, run one after the other and measured
# as one unit (total wall time, largest peak RSS), e.g. cmark over a file list split for ARG_MAX.
Commands = Callable[["Subject"], "list[list[str]]"]
# Reads a tool's captured (stdout, stderr) and says what it found, e.g. "675"; None = unparseable.
FindingsParser = Callable[[str, str], Optional[str]]


@dataclass
class Subject:
    """One input the tools run on, usually an unpacked corpus; commands run with it as cwd."""

    name: str
    path: Path
    files: int  # the input files the tools read (Markdown files for the doc suites)
    bytes: int = 0  # their total size
    data: dict = field(default_factory=dict)  # suite-specific extras (e.g. the file list)


@dataclass
class Tool:
    """One row per subject: a command line and how to read its findings."""

    name: str
    commands: Commands
    findings: Optional[FindingsParser] = None
    # Send stdout to /dev/null instead of capturing it (a renderer's output is not a report).
    discard_stdout: bool = False
    # The exact command line for docs/benchmarks.md, with placeholders a reader understands.
    shown_as: str = ""


@dataclass
class Goal:
    """`tool` must take at most `limit` × the median wall time of `baseline`, on every subject."""

    tool: str
    baseline: str
    limit: float
    baseline_label: str = ""  # how the goal line names the baseline ("cmark floor")

    @property
    def label(self) -> str:
        return self.baseline_label or self.baseline


@dataclass
class Plan:
    """A prepared suite: everything is installed and built, ready to be measured."""

    suite: str  # the suite's name, also the docs region key: <!-- bench:NAME:start -->
    title: str  # the section heading in docs/benchmarks.md
    subjects: list[Subject]
    tools: list[Tool]
    ratios: list[tuple[str, str]]  # (column header, baseline tool name), e.g. ("× lychee", "lychee")
    goals: list[Goal]
    versions: dict[str, str]  # tool name → version string
    env: dict[str, str]  # environment of every measured process
    notes: list[str] = field(default_factory=list)  # Markdown bullet points for the docs region
    subject_label: str = "corpus"
    input_label: str = "Markdown read"  # "<input_label> per <subject_label>: name N MiB, …"
    commands_where: str = "run in the unpacked corpus folder"  # where the command lines run
