"""`lkj preview` as its user sees it: a real process, a real browser, files saved on disk.

The preview runs in its own process on a copy of the fixture book (validate=False: the
fixture has no data), on a free port of 127.0.0.1. Every wait is bounded and generous; no
test asserts how long anything took (make bench measures that).
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from .conftest import RUN, copy_book

WAIT = 240.0  # seconds: a cold build of the fixture on a busy 2-core machine, with room

LAUNCH = (
    "import sys\n"
    "from lkj.render.preview import preview\n"
    "preview(sys.argv[1], port=int(sys.argv[2]), workers=1, validate=False)\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def until(check: Callable[[], object], what: str, timeout: float = WAIT) -> object:
    """Poll check() until it returns something truthy; fail naming `what` after timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for: {what}")


@dataclass
class Session:
    process: subprocess.Popen[bytes]
    url: str
    project: Path
    log: Path

    def status(self) -> dict[str, object]:
        try:
            with urllib.request.urlopen(self.url + "__lkj/status", timeout=5) as r:
                return dict(json.loads(r.read()))
        except OSError:
            return {}

    def wait_version(self, above: int) -> dict[str, object]:
        def newer() -> dict[str, object] | None:
            s = self.status()
            return s if int(str(s.get("version", 0))) > above else None

        found = until(newer, f"a build newer than version {above}")
        assert isinstance(found, dict)
        return found

    def settled(self) -> bool:
        """No build running and the PDF/DOCX of the served version published."""
        s = self.status()
        return bool(s) and not s["building"] and s["published"] == s["version"]

    def wait_settled(self) -> None:
        until(self.settled, "the PDF and DOCX of the served book")

    def wait_error(self) -> str:
        return str(until(lambda: self.status().get("error"), "the failure in the status"))

    def notebook(self, name: str) -> Path:
        return self.project / "notebooks" / name

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.notebook(name)
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")


