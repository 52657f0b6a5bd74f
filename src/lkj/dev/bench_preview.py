"""`make bench`, the `lkj preview` cases: what an analyst waits for while the preview runs.

In the bench's copy of the project (warm cache, as after a day's work) `lkj preview` is
started, the foreword page opened in Debian chromium (playwright), and then
  text edit:  one sentence appended to the foreword's text file; the time until that sentence
              is on the open page (watchfiles → rebuild → HTML swapped in → the page's poll
              → reload → render), measured by the browser waiting for the text;
  data file:  one record added to a data file; the time until the preview's status reports
              the new HTML version (its rebuild), and until the PDF and DOCX are published.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lkj import paths
from lkj.inputs.params import load_run

CHROMIUM = Path("/usr/bin/chromium")
WAIT = 600.0  # seconds: a cold first build on a busy machine


@dataclass(frozen=True)
class PreviewFigures:
    text_visible: float  # text edit → new text visible on the open page, s
    data_html: float  # data file changed → preview's new HTML served, s
    data_outputs: float  # … → its PDF and DOCX published, s


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


def measure(project: Path, params: str, changed: Path, add_record: Any) -> PreviewFigures:
    """Run the two preview cases in `project`; the preview is stopped with SIGINT after."""
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    url = f"http://127.0.0.1:{port}/"
    lkj = Path(sys.executable).parent / "lkj"
    command = [str(lkj), "preview", params, "--port", str(port)]
    proc = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL)
    try:
        _wait(url, _settled, "the first build")
        run = load_run(project / params)
        text = foreword(run.year_dir, run.params.quarter)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(url + "html/index.html")
            page.wait_for_timeout(500)  # the page's first poll has seen the current version
            sentence = "Kalimat uji pratinjau nomor satu."
            started = time.perf_counter()
            text.write_text(text.read_text(encoding="utf-8") + f"\n{sentence}\n", "utf-8")
            page.wait_for_selector(f"text={sentence}", timeout=WAIT * 1000)
            text_visible = time.perf_counter() - started
            browser.close()
        before = _wait(url, _settled, "the PDF of the text edit")["version"]
        started = time.perf_counter()
        add_record(changed)
        _wait(url, lambda s: s["version"] > before, "the data file's rebuild")
        data_html = time.perf_counter() - started
        _wait(url, _settled, "the data file's PDF and DOCX")
        data_outputs = time.perf_counter() - started
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=120)
    return PreviewFigures(text_visible, data_html, data_outputs)
