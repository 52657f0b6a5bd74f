"""`make bench`: the naive way and `lkj build` side by side, in one run on this machine.

    python -m lkj.dev.bench [--params params/jateng-2025-tw2.yml] [--rebuilds 50] [--quick]

It ends with issue 15's goals, each with its measured value and PASS/FAIL: the preview's text
edit → visible on the open page and its one-record rebuild (src/lkj/dev/bench_preview.py),
`lkj build` with one data file changed (a blank line, then a record added) against cold,
cold against naive, the no-op rebuild, peak memory per process, and the preview's resident
memory after `--rebuilds` text edits against after one. `--quick` leaves out the batch and
100× steps (no goal of this round).

Everything runs in throw-away copies of the project (the repository's _build/ and _output/
are never touched), each step as a subprocess timed with wall clock; peak memory is the
largest resident set of any process of the step (os.wait4 rusage covers the kernels too).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from lkj import paths
from lkj.dev import bench_preview
from lkj.dev.synth import copy_project, synthesize
from lkj.inputs.params import load_run
from lkj.render.quarto import load_book

BIN = Path(sys.executable).parent
DATE = re.compile(r"\b\d{4}-(\d{2})(?:-\d{2})?\b")  # a row's first ISO date or month
CHANGED = "kepulangan.csv"  # in the run's year folder: read by some notebooks, not all


@dataclass
class Step:
    name: str
    seconds: float
    peak_mb: float
    roles: dict[str, float] = field(default_factory=dict)  # sampled peak RSS per kind of process


def role(cmdline: list[str]) -> str:
    """Which kind of build process a command line is (its arguments can name other tools)."""
    program = Path(cmdline[0]).name if cmdline else ""
    if "lkj.render.typst_worker" in cmdline:
        return "typst"
    if any("ipykernel" in part for part in cmdline[:4]):
        return "kernel"
    if program == "pandoc":
        return "pandoc"
    for name in ("papermill", "lkj"):
        if program == name or (len(cmdline) > 1 and Path(cmdline[1]).name == name):
            return name
    return "lain"


class Sampler(threading.Thread):
    """Every 50 ms: the resident set of each process under `pid`, the largest per role.

    os.wait4 gives the exact peak of the largest single process but not which one it was;
    the sampler names it (and can miss a spike shorter than its interval)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.stop = pid, threading.Event()
        self.peaks: dict[str, float] = {}

    def run(self) -> None:
        while not self.stop.wait(0.05):
            try:
                root = psutil.Process(self.pid)
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                continue
            for proc in procs:
                try:
                    mb = proc.memory_info().rss / 1024 / 1024
                    name = role(proc.cmdline() or [proc.name()])  # exiting: no argv
                except psutil.Error:
                    continue
                self.peaks[name] = max(self.peaks.get(name, 0.0), mb)


def timed(name: str, commands: list[list[str]], cwd: Path) -> Step:
    started, peak = time.perf_counter(), 0.0
    roles: dict[str, float] = {}
    for command in commands:
        proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        sampler = Sampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        sampler.stop.set()
        sampler.join()
        if os.waitstatus_to_exitcode(status) != 0:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise SystemExit(f"{name}: {' '.join(command)} failed:\n{err}")
        peak = max(peak, usage.ru_maxrss / 1024)
        for key, mb in sampler.peaks.items():
            roles[key] = max(roles.get(key, 0.0), mb)
    step = Step(name, time.perf_counter() - started, peak, roles)
    by_role = ", ".join(f"{k} {v:.0f}" for k, v in sorted(roles.items(), key=lambda kv: -kv[1]))
    print(f"  {name:<34} {step.seconds:7.1f} s  {step.peak_mb:6.0f} MB  ({by_role})", flush=True)
    return step


def naive(project: Path, params: str) -> list[list[str]]:
    """papermill CLI once per notebook, one after another."""
    book = load_book(project)
    out = project / "_naive"
    commands = []
    for chapter in book.chapters:
        dest = out / chapter.rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        command = [str(BIN / "papermill"), str(chapter.path), str(dest)]
        command += ["--cwd", str(chapter.path.parent), "-p", "params_file", str(project / params)]
        commands.append([*command, "--log-level", "ERROR"])
    return commands


