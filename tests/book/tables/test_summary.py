"""Tabel 1 (Ringkasan) and Tabel 2 (PK): as in the reference report."""

from .conftest import texts


def test_tabel1_row_values(built):
    _, _, t = built
    spec = t.ringkasan()
    rows = texts(spec.body_rows)
    iku7 = next(row for row in rows if row[-4].startswith("Jumlah PMI yang ditempatkan"))
    assert iku7[-3:] == ["31.000 Orang", "7.375 Orang", "23,79%"]
    assert spec.number == "Tabel 1"


def test_tabel2_is_the_pk_one_row_per_iku_with_its_annual_target(built):
    inputs, _, t = built
    spec = t.perjanjian()
    assert spec.number == "Tabel 2" and spec.columns == 4
    assert len(spec.body_rows) == len(inputs.pk.iku)
    targets = [row[-1].value_id for row in spec.body_rows]
    assert targets == [f"{i.key}.target" for i in inputs.pk.iku]
