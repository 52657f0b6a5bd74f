"""The HTTP side of `lkj preview`: the book served on 127.0.0.1, pages that reload themselves.

The HTML book is served from `_build/<run>/preview/` (render/preview_stages.py), the PDF and
DOCX its pages link to (`../<run>.pdf`) from `_output/<run>/`. Only the HTML responses get a
small script before `</body>`; the files on disk never see it. The status is pushed, not
polled: the script asks `/__lkj/status?after=N` ({"seq", "version", "error", "building",
"published"}), which the server answers as soon as the status changes after change number N
(a long-poll: one open request per tab, answered at once on a change, again after HOLD
seconds without one, and when the server stops). The page is served with the version and
change number it shows, so a build finished while it loaded still reloads it. A new version
reloads the page at the same scroll position; an error is shown in a box over the page, as
text (never markup), while the last good book stays what is served. A lost connection (the
preview stopped or restarted) is retried every second; a restarted preview's new version
reloads the page.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

HOST = "127.0.0.1"  # never reachable from another machine
STATUS = "/__lkj/status"
MISSING = (
    b'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Pratinjau</title>'
    b"</head><body><p>Halaman ini belum ada: belum ada build yang berhasil.</p></body></html>"
)

HOLD = 20.0  # seconds a status request waits for a change before it answers anyway

# Kept tiny and self-contained: no markup is built from the error text (textContent only).
# __LKJ_SERVED__ is replaced, per response, by {"version", "seq", "token"} of the served page
# (token: this server's; a restarted preview's numbers start again and must not look equal).
SCRIPT = """<script data-lkj-preview>
(function () {
  var KEY = "lkj-preview-scroll:" + location.pathname, box = null;
  var served = __LKJ_SERVED__, after = served.seq;
  function query() { return "?after=" + after + "&token=" + served.token; }
  var saved = sessionStorage.getItem(KEY);
  if (saved !== null) {
    sessionStorage.removeItem(KEY);
    var y = parseFloat(saved);
    window.addEventListener("load", function () { window.scrollTo(0, y); });
    window.scrollTo(0, y);
  }
  function show(error) {
    if (!error) { if (box) { box.remove(); box = null; } return; }
    if (!box) {
      box = document.createElement("pre");
      box.id = "lkj-preview-error";
      box.style.cssText = "position:fixed;left:1em;right:1em;bottom:1em;max-height:45vh;" +
        "overflow:auto;margin:0;padding:1em;z-index:99999;white-space:pre-wrap;" +
        "background:#fff4f4;color:#7a0000;border:2px solid #b00020;font:13px monospace;";
      document.body.appendChild(box);
    }
    box.textContent = "Pratinjau: build terakhir gagal (buku yang tampil adalah versi " +
      "terakhir yang berhasil)\\n\\n" + error;
  }
  function listen() {
    fetch("/__lkj/status" + query(), {cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.token !== served.token) {  // a restarted preview: its first book is newer
          served = {token: s.token, version: -1};
        }
        if (s.version !== served.version && s.version > 0) {
          sessionStorage.setItem(KEY, String(window.scrollY));
          location.reload();
          return;
        }
        show(s.error);
        var same = s.seq === after;  // answered without a change: held long, or stopping
        after = s.seq;
        setTimeout(listen, same ? 1000 : 0);
      }, function () { setTimeout(listen, 1000); });  // stopped or restarting: try again
  }
  listen();
})();
</script>
"""


@dataclass
class Status:
    """What the pages listen to: bumped after every published build; the last failure's text.

    `seq` counts every change (any field); `wait(after, token)` blocks a request thread until
    it differs from `after` (or the token is another server's), HOLD seconds pass, or
    `close()` is called (the server stops: every waiting request is answered at once).
    """

    version: int = 0
    error: str = ""
    building: bool = False
    published: int = 0  # the version whose PDF and DOCX are in _output/<run>/
    seq: int = 0
    token: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    closed: bool = False
    waiting: int = 0  # requests blocked in wait() right now (tests wait for one)
    lock: threading.Lock = field(default_factory=threading.Lock)
    changed: threading.Condition = field(init=False)

    def __post_init__(self) -> None:
        self.changed = threading.Condition(self.lock)

    def _data(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "error": self.error,
            "building": self.building,
            "published": self.published,
            "seq": self.seq,
            "token": self.token,
        }

    def as_json(self) -> bytes:
        with self.lock:
            data = self._data()
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    def wait(self, after: int, token: str, hold: float = HOLD) -> bytes:
        """as_json() once the status differs from change `after` of server `token`."""
        deadline = time.monotonic() + hold
        with self.changed:
            self.waiting += 1
            try:
                while self.seq == after and token == self.token and not self.closed:
                    left = deadline - time.monotonic()
                    if left <= 0 or not self.changed.wait(left):
                        break
            finally:
                self.waiting -= 1
            data = self._data()
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    def served(self) -> dict[str, Any]:
        """What a page served now shows: read before its file, so never newer than it."""
        with self.lock:
            return {"version": self.version, "seq": self.seq, "token": self.token}

    def update(self, **changes: Any) -> None:
        with self.changed:
            for name, value in changes.items():
                setattr(self, name, value)
            self.seq += 1
            self.changed.notify_all()

    def close(self) -> None:
        """Answer every waiting request now (and every later one at once)."""
        with self.changed:
            self.closed = True
            self.changed.notify_all()


def inject(page: bytes, served: dict[str, Any] | None = None) -> bytes:
    """The page with the reload script before its last </body> (appended when it has none);
    `served`: Status.served() of the page (read before the file)."""
    marker = page.lower().rfind(b"</body>")
    shown = json.dumps(served or {"version": 0, "seq": 0, "token": ""})
    script = SCRIPT.replace("__LKJ_SERVED__", shown).encode("utf-8")
    if marker < 0:
        return page + script
    return page[:marker] + script + page[marker:]


class PreviewHandler(SimpleHTTPRequestHandler):
    """Serves `folder` (looked up per request: publish swaps a new folder in at that path)."""

    folder = "."
    downloads = "."  # _output/<run>/: the PDF and DOCX the pages link to (../<run>.pdf)
    status = Status()
    start = "/html/index.html"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=self.folder, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        return  # the terminal shows rebuilds, not every request

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        route = self.path.split("?", 1)[0]
        if route == STATUS:
            self._status()
        elif route in ("", "/"):
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", self.start)
            self.end_headers()
        elif route.endswith((".html", "/")):
            self._page()
        elif route.endswith((".pdf", ".docx")):
            self._download(Path(unquote(route)).name)  # a bare name: never outside the folder
        else:
            super().do_GET()

    def _status(self) -> None:
        """The status now, or (?after=N&token=T) once it has changed since the page's."""
        query = parse_qs(urlsplit(self.path).query)
        try:
            after = int(query["after"][0])
        except (KeyError, ValueError):
            body = self.status.as_json()
        else:
            body = self.status.wait(after, query.get("token", [""])[0])
        with contextlib.suppress(OSError):  # the tab was closed while it waited
            self._send(body, "application/json; charset=utf-8")

    def _page(self) -> None:
        served = self.status.served()  # before the file: a page is never older than it says
        target = Path(self.translate_path(self.path))  # stays inside the served folder
        if target.is_dir():
            target = target / "index.html"
        try:
            body, code = target.read_bytes(), HTTPStatus.OK
        except OSError:  # e.g. no build has succeeded yet: the page still reloads itself
            body, code = MISSING, HTTPStatus.NOT_FOUND
        self._send(inject(body, served), "text/html; charset=utf-8", code)

    def _download(self, name: str) -> None:
        try:
            body = (Path(self.downloads) / name).read_bytes()
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "Berkas belum ada (PDF/DOCX sedang disusun?)")
            return
        kind = self.guess_type(name)
        self._send(body, kind)

    def _send(self, body: bytes, kind: str, code: HTTPStatus = HTTPStatus.OK) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def make_handler(folder: Path, downloads: Path, status: Status, start: str) -> type[PreviewHandler]:
    """PreviewHandler bound to the served folder, the downloads folder and the status."""
    bound = {"folder": str(folder), "downloads": str(downloads), "status": status, "start": start}
    return type("BoundPreviewHandler", (PreviewHandler,), bound)


class Server:
    """A ThreadingHTTPServer on 127.0.0.1 in a daemon thread; `port` 0 picks a free one."""

    def __init__(
        self,
        folder: Path,
        downloads: Path,
        status: Status,
        port: int,
        start: str = "/html/index.html",
    ):
        ThreadingHTTPServer.allow_reuse_address = True
        handler = make_handler(folder, downloads, status, start)
        self.status = status
        self.httpd = ThreadingHTTPServer((HOST, port), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="lkj-preview-http")
        self.thread.daemon = True

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.httpd.server_address[1]}/"

    def start(self) -> None:
        self.thread.start()

    def close(self) -> None:
        self.status.close()  # waiting tabs are answered, not left hanging
        if self.thread.is_alive():  # shutdown() waits for serve_forever: only once started
            self.httpd.shutdown()
            self.thread.join()
        self.httpd.server_close()
