"""The book's tables: structure as in the reference report, numbers only from the registry."""

import re
from pathlib import Path

import pytest

from lkj.book.core import Book
from lkj.book.tables import Tables
from lkj.compute.engine import compute
from lkj.dev.synth import copy_project
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built():
    inputs = load_inputs(load_run(ROOT / "params/jateng-2025-tw2.yml"))
    reg = compute(inputs)
    return inputs, reg, Tables(inputs, reg)


def all_specs(inputs, t):
    return [
        t.ringkasan(),
        t.perjanjian(),
        t.pengukuran(),
        t.kumulatif(),
        *[t.iku(i) for i in inputs.pk.iku],
        t.anggaran(),
        t.lampiran_pk(),
        t.lampiran_penempatan(),
        t.lampiran_pengaduan(),
        *t.lampiran_kepulangan(),
        *t.lampiran_verifikasi(),
        t.lampiran_ikpa(),
    ]


def figures(text: str) -> list[str]:
    """Number tokens that read as figures: not part of a name (BP3MI) and not a year or date."""
    tokens = re.findall(r"(?<![\w.,])\d[\d.,]*%?(?![\w])", text)
    return [t for t in tokens if not re.fullmatch(r"20\d\d", t)]


def test_every_figure_in_a_table_has_a_resolvable_value_id(built):
    inputs, reg, t = built
    missing = []
    for spec in all_specs(inputs, t):
        for r, row in enumerate(spec.body_rows):
            for c, cell in enumerate(row):
                if cell.value_id:
                    assert cell.value_id in reg
                    assert reg[cell.value_id].display in cell.text
                    continue
                ordinal = c == 0 and re.fullmatch(r"\d+\.?", cell.text)
                dates = spec.id.startswith("lampiran-verifikasi") and c == 2
                if figures(cell.text) and not ordinal and not dates:
                    missing.append((spec.id, r, c, cell.text))
    assert missing == []


def test_tabel1_row_values(built):
    _, _, t = built
    spec = t.ringkasan()
    texts = [[c.text for c in row] for row in spec.body_rows]
    iku7 = next(row for row in texts if row[-4].startswith("Jumlah PMI yang ditempatkan"))
    assert iku7[-3:] == ["31.000 Orang", "7.375 Orang", "23,79%"]
    assert spec.number == "Tabel 1"


def test_tabel18_budget_cells_span_their_kegiatan(built):
    _, _, t = built
    spec = t.anggaran()
    pagu = [c for row in spec.body_rows for c in row if c.value_id == "anggaran.k1.pagu"]
    assert len(pagu) == 1 and pagu[0].rowspan == 10
    assert pagu[0].text == "Rp 4.826.057.000,00"


def test_penempatan_appendix_has_four_level_header_and_published_total(built):
    _, _, t = built
    spec = t.lampiran_penempatan()
    assert len(spec.header_rows) == 4
    assert spec.columns == 2 + 3 * 8 + 1
    last = spec.body_rows[-1]
    assert last[-1].text == "7.375" and last[-1].value_id == "penempatan.total"


def test_public_appendix_iv_has_no_personal_data(built):
    inputs, _, t = built
    df = inputs.table("kepulangan").df
    text = " ".join(
        c.text for spec in t.lampiran_kepulangan() for row in spec.body_rows for c in row
    )
    for column in ("nama", "no_paspor", "alamat"):
        for value in df[column].dropna().astype(str):
            if len(value) > 3:
                assert value not in text, (column, value)


def test_internal_list_has_all_records(built):
    _, reg, t = built
    spec = t.lampiran_kepulangan_internal()
    assert len(spec.body_rows) == reg["kepulangan.total"].value + 1


# --- Lampiran V over the params cap (appendix_max_rows): a recap ------------------------------
@pytest.fixture(scope="module")
def capped(tmp_path_factory):
    root = copy_project(ROOT, tmp_path_factory.mktemp("cap") / "lkj")
    params = root / "params/jateng-2025-tw2.yml"
    text, found = re.subn(
        r"(?m)^appendix_max_rows: .*$", "appendix_max_rows: 5", params.read_text("utf-8")
    )
    assert found == 1
    params.write_text(text, encoding="utf-8")
    return Book.open(params)


def test_capped_verifikasi_appendix_is_one_recap_of_registry_values(capped):
    (spec,) = capped.tables.lampiran_verifikasi()
    assert spec.id == "lampiran-verifikasi-rekap"
    texts = [[c.text for c in row] for row in spec.body_rows]
    assert [row[-6] for row in texts[:-1]] == ["Verifikasi Dokumen", "UBT", "Ujian Bahasa"]
    assert texts[-1] == ["TOTAL", "9", "25.593", "6.956", "105", "25.488"]
    for row in spec.body_rows:
        for cell in row[-5:]:
            assert cell.value_id and cell.value_id.count(".") <= 3  # group or total, no event
            assert capped.reg[cell.value_id].display == cell.text
    unlinked = [c.text for row in spec.body_rows for c in row if not c.value_id]
    assert [t for t in unlinked if figures(t)] == ["1.", "2."]  # the row numbers
    assert "Dihitung untuk IKU" in [c.text for row in spec.header_rows for c in row]


def test_capped_note_names_the_count_the_cap_and_the_sheet(capped):
    note = capped.verification_note()
    assert '[9]{.lkj-value data-value-id="verifikasi.total.kegiatan"} kegiatan' in note
    assert "batas 5 baris" in note and "`appendix_max_rows`" in note
    assert "jateng-2025-tw2.xlsx" in note and "“Lampiran V (daftar kegiatan)”" in note


def test_uncapped_verifikasi_appendix_lists_every_event_without_note(built):
    _, _, t = built
    specs = t.lampiran_verifikasi()
    assert [len(s.body_rows) - 1 for s in specs] == [6, 2, 1]  # events, then the TOTAL row
    assert Book.open(ROOT / "params/jateng-2025-tw2.yml").verification_note() is None
