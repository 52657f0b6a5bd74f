"""The analyst's Markdown texts: UTF-8 or a problem naming the file, line and fix."""

from __future__ import annotations

import pytest
from conftest import Project

from lkj.errors import InputError
from lkj.inputs.textfiles import read_text

from .cases import Y, load, problems_of

TEXT = Y + "teks/tw2/kata_pengantar.md"
IKU_TEXT = Y + "teks/tw2/iku/IKU01.md"


def _latin1(project: Project, rel: str) -> None:
    project.path(rel).parent.mkdir(parents=True, exist_ok=True)
    project.path(rel).write_bytes("Pengantar.\n\nKegiatan di Café Mini.\n".encode("latin-1"))


@pytest.mark.parametrize("rel", [TEXT, IKU_TEXT])
def test_latin1_text_is_named_with_line_and_fix(mini: Project, rel: str) -> None:
    _latin1(mini, rel)
    (problem,) = problems_of(mini)
    assert (problem.file, problem.row, problem.column) == (rel, 3, None)
    assert "karakter ke-16" in problem.message
    assert "simpan ulang berkas sebagai UTF-8" in problem.fix


def test_reading_a_latin1_text_raises_an_input_error(mini: Project) -> None:
    _latin1(mini, TEXT)
    with pytest.raises(InputError) as caught:
        read_text(mini.path(TEXT), TEXT)
    assert caught.value.problems[0].row == 3


def test_utf8_text_reads(mini: Project) -> None:
    mini.path(TEXT).parent.mkdir(parents=True)
    mini.write(TEXT, "Kegiatan di Café Mini.\n")
    assert read_text(mini.path(TEXT), TEXT) == "Kegiatan di Café Mini.\n"


def test_text_of_another_quarter_is_not_read(mini: Project) -> None:
    _latin1(mini, Y + "teks/tw3/kata_pengantar.md")
    load(mini)  # teks/tw3 belongs to a TW III run
