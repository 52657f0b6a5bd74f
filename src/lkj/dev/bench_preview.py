"""`make bench`, the `lkj preview` cases: what an analyst waits for while the preview runs.

In the bench's copy of the project (warm cache, as after a day's work) `lkj preview` is
started, the foreword page opened in Debian chromium (playwright), and then
  text edit:  one sentence appended to the foreword's text file; the time until that sentence
              is on the open page (watchfiles → rebuild → HTML swapped in → status pushed to
              the page → reload → render), measured by the browser waiting for the text;
              TEXT_EDITS times, each after the previous build has settled, the median counts;
  data file:  one record added to a data file; the time until the preview's status reports
              the new HTML version (its rebuild), and until the PDF and DOCX are published;
  memory:     `rebuilds` more text edits, one after another, each waited for until it has
              settled (HTML served, PDF and DOCX published); the resident set (psutil) of the
              preview process and, separately, of all its children (the kernels) after the
              first of them and after the last: a leak shows as growth between the two.
"""

from __future__ import annotations

import json
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

from lkj import paths
from lkj.inputs.params import load_run

CHROMIUM = Path("/usr/bin/chromium")
WAIT = 600.0  # seconds: a cold first build on a busy machine
TEXT_EDITS = 3  # the text edit case is measured this many times; its median is the figure


@dataclass(frozen=True)
class PreviewFigures:
    text_visible: float  # text edit → new text visible on the open page, s
    data_html: float  # data file changed → preview's new HTML served, s
    data_outputs: float  # … → its PDF and DOCX published, s
    rebuilds: int = 0  # text edits of the memory case
    rss_first: tuple[float, float] = (0.0, 0.0)  # MB: (preview process, its children) after 1
    rss_last: tuple[float, float] = (0.0, 0.0)  # … after `rebuilds`
    roles: dict[str, float] | None = None  # sampled peak RSS per kind of process, MB


def resident(pid: int) -> tuple[float, float]:
    """MB resident: the process itself, and all its children together (kernels, typst, …)."""
    root = psutil.Process(pid)
    children = 0
    for child in root.children(recursive=True):
        try:
            children += child.memory_info().rss
        except psutil.Error:
            continue
    return root.memory_info().rss / 2**20, children / 2**20


def _status(url: str) -> dict[str, Any]:
    try:
        with urllib.request.urlopen(url + "__lkj/status", timeout=5) as r:
            return dict(json.loads(r.read()))
    except OSError:
        return {}


def _wait(url: str, check: Any, what: str) -> dict[str, Any]:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        status = _status(url)
        if status and check(status):
            return status
        time.sleep(0.02)
    raise SystemExit(f"bench preview: timed out waiting for {what}")


def _settled(s: dict[str, Any]) -> bool:
    return not s["building"] and s["published"] == s["version"] and s["version"] > 0


def foreword(run_dir: Path, quarter: int) -> Path:
    """The foreword's text file of the run (the first page of the book)."""
    return run_dir / paths.TEXTS / f"tw{quarter}" / "kata_pengantar.md"


def edit_and_settle(url: str, text: Path, sentence: str) -> None:
    """One text edit, waited for until its build is served and its PDF/DOCX published."""
    before = _wait(url, _settled, "the previous build")["version"]
    text.write_text(text.read_text(encoding="utf-8") + f"\n{sentence}\n", "utf-8")
    _wait(url, lambda s: s["version"] > before and _settled(s), f"the build of {sentence!r}")


def memory(url: str, pid: int, text: Path, rebuilds: int) -> tuple[tuple[float, float], ...]:
    """RSS (preview, children) after the first and after the last of `rebuilds` text edits."""
    first = last = (0.0, 0.0)
    for i in range(1, rebuilds + 1):
        edit_and_settle(url, text, f"Kalimat ingatan nomor {i}.")
        time.sleep(0.3)  # the kernels' idle garbage collection (render/kernels.py) is done
        if i == 1:
            first = resident(pid)
        last = resident(pid)
        if i % 10 == 0:
            mb = f"{last[0]:.0f} + {last[1]:.0f} MB"
            print(f"    … {i} of {rebuilds} rebuilds, RSS preview + children {mb}", flush=True)
    return first, last


def measure(
    project: Path,
    params: str,
    changed: Path,
    add_record: Any,
    *,
    rebuilds: int = 50,
    sampler: Any = None,
) -> PreviewFigures:
    """Run the preview cases in `project`; the preview is stopped with SIGINT after.
    `sampler(pid)`: a started thread with `.stop` and `.peaks` (bench.Sampler)."""
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    url = f"http://127.0.0.1:{port}/"
    lkj = Path(sys.executable).parent / "lkj"
    command = [str(lkj), "preview", params, "--port", str(port)]
    proc = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL)
    watcher = sampler(proc.pid) if sampler is not None else None
    try:
        _wait(url, _settled, "the first build")
        run = load_run(project / params)
        text = foreword(run.year_dir, run.params.quarter)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(url + "html/index.html")
            seen = []
            for i in range(1, TEXT_EDITS + 1):
                _wait(url, _settled, "the previous build's PDF and DOCX")
                page.wait_for_load_state("load")
                page.wait_for_timeout(300)  # the page's status request is open (pushed)
                sentence = f"Kalimat uji pratinjau nomor {i}."
                started = time.perf_counter()
                text.write_text(text.read_text(encoding="utf-8") + f"\n{sentence}\n", "utf-8")
                page.wait_for_selector(f"text={sentence}", timeout=WAIT * 1000)
                seen.append(time.perf_counter() - started)
            browser.close()
        text_visible = statistics.median(seen)
        shown = ", ".join(f"{s:.2f}" for s in seen)
        print(f"    text edit → visible, {TEXT_EDITS} edits: {shown} s (median counts)", flush=True)
        before = _wait(url, _settled, "the PDF of the text edit")["version"]
        started = time.perf_counter()
        add_record(changed, run.params.quarter)
        _wait(url, lambda s: s["version"] > before, "the data file's rebuild")
        data_html = time.perf_counter() - started
        _wait(url, _settled, "the data file's PDF and DOCX")
        data_outputs = time.perf_counter() - started
        first, last = memory(url, proc.pid, text, rebuilds) if rebuilds else ((0.0, 0.0),) * 2
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=120)
        if watcher is not None:
            watcher.stop.set()
            watcher.join()
    roles = dict(watcher.peaks) if watcher is not None else None
    return PreviewFigures(text_visible, data_html, data_outputs, rebuilds, first, last, roles)
