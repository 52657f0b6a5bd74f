"""The HTTP side of `lkj preview`: the book served on 127.0.0.1, pages that reload themselves.

The HTML book is served from `_build/<run>/preview/` (render/preview_stages.py), the PDF and
DOCX its pages link to (`../<run>.pdf`) from `_output/<run>/`. Only the HTML responses get a
small script before `</body>`; the files on disk never see it. The script polls
`/__lkj/status` ({"version", "error", "building", "published"}): a new version reloads the
page at the same scroll position; an error is shown in a box over the page, as text (never
markup), while the last good book stays what is served.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote

HOST = "127.0.0.1"  # never reachable from another machine
STATUS = "/__lkj/status"
MISSING = (
    b'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Pratinjau</title>'
    b"</head><body><p>Halaman ini belum ada: belum ada build yang berhasil.</p></body></html>"
)

# Kept tiny and self-contained: no markup is built from the error text (textContent only).
SCRIPT = """<script data-lkj-preview>
(function () {
  var KEY = "lkj-preview-scroll:" + location.pathname, seen = null, box = null;
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
  function poll() {
    fetch("/__lkj/status", {cache: "no-store"}).then(function (r) { return r.json(); })
      .then(function (s) {
        if (seen === null) { seen = s.version; }
        else if (s.version !== seen) {
          sessionStorage.setItem(KEY, String(window.scrollY));
          location.reload();
          return;
        }
        show(s.error);
      }).catch(function () {}).then(function () { setTimeout(poll, 300); });
  }
  poll();
})();
</script>
"""


@dataclass
class Status:
    """What the page polls: bumped after every published build; the last failure's text."""

    version: int = 0
    error: str = ""
    building: bool = False
    published: int = 0  # the version whose PDF and DOCX are in _output/<run>/
    lock: threading.Lock = field(default_factory=threading.Lock)

    def as_json(self) -> bytes:
        with self.lock:
            data = {
                "version": self.version,
                "error": self.error,
                "building": self.building,
                "published": self.published,
            }
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    def update(self, **changes: Any) -> None:
        with self.lock:
            for name, value in changes.items():
                setattr(self, name, value)


def inject(page: bytes) -> bytes:
    """The page with the reload script before its last </body> (appended when it has none)."""
    marker = page.lower().rfind(b"</body>")
    script = SCRIPT.encode("utf-8")
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
            self._send(self.status.as_json(), "application/json; charset=utf-8")
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

    def _page(self) -> None:
        target = Path(self.translate_path(self.path))  # stays inside the served folder
        if target.is_dir():
            target = target / "index.html"
        try:
            body, code = target.read_bytes(), HTTPStatus.OK
        except OSError:  # e.g. no build has succeeded yet: the page still reloads itself
            body, code = MISSING, HTTPStatus.NOT_FOUND
        self._send(inject(body), "text/html; charset=utf-8", code)

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
        if self.thread.is_alive():  # shutdown() waits for serve_forever: only once started
            self.httpd.shutdown()
            self.thread.join()
        self.httpd.server_close()
