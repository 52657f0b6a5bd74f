"""The third unit (data/labnusa: a provincial health laboratory, not a BP3MI office) builds its
four quarters in the shipped batch (the page rules: tests/report/test_pages.py) and none of its
outputs carries a word of the BP3MI book.

Figures checked here are the hand-counted ones of data/README.md ("The fictional unit
labnusa"): IKU 1 TW I 23 of 36 obat samples MS → 63,89 %, capaian 79,86, "Cukup".
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

RUNS = [*(f"labnusa-2025-tw{q}" for q in (1, 2, 3, 4)), "labnusa-2025-tahunan"]

# Words of the BP3MI book and its datasets: a laboratory's book has none of them.
BP3MI_WORDS = re.compile(
    r"\b(BP3MI|BP2MI|C?PMI|P[234]MI|Pekerja\s+Migran|Migran|Kementerian\s+Pelindungan|"
    r"penempatan|OPP|kepulangan|SSKO|debarkasi|IKPA|Ketenagakerjaan)\b",
    re.IGNORECASE,
)


def _xml_text(path: Path, prefix: str) -> str:
    with zipfile.ZipFile(path) as z:
        return " ".join(
            re.sub(r"<[^>]+>", " ", z.read(n).decode("utf-8"))
            for n in z.namelist()
            if n.startswith(prefix) and n.endswith(".xml")
        )


def _xlsx_cells(path: Path) -> str:
    wb = load_workbook(path, read_only=True)
    cells = [
        str(v)
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if v is not None
    ]
    return " ".join([*wb.sheetnames, *cells])


def texts(out: Path, run: str) -> dict[str, str]:
    """Every reader-facing output of one run as text, by file."""
    found = {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in out.rglob("*.html")}
    found["html/values.js"] = (out / "html" / "values.js").read_text(encoding="utf-8")
    found["values.json"] = (out / "values.json").read_text(encoding="utf-8")
    found["pdf"] = " ".join(p.extract_text() or "" for p in PdfReader(out / f"{run}.pdf").pages)
    found["docx"] = _xml_text(out / f"{run}.docx", "word/")
    found["xlsx"] = _xlsx_cells(out / f"{run}.xlsx")
    return found


@pytest.mark.parametrize("run", RUNS)
def test_no_bp3mi_word_in_any_output(batch, run) -> None:
    out = batch.outputs[run]
    hits = {
        name: sorted({m.group(0) for m in BP3MI_WORDS.finditer(text)})
        for name, text in texts(out, run).items()
    }
    assert {name: words for name, words in hits.items() if words} == {}


# The words of a BP3MI office's levels; labnusa's unit.yml `istilah` says IKK / Sasaran Kegiatan.
# (Case-sensitive "IKU": the lowercase "iku" of formulas and folder names is code, not a word.)
BP3MI_TERMS = re.compile(r"\bIKU\b|(?i:Indikator Kinerja Utama|sasaran strategis)")


@pytest.mark.parametrize("run", RUNS)
def test_the_units_terms_replace_iku_and_sasaran_strategis(batch, run) -> None:
    shown = {  # what a reader sees: no markup (anchors such as #gambar-capaian-iku), no ids
        name: re.sub(r"<[^>]+>", " ", text) if name.endswith(".html") else text
        for name, text in texts(batch.outputs[run], run).items()
        if not name.endswith(("values.js", "values.json"))
    }
    hits = {
        name: sorted({m.group(0) for m in BP3MI_TERMS.finditer(t)}) for name, t in shown.items()
    }
    assert {name: words for name, words in hits.items() if words} == {}


def test_the_search_finds_the_words_in_a_bp3mi_book(batch) -> None:
    # The same search on a BP3MI book must find them, or it proves nothing.
    found = texts(batch.outputs["nusantara-2025-tw1"], "nusantara-2025-tw1")
    assert BP3MI_WORDS.search(found["pdf"]) and BP3MI_WORDS.search(found["xlsx"])
    assert BP3MI_TERMS.search(found["pdf"]) and BP3MI_TERMS.search(found["docx"])


def test_tw1_leads_with_the_issue_example(batch) -> None:
    out = batch.outputs["labnusa-2025-tw1"]
    pdf = " ".join(p.extract_text() or "" for p in PdfReader(out / "labnusa-2025-tw1.pdf").pages)
    assert "63,89" in pdf and "79,86" in pdf and "Cukup" in pdf
    assert "80,00" in pdf  # fixed decimals
    assert re.search(r"Tabel \d+\.\d+", pdf)  # numbered per chapter
    assert "Rekapitulasi Hasil Pengujian Sampel Triwulan I Tahun 2025" in pdf
    manifest = json.loads((out / "values.json").read_text(encoding="utf-8"))
    values = manifest["values"]
    assert values["iku01.tw1.pembilang"]["value"] == 23
    assert values["iku01.tw1.penyebut"]["value"] == 36
    assert values["lampiran.uji-sampel.obat.tms"]["value"] == 13  # 36 − 23


def test_public_declared_appendix_never_shows_a_small_group(batch) -> None:
    out = batch.outputs["labnusa-2025-tw1"]
    html = (out / "html" / "lampiran_rekap.html").read_text(encoding="utf-8")
    assert "&lt; 3" in html
    values = json.loads((out / "values.json").read_text(encoding="utf-8"))["values"]
    training = {k: v["value"] for k, v in values.items() if k.startswith("lampiran.pelatihan.")}
    assert training["lampiran.pelatihan.keamanan_hayati_laboratorium.l"] == "< 3"
    counts = [v for v in training.values() if isinstance(v, int)]
    assert counts and all(v == 0 or v >= 3 for v in counts)
    # nor does a hidden group's source say how many rows it has
    hidden = [v for k, v in values.items() if v["value"] in ("< 3", "x")]
    assert hidden and all(v["sources"] == [] for v in hidden)
    personal = "data/labnusa/2025/pelatihan.csv"
    cited = [s["row_count"] for v in values.values() for s in v["sources"] if s["file"] == personal]
    assert cited and all(n == 0 or n >= 3 for n in cited)
    # the participants' lines and names are in no output
    assert "pelatihan.csv" in values["iku06.tw1.realisasi"]["sources"][0]["file"]
    assert values["iku06.tw1.realisasi"]["sources"][0]["rows"] == []
    with (batch.root / "data/labnusa/2025/pelatihan.csv").open(encoding="utf-8") as handle:
        names = {row["nama"] for row in csv.DictReader(handle)}
    assert len(names) == 100
    found = texts(out, "labnusa-2025-tw1")
    assert {n for n in names for text in found.values() if n in text} == set()
