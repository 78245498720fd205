"""The environment suites share: the release build, the peers' venv, apt packages, the corpora.

Everything lands under .bench/ at the repository root (never committed), and every step is a
no-op when its result is already there, so a second run goes straight to measuring.
"""
from __future__ import annotations

import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

# Markdown as the doc tools read it: these extensions (case-insensitive), no dot-files or dot-folders.
MARKDOWN_EXTENSIONS = (".md", ".markdown")


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


class SetupError(Exception):
    pass


def capture(argv: list[str], cwd: Path | None = None, env: dict | None = None) -> str:
    """stdout+stderr of a short command, stripped; empty on failure (for version probes)."""
    try:
        result = subprocess.run(
            argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout.decode("utf-8", "replace").strip() if result.returncode == 0 else ""


class Context:
    """Paths and lazily-prepared shared resources; one per scripts/bench run."""

    def __init__(self, repo: Path, corpora_dir: Path, build: bool, only: list[str]):
        self.repo = repo
        self.work = repo / ".bench"
        self.corpora_source = corpora_dir
        self.build = build
        self.only = only  # subject-name filters (substring match); empty = all
        self.work.mkdir(exist_ok=True)
        self._bin_path: Path | None = None
        self._built: set[str] = set()
        self._bootstrapped = False
        self._corpora: list[tuple[str, Path]] | None = None

    # -- selection --------------------------------------------------------------------------

    def selected(self, name: str) -> bool:
        return not self.only or any(part in name for part in self.only)

    # -- system packages --------------------------------------------------------------------

    def ensure_apt(self, package: str, binary: str | None = None) -> str:
        """Path of `binary` (or the package name when None), installing Debian's `package` when
        the binary is not on PATH (or the package is not installed)."""
        def present() -> str | None:
            if binary:
                return shutil.which(binary)
            return package if capture(["dpkg", "-s", package]) else None

        found = present()
        if found:
            return found
        log(f"apt-get install {package}")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        install = sudo + ["apt-get", "install", "-y", "-qq", package]
        if subprocess.run(install, env=env, stdout=sys.stderr).returncode != 0:
            # The package lists may be missing or stale on a fresh machine.
            subprocess.run(sudo + ["apt-get", "update", "-qq"], env=env, stdout=sys.stderr, check=False)
            subprocess.run(install, env=env, stdout=sys.stderr, check=False)
        found = present()
        if not found:
            raise SetupError(f"{binary or package} is still missing after apt-get install {package}")
        return found

    # -- the Swift build --------------------------------------------------------------------

    def swift_products(self, *products: str) -> Path:
        """The release bin folder, after building `products` (unless --no-build)."""
        if self.build:
            bootstrap = self.repo / "scripts" / "bootstrap"
            if not self._bootstrapped and os.access(bootstrap, os.X_OK):
                log("scripts/bootstrap")
                subprocess.run([str(bootstrap)], cwd=self.repo, check=True)
            self._bootstrapped = True
            for product in products:
                if product in self._built:
                    continue
                log(f"scripts/build-release --product {product}")
                # Build output goes to stderr so stdout stays the report. The same build users get
                # from scripts/run: release, with the Swift runtime linked statically.
                built = subprocess.run(
                    [str(self.repo / "scripts" / "build-release"), "--product", product],
                    cwd=self.repo, stdout=sys.stderr,
                )
                if built.returncode != 0:
                    raise SetupError(f"swift build of {product} failed (exit {built.returncode}); fix the "
                                     "build, or pass --no-build to measure the existing release build")
                self._built.add(product)
        if self._bin_path is None:
            out = subprocess.run(
                [str(self.repo / "scripts" / "build-release"), "--show-bin-path"],
                cwd=self.repo, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            ).stdout.decode().strip()
            self._bin_path = Path(out)
        for product in products:
            if not os.access(self._bin_path / product, os.X_OK):
                raise SetupError(f"no release build of {product} in {self._bin_path}; run without --no-build")
        return self._bin_path

    # -- the peers' venv --------------------------------------------------------------------

    @property
    def venv(self) -> Path:
        return self.work / "venv"

    def ensure_pip(self, requirements: dict[str, str]) -> Path:
        """The venv's bin folder, with each `distribution: version` installed (pinned)."""
        python = self.venv / "bin" / "python"
        if not python.exists():
            log(f"creating {self.venv.relative_to(self.repo)}")
            created = subprocess.run([sys.executable, "-m", "venv", str(self.venv)])
            if created.returncode != 0 or not python.exists():
                # Debian splits ensurepip into python3-venv.
                self.ensure_apt(f"python{sys.version_info.major}.{sys.version_info.minor}-venv")
                shutil.rmtree(self.venv, ignore_errors=True)
                subprocess.run([sys.executable, "-m", "venv", str(self.venv)], check=True)
        probe = (
            "import json, sys, importlib.metadata as m\n"
            "out = {}\n"
            "for name in sys.argv[1:]:\n"
            "    try: out[name] = m.version(name)\n"
            "    except m.PackageNotFoundError: out[name] = None\n"
            "print(json.dumps(out))\n"
        )
        have = json.loads(capture([str(python), "-c", probe, *requirements]) or "{}")
        missing = [f"{name}=={version}" for name, version in requirements.items() if have.get(name) != version]
        if missing:
            log(f"pip install {' '.join(missing)}")
            subprocess.run(
                [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *missing],
                check=True, stdout=sys.stderr,
            )
        return self.venv / "bin"

    # -- corpora ----------------------------------------------------------------------------

    @property
    def corpora_root(self) -> Path:
        return self.work / "corpora"

    def corpora(self) -> list[tuple[str, Path]]:
        """(name, folder) of every selected corpus, unpacked into .bench/corpora/NAME once.

        A corpus is unpacked again when its tarball's size or mtime changed (kept in NAME.stamp).
        """
        if self._corpora is not None:
            return self._corpora
        if not self.corpora_source.is_dir():
            raise SetupError(f"no corpora folder at {self.corpora_source}; pass --corpora DIR")
        self.corpora_root.mkdir(parents=True, exist_ok=True)
        result = []
        for tarball in sorted(self.corpora_source.glob("*.tar.gz")):
            name = tarball.name[: -len(".tar.gz")]
            if not self.selected(name):
                continue
            result.append((name, self._unpack(name, tarball)))
        if not result:
            raise SetupError(f"no corpus in {self.corpora_source} matches {self.only or '*.tar.gz'}")
        self._corpora = result
        return result

    def _unpack(self, name: str, tarball: Path) -> Path:
        info = tarball.stat()
        stamp_text = f"{info.st_size} {info.st_mtime_ns}\n"
        target = self.corpora_root / name
        stamp = self.corpora_root / f"{name}.stamp"
        if target.is_dir() and stamp.exists() and stamp.read_text() == stamp_text:
            return target
        log(f"unpacking {tarball.name}")
        scratch = self.corpora_root / f".unpack-{name}"
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir()
        subprocess.run(["tar", "-xzf", str(tarball), "-C", str(scratch)], check=True)
        entries = list(scratch.iterdir())
        if len(entries) != 1 or not entries[0].is_dir():
            raise SetupError(f"{tarball.name} should unpack to one folder, got {[e.name for e in entries]}")
        shutil.rmtree(target, ignore_errors=True)
        stamp.unlink(missing_ok=True)
        entries[0].rename(target)
        scratch.rmdir()
        stamp.write_text(stamp_text)
        return target

    def measured_env(self, **extra: str) -> dict[str, str]:
        """The environment of measured processes.

        GIT_CEILING_DIRECTORIES stops git at .bench/corpora, so each corpus is a plain folder of
        its own (root = the corpus) rather than part of this repository's work tree, where
        `git ls-files` would list nothing once .bench/ is ignored. No colour, no CI summaries.
        """
        env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
        env.pop("CI", None)
        env["NO_COLOR"] = "1"
        env["GIT_CEILING_DIRECTORIES"] = str(self.corpora_root.resolve())
        env.update(extra)
        return env


def markdown_files(folder: Path) -> tuple[list[str], int]:
    """Relative paths (sorted) and total bytes of the Markdown files under `folder`, skipping
    dot-files and dot-folders as the tools do."""
    files: list[str] = []
    total = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in filenames:
            if filename.startswith(".") or not filename.lower().endswith(MARKDOWN_EXTENSIONS):
                continue
            path = os.path.join(dirpath, filename)
            if not os.path.isfile(path):
                continue
            files.append(os.path.relpath(path, folder))
            total += os.path.getsize(path)
    files.sort()
    return files, total


def split_for_argv(prefix: list[str], args: list[str], env: dict[str, str]) -> list[list[str]]:
    """`prefix + args` split into as few command lines as ARG_MAX allows (like xargs)."""
    try:
        arg_max = os.sysconf("SC_ARG_MAX")
    except (ValueError, OSError):
        arg_max = 128 * 1024
    env_size = sum(len(k) + len(v) + 2 + 8 for k, v in env.items())
    # Each argument costs its bytes, a NUL and a pointer; keep a margin like xargs does.
    budget = max(16 * 1024, arg_max - env_size - 4096 - 2048)
    base = sum(len(a) + 1 + 8 for a in prefix)
    chunks: list[list[str]] = []
    current: list[str] = []
    used = base
    for arg in args:
        cost = len(os.fsencode(arg)) + 1 + 8
        if current and used + cost > budget:
            chunks.append(prefix + current)
            current, used = [], base
        current.append(arg)
        used += cost
    if current:
        chunks.append(prefix + current)
    return chunks


def machine_facts(repo: Path) -> dict[str, str]:
    """What the numbers depend on: cores, CPU, memory, OS, toolchain, the commit measured."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
                break
    except OSError:
        pass
    os_name = platform.system()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    commit = capture(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"]) or "unknown"
    # GIT_OPTIONAL_LOCKS=0: read-only, never takes index.lock while others work in the tree.
    dirty = capture(
        ["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=no"],
        env=dict(os.environ, GIT_OPTIONAL_LOCKS="0"),
    )
    swift = capture(["swift", "--version"]).splitlines()
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": capture(["nproc"]) or str(os.cpu_count()),
        "cpu": cpu,
        "memory": memory,
        "os": f"{os_name}, Linux {platform.release()}",
        "swift": next((line for line in swift if "Swift version" in line), "unknown"),
        "python": platform.python_version(),
        "commit": commit + (" with uncommitted changes" if dirty else ""),
    }
