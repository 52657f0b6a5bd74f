"""The helpers every table uses: value cells, numbered vs appendix tables, sasaran rows."""

from lkj.book.tables.base import DASH, centred, text_of
from lkj.book.tablespec import Cell


def test_cell_of_a_value_carries_its_id_and_unit(built):
    _, reg, t = built
    iku = t.pk.iku[0]
    cell = t.cell(f"{iku.key}.target", rowspan=3, bold=True)
    assert cell.value_id == f"{iku.key}.target"
    assert cell.text == reg[f"{iku.key}.target"].display_with_unit
    assert (cell.rowspan, cell.bold) == (3, True)
    assert t.cell(f"{iku.key}.target", unit=False).text == reg[f"{iku.key}.target"].display


def test_cell_of_a_missing_or_empty_value_is_a_dash_without_id(built):
    _, reg, t = built
    iku = t.pk.iku[0]
    assert f"{iku.key}.tw4.realisasi" not in reg  # TW IV has not run in a TW II book
    empty = next(v.id for v in reg if v.value is None)  # e.g. a quarter without data
    for value_id in (f"{iku.key}.tw4.realisasi", empty):
        cell = t.cell(value_id, colspan=2)
        assert (cell.text, cell.value_id, cell.colspan) == (DASH, None, 2)


def test_a_numbered_table_gets_number_and_title_from_the_catalogue(built):
    _, _, t = built
    entry = t.catalog["tbl-ringkasan"]
    spec = t.spec("tbl-ringkasan", [["A"]], [["x"]], landscape=True, note="n")
    assert (spec.id, spec.number, spec.caption) == (entry.id, entry.number, entry.title)
    assert spec.landscape and spec.note == "n" and spec.listed


def test_an_appendix_table_is_unnumbered_and_leaves_landscape_to_the_appendix(built):
    _, _, t = built
    spec = t.spec("lampiran-ikpa", [["A"]], [["x"]], landscape=True, font_size=7)
    assert spec.id == "lampiran-ikpa-tabel"
    assert spec.number is None and spec.caption == "" and not spec.listed
    assert not spec.landscape and spec.font_size == 7


def test_sasaran_rows_number_each_sasaran_once_and_span_its_ikus(built):
    _, _, t = built
    rows = t.sasaran_rows(t.pk.iku, lambda i: [Cell(i.kode)])
    leads = [row[0] for row in rows if row[0].text.endswith(".")]
    assert [c.text for c in leads] == [f"{n}." for n, _, _ in t.grouped(t.pk.iku)]
    assert sum(c.rowspan for c in leads) == len(t.pk.iku) == len(rows)


def test_grouped_keeps_pk_order_of_sasaran(built):
    _, _, t = built
    order = [s.kode for s in t.pk.sasaran]
    groups = t.grouped(reversed(t.pk.iku))
    codes = [members[0].sasaran for _, _, members in groups]
    assert codes == sorted(codes, key=order.index)
    assert [n for n, _, _ in groups] == [order.index(c) + 1 for c in codes]


def test_centred_and_text_of():
    assert centred(3) == ["center", "center", "center"]
    assert text_of(None) == text_of(float("nan")) == ""
    assert text_of("Semarang") == "Semarang"
