"""Declared appendices (unit.yml `lampiran:`) on the mini project: rows counted per group.

Expected figures are counted by hand from tests/fixtures/mini/data/mini/2025/*.csv:
pengaduan ADU-01 (Feb, Malaysia, P), ADU-02 (Apr, Taiwan, L), ADU-03 (May, Hongkong, P);
kepulangan PLG-01 (Jan, DEPORTASI, L), PLG-02 (Apr, SAKIT, P) plus the rows a test adds.
"""

from __future__ import annotations

import pytest

from lkj.book.tables import Tables
from lkj.compute.appendices.declared import keys
from lkj.compute.engine import compute
from lkj.errors import InputError
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run
from lkj.values.access import Reads
from lkj.values.families import family, family_datasets

UNIT = """\
lampiran:
  - id: pengaduan-negara
    judul: Rekapitulasi Pengaduan per Negara
    dataset: pengaduan
    baris: negara
    kolom: jenis_kelamin
    periode: sd_triwulan
  - id: kepulangan
    judul: Rekapitulasi Kepulangan
    dataset: kepulangan
    baris: kategori
    kolom: jenis_kelamin
    judul_baris: Kategori
"""

# Three more SAKIT/P returns and one SAKIT/L in TW II: SAKIT P = 4, SAKIT L = 1.
MORE_RETURNS = "".join(
    f"PLG-1{n},2025-05-0{n},Batam-Kota Mini,Taiwan,Rekaan {n},,SAKIT,,,Kota Sampel,{sex}\n"
    for n, sex in ((1, "P"), (2, "P"), (3, "P"), (4, "L"))
)


def _run(mini, edition: str = "publik"):
    mini.write("data/mini/unit.yml", UNIT)
    if edition != "publik":
        mini.replace("params/mini-2025-tw2.yml", "quarter: 2", f"quarter: 2\nedition: {edition}")
    inputs = load_inputs(load_run(mini.params))
    return inputs, compute(inputs)


def test_cells_rows_and_totals_up_to_the_quarter(mini) -> None:
    inputs, reg = _run(mini)
    cell = reg["lampiran.pengaduan-negara.malaysia.p"]
    assert cell.value == 1  # ADU-01 is February: s.d. TW II counts it
    assert cell.sources[0].file == "data/mini/2025/pengaduan.csv"
    assert cell.sources[0].rows == (2,)
    assert "negara = Malaysia" in cell.sources[0].selection
    label = inputs.datasets.label("pengaduan")  # the declaration's words, not the file name
    assert cell.formula.startswith(f"n(baris {label}), s.d. Triwulan II Tahun 2025")
    assert reg["lampiran.pengaduan-negara.malaysia.l"].value == 0
    assert reg["lampiran.pengaduan-negara.taiwan.l"].value == 1
    assert reg["lampiran.pengaduan-negara.total.p"].value == 2  # ADU-01, ADU-03
    assert reg["lampiran.pengaduan-negara.total.p"].sources[0].rows == (2, 4)
    assert reg["lampiran.pengaduan-negara.total"].value == 3
    assert reg["lampiran.pengaduan-negara.hongkong.total"].value == 1


def test_quarter_period_and_reference_order(mini) -> None:
    inputs, reg = _run(mini, "internal")
    # periode triwulan: only PLG-02 (April); PLG-01 (January) is in no cell
    assert reg["lampiran.kepulangan.sakit.p"].value == 1
    assert reg["lampiran.kepulangan.deportasi.l"].value == 0
    assert reg["lampiran.kepulangan.total"].value == 1
    table = Tables(inputs, reg).lampiran_rekap(inputs.unit.lampiran[1])
    # rows in the order of referensi/kategori_kepulangan.csv, columns L, P, Jumlah
    labels = [row[1] for row in table.body[:-1]]
    assert labels == ["MENINGGAL", "SAKIT", "DEPORTASI"]
    assert [c.text for c in table.body[1][2:]] == ["-", "1", "1"]
    assert table.header[0][1].text == "Kategori"
    assert table.body[1][3].value_id == "lampiran.kepulangan.sakit.p"
    assert table.note is None  # internal edition: no suppression


