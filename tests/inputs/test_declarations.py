"""Declared datasets: the shipped sets, a unit's own declarations, located declaration errors."""

from __future__ import annotations

import copy
import pickle

import pytest
from conftest import Project

from lkj.cli.main import main
from lkj.errors import InputError, Problem
from lkj.inputs import declarations
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run

UNIT = "data/mini/unit.yml"

SAMPLE = """\
dataset:
  - nama: uji_sampel
    label: sampel yang diuji
    satuan_baris: Sampel
    triwulan_dari: tanggal
    kolom:
      - {nama: id, unik: true}
      - {nama: tanggal, jenis: tanggal, dalam_tahun: true}
      - {nama: jenis_sampel, pilihan: [obat, makanan]}
      - {nama: hasil, pilihan: [MS, TMS], bantuan: memenuhi syarat (MS) atau tidak (TMS)}
    kunci: [id]
"""


def problems(mini: Project) -> list[Problem]:
    with pytest.raises(InputError) as info:
        load_inputs(load_run(mini.params))
    return info.value.problems


def test_without_unit_yml_the_bp3mi_set_is_read() -> None:
    decl = declarations.default()
    assert decl.kind == "bp3mi"
    assert {"pengaduan", "kepulangan", "ikpa", "pagu", "nilai"} <= set(decl.tables)
    assert decl.required_files == ["pagu", "realisasi_anggaran"]
    assert decl.required_references == ("jenis_masalah", "kategori_kepulangan", "negara")
    assert decl.personal("kepulangan") == ("nama", "no_paspor", "keterangan", "alamat")
    assert decl.label("kerjasama") == "dokumen kerja sama"
    # the score readings and the budget files cannot be declared nihil
    assert not {"nilai", "ikpa", "ikpa_aspek", "realisasi_anggaran"} & set(decl.declarable)


def test_umum_holds_what_any_unit_has_and_nothing_of_bp3mi() -> None:
    from lkj.inputs.unit import Unit

    decl, found = declarations.build(Unit(jenis="umum"))
    assert found == [] and decl is not None
    assert set(decl.specs) == {"target", "pagu", "realisasi_anggaran", "nilai"}
    assert decl.references == {} and decl.required_references == ()


def test_declarations_survive_the_hand_off_to_the_kernels() -> None:
    decl = declarations.default()
    for again in (pickle.loads(pickle.dumps(decl)), copy.deepcopy(decl)):
        rule = again.specs["verifikasi"].rules[0]
        assert rule.fix == decl.specs["verifikasi"].rules[0].fix
        assert again.tables.keys() == decl.tables.keys()


def test_a_units_own_dataset_is_read_and_checked(mini: Project) -> None:
    mini.write(UNIT, SAMPLE)
    mini.write(
        "data/mini/2025/uji_sampel.csv",
        "id,tanggal,jenis_sampel,hasil\nS1,2025-04-02,obat,MS\nS2,2025-05-02,kosmetik,MS\n",
    )
    found = problems(mini)
    assert [(p.file, p.row, p.column, p.value) for p in found] == [
        ("data/mini/2025/uji_sampel.csv", 3, "jenis_sampel", "kosmetik")
    ]
    assert found[0].fix == "isi dengan obat atau makanan"


def test_an_undeclared_csv_warns_naming_the_declared_ones(mini: Project) -> None:
    mini.write(UNIT, SAMPLE)
    mini.write("data/mini/2025/uji_sampel.csv", "id,tanggal,jenis_sampel,hasil\n")
    mini.write("data/mini/2025/inspeksi.csv", "id\n")
    inputs = load_inputs(load_run(mini.params))
    assert "uji_sampel" in inputs.tables and inputs.datasets.label("uji_sampel") == (
        "sampel yang diuji"
    )
    (warning,) = [w for w in inputs.warnings if w.file.endswith("inspeksi.csv")]
    assert warning.message == "berkas CSV tidak dikenal; tidak dibaca"
    assert "uji_sampel" in warning.fix and "pengaduan" in warning.fix


def test_a_declaration_replaces_the_sets_one_of_the_same_name(mini: Project) -> None:
    mini.write(
        UNIT,
        "dataset:\n"
        "  - nama: kerjasama\n"
        "    label: perjanjian kerja sama daerah\n"
        "    triwulan_dari: tanggal\n"
        "    kolom:\n"
        "      - {nama: id, unik: true}\n"
        "      - {nama: tanggal, jenis: tanggal, dalam_tahun: true}\n"
        "      - {nama: mitra}\n"
        "      - {nama: judul}\n"
        "      - {nama: nomor, wajib: false}\n",
    )
    rows = mini.read("data/mini/2025/kerjasama.csv").splitlines()
    mini.write(
        "data/mini/2025/kerjasama.csv",
        "\n".join([rows[0] + ",nomor"] + [r + "," for r in rows[1:]]) + "\n",
    )
    inputs = load_inputs(load_run(mini.params))
    assert inputs.datasets.label("kerjasama") == "perjanjian kerja sama daerah"
    assert "nomor" in inputs.tables["kerjasama"].df.columns


