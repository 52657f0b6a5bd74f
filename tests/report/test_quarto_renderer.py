"""The real report rendered by the real Quarto CLI, compared with the pandoc renderer.

Quarto is the one on PATH, else the one `make quarto` set up from ../shared/quarto into
.cache/quarto/ (or the env.sh named by LKJ_QUARTO_ENV); without either these tests skip
and say why. One Quarto build (in its own copy of the project) serves every test here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from lkj.render.build import build

from .conftest import ROOT, Report, copy_project

RUN = "jateng-2025-tw2"
ARTIFACTS = ROOT / "test-artifacts"
VOID = {"br", "img", "meta", "link", "input", "hr", "col", "wbr", "source"}

pytestmark = pytest.mark.slow


def quarto_environment() -> dict[str, str] | str:
    """The environment to run Quarto in, or why there is none."""
    if shutil.which("quarto"):
        return dict(os.environ)
    env_sh = Path(os.environ.get("LKJ_QUARTO_ENV") or ROOT / ".cache" / "quarto" / "env.sh")
    if not env_sh.is_file():
        return (
            f"Quarto tidak tersedia: quarto tidak ada di PATH dan {env_sh} tidak ada "
            "(make quarto menyiapkannya dari ../shared/quarto)"
        )
    proc = subprocess.run(
        ["bash", "-c", 'source "$1" >/dev/null && env -0', "env", str(env_sh)],
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        return f"Quarto tidak tersedia: {env_sh} gagal: {proc.stderr.decode()[-500:]}"
    pairs = (item.split("=", 1) for item in proc.stdout.decode().split("\0") if "=" in item)
    return dict(pairs)


@pytest.fixture(scope="module")
def quarto(tmp_path_factory: pytest.TempPathFactory) -> Report:
    env = quarto_environment()
    if isinstance(env, str):
        pytest.skip(env)
    root = copy_project(tmp_path_factory.mktemp("quarto") / "lkj")
    with pytest.MonkeyPatch.context() as patch:
        for key, value in env.items():
            patch.setenv(key, value)
        out = build(root / "params" / f"{RUN}.yml", renderer="quarto", progress=False)
    return Report(root, out, RUN)


class _Page(HTMLParser):
    """What the comparison reads from one HTML page (only inside <main>)."""

    def __init__(self) -> None:
        super().__init__()
        self.in_main = 0
        self.stack: list[tuple[str, str | None, str | None]] = []  # tag, value id, kind
        self.h1: list[str] = []
        self.captions: list[str] = []
        self.values: list[tuple[str, str]] = []
        self.links: list[str] = []  # Quarto's sidebar
        self.text: dict[int, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "main":
            self.in_main += 1
        if tag == "a" and a.get("href") and "sidebar-link" in (a.get("class") or ""):
            self.links.append(a["href"] or "")
        kind = "h1" if tag == "h1" else "caption" if tag == "caption" else None
        if self.in_main and tag == "br" and self.stack:  # a line break shows as a space
            self.text[len(self.stack)].append(" ")
        if not self.in_main or tag in VOID:
            return
        self.stack.append((tag, a.get("data-value-id"), kind))
        self.text[len(self.stack)] = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.in_main -= 1
        if not self.in_main or not self.stack or self.stack[-1][0] != tag:
            return
        depth = len(self.stack)
        _, value_id, kind = self.stack.pop()
        text = " ".join("".join(self.text.pop(depth)).split())
        if depth - 1 in self.text:
            self.text[depth - 1].append(text + " " if tag in ("p", "td", "th", "li") else text)
        if value_id:
            self.values.append((value_id, text))
        if kind == "h1":
            self.h1.append(text)
        elif kind == "caption":
            self.captions.append(text)

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.text[len(self.stack)].append(data)


def read_page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def pandoc_pages(report: Report) -> list[str]:
    """Pages in the order of the pandoc book's navigation (its Daftar Isi page left out)."""
    text = (report.html / "index.html").read_text(encoding="utf-8")
    nav = text[text.index('<nav class="sidebar"') : text.index("</nav>")]
    pages = re.findall(r'<li[^>]*><a href="([^"#]+)"', nav)
    return [p for p in pages if p != "daftar-isi.html"]


def quarto_pages(report: Report) -> list[str]:
    links = read_page(report.html / "index.html").links
    return [href.removeprefix("./") for href in links if "#" not in href]


def test_same_chapters_in_the_same_order(quarto: Report, public: Report) -> None:
    # quarto first: without Quarto the test skips before the pandoc build
    pages = pandoc_pages(public)
    assert len(pages) == 16
    assert quarto_pages(quarto) == pages
    for name in pages:
        # The chapter title: the first level-1 heading of the pandoc page; Quarto's page shows
        # it as its title (h1.title; on the first page after the book's title).
        title = read_page(public.html / name).h1[0]
        assert title in read_page(quarto.html / name).h1, name


def test_same_table_captions(quarto: Report, public: Report) -> None:
    for name in pandoc_pages(public):
        mine, theirs = read_page(quarto.html / name), read_page(public.html / name)
        assert mine.captions == theirs.captions, name
    for text in (_pdf_text(public), _pdf_text(quarto)):
        for n in range(1, 19):  # the reference report's tables, in the PDF of both
            assert f"Tabel {n} " in text, n
        for title in ("DAFTAR ISI", "DAFTAR TABEL", "DAFTAR LAMPIRAN"):
            assert title in text.upper()


def _pdf_text(report: Report) -> str:
    pages = [page.extract_text() or "" for page in PdfReader(report.pdf).pages]
    return re.sub(r"\s+", " ", " ".join(pages))


def test_same_value_ids_with_the_same_displays(quarto: Report, public: Report) -> None:
    pages = pandoc_pages(public)
    theirs = Counter(v for name in pages for v in read_page(public.html / name).values)
    mine = Counter(v for name in pages for v in read_page(quarto.html / name).values)
    assert len(theirs) > 300
    assert mine == theirs
    manifest = (quarto.out / "values.json").read_text(encoding="utf-8")
    assert '"renderer": "quarto"' in manifest


def test_quarto_pdf_is_the_report(quarto: Report) -> None:
    reader = PdfReader(quarto.pdf)
    box = reader.pages[1].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    first = reader.pages[0].extract_text() or ""
    assert "LAPORAN KINERJA" in first and "BP3MI JAWA TENGAH" in first  # lkj's cover
    assert any(annot for page in reader.pages for annot in (page.get("/Annots") or []))


@pytest.mark.browser
def test_quarto_book_in_chromium(open_page, quarto: Report) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    seen_errors: dict[str, list[str]] = {}
    for name in quarto_pages(quarto):
        page, errors = open_page((quarto.html / name).as_uri())
        assert page.locator("#quarto-sidebar").is_visible()
        assert page.locator("main h1").first.is_visible()
        if errors:
            seen_errors[name] = errors
        page.close()
    assert seen_errors == {}
    page, errors = open_page((quarto.html / "bab2b_evaluasi.html").as_uri())
    page.locator('td[data-value-id="iku07.sd_tw2.realisasi"]').first.click()
    panel = page.locator("aside.lkj-trace")
    assert panel.is_visible()
    assert panel.locator(".lkj-trace-big").inner_text() == "13.871 Orang"
    page.screenshot(path=str(ARTIFACTS / "quarto-panel.png"))
    assert errors == []
