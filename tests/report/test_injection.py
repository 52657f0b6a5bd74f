"""Strings from YAML and CSV files stay text in every target (issue 16, "Text is text").

One build of the real project with hostile strings in profil.yml `nama_singkat`, pk.yml
`kegiatan.nama` and `informasi_kinerja` and a CSV text cell shown in a table (verifikasi
`lokasi`): the HTML pages hold them as text (no element, attribute or link made of them), the
PDF shows them literally (typst did not run them), and the DOCX holds them as text.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from lkj.dev import synth
from lkj.render.build import build

HOSTILE = {
    "html": "<script>alert(1)</script>",
    "img": "<img src=x onerror=alert(1)>",
    "typst": "#set page(fill: red)",
    "math": "$x^2$",
    "markup": "*b* _c_ @lkj [a](javascript:alert(1))",
}
LINE = " ".join(HOSTILE.values())
YEAR = Path("data/jateng/2025")
ROOT = Path(__file__).resolve().parents[2]
RUN = "jateng-2025-tw2"


def _poison(root: Path) -> None:
    profile = root / "data/jateng/profil.yml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(
        text.replace("nama_singkat: BP3MI Jawa Tengah", f"nama_singkat: 'BP3MI {LINE}'"),
        encoding="utf-8",
    )
    pk = root / YEAR / "pk.yml"
    text = pk.read_text(encoding="utf-8")
    text = text.replace(
        "    nama: Peningkatan Fasilitasi Pelayanan",
        f"    nama: 'K1 {LINE} Pelayanan",
        1,
    ).replace(
        "Pekerja Migran Indonesia\n    program:", "Pekerja Migran Indonesia'\n    program:", 1
    )
    text = text.replace(
        "    informasi_kinerja: |\n", f"    informasi_kinerja: |\n      {LINE}\n", 1
    )
    pk.write_text(text, encoding="utf-8")
    verifikasi = root / YEAR / "verifikasi.csv"
    lines = verifikasi.read_text(encoding="utf-8").splitlines()
    row = next(i for i, s in enumerate(lines) if ",2025-04-" in s or ",2025-05-" in s)
    cells = lines[row].split(",")
    cells[6] = LINE
    lines[row] = ",".join(cells)
    verifikasi.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Hostile:
    root: Path
    out: Path

    @property
    def html(self) -> Path:
        return self.out / "html"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    root = synth.copy_project(ROOT, tmp_path_factory.mktemp("hostile") / "lkj")
    _poison(root)
    return Hostile(root, build(root / f"params/{RUN}.yml", renderer="pandoc", progress=False))


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_html_shows_the_strings_and_makes_no_element_of_them(hostile):
    seen = 0
    for path in sorted(hostile.html.glob("*.html")):
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        text = _flat("".join(page.text))
        seen += text.count(HOSTILE["html"])
        for tag, attrs in page.tags:
            assert tag not in ("iframe", "object", "embed"), path.name
            assert not (tag == "script" and not attrs.get("src")), path.name  # only our files
            assert not any(k.startswith("on") for k in attrs), (path.name, tag, attrs)
            assert not (tag == "img" and attrs.get("src") == "x"), path.name
            for key in ("href", "src"):
                assert not (attrs.get(key) or "").lower().startswith("javascript"), path.name
        if HOSTILE["html"] in text:
            assert HOSTILE["img"] in text and HOSTILE["markup"] in text, path.name
    assert seen >= 5  # cover/title, narrative, tables, informasi kinerja, appendix list


def test_pdf_shows_the_strings_literally(hostile):
    text = _flat(
        " ".join(p.extract_text() or "" for p in PdfReader(hostile.out / f"{RUN}.pdf").pages)
    )
    flat = text.replace(" ", "")
    for value in HOSTILE.values():
        assert value.replace(" ", "") in flat, value


def test_typst_source_escapes_them(hostile):
    main = (hostile.root / "_build" / RUN / "typst" / "main.typ").read_text("utf-8")
    assert "\n#set page(fill: red)" not in main
    assert "#set page(fill: red)" in main.replace("\\#", "#")  # escaped (\#…) or in a string


def test_docx_holds_them_as_text(hostile):
    docx = hostile.out / f"{RUN}.docx"
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml")
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    text = "".join(t.text or "" for t in ElementTree.fromstring(xml).iter(f"{ns}t"))
    assert HOSTILE["html"] in text and HOSTILE["typst"] in text