def add_record(path: Path, quarter: int | None = None) -> None:
    """The analyst's typical fix: one forgotten record of the report's quarter, a copy of its
    last record there with a new id, so that counts, IKU values and the appendix change
    (unlike a blank line; a copy of the file's last row, dated December, changed no TW II value).
    The quarter comes from the first ISO date (YYYY-MM-DD or YYYY-MM) of each row."""
    text = path.read_text(encoding="utf-8").rstrip("\n")
    rows = text.splitlines()[1:]

    def in_quarter(row: str) -> bool:
        found = DATE.search(row)
        return quarter is None or (
            found is not None and (int(found.group(1)) - 1) // 3 + 1 == quarter
        )

    last = next((r for r in reversed(rows) if in_quarter(r) and "-B" not in r), rows[-1])
    ident, rest = last.split(",", 1)
    ids = {r.split(",", 1)[0] for r in rows}
    new = next(f"{ident}-B{n}" for n in range(1, len(rows) + 2) if f"{ident}-B{n}" not in ids)
    path.write_text(f"{text}\n{new},{rest}\n", encoding="utf-8")


def lkj(*args: str) -> list[str]:
    return [str(BIN / "lkj"), "build", *args]


def machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        ram = f"{int(mem) / 1024 / 1024:.0f} GB RAM"
    except OSError:
        ram = "? RAM"
    return f"{os.cpu_count()} cores (nproc), {model}, {ram}, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--params", default="params/jateng-2025-tw2.yml")
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument(
        "--rebuilds", type=int, default=50, help="preview memory case: text edits (default 50)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="leave out the batch and 100× steps (no goal)"
    )
    args = parser.parse_args(argv)
    source = Path.cwd()
    params = args.params
    print(f"Machine: {machine()}")
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None):
        # A sandbox setting: every process would compile lkj from source (≈ 0,25 s each),
        # which no installed Python does. The measured commands run as on a user's machine.
        print("  (PYTHONDONTWRITEBYTECODE unset for the measured commands)")
    with tempfile.TemporaryDirectory(prefix="lkj-bench-") as tmp:
        base = copy_project(source, Path(tmp) / "p")
        big = Path(tmp) / "big"
        run = load_run(base / params)
        synthesize(source, big, args.factor, run.params.unit)
        steps: dict[str, Step] = {}
        print(f"  {'step':<34} {'time':>9}  {'peak RSS':>9}")
        nb = timed("naive: papermill CLI × notebooks", naive(base, params), base)
        # The naive way's rendering: the same renderer on the same executed notebooks.
        lkj_force = lkj(params, "--renderer", "pandoc", "--force")
        shutil.rmtree(paths.build_root(base), ignore_errors=True)
        build = lkj(params, "--renderer", "pandoc")
        steps["cold"] = timed("lkj build, cold", [build], base)
        (paths.build_dir(base, Path(params).stem) / "assembly.key").unlink()
        for part in ("pandoc", "pdf", "docx"):  # assembly's own caches: render from scratch
            shutil.rmtree(paths.cache_dir(base) / part, ignore_errors=True)
        render = timed("  rendering alone", [build], base)
        steps["naive"] = Step("naive", nb.seconds + render.seconds, max(nb.peak_mb, render.peak_mb))
        steps["noop"] = timed("no-op rebuild", [build], base)
        changed = run.year_dir / CHANGED
        changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        steps["one"] = timed(f"{CHANGED}: content, no value", [build], base)
        add_record(changed, run.params.quarter)
        steps["edit"] = timed(f"{CHANGED}: one record added", [build], base)
        steps["force"] = timed("lkj build --force (warm cache)", [lkj_force], base)
        live = bench_preview.measure(
            base, params, changed, add_record, rebuilds=args.rebuilds, sampler=_sampler
        )
        peak = max((live.roles or {}).values(), default=0.0)
        steps["preview-text"] = Step("preview text", live.text_visible, peak, live.roles or {})
        steps["preview-data"] = Step("preview data", live.data_html, 0.0)
        steps["preview-mem"] = Step("preview memory", 0.0, 0.0)
        print(f"  {'preview: text edit → page shows it':<34} {live.text_visible:7.2f} s")
        print(f"  {'preview: record added → new HTML':<34} {live.data_html:7.2f} s")
        print(f"  {'preview: … → PDF + DOCX published':<34} {live.data_outputs:7.1f} s")
        for label, (own, kids) in (("1", live.rss_first), (str(live.rebuilds), live.rss_last)):
            what = f"preview: RSS after {label} rebuild(s)"
            print(f"  {what:<34} {own:7.0f} MB preview, {kids:.0f} MB its children")
        if args.quick:
            report(steps, args.factor, live)
            return 0
        batch_root = copy_project(source, Path(tmp) / "batch")
        all_params = sorted(
            str(p.relative_to(batch_root)) for p in (batch_root / "params").glob("*.yml")
        )
        steps["batch"] = timed(
            f"batch: {len(all_params)} params files, cold",
            [lkj(*all_params, "--renderer", "pandoc")],
            batch_root,
        )
        steps["big"] = timed(f"lkj build, cold, {args.factor}× data", [build], big)
    report(steps, args.factor, live)
    return 0


