"""No sentence contradicts a table: a figure in a sentence is the figure of the table cell with
the same value id, and a sentence that says "not realised" or "nihil" sits beside a table that
shows "-" or 0 — for every shipped params file, the mini fixture and the mini states."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from state_cases import CASES

from lkj.book.core import Book
from lkj.book.tablespec import TableSpec

ROOT = Path(__file__).resolve().parents[2]
SPAN = re.compile(r"\[([^\]]*)\]\{\.lkj-value data-value-id=\"([^\"]+)\"\}")
FIGURE = re.compile(r"\d[\d.,]*%?")
# The quarterly books; the annual book's sentences and tables: tests/annual/test_sentences.py
PARAMS = sorted(p for p in (ROOT / "params").glob("*.yml") if "tahunan" not in p.stem)


def iku_tables(book: Book) -> list[TableSpec]:
    t = book.tables
    return [t.ringkasan(), t.pengukuran(), t.kumulatif(), *[t.iku(i) for i in book.pk.iku]]


def cells_by_id(specs: list[TableSpec]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for spec in specs:
        for row in spec.body_rows:
            for cell in row:
                if cell.value_id:
                    found.setdefault(cell.value_id, set()).add(cell.text)
    return found


def contradictions(book: Book) -> list[str]:
    cells = cells_by_id(iku_tables(book))
    q, out = book.params.quarter, []
    for iku in book.pk.iku:
        summary, evaluation = book.writer.summary(iku), book.writer.evaluation(iku)
        for text in (summary, evaluation):
            for shown, value_id in SPAN.findall(text):
                figures = FIGURE.findall(shown.replace("\\", ""))
                for cell in cells.get(value_id, ()):
                    if not all(f in FIGURE.findall(cell) for f in figures):
                        out.append(f"{iku.kode}: {value_id} '{shown}' vs cell '{cell}'")
        shown_tw = cells.get(f"{iku.key}.tw{q}.realisasi", set())
        says_none = "belum terealisasi" in summary or "belum ada realisasi baru" in summary
        if says_none and shown_tw - {"-"}:
            out.append(f"{iku.kode}: the Ringkasan says not realised, the tables show {shown_tw}")
        if not says_none and shown_tw == {"-"} and "nihil" not in summary:
            out.append(f"{iku.kode}: tables show '-', the Ringkasan states a realisation")
        plain = SPAN.sub(lambda m: m.group(1), summary)
        if (
            "nihil (" in plain
            and iku.sumber.aturan != "rasio"
            and not any(c.startswith("0") for c in shown_tw)
        ):
            out.append(f"{iku.kode}: the Ringkasan says nihil, the tables show {shown_tw}")
    return out


@pytest.mark.parametrize("params", PARAMS, ids=[p.stem for p in PARAMS])
def test_shipped_sentences_agree_with_tables(params):
    assert contradictions(Book.open(params)) == []


def test_mini_sentences_agree_with_tables(mini):
    assert contradictions(Book.open(mini.params)) == []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_state_sentences_agree_with_tables(mini, case):
    case.setup(mini)
    assert contradictions(Book.open(mini.params)) == []


def test_a_sentence_with_another_figure_is_caught(mini):
    book = Book.open(mini.params)
    real = book.writer.summary
    book.writer.summary = lambda iku: real(iku).replace("38", "39")  # type: ignore[method-assign]
    assert any("iku02.tw2.realisasi" in c for c in contradictions(book))