def ignore_sigint() -> None:
    """What a shell does to a command started in the background with `&`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def start(project: Path, log: Path) -> Session:
    port = free_port()
    params = project / "params" / f"{RUN}.yml"
    handle = log.open("wb")
    process = subprocess.Popen(
        [sys.executable, "-c", LAUNCH, str(params), str(port)],
        stdout=handle,
        stderr=subprocess.STDOUT,
        cwd=project,
        preexec_fn=ignore_sigint,  # Ctrl-C must stop it all the same
    )
    session = Session(process, f"http://127.0.0.1:{port}/", project, log)
    until(lambda: session.status().get("version") or process.poll() is not None, "first build")
    assert process.poll() is None, log.read_text(encoding="utf-8", errors="replace")
    return session


def stop(session: Session) -> list[psutil.Process]:
    """SIGINT, as Ctrl-C sends; return the children that were alive just before."""
    children = psutil.Process(session.process.pid).children(recursive=True)
    session.process.send_signal(signal.SIGINT)
    session.process.wait(timeout=WAIT)
    return children


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    root = tmp_path_factory.mktemp("preview")
    running = start(copy_book(root / "book"), root / "preview.log")
    yield running
    if running.process.poll() is None:
        stop(running)


@pytest.mark.browser
def test_text_edit_reloads_the_open_page_at_the_same_scroll(session, browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 700})
    page.goto(session.url + "html/bab1.html")
    assert page.locator("text=Paragraf dari sel markdown").count() == 1
    page.evaluate("window.scrollTo(0, 600)")
    before = page.evaluate("window.scrollY")
    assert before > 0  # the chapter is longer than the window
    version = int(str(session.status()["version"]))
    session.edit("bab1.ipynb", "Paragraf dari sel markdown", "Paragraf yang baru disunting")
    page.wait_for_selector("text=Paragraf yang baru disunting", timeout=WAIT * 1000)
    assert page.locator("text=Paragraf dari sel markdown").count() == 0
    assert int(str(session.status()["version"])) > version
    page.wait_for_function(f"window.scrollY === {before}", timeout=30_000)
    # only the served page carries the reload script, never the published file
    session.wait_settled()
    published = session.project / "_output" / RUN / "html" / "bab1.html"
    assert "Paragraf yang baru disunting" in published.read_text(encoding="utf-8")
    assert "data-lkj-preview" not in published.read_text(encoding="utf-8")
    page.close()


@pytest.mark.browser
def test_bad_change_shows_its_message_and_keeps_the_last_good_book(session, browser) -> None:
    page = browser.new_page()
    page.goto(session.url + "html/bab1.html")
    published = session.project / "_output" / RUN / "html" / "bab1.html"
    session.wait_settled()
    good = published.read_bytes()
    session.edit("bab1.ipynb", "d.table(spec)", "d.table(spec_yang_tidak_ada)")
    error = session.wait_error()
    assert "bab1.ipynb" in error and "spec_yang_tidak_ada" in error
    box = page.locator("#lkj-preview-error")
    box.wait_for(timeout=30_000)
    assert "spec_yang_tidak_ada" in box.inner_text()
    assert published.read_bytes() == good  # the last good book is what stays served
    assert page.locator("#tbl-capaian table").is_visible()
    version = int(str(session.status()["version"]))
    session.edit("bab1.ipynb", "d.table(spec_yang_tidak_ada)", "d.table(spec)")
    session.wait_version(version)
    box.wait_for(state="detached", timeout=30_000)  # the page reloaded onto the fixed book
    assert session.status()["error"] == ""
    pdf = urllib.request.urlopen(session.url + f"{RUN}.pdf", timeout=30).read()
    assert pdf.startswith(b"%PDF")  # the page's "Unduh PDF" link (../<run>.pdf) is served
    page.close()


def test_two_quick_saves_give_one_consistent_book(session) -> None:
    version = int(str(session.status()["version"]))
    session.edit("index.ipynb", "Puji syukur", "Simpan pertama")
    session.edit("index.ipynb", "Simpan pertama", "Simpan kedua")
    session.edit("bab1.ipynb", "Realisasi IKU 7 pada", "Realisasi IKU 7 (simpan kedua) pada")

    def settled() -> bool:
        s = session.status()
        return int(str(s.get("version", 0))) > version and not s.get("building")

    until(settled, "the rebuild after both saves")
    html = session.project / "_output" / RUN / "html"

    def both_saves_shown() -> bool:
        index, bab1 = (
            (html / "index.html").read_text("utf-8"),
            (html / "bab1.html").read_text("utf-8"),
        )
        return "Simpan kedua" in index and "(simpan kedua)" in bab1

    # a save may land during a build: then one more build follows; the last one has both
    until(lambda: session.settled() and both_saves_shown(), "both saves")
    index = (html / "index.html").read_text("utf-8")
    assert "Simpan pertama" not in index and "Puji syukur" not in index
    with urllib.request.urlopen(session.url + "html/index.html", timeout=30) as r:
        served = r.read().decode("utf-8")  # what the browser gets: the same, one build
    assert "Simpan kedua" in served and "Simpan pertama" not in served
    assert session.status()["error"] == ""


def test_ctrl_c_during_a_build_leaves_no_process(tmp_path: Path) -> None:
    running = start(copy_book(tmp_path / "book"), tmp_path / "preview.log")
    running.wait_settled()
    running.edit("bab1.ipynb", "Notebook uji.", "Notebook uji (dihentikan).")
    until(lambda: running.status().get("building"), "the rebuild to start")
    children = stop(running)  # in the middle of a build
    assert children  # the warm kernel, at least
    _gone, alive = psutil.wait_procs(children, timeout=30)
    assert alive == [], [p.cmdline() for p in alive]
    assert running.process.returncode == 0
    assert "pratinjau dihentikan" in running.log.read_text(encoding="utf-8")


# --- the parts, in this process --------------------------------------------------------------


def _get(url: str) -> dict[str, object]:
    with urllib.request.urlopen(url, timeout=WAIT) as r:
        return dict(json.loads(r.read()))


def test_status_is_pushed_to_a_waiting_page_and_a_stop_answers_it(tmp_path: Path) -> None:
    from lkj.render.preview_server import Server, Status

    status = Status()
    server = Server(tmp_path, tmp_path, status, 0)
    server.start()
    url = server.url + "__lkj/status"
    try:
        now = _get(url)
        asked = f"{url}?after={now['seq']}&token={now['token']}"
        answers: list[dict[str, object]] = []
        waiting = threading.Thread(target=lambda: answers.append(_get(asked)))
        waiting.start()
        until(lambda: status.waiting == 1, "the page's request to wait for a change")
        assert answers == []  # held open: nothing has changed yet
        status.update(version=1)  # what Preview.rebuild does after swapping a book in
        waiting.join(WAIT)
        assert [a["version"] for a in answers] == [1]
        assert answers[0]["seq"] != now["seq"]
        # a stale token (a restarted preview) is answered at once, whatever the number
        assert _get(f"{url}?after={answers[0]['seq']}&token=other")["version"] == 1
        # several tabs wait at once; stopping the server answers all of them
        latest = f"{url}?after={answers[0]['seq']}&token={now['token']}"
        tabs = [threading.Thread(target=lambda: answers.append(_get(latest))) for _ in range(3)]
        for tab in tabs:
            tab.start()
        until(lambda: status.waiting == 3, "three waiting tabs")
    finally:
        server.close()
    for tab in tabs:
        tab.join(WAIT)
    assert len(answers) == 4 and all(a["version"] == 1 for a in answers)


def test_served_page_carries_the_version_it_shows(tmp_path: Path) -> None:
    from lkj.render.preview_server import Server, Status

    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "index.html").write_text("<html><body>isi</body></html>", "utf-8")
    status = Status(version=3)
    server = Server(tmp_path, tmp_path, status, 0)
    server.start()
    try:
        with urllib.request.urlopen(server.url + "html/index.html", timeout=WAIT) as r:
            page = r.read().decode("utf-8")
    finally:
        server.close()
    served = {"version": 3, "seq": status.seq, "token": status.token}
    assert f"var served = {json.dumps(served)}," in page
    assert page.index("isi") < page.index("data-lkj-preview") < page.index("</body>")


def test_discarded_folder_is_gone_at_once_and_deleted_in_the_background(tmp_path: Path) -> None:
    from lkj.render import trash

    media = tmp_path / "media"
    (media / "01-bab" / "html").mkdir(parents=True)
    (media / "01-bab" / "html" / "gambar.png").write_bytes(b"png" * 1000)
    killed = tmp_path / f".media{trash.MARK}deadbeef"  # left by a process killed mid-delete
    (killed / "sisa").mkdir(parents=True)
    trash.discard(media)
    assert not media.exists()  # the name is free at once: the next build writes there
    media.mkdir()
    trash.wait()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["media"]  # no stale, no half folder
    assert list(media.iterdir()) == []


def test_swap_serves_the_new_folder_and_leaves_no_old_one(tmp_path: Path) -> None:
    from lkj.render import trash

    final, tmp = tmp_path / "preview", tmp_path / ".preview.tmp-1"
    for folder, text in ((final, "lama"), (tmp, "baru")):
        folder.mkdir()
        (folder / "index.html").write_text(text, "utf-8")
    trash.swap(tmp, final)
    assert (final / "index.html").read_text("utf-8") == "baru"
    trash.wait()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["preview"]
