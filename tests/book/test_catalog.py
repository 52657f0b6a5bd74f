"""Table and appendix numbers come from one catalogue that follows the PK."""

from pathlib import Path

from lkj.book.catalog import build_catalog
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run

ROOT = Path(__file__).resolve().parents[2]


def test_reference_report_numbering():
    cat = build_catalog(load_inputs(load_run(ROOT / "params/jateng-2025-tw2.yml")))
    numbers = {e.id: e.number for e in cat.entries}
    assert numbers["tbl-ringkasan"] == "Tabel 1"
    assert numbers["tbl-iku01"] == "Tabel 5"
    assert numbers["tbl-iku13"] == "Tabel 17"
    assert numbers["tbl-anggaran"] == "Tabel 18"
    assert [e.number for e in cat.appendices()][:6] == [
        "Lampiran I",
        "Lampiran II",
        "Lampiran III",
        "Lampiran IV",
        "Lampiran V",
        "Lampiran VI",
    ]
    assert cat["lampiran-rekonsiliasi"].number == "Lampiran VII"


def test_other_unit_gets_its_own_numbers():
    cat = build_catalog(load_inputs(load_run(ROOT / "params/nusantara-2025-tw1.yml")))
    assert cat["tbl-anggaran"].number == "Tabel 11"  # 4 + 6 IKUs + 1
    assert "lampiran-ikpa" not in cat  # no IKPA data for that unit


def test_figures_are_numbered_in_book_order_from_the_same_catalogue():
    """BAB II A's chart, the placement IKU's monthly chart (B), the budget chart (C), D."""
    cat = build_catalog(load_inputs(load_run(ROOT / "params/jateng-2025-tw2.yml")))
    figures = [(e.id, e.number) for e in cat.figures()]
    assert figures == [
        ("gambar-capaian-iku", "Gambar 1"),
        ("gambar-iku07", "Gambar 2"),  # IKU 7 counts placements (monthly data)
        ("gambar-anggaran", "Gambar 3"),
        ("gambar-perbandingan", "Gambar 4"),
    ]
    assert "s.d. Triwulan II" in cat["gambar-anggaran"].title
    assert not any(e.kind == "gambar" for e in cat.tables() + cat.appendices())
