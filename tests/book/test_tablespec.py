"""TableSpec: grid checks and the exact HTML and typst it renders."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pypdf
import pytest
import typst

from lkj.book.tablespec import Cell, TableSpec, as_cell, placed_cells, to_html, to_typst, typst_str
from lkj.render.pandoc import resource


@dataclass
class FakeValue:
    id: str
    display: str
    display_with_unit: str


TWO_LEVEL = [
    [Cell("No", rowspan=2), Cell("Indikator", rowspan=2), Cell("Triwulan II", colspan=3)],
    ["Target", "Realisasi", "Capaian"],
]


def spec(**kw: object) -> TableSpec:
    args: dict[str, object] = {
        "id": "tbl-iku7",
        "number": "Tabel 5",
        "caption": "Capaian IKU 7",
        "header": TWO_LEVEL,
        "body": [
            ["1.", "Penempatan", "31.000", FakeValue("iku07.tw2", "7.375", "7.375 Orang"), "23,79%"]
        ],
    }
    args.update(kw)
    return TableSpec(**args)  # type: ignore[arg-type]


# ---------------------------------------------------------------- grid


def test_columns_are_counted_with_spans() -> None:
    assert spec().columns == 5


def test_ragged_body_row_is_rejected() -> None:
    with pytest.raises(ValueError, match="body row 2 fills 4 of 5 columns"):
        spec(body=[["1.", "a", "b", "c", "d"], ["2.", "a", "b", "c"]])


def test_header_and_body_must_agree() -> None:
    with pytest.raises(ValueError, match="header has 5 columns but body has 6"):
        spec(body=[["1", "2", "3", "4", "5", "6"]])


def test_rowspan_cannot_leave_its_section() -> None:
    with pytest.raises(ValueError, match="spans 3 rows"):
        spec(header=[[Cell("No", rowspan=3), "a"], ["b"]], body=[["1", "2"]])


def test_widths_and_align_need_one_entry_per_column() -> None:
    with pytest.raises(ValueError, match="widths has 2 entries for 5 columns"):
        spec(widths=[1, 2])
    with pytest.raises(ValueError, match="align entries"):
        spec(align=["left", "left", "middle", "left", "left"])


def test_ids_must_be_anchor_safe() -> None:
    with pytest.raises(ValueError, match="table id"):
        spec(id="tabel 5")


def test_raw_numbers_must_be_formatted_first() -> None:
    with pytest.raises(TypeError, match="format it first"):
        as_cell(23.79)


def test_registry_values_become_cells_with_their_id() -> None:
    cell = as_cell(FakeValue("iku07.tw2", "7.375", "7.375 Orang"))
    assert (cell.text, cell.value_id) == ("7.375", "iku07.tw2")
    assert Cell.of(FakeValue("x", "1", "1 Orang"), unit=True).text == "1 Orang"


# ---------------------------------------------------------------- HTML


def test_html_keeps_caption_spans_and_value_ids() -> None:
    out = to_html(spec())
    assert '<caption><span class="lkj-table-number">Tabel 5</span>' in out
    assert "<thead>" in out and "<tbody>" in out
    assert '<th rowspan="2" scope="col" class="al-center">No</th>' in out
    assert '<th colspan="3" scope="colgroup" class="al-center">Triwulan II</th>' in out
    assert '<td data-value-id="iku07.tw2">7.375</td>' in out
    assert out.startswith('<div class="table-wrap">')  # horizontal scrolling on phones


def test_html_escapes_text_and_breaks_lines() -> None:
    out = to_html(spec(caption="A <b> & B\nbaris 2"))
    assert "A &lt;b&gt; &amp; B<br>baris 2" in out


def test_html_widths_alignment_and_font_size() -> None:
    out = to_html(
        spec(
            widths=[1, 4, 1, 1, 1], align=["center", "left", "right", "right", "right"], font_size=7
        )
    )
    assert '<col style="width: 12.50%"><col style="width: 50.00%">' in out
    assert 'style="font-size: 0.636em"' in out
    assert '<td class="al-right" data-value-id="iku07.tw2">7.375</td>' in out


# ---------------------------------------------------------------- typst


def test_typst_numbering_is_the_given_label() -> None:
    out = to_typst(spec())
    assert out.startswith(
        '#figure(kind: "lkj-tabel", supplement: none, numbering: (..) => "Tabel 5"'
    )
    assert out.rstrip().endswith("<tbl-iku7>")
    assert "table.header(repeat: true," in out
    assert "table.cell(colspan: 3, align: center + horizon)" in out
    assert 'lkj-value("iku07.tw2")' in out


def test_typst_unnumbered_table_is_not_outlined() -> None:
    out = to_typst(spec(number=None, kind="lampiran"))
    assert 'kind: "lkj-lampiran"' in out and "numbering: none" in out and "outlined: false" in out


def test_typst_text_cannot_inject_markup() -> None:
    nasty = 'a "quoted" \\ #strong[x] $y$ <lbl> @ref'
    out = to_typst(spec(caption=nasty))
    assert typst_str(nasty) in out
    assert typst_str(nasty) == '"a \\"quoted\\" \\\\ #strong[x] $y$ <lbl> @ref"'


def test_typst_landscape_and_font_size() -> None:
    out = to_typst(spec(landscape=True, font_size=7))
    assert out.startswith("#page(flipped: true)[")
    assert "show table: set text(size: 7pt)" in out


def test_typst_output_compiles_with_the_book_style(tmp_path) -> None:
    """The generated markup is valid typst 0.15 and the text arrives in the PDF."""
    (tmp_path / "lkj.typ").write_bytes(resource("typst/lkj.typ").read_bytes())
    source = '#import "lkj.typ": *\n#show: lkj-book.with()\n' + to_typst(
        spec(note="Sumber: data contoh", widths=[1, 4, 1, 1, 1])
    )
    (tmp_path / "main.typ").write_text(source, encoding="utf-8")
    pdf = typst.compile(str(tmp_path / "main.typ"), root=str(tmp_path), ignore_system_fonts=True)
    assert pdf.startswith(b"%PDF")
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert re.search(r"Tabel 5\s+Capaian IKU 7", text)
    assert "Triwulan II" in text and "7.375" in text and "Sumber: data contoh" in text


def test_landscape_table_gets_its_own_landscape_page(tmp_path) -> None:
    (tmp_path / "lkj.typ").write_bytes(resource("typst/lkj.typ").read_bytes())
    source = (
        '#import "lkj.typ": *\n#show: lkj-book.with()\nSebelum.\n\n'
        + to_typst(spec(landscape=True))
        + "\n\nSesudah.\n"
    )
    (tmp_path / "main.typ").write_text(source, encoding="utf-8")
    pdf = typst.compile(str(tmp_path / "main.typ"), root=str(tmp_path), ignore_system_fonts=True)
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pages]
    assert sizes == [(595, 842), (842, 595), (595, 842)]
    assert "Tabel 5" in pages[1].extract_text()


def test_cell_without_pdf_link_keeps_its_id_in_html_only() -> None:
    cell = Cell("7.375", value_id="iku07.tw2", pdf_link=False)
    table = TableSpec(id="tbl-uji", caption="Uji", header=[["Nilai"]], body=[[cell]])
    assert 'data-value-id="iku07.tw2"' in to_html(table)  # the panel still opens on click
    assert "lkj-value" not in to_typst(table)
    assert '#"7.375"' in to_typst(table)


def test_placed_cells_gives_the_column_each_cell_starts_in_past_row_spans():
    rows = [
        [Cell("a", rowspan=2), Cell("b", colspan=2), Cell("c")],
        [Cell("d"), Cell("e", colspan=2)],
    ]
    placed = [[(col, cell.text) for col, cell in row] for row in placed_cells(rows)]
    assert placed == [[(0, "a"), (1, "b"), (3, "c")], [(1, "d"), (2, "e")]]