def test_public_edition_hides_groups_of_fewer_than_three_persons(mini) -> None:
    mini.write(
        "data/mini/2025/kepulangan.csv", mini.read("data/mini/2025/kepulangan.csv") + MORE_RETURNS
    )
    inputs, reg = _run(mini)
    # SAKIT: L 1, P 4, total 5; every other row 0. L = 1 person: "< 3", and so is its column
    # total; SAKIT P would give it back (5 − 4), so it is hidden too, and with it the P total.
    assert reg["lampiran.kepulangan.sakit.l"].value == "< 3"
    assert reg["lampiran.kepulangan.sakit.l"].kind == "text"
    assert reg["lampiran.kepulangan.total.l"].value == "< 3"
    assert reg["lampiran.kepulangan.sakit.p"].value == "x"
    assert reg["lampiran.kepulangan.total.p"].value == "x"
    assert reg["lampiran.kepulangan.sakit.total"].value == 5
    assert reg["lampiran.kepulangan.total"].value == 5
    assert reg["lampiran.kepulangan.deportasi.total"].value == 0
    # a hidden group cites no rows: their number would be the count
    assert reg["lampiran.kepulangan.sakit.l"].sources == ()
    assert reg["lampiran.kepulangan.sakit.p"].sources == ()
    assert reg["lampiran.kepulangan.sakit.total"].sources[0].rows == (3, 4, 5, 6, 7)
    table = Tables(inputs, reg).lampiran_rekap(inputs.unit.lampiran[1])
    shown = [c.text for row in table.body for c in row[2:]]
    assert "< 3" in shown and "x" in shown
    assert all(t in ("-", "< 3", "x") or int(t) >= 3 for t in shown)
    assert table.note and "< 3 = 1 atau 2 orang" in table.note and "x = " in table.note
    # pengaduan has no personal column: small counts stay numbers
    assert reg["lampiran.pengaduan-negara.taiwan.l"].value == 1


def test_internal_edition_shows_every_count(mini) -> None:
    mini.write(
        "data/mini/2025/kepulangan.csv", mini.read("data/mini/2025/kepulangan.csv") + MORE_RETURNS
    )
    _, reg = _run(mini, "internal")
    assert reg["lampiran.kepulangan.sakit.l"].value == 1
    assert reg["lampiran.kepulangan.sakit.l"].sources[0].rows == (7,)  # PLG-14, line 7
    assert reg["lampiran.kepulangan.sakit.p"].value == 4


def test_catalog_lists_each_declared_appendix(mini) -> None:
    inputs, reg = _run(mini)
    tables = Tables(inputs, reg)
    entries = [e for e in tables.catalog.appendices() if e.id.startswith("lampiran-")]
    titles = {e.id: e.title for e in entries}
    assert titles["lampiran-pengaduan-negara"] == (
        "Rekapitulasi Pengaduan per Negara s.d. Triwulan II Tahun 2025"
    )
    assert titles["lampiran-kepulangan"] == "Rekapitulasi Kepulangan Triwulan II Tahun 2025"


def test_declared_values_are_a_declared_family(mini) -> None:
    inputs, reg = _run(mini)
    table = family_datasets(inputs.pk, inputs.unit)
    reads = Reads(inputs, reg)
    files = {reads.file_of(d) for d in table[family("lampiran.kepulangan.total")]}
    assert files == {"data/mini/2025/pengaduan.csv", "data/mini/2025/kepulangan.csv"}


def test_a_unit_without_declarations_has_no_such_values(mini) -> None:
    inputs = load_inputs(load_run(mini.params))
    assert not [v for v in compute(inputs) if v.id.startswith("lampiran.")]


@pytest.mark.parametrize(
    ("old", "new", "line", "fix"),
    [
        # UNIT line 11 is the second appendix's `baris: kategori`
        ("    baris: kategori\n", "    baris: kategory\n", 11, "maksudnya 'kategori'?"),
        # line 10 its `dataset: kepulangan`
        ("    dataset: kepulangan\n", "    dataset: kepulangn\n", 10, "maksudnya 'kepulangan'?"),
    ],
)
def test_an_unknown_dataset_or_column_is_an_error_at_its_line(mini, old, new, line, fix) -> None:
    assert UNIT.splitlines()[line - 1] == old.rstrip("\n")
    mini.write("data/mini/unit.yml", UNIT.replace(old, new))
    with pytest.raises(InputError) as caught:
        load_inputs(load_run(mini.params))
    found = [p for p in caught.value.problems if p.file == "data/mini/unit.yml"]
    assert len(found) == 1
    assert found[0].row == line
    assert found[0].value == new.split(": ")[1].strip()
    assert found[0].fix.startswith(fix)


def test_values_that_write_alike_get_their_own_ids() -> None:
    assert keys(["Kab. A", "Kab A", "Total", "total"]) == {
        "Kab. A": "kab_a",
        "Kab A": "kab_a_2",
        "Total": "total_",
        "total": "total__2",
    }