def locate(found: list[Problem]) -> list[tuple[str, int | None, str | None]]:
    return [(p.file, p.row, p.column) for p in found]


def test_declaration_errors_name_file_line_key_and_fix(mini: Project) -> None:
    mini.write(
        UNIT,
        SAMPLE.replace("    kunci: [id]\n", "    kunci: [id, nomor]\n")
        .replace("pilihan: [obat, makanan]", "referensi: jenis_sampel")
        .replace("triwulan_dari: tanggal", "triwulan_dari: tangal"),
    )
    found = problems(mini)
    assert sorted(locate(found)) == [
        (UNIT, 5, "dataset[0].triwulan_dari"),
        (UNIT, 9, "dataset[0].kolom[2].referensi"),
        (UNIT, 11, "dataset[0].kunci[1]"),
    ]
    by_key = {p.column: p for p in found}
    assert "'tangal'" in by_key["dataset[0].triwulan_dari"].message
    assert "maksudnya 'tanggal'" in by_key["dataset[0].triwulan_dari"].fix
    assert by_key["dataset[0].kolom[2].referensi"].message == (
        "daftar referensi 'jenis_sampel' tidak ada"
    )
    assert "negara" in by_key["dataset[0].kolom[2].referensi"].fix
    assert by_key["dataset[0].kunci[1]"].fix.startswith("pakai kolom yang dideklarasikan: id,")


def test_a_row_rule_missing_its_keys_or_columns_is_located(mini: Project) -> None:
    mini.write(
        UNIT,
        SAMPLE
        + "    aturan_baris:\n"
        + "      - {jenis: urut, dari: tanggal}\n"
        + "      - {jenis: jika, bila: {hasil: TMS}, maka: {tindak: ya}}\n",
    )
    found = problems(mini)
    assert locate(found) == [
        (UNIT, 13, "dataset[0].aturan_baris[0].sampai"),
        (UNIT, 14, "dataset[0].aturan_baris[1].maka"),
    ]
    assert "jenis: urut, dari: tanggal_mulai, sampai: tanggal_selesai" in found[0].fix
    assert found[1].message == "kolom 'tindak' pada aturan_baris tidak dideklarasikan"


def test_unknown_column_type_and_unknown_set_are_located(mini: Project) -> None:
    mini.write(UNIT, SAMPLE.replace("jenis: tanggal,", "jenis: tanggl,"))
    (found,) = problems(mini)
    assert locate([found]) == [(UNIT, 8, "dataset[0].kolom[1].jenis")]
    assert "tanggal" in found.fix and "bilangan" in found.fix
    mini.write(UNIT, "jenis: bp3m\n")
    (found,) = problems(mini)
    assert locate([found]) == [(UNIT, 1, "jenis")]
    assert found.fix == "pakai salah satu jenis (maksudnya 'bp3mi'?): bp3mi, umum"


def test_a_broken_declaration_still_lets_check_report_the_other_files(
    mini: Project, capsys: pytest.CaptureFixture
) -> None:
    mini.write(UNIT, SAMPLE.replace("kunci: [id]", "kunci: [nomor]"))
    mini.replace("data/mini/2025/pengaduan.csv", "ADU-01,2025-", "ADU-01,2024-")
    assert main(["check", str(mini.params)]) == 2
    err = capsys.readouterr().err
    assert "dataset[0].kunci[0]" in err and "pengaduan.csv" in err


# --- the test: a new dataset and an IKU over it, without a line of code ------------

NEW_IKU = """
  - kode: IKU06
    nomor: 6
    sasaran: SS1
    kegiatan: K1
    nama: Persentase sampel yang memenuhi syarat
    jenis: persentase
    satuan: "%"
    batas_capaian: 100
    kumulatif: rasio
    sumber:
      dataset: uji_sampel
      aturan: rasio
      pembilang: {hasil: MS}
      satuan_butir: Sampel
"""
SAMPLES = """\
id,tanggal,jenis_sampel,hasil
S-01,2025-02-03,obat,MS
S-02,2025-04-07,makanan,MS
S-03,2025-04-09,obat,TMS
S-04,2025-05-12,makanan,MS
S-05,2025-06-30,obat,TMS
"""


