"""Lampiran V: every event per program and kelompok, or one recap over the params cap."""

import re

import pytest

from lkj.book.core import Book
from lkj.book.tables import full_list_sheet
from lkj.dev.synth import copy_project

from .conftest import PARAMS, ROOT, figures


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
    assert Book.open(PARAMS).verification_note() is None


def test_each_event_table_ends_with_its_group_total(built):
    _, reg, t = built
    for position, spec in enumerate(t.lampiran_verifikasi(), start=1):
        assert spec.id == f"lampiran-verifikasi-{position}"
        total = spec.body_rows[-1]
        assert total[0].text == "TOTAL"
        group = total[1].value_id.rsplit(".", 1)[0]
        events = [row[4] for row in spec.body_rows[:-1]]
        assert all(c.value_id.startswith(group + ".") for c in events)
        assert sum(reg[c.value_id].value for c in events) == reg[total[1].value_id].value


def test_full_list_sheet_fits_excels_31_characters():
    assert full_list_sheet("Lampiran V") == "Lampiran V (daftar kegiatan)"
    assert len(full_list_sheet("Lampiran XXVIII Tambahan")) == 31
