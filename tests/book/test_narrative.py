"""Generated sentences: every figure in them is a value span, nothing typed."""

import re
from pathlib import Path

import pytest

from lkj.book.core import Book

ROOT = Path(__file__).resolve().parents[2]
SPAN = re.compile(r"\[([^\]]*)\]\{\.lkj-value data-value-id=\"([^\"]+)\"\}")


@pytest.fixture(scope="module")
def book():
    return Book.open(ROOT / "params/jateng-2025-tw2.yml")


def sentences(book):
    w = book.writer
    out = [
        w.overview("Unit"),
        w.average(),
        w.budget("Unit"),
        w.budget_revision("Unit"),
        w.kegiatan(),
        w.kegiatan_budget(),
        w.renstra(book.profile),
    ]
    for iku in book.pk.iku:
        out += [w.summary(iku), w.evaluation(iku)]
    return out


def test_every_number_in_generated_text_is_a_value(book):
    for text in sentences(book):
        for shown, value_id in SPAN.findall(text):
            assert value_id in book.reg
            assert book.reg[value_id].display in shown.replace("\\", "")
        rest = SPAN.sub("", text)
        rest = re.sub(r"\b20\d\d\b", "", rest)  # years are labels, not figures
        rest = re.sub(r"^(\*\*)?\d+\. ", "", rest, flags=re.M)  # list/heading numbers
        rest = re.sub(r"\b\d{4}[–-]\d{4}\b", "", rest)
        assert not re.search(r"\d", rest.replace("BP3MI", "").replace("BP2MI", "")), rest


def test_summary_sentence_reads_like_the_report(book):
    iku7 = book.pk.iku_by_code("IKU07")
    plain = SPAN.sub(lambda m: m.group(1), book.writer.summary(iku7))
    assert plain.startswith(
        "Realisasi Triwulan II tahun 2025 sebanyak 7.375 Orang, atau mencapai 23,79%"
    )


def test_unrealised_iku_says_so(book):
    plain = SPAN.sub(lambda m: m.group(1), book.writer.summary(book.pk.iku_by_code("IKU04")))
    assert "belum terealisasi" in plain
    assert "80 Orang" in plain


def test_ratio_iku_shows_numerator_and_denominator(book):
    plain = SPAN.sub(lambda m: m.group(1), book.writer.summary(book.pk.iku_by_code("IKU08")))
    assert "sebesar 87,5% (7 dari 8 Klaim)" in plain


def test_counts_are_spelled_out(book):
    plain = SPAN.sub(lambda m: m.group(1), book.writer.overview("Unit"))
    assert "9 (sembilan) Sasaran Strategis" in plain
    assert "13 (tiga belas) Indikator Kinerja Utama" in plain


def test_signing_date_is_month_after_quarter(book):
    assert book.signing_date() == "Semarang, Juli 2025"
