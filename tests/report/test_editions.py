"""Public and internal editions: personal data of workers only in the internal one."""

from __future__ import annotations

import csv
from pathlib import Path

from pypdf import PdfReader

PERSONAL = {
    "kepulangan.csv": ("nama", "no_paspor", "alamat"),
    "pemberdayaan.csv": ("nama",),
}


def personal_values(root: Path) -> list[str]:
    out = []
    for name, columns in PERSONAL.items():
        with (root / "data/jateng/2025" / name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                out += [row[c].strip() for c in columns if len(row[c].strip()) > 3]
    return out


def output_texts(report) -> dict[str, str]:
    """Every file of the output as text (PDF: its extracted text)."""
    texts = {}
    for path in report.out.rglob("*"):
        if not path.is_file():
            continue
        if path.suffix == ".pdf":
            texts[str(path)] = " ".join(p.extract_text() or "" for p in PdfReader(path).pages)
        else:
            texts[str(path)] = path.read_bytes().decode("utf-8", errors="ignore")
    return texts


def test_public_edition_shows_no_worker_names_ids_or_addresses(public):
    values = personal_values(public.root)
    assert len(values) > 100
    leaks = [(f, v) for f, t in output_texts(public).items() for v in values if v in t]
    assert leaks == []


def test_internal_edition_lists_the_workers_and_is_marked(internal):
    values = personal_values(internal.root)
    pdf = PdfReader(internal.pdf)
    text = " ".join(p.extract_text() or "" for p in pdf.pages)
    assert sum(v in text for v in values) > 50
    assert all("TERBATAS" in (p.extract_text() or "") for p in pdf.pages)
    for page in internal.html.glob("*.html"):
        assert "TERBATAS" in page.read_text(encoding="utf-8"), page.name


def test_public_edition_is_not_marked_restricted(public):
    pdf = PdfReader(public.pdf)
    assert not any("TERBATAS" in (p.extract_text() or "") for p in pdf.pages)