def _sampler(pid: int) -> Sampler:
    sampler = Sampler(pid)
    sampler.start()
    return sampler


def growth(first: float, last: float) -> float:
    """Relative growth of a resident set from `first` to `last` (0.1 = 10 % more)."""
    return (last - first) / first if first else 0.0


Goal = tuple[str, float, float, str]  # name, measured, limit, unit ("ratio", "s", "MB")
R = "ratio"


def goals(
    steps: dict[str, Step], factor: int, live: bench_preview.PreviewFigures | None
) -> list[Goal]:
    """Issue 15's goals, then the earlier rounds' 100× one."""
    cold = steps["cold"].seconds
    peak = max(s.peak_mb for s in steps.values())
    found: list[Goal] = [
        ("preview: text edit → visible on page ≤ 1 s", steps["preview-text"].seconds, 1.0, "s"),
        (
            "preview: record → new HTML ≤ 0,15 of cold",
            steps["preview-data"].seconds / cold,
            0.15,
            R,
        ),
        ("one changed file (blank line) ≤ 0,45 of cold", steps["one"].seconds / cold, 0.45, R),
        ("one changed file (record) ≤ 0,45 of cold", steps["edit"].seconds / cold, 0.45, R),
        ("cold ≤ 0,20 of naive", cold / steps["naive"].seconds, 0.20, R),
        ("no-op rebuild ≤ 0,5 s", steps["noop"].seconds, 0.5, "s"),
        ("peak memory per process ≤ 400 MB", peak, 400.0, "MB"),
    ]
    if live is not None and live.rebuilds:
        n = live.rebuilds
        own = growth(live.rss_first[0], live.rss_last[0])
        kids = growth(live.rss_first[1], live.rss_last[1])
        found.append((f"preview RSS after {n} rebuilds ≤ +10 % of after 1", own, 0.10, "ratio"))
        found.append((f"  … its kernels/children, {n} vs 1", kids, 0.10, "ratio"))
    if "big" in steps:
        big = steps["big"].seconds / cold
        found.append((f"{factor}× data ≤ 2× cold (earlier round)", big, 2.0, "ratio"))
    return found


def report(steps: dict[str, Step], factor: int, live: bench_preview.PreviewFigures | None) -> None:
    print()
    print(f"  naive (papermill CLI + rendering)  {steps['naive'].seconds:7.1f} s")
    print(f"  {'goal':<48} {'measured':>9} {'limit':>7}  result")
    for name, measured, limit, unit in goals(steps, factor, live):
        shown = f"{measured:.2f}" if unit == "ratio" else f"{measured:.2f} {unit}"
        if unit == "MB":
            shown = f"{measured:.0f} MB"
        print(f"  {name:<48} {shown:>9} {limit:>7}  {'PASS' if measured <= limit else 'FAIL'}")
    roles: dict[str, float] = {}
    for step in steps.values():
        for name, mb in step.roles.items():
            roles[name] = max(roles.get(name, 0.0), mb)
    print("  largest resident set seen per kind of process (sampled every 50 ms): ")
    print(
        "    " + ", ".join(f"{k} {v:.0f} MB" for k, v in sorted(roles.items(), key=lambda i: -i[1]))
    )


if __name__ == "__main__":
    raise SystemExit(main())
