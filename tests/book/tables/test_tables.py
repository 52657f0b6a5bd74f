"""Tables as a whole: every table of the book, numbers only from the registry, one API."""

import json
import re

from lkj.book.tables import Tables

from .conftest import ROOT, figures


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


def test_every_table_a_notebook_asks_for_is_a_method_of_tables():
    called = set()
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            called |= set(re.findall(r"book\.tables\.(\w+)", "".join(cell["source"])))
    # What repeats per sasaran or IKU is emitted by lkj.book.sections for the notebooks.
    sections = (ROOT / "src/lkj/book/sections.py").read_text(encoding="utf-8")
    called |= set(re.findall(r"book\.tables\.(\w+)", sections))
    assert {"ringkasan", "lampiran_penempatan", "anggaran", "iku"} <= called
    assert sorted(name for name in called if not hasattr(Tables, name)) == []


def test_table_ids_are_unique_in_the_book(built):
    inputs, _, t = built
    ids = [spec.id for spec in all_specs(inputs, t)]
    assert len(ids) == len(set(ids))
