"""Lampiran II–IV: placements, complaints and returns of PMI."""

from .conftest import texts


def test_penempatan_appendix_has_four_level_header_and_published_total(built):
    _, _, t = built
    spec = t.lampiran_penempatan()
    assert len(spec.header_rows) == 4
    assert spec.columns == 2 + 3 * 8 + 1
    last = spec.body_rows[-1]
    assert last[-1].text == "7.375" and last[-1].value_id == "penempatan.total"


def test_penempatan_appendix_has_one_row_per_month_of_the_quarter(built):
    _, _, t = built
    rows = texts(t.lampiran_penempatan().body_rows)
    assert [row[1] for row in rows[:-1]] == ["April", "Mei", "Juni"]
    assert rows[-1][0] == "TOTAL"


def test_pengaduan_appendix_has_two_sex_columns_per_type_and_a_legend(built):
    inputs, reg, t = built
    spec = t.lampiran_pengaduan()
    codes = inputs.references["jenis_masalah"]["kode"].astype(str).tolist()
    assert spec.columns == 4 + 2 * len(codes) + 3
    assert [c.text for c in spec.header_rows[2]] == ["L", "P"] * len(codes)
    total = spec.body_rows[-1]
    assert total[0].text == "JUMLAH" and total[-1].text == reg["pengaduan.total"].display
    assert all(f"{code}. " in spec.note for code in codes)


def test_public_appendix_iv_has_no_personal_data(built):
    inputs, _, t = built
    df = inputs.table("kepulangan").df
    text = " ".join(
        c.text for spec in t.lampiran_kepulangan() for row in spec.body_rows for c in row
    )
    for column in ("nama", "no_paspor", "alamat"):
        for value in df[column].dropna().astype(str):
            if len(value) > 3:
                assert value not in text, (column, value)


def test_public_appendix_iv_counts_by_category_country_and_district(built):
    _, reg, t = built
    specs = t.lampiran_kepulangan()
    assert [s.id for s in specs] == [
        "lampiran-kepulangan-kategori",
        "lampiran-kepulangan-negara",
        "lampiran-kepulangan-kabupaten_kota",
    ]
    for spec in specs:
        assert spec.body_rows[-1][-1].text == reg["kepulangan.total"].display


def test_internal_list_has_all_records(built):
    _, reg, t = built
    spec = t.lampiran_kepulangan_internal()
    assert len(spec.body_rows) == reg["kepulangan.total"].value + 1
