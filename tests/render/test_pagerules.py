"""The page rules on small hand-made typst PDFs: each rule broken once, and kept once."""

from __future__ import annotations

from pathlib import Path

import pytest
import typst

from lkj.render.pagerules import check_pdf, report_lines

# The book's page geometry (resources/typst/lkj.typ), without the book template.
PAGE = '#set page(paper: "a4", margin: (top: 2.6cm, bottom: 2.4cm, x: 2.4cm), numbering: "1")\n'
HEADER = "table.header(repeat: {repeat}, [*No*], [*Uraian*])"


def _table(rows: str, repeat: str = "true", breakable: str = "false") -> str:
    return (
        f"#set table.cell(breakable: {breakable})\n"
        "#table(columns: (1cm, 1fr), stroke: 0.5pt, fill: (_, y) => if y < 1 { luma(232) },\n"
        f"  {HEADER.format(repeat=repeat)},\n  {rows}\n)\n"
    )


def _rows(n: int, words: int = 6) -> str:
    return f"..range({n}).map(i => ([#(i + 1).], [#lorem({words})])).flatten()"


def _pdf(tmp_path: Path, body: str) -> Path:
    source = tmp_path / "t.typ"
    source.write_text(PAGE + body, encoding="utf-8")
    out = tmp_path / "t.pdf"
    typst.compile(str(source), output=str(out))
    return out


def _rules(tmp_path: Path, body: str) -> list[tuple[int, str]]:
    return [(f.page, f.rule) for f in check_pdf(_pdf(tmp_path, body))]


def test_a_table_over_two_pages_with_repeated_header_and_whole_rows_passes(tmp_path):
    body = "#lorem(300)\n\n" + "#align(center)[*Tabel 7* \\ Judul]\n" + _table(_rows(50))
    assert _rules(tmp_path, body) == []


def test_a_caption_alone_at_the_foot_of_a_page(tmp_path):
    body = "#lorem(400)\n#v(1fr)\n#align(center)[*Tabel 7* \\ Judul]\n#pagebreak()\n" + _table(
        _rows(20)
    )
    found = check_pdf(_pdf(tmp_path, body))
    assert [(f.page, f.rule) for f in found] == [(1, "judul-terpisah")]
    assert "Tabel 7" in found[0].message


def test_a_per_chapter_caption_alone_at_the_foot_of_a_page(tmp_path):
    """unit.yml `tabel.penomoran: per_bab` captions ("Tabel 3.5") are checked the same way."""
    body = "#lorem(400)\n#v(1fr)\n#align(center)[*Tabel 3.5* \\ Judul]\n#pagebreak()\n"
    found = check_pdf(_pdf(tmp_path, body + _table(_rows(20))))
    assert [(f.page, f.rule) for f in found] == [(1, "judul-terpisah")]
    assert "Tabel 3.5" in found[0].message


def test_a_page_with_only_a_few_lines(tmp_path):
    body = "#lorem(700)\n\nDua baris penutup yang tertinggal sendirian di halaman berikutnya."
    assert _rules(tmp_path, body) == [(2, "halaman-pendek")]


def test_a_chapter_opening_may_be_short(tmp_path):
    opening = '#text(size: 14pt, weight: "bold")[BAB III PENUTUP]'
    body = f"#lorem(300)\n#pagebreak()\n{opening}\n\nSatu baris."
    assert _rules(tmp_path, body) == []


def test_a_row_split_across_pages(tmp_path):
    rows = f"{_rows(30)}, [31.], [#lorem(300)], {_rows(3)}"
    assert (2, "baris-terpotong") in _rules(tmp_path, _table(rows, breakable="true"))


def test_a_continued_table_without_its_header(tmp_path):
    assert _rules(tmp_path, _table(_rows(60), repeat="false")) == [(2, "kepala-hilang")]


def test_the_build_lines_are_indonesian_with_page_numbers(tmp_path):
    lines = report_lines(_pdf(tmp_path, "#lorem(700)\n\nSatu baris."))
    assert lines and all(line.startswith("aturan halaman: halaman 2: ") for line in lines)


@pytest.mark.parametrize("words", [380, 400, 420, 440, 460])
def test_the_book_template_keeps_a_caption_with_its_first_rows(tmp_path, words):
    """lkj.typ's sticky caption: wherever the text before ends, no caption is left behind."""
    style = Path(__file__).resolve().parents[2] / "src/lkj/resources/typst/lkj.typ"
    (tmp_path / "lkj.typ").write_text(style.read_text(encoding="utf-8"), encoding="utf-8")
    body = (
        '#import "lkj.typ": *\n#show: lkj-book.with(title: "T", running: "R", author: "A")\n'
        f"{PAGE}#lorem({words * 2})\n"
        '#figure(kind: "lkj-tabel", supplement: none, numbering: (..) => "Tabel 7", '
        "caption: [Judul], table(columns: 2, fill: (_, y) => if y < 1 { luma(232) }, "
        f"table.header(repeat: true, [*A*], [*B*]), {_rows(30)}))\n"
    )
    assert _rules(tmp_path, body) == []


def test_a_table_leaving_only_its_last_row_for_the_next_page(tmp_path):
    # 39 rows fill an A4 page under the header: the 40th goes over alone
    assert (2, "baris-sendiri") in _rules(tmp_path, _table(_rows(40)))
    assert _rules(tmp_path, _table(_rows(43))) == []


def test_a_page_before_a_landscape_page_may_be_short(tmp_path):
    """A wide table turns the page: the page before it ends where its text ends."""
    body = "#lorem(300)\n#pagebreak()\nC. Realisasi Anggaran\n\n#page(flipped: true)[#lorem(400)]"
    assert _rules(tmp_path, body) == []
    assert _rules(tmp_path, body.replace("flipped: true", "flipped: false")) == [
        (2, "halaman-pendek")
    ]
