"""Analyst texts: placeholders become traceable values; no figures typed into the files."""

import re
from pathlib import Path

import pytest

from lkj.book.texts import render
from lkj.errors import InputError
from lkj.values.registry import Registry

ROOT = Path(__file__).resolve().parents[2]
MONTHS = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"


def test_placeholder_becomes_value_span():
    reg = Registry()
    reg.add("iku07.tw2.realisasi", 7375, kind="count", unit="Orang", label="x")
    out = render("Sebanyak {{ iku07.tw2.realisasi }} orang.", reg, "teks.md")
    assert out == 'Sebanyak [7.375 Orang]{.lkj-value data-value-id="iku07.tw2.realisasi"} orang.'


def test_unknown_placeholder_names_file_and_line():
    with pytest.raises(InputError) as err:
        render("baris satu\nada {{ iku99.tw2.realisasi }}", Registry(), "data/x/teks.md")
    (problem,) = err.value.problems
    assert (problem.file, problem.row) == ("data/x/teks.md", 2)
    assert "iku99.tw2.realisasi" in problem.message


def test_shipped_texts_contain_no_typed_figures():
    for path in sorted((ROOT / "data").glob("*/*/teks/**/*.md")):
        text = re.sub(r"\{\{[^}]*\}\}", "", path.read_text(encoding="utf-8"))
        text = re.sub(rf"\b\d{{1,2}}( s\.d\. \d{{1,2}})? ({MONTHS}) \d{{4}}\b", "", text)  # dates
        text = re.sub(r"\b20\d\d([–-]20\d\d)?\b", "", text)  # years
        text = re.sub(r"^\d+\. ", "", text, flags=re.M)  # list numbering
        text = re.sub(r"\b[A-Z]+\d+[A-Z]*\b", "", text)  # names such as BP3MI, P4MI
        text = re.sub(r"\b(STIKES|Stikes) \d+\b", "", text)  # an institution's name
        text = re.sub(r"\b(Nomor|No\.) \d+\b", "", text)  # numbers of regulations
        assert not re.search(r"\d", text), (path, re.findall(r".{0,20}\d.{0,20}", text))


def test_latin1_text_is_an_input_error_naming_the_file(mini):
    from lkj.book.texts import load, text_path
    from lkj.inputs.load import load_inputs
    from lkj.inputs.params import load_run
    from lkj.values.access import Reads

    run = load_run(mini.params)
    reads = Reads(load_inputs(run), Registry())
    path = text_path(run, "kata_pengantar")
    path.parent.mkdir(parents=True)
    path.write_bytes("Pengantar.\nDi Café.\n".encode("latin-1"))
    with pytest.raises(InputError) as err:
        load(reads, "kata_pengantar", Registry())
    (problem,) = err.value.problems
    assert (problem.file, problem.row) == ("data/mini/2025/teks/tw2/kata_pengantar.md", 2)
    assert "simpan ulang berkas sebagai UTF-8" in problem.fix


def test_render_refuses_markup_even_without_lkj_check():
    with pytest.raises(InputError) as err:
        render("aman\n<script>alert(1)</script>", Registry(), "data/x/teks.md")
    assert {(p.file, p.row) for p in err.value.problems} == {("data/x/teks.md", 2)}


def test_render_leaves_the_prompt_comments_out():
    assert render("<!-- tulis di sini -->\nIsi.", Registry(), "t.md") == "\nIsi."
