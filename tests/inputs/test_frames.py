"""The per-file cache of validated CSV frames (lkj.inputs.frames): same problems, fewer reads."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import Project

from lkj import files
from lkj.errors import InputError, Problem
from lkj.inputs.frames import FrameCache, Memory
from lkj.inputs.load import Inputs, load_inputs
from lkj.inputs.params import load_run

from .cases import Y, append, edit

UNIT = "data/mini/unit.yml"
SAMPLE = Y + "uji_sampel.csv"


def cache(folder: Path | None, memory: Memory | None = None) -> FrameCache:
    """A cache of its own, never the process's: tests must not see each other's entries."""
    return FrameCache(folder, memory=Memory() if memory is None else memory)


def problems(mini: Project, frames: FrameCache | None) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        load_inputs(load_run(mini.params), frames)
    return [*caught.value.problems, *caught.value.warnings]


def loaded(mini: Project, frames: FrameCache | None) -> Inputs:
    return load_inputs(load_run(mini.params), frames)


def csv_files(mini: Project) -> list[str]:
    """Every CSV file load_inputs reads in the mini project, as shown."""
    found = [*mini.root.glob("data/mini/2025/*.csv"), *mini.root.glob("data/referensi/*.csv")]
    return sorted(str(p.relative_to(mini.root)) for p in found)


def break_several_files(mini: Project) -> None:
    """Problems in three files, one of them found only across files (nilai vs pk.yml)."""
    mini.replace(Y + "pengaduan.csv", "ADU-02,2025-04-15", "ADU-02,2025-04-35")
    mini.replace(Y + "pengaduan.csv", "E,P,tidak,tidak", "Z,P,tidak,tidak")
    mini.replace(Y + "kepulangan.csv", ",Taiwan,Contoh Dua", ",Atlantis,Contoh Dua")
    edit(Y + "nilai.csv", "1,,Baik,", "1,,Bagus,")(mini)
    append(mini, Y + "pagu.csv", "K3,abc,100")


def test_broken_inputs_give_the_same_problems_with_and_without_the_cache(
    mini: Project, tmp_path: Path
) -> None:
    break_several_files(mini)
    plain = problems(mini, None)
    files_with_problems = {p.file for p in plain if p.severity == "error"}
    assert {Y + "pengaduan.csv", Y + "kepulangan.csv", Y + "nilai.csv", Y + "pagu.csv"} <= (
        files_with_problems
    )
    assert any(p.file == Y + "nilai.csv" and p.value == "Bagus" for p in plain)  # cross-file

    folder = tmp_path / "frames"
    filling = cache(folder)
    assert problems(mini, filling) == plain
    assert sorted(filling.parsed) == csv_files(mini)
    from_memory = cache(folder, filling.memory)
    assert problems(mini, from_memory) == plain
    from_disk = cache(folder)  # a new process: nothing in memory, the entries on disk
    assert problems(mini, from_disk) == plain
    assert from_memory.parsed == [] and from_disk.parsed == []
    assert [p.render() for p in problems(mini, from_disk)] == [p.render() for p in plain]


def test_a_valid_run_loads_the_same_frames_from_the_cache(mini: Project, tmp_path: Path) -> None:
    plain = loaded(mini, None)
    loaded(mini, cache(tmp_path))
    again = cache(tmp_path)
    cached = loaded(mini, again)
    assert again.parsed == [] and len(again.reused) == len(csv_files(mini))
    assert cached.tables.keys() == plain.tables.keys()
    for name, table in plain.tables.items():
        pd.testing.assert_frame_equal(cached.tables[name].df, table.df)
    pd.testing.assert_frame_equal(cached.targets, plain.targets)
    assert cached.warnings == plain.warnings and cached.files == plain.files


def test_editing_one_csv_reads_only_that_one_again(mini: Project, tmp_path: Path) -> None:
    frames = cache(tmp_path)
    loaded(mini, frames)
    append(mini, Y + "kepulangan.csv", "")  # a blank line: new bytes, same records
    again = cache(tmp_path, frames.memory)
    inputs = loaded(mini, again)
    assert again.parsed == [Y + "kepulangan.csv"]
    assert len(inputs.tables["kepulangan"].df) == 2

    mini.replace(Y + "pengaduan.csv", "ADU-03,2025-05-20", "ADU-03,2025-05-21")
    third = cache(tmp_path)  # from disk this time
    assert str(loaded(mini, third).tables["pengaduan"].df["tanggal"].iloc[2].date()) == (
        "2025-05-21"
    )
    assert third.parsed == [Y + "pengaduan.csv"]


def test_a_text_edit_reads_no_csv_again(mini: Project, tmp_path: Path) -> None:
    frames = cache(tmp_path)
    loaded(mini, frames)
    text = mini.path(Y + "teks/tw2/kata_pengantar.md")
    text.parent.mkdir(parents=True, exist_ok=True)
    text.write_text("Kata pengantar yang baru.\n", encoding="utf-8")
    again = cache(tmp_path, frames.memory)
    loaded(mini, again)
    assert again.parsed == []


def test_a_changed_reference_list_reads_the_files_checked_against_it(
    mini: Project, tmp_path: Path
) -> None:
    mini.replace(Y + "kepulangan.csv", ",Taiwan,Contoh Dua", ",Atlantis,Contoh Dua")
    frames = cache(tmp_path)
    found = problems(mini, frames)
    assert [p.value for p in found if p.file == Y + "kepulangan.csv"] == ["Atlantis"]
    negara = "data/referensi/negara.csv"
    header = mini.read(negara).splitlines()[0]
    append(mini, negara, "Atlantis" + "," * header.count(","))
    again = cache(tmp_path, frames.memory)
    loaded(mini, again)  # valid now: the new reference list was used
    assert negara in again.parsed and Y + "kepulangan.csv" in again.parsed
    assert Y + "pagu.csv" not in again.parsed  # pagu checks against no reference list


def corrupt(entry: Path) -> None:
    data = bytearray(entry.read_bytes())
    data[len(data) // 2] ^= 0xFF
    entry.write_bytes(bytes(data))


def test_a_damaged_entry_is_a_miss(mini: Project, tmp_path: Path) -> None:
    plain = loaded(mini, None)
    loaded(mini, cache(tmp_path))
    entries = sorted(tmp_path.glob("*.pickle"))
    assert len(entries) == len(csv_files(mini))
    corrupt(entries[0])  # a flipped byte: the seal no longer matches
    files.write_verified(entries[1], b"sealed, but not an entry")  # sealed garbage
    entries[2].with_name(entries[2].name + files.SEAL).unlink()  # killed before the seal
    again = cache(tmp_path)
    inputs = loaded(mini, again)
    assert len(again.parsed) == 3 and len(again.reused) == len(csv_files(mini)) - 3
    for name, table in plain.tables.items():
        pd.testing.assert_frame_equal(inputs.tables[name].df, table.df)
    third = cache(tmp_path)  # the three were written again
    loaded(mini, third)
    assert third.parsed == []


def test_a_changed_declaration_reads_the_file_again(mini: Project, tmp_path: Path) -> None:
    declared = (
        "dataset:\n"
        "  - nama: uji_sampel\n"
        "    label: sampel yang diuji\n"
        "    triwulan_dari: tanggal\n"
        "    kolom:\n"
        "      - {nama: id, unik: true}\n"
        "      - {nama: tanggal, jenis: tanggal, dalam_tahun: true}\n"
        "      - {nama: jenis_sampel, pilihan: [obat, makanan]}\n"
    )
    mini.write(UNIT, declared)
    mini.write(SAMPLE, "id,tanggal,jenis_sampel\nS1,2025-04-02,obat\nS2,2025-05-02,kosmetik\n")
    frames = cache(tmp_path)
    found = problems(mini, frames)
    assert [(p.file, p.row, p.value) for p in found] == [(SAMPLE, 3, "kosmetik")]

    mini.write(UNIT, declared.replace("[obat, makanan]", "[obat, makanan, kosmetik]"))
    again = cache(tmp_path, frames.memory)
    inputs = loaded(mini, again)
    assert inputs.tables["uji_sampel"].df["jenis_sampel"].tolist() == ["obat", "kosmetik"]
    assert again.parsed == [SAMPLE]  # the shipped datasets' declarations did not change


def test_a_caller_changing_its_frame_does_not_change_the_next_load(
    mini: Project, tmp_path: Path
) -> None:
    frames = cache(tmp_path)
    first = loaded(mini, frames)
    first.tables["pagu"].df.loc[0, "pagu_awal"] = 1
    again = loaded(mini, cache(tmp_path, frames.memory))
    assert again.tables["pagu"].df.loc[0, "pagu_awal"] == 1000000000


def test_memory_keeps_only_the_latest_version_of_each_file(mini: Project) -> None:
    memory = Memory()
    for day in range(20, 29):
        mini.replace(Y + "pengaduan.csv", f"2025-05-{day}", f"2025-05-{day + 1}")
        loaded(mini, cache(None, memory))
    assert len(memory) == len(csv_files(mini))
