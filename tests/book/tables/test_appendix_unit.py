"""Lampiran I (PK), Lampiran VI (IKPA) and the Catatan Rekonsiliasi."""

from lkj.book.core import Book

from .conftest import PARAMS


def test_lampiran_pk_lists_every_indicator_and_the_budget_ceiling(built):
    inputs, _, t = built
    spec = t.lampiran_pk()
    assert spec.number is None and spec.id == "lampiran-pk-tabel"  # the heading numbers it
    assert len(spec.body_rows) == len(inputs.pk.iku) + 1
    last = spec.body_rows[-1]
    assert last[0].text == "Jumlah pagu anggaran" and last[-1].value_id == (
        "anggaran.total.pagu_awal"
    )


def test_lampiran_ikpa_has_one_aspect_value_per_aspect_and_the_final_score(built):
    inputs, _, t = built
    spec = t.lampiran_ikpa()
    df = inputs.table("ikpa").df
    aspects = df[(df["_quarter"] == 2) & (df["aspek"] != "Pengurang")]["aspek"].unique()
    spanned = [
        c for row in spec.body_rows for c in row if (c.value_id or "").startswith("ikpa.aspek.")
    ]
    assert len(spanned) == len(aspects)
    assert spec.body_rows[-1][-2:][0].value_id == "ikpa.nilai_akhir"
    assert spec.body_rows[-1][-1].value_id == "ikpa.kategori"


def test_rekonsiliasi_lists_only_the_figures_that_differ():
    book = Book.open(PARAMS)
    outcomes = book.reconciliation()
    spec = book.tables.rekonsiliasi(outcomes)
    differing = [o for o in outcomes if not o.matches]
    assert len(spec.body_rows) == len(differing)
    assert [row[4].value_id for row in spec.body_rows] == [o.item.id for o in differing]
    matched = len(outcomes) - len(differing)
    assert spec.note.startswith(f"{len(outcomes)} angka laporan terbitan dibandingkan; {matched} ")