def test_adding_a_dataset_and_an_iku_over_it_needs_no_code_change(mini: Project, tmp_path) -> None:
    from openpyxl import load_workbook

    from lkj.analyst.excel.template import write_template
    from lkj.compute.engine import compute

    mini.write(UNIT, SAMPLE)
    mini.write("data/mini/2025/uji_sampel.csv", SAMPLES)
    mini.write("data/mini/2025/pk.yml", mini.read("data/mini/2025/pk.yml") + NEW_IKU)
    targets = "".join(f"IKU06,{p},80\n" for p in ("tahunan", "TW1", "TW2", "TW3", "TW4"))
    mini.write("data/mini/2025/target.csv", mini.read("data/mini/2025/target.csv") + targets)

    reg = compute(load_inputs(load_run(mini.params)))
    # TW II (April–June): S-02, S-04 meet the requirement of the four samples S-02…S-05
    assert reg["iku06.tw2.pembilang"].value == 2
    assert reg["iku06.tw2.penyebut"].value == 4
    assert reg["iku06.tw2.realisasi"].value == 50
    assert reg["iku06.tw2.capaian"].value == pytest.approx(62.5)
    assert reg["iku06.sd_tw2.penyebut"].value == 5  # with February's S-01
    assert reg["iku06.tw2.penyebut"].sources[0].rows == (3, 4, 5, 6)

    out = tmp_path / "isian.xlsx"
    write_template(load_run(mini.params), out)
    wb = load_workbook(out)
    ws = wb["uji_sampel"]
    assert [c.value for c in ws[1]] == ["id", "tanggal", "jenis_sampel", "hasil"]
    assert ws.max_row == 6  # the five samples
    rules = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    assert rules["C2"].type == "list" and rules["C2"].formula1 == '"obat,makanan"'
    assert rules["D2"].formula1 == '"MS,TMS"'
    assert rules["B2"].type == "date"
    assert "memenuhi syarat (MS)" in ws["D1"].comment.text
    guide = [[c.value for c in row] for row in wb["Petunjuk"].iter_rows()]
    assert ["uji_sampel", None, "sampel yang diuji", None] in guide
    nihil = {str(dv.sqref).split(":")[0]: dv for dv in wb["nihil"].data_validations.dataValidation}
    assert "uji_sampel" in nihil["A2"].formula1  # a quarter without samples can be nihil


def test_the_example_of_data_readme_is_a_valid_declaration() -> None:
    import re
    from pathlib import Path

    import yaml

    from lkj.inputs.unit import Unit

    text = (Path(__file__).parents[2] / "data" / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### unit.yml — dataset") :]
    example = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert example is not None
    decl, found = declarations.build(Unit.model_validate(yaml.safe_load(example.group(1))))
    assert found == [] and decl is not None
    assert decl.kind == "umum" and decl.personal("uji_sampel") == ("petugas",)
    assert (
        decl.specs["uji_sampel"]
        .rules[0]
        .message(
            {"jumlah_gagal": 3, "jumlah_uji": 2}  # type: ignore[arg-type]
        )
        == "jumlah_gagal (3) lebih besar dari jumlah_uji (2)"
    )


def test_a_declared_personal_column_is_kept_out_of_the_public_edition(mini: Project) -> None:
    from lkj.inputs.personal import REDACTED, is_personal_file, redacted
    from lkj.provenance.rows import read_rows

    mini.write(
        UNIT, SAMPLE.replace("    kunci: [id]\n", "      - {nama: petugas, pribadi: true}\n")
    )
    mini.write(
        "data/mini/2025/uji_sampel.csv",
        "id,tanggal,jenis_sampel,hasil,petugas\nS1,2025-04-02,obat,MS,Rina Wulandari\n",
    )
    file = "data/mini/2025/uji_sampel.csv"
    assert is_personal_file(mini.root, file)  # "petugas" is no name lkj would guess
    assert not is_personal_file(mini.root, "data/mini/2025/kerjasama.csv")
    inputs = load_inputs(load_run(mini.params))
    assert set(redacted(inputs).tables["uji_sampel"].df["petugas"]) == {REDACTED}
    rows = read_rows(mini.root, file, {2}, "publik")
    assert rows.hidden == ["petugas"] and "Rina Wulandari" not in str(rows.rows)
    assert read_rows(mini.root, file, {2}, "internal").hidden == []


def test_a_unit_may_declare_its_own_reference_list(mini: Project) -> None:
    mini.write(
        UNIT,
        SAMPLE.replace("pilihan: [obat, makanan]", "referensi: jenis_sampel")
        + "referensi:\n"
        + "  - nama: jenis_sampel\n"
        + "    label: jenis sampel\n"
        + "    wajib: true\n"
        + "    kolom: [{nama: kode, unik: true}, {nama: uraian}]\n",
    )
    mini.write(
        "data/mini/2025/uji_sampel.csv", "id,tanggal,jenis_sampel,hasil\nS1,2025-04-02,OT,MS\n"
    )
    (found,) = problems(mini)  # the list itself is required and missing
    assert (found.file, found.message) == (
        "data/referensi/jenis_sampel.csv",
        "berkas tidak ditemukan (daftar referensi wajib)",
    )
    mini.write("data/referensi/jenis_sampel.csv", "kode,uraian\nOB,obat\nMK,makanan\n")
    (found,) = problems(mini)
    assert (found.row, found.column, found.value) == (2, "jenis_sampel", "OT")
    assert "data/referensi/jenis_sampel.csv" in found.fix
    mini.replace("data/mini/2025/uji_sampel.csv", ",OT,", ",OB,")
    assert "jenis_sampel" in load_inputs(load_run(mini.params)).references
