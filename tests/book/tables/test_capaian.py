"""Tabel 3 (per quarter), Tabel 4 (cumulative) and the per-IKU tables."""

from lkj.book.catalog import iku_table_id
from lkj.values import formatting as fmt


def in_table_order(t):
    """The IKUs as the rows list them: grouped by sasaran in PK order."""
    return [iku for _, _, members in t.grouped(t.pk.iku) for iku in members]


def test_tabel3_has_every_quarter_and_dashes_for_the_ones_not_run(built):
    _, reg, t = built
    spec = t.pengukuran()
    assert spec.columns == 3 + 4 * 3 and spec.landscape
    quarters = [c.text for c in spec.header_rows[0][3:]]
    assert quarters == [fmt.quarter_label(q) for q in (1, 2, 3, 4)]
    for row, iku in zip(spec.body_rows, in_table_order(t), strict=True):
        tw2, later = row[-8], row[-5:-3] + row[-2:]  # TW III and IV: realisasi, capaian
        value = reg.get(f"{iku.key}.tw2.realisasi")
        has_value = value is not None and value.value is not None
        assert tw2.value_id == (value.id if has_value else None)
        assert [c.text for c in later] == ["-"] * 4 and not any(c.value_id for c in later)


def test_tabel4_ends_with_the_cumulative_realisation_and_capaian(built):
    _, reg, t = built
    spec = t.kumulatif()
    for row, iku in zip(spec.body_rows, in_table_order(t), strict=True):
        for cell, measure in zip(row[-2:], ("realisasi", "capaian"), strict=True):
            value = reg.get(f"{iku.key}.sd_tw2.{measure}")
            if value is None or value.value is None:
                assert (cell.text, cell.value_id) == ("-", None)
            else:
                assert cell.value_id == value.id


def test_iku_table_of_a_ratio_shows_numerator_and_denominator(built):
    _, reg, t = built
    iku = next(i for i in t.pk.iku if i.sumber.aturan == "rasio")
    spec = t.iku(iku)
    assert spec.number == t.catalog[iku_table_id(iku.key)].number
    real = spec.body_rows[0][3]
    num, den = reg[f"{iku.key}.tw2.pembilang"], reg[f"{iku.key}.tw2.penyebut"]
    assert real.value_id == f"{iku.key}.tw2.realisasi"
    assert real.text.endswith(f"\n({num.display} dari {den.display_with_unit})")


def test_iku_table_of_a_count_shows_the_plain_realisation(built):
    _, reg, t = built
    iku = next(i for i in t.pk.iku if i.nomor == 7)
    real = t.iku(iku).body_rows[0][3]
    assert real.text == reg[f"{iku.key}.tw2.realisasi"].display_with_unit == "7.375 Orang"
