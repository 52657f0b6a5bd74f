"""The PDF is compiled in a child process (lkj.render.typst_worker): same bytes, same errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import typst

from lkj.errors import BuildError
from lkj.render.typst import compile_pdf

SOURCE = '#set page(paper: "a5")\n#set text(font: "Libertinus Serif")\nLaporan Kinerja 7.375\n'


def test_child_process_gives_the_same_pdf_as_the_binding(tmp_path: Path) -> None:
    main = tmp_path / "main.typ"
    main.write_text(SOURCE, encoding="utf-8")
    pdf, warnings = compile_pdf(main, tmp_path, 1577836800)
    direct = typst.compile(
        str(main),
        root=str(tmp_path),
        font_paths=[],
        ignore_system_fonts=True,
        timestamp=1577836800,
    )
    assert pdf == direct
    assert warnings == []
    assert not (tmp_path / "main.pdf").exists()  # the hand-over file is removed


def test_typst_warnings_come_back(tmp_path: Path) -> None:
    main = tmp_path / "main.typ"
    main.write_text('#set text(font: "Tidak Ada Huruf Ini")\nhalo\n', encoding="utf-8")
    _, warnings = compile_pdf(main, tmp_path, 0)
    assert any("tidak ada huruf ini" in w.lower() for w in warnings)


def test_typst_error_names_the_problem_and_the_source(tmp_path: Path) -> None:
    main = tmp_path / "main.typ"
    main.write_text("#let x = (\n", encoding="utf-8")
    with pytest.raises(BuildError) as info:
        compile_pdf(main, tmp_path, 0)
    text = str(info.value)
    assert text.startswith("typst gagal menyusun PDF: ")
    assert "unclosed delimiter" in text
    assert str(main) in text
