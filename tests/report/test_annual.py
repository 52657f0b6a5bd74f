"""The annual books of the test batch: every output, the PermenPAN-RB 53/2014 chapters in order,
the year's figures traceable in values.json (issue 13)."""

from __future__ import annotations

import json

import pdfplumber
from openpyxl import load_workbook

CHAPTERS = [
    "KATA PENGANTAR",
    "IKHTISAR EKSEKUTIF",
    "BAB I PENDAHULUAN",
    "BAB II PERENCANAAN KINERJA",
    "BAB III AKUNTABILITAS KINERJA",
    "B. Realisasi Anggaran",
    "BAB IV PENUTUP",
    "LAMPIRAN I",
    "JEJAK ANGKA",
]


def test_the_annual_books_have_every_output_and_their_chapters_in_order(batch):
    for unit in ("jateng", "nusantara", "labnusa"):
        run = f"{unit}-2025-tahunan"
        out = batch.outputs[run]
        for name in (f"{run}.pdf", f"{run}.docx", f"{run}.xlsx", "values.json"):
            assert (out / name).is_file(), name
        assert (out / "html" / "tahunan_bab3a.html").is_file()
        with pdfplumber.open(out / f"{run}.pdf") as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        at = [
            text.find(c, text.find("DAFTAR LAMPIRAN") if i > 1 else 0)
            for i, c in enumerate(CHAPTERS)
        ]
        assert -1 not in at and at == sorted(at), dict(zip(CHAPTERS, at, strict=True))
        assert "(7) Program dan kegiatan yang mendukung hasil" in text
        assert "Triwulan IV Tahun" not in text.split("DAFTAR ISI")[0]  # the cover names no quarter
        sheets = load_workbook(out / f"{run}.xlsx", read_only=True).sheetnames
        # the seventh table (efficiency); labnusa numbers per BAB (unit.yml tabel.penomoran)
        seventh = "Tabel 3.5" if unit == "labnusa" else "Tabel 7"
        assert seventh in sheets and "Lampiran I" in sheets


def test_values_json_records_the_kind_and_the_annual_values(batch):
    annual = json.loads((batch.outputs["jateng-2025-tahunan"] / "values.json").read_text("utf-8"))
    quarterly = json.loads((batch.outputs["jateng-2025-tw4"] / "values.json").read_text("utf-8"))
    assert annual["params"]["values"]["kind"] == "tahunan"
    assert "kind" not in quarterly["params"]["values"]  # the quarterly record as before
    eff = annual["values"]["tahunan.k1.efisiensi"]
    assert eff["inputs"] == ["kegiatan.k1.sd_tw4.capaian", "anggaran.k1.persen"]
    history = annual["values"]["tahunan.iku07.riwayat.2024"]
    assert history["sources"][0]["file"] == "data/jateng/riwayat.csv"
    assert "data/jateng/renstra.csv" in annual["files"]
    for value_id in ("iku07.sd_tw4.realisasi", "anggaran.total.realisasi"):
        assert annual["values"][value_id]["value"] == quarterly["values"][value_id]["value"]
