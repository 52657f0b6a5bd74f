"""lkj new-quarter: params, prompt texts, what is missing; a new year from the previous one."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj.analyst.quarter import new_quarter
from lkj.cli.main import main
from lkj.errors import InputError
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run


def test_next_quarter_of_the_year(mini) -> None:
    result = new_quarter(mini.root, "mini", 2025, 3)
    assert result.params == mini.root / "params" / "mini-2025-tw3.yml"
    run = load_run(result.params)
    assert (run.params.unit, run.params.year, run.params.quarter) == ("mini", 2025, 3)
    texts = mini.root / "data/mini/2025/teks/tw3"
    assert (texts / "kata_pengantar.md").read_text().startswith("<!--")
    assert "Kata Pengantar" in (texts / "kata_pengantar.md").read_text()
    assert sorted(p.name for p in (texts / "iku").iterdir())[0] == "IKU01.md"
    todo = "\n".join(result.todo)
    assert "belum ada data Triwulan III untuk IKU 1" in todo
    assert "realisasi anggaran Triwulan III" in todo
    assert "kata_pengantar.md: teks belum ditulis" in todo
    load_inputs(run)  # the new quarter's inputs are valid as they are


def test_run_settings_carry_over(mini) -> None:
    mini.replace("params/mini-2025-tw2.yml", "quarter: 2", "quarter: 2\nappendix_max_rows: 7")
    result = new_quarter(mini.root, "mini", 2025, 3)
    assert load_run(result.params).params.appendix_max_rows == 7


def test_existing_files_are_kept(mini) -> None:
    first = new_quarter(mini.root, "mini", 2025, 3)
    path = mini.root / "data/mini/2025/teks/tw3/ringkasan.md"
    path.write_text("Teks analis.\n", encoding="utf-8")
    again = new_quarter(mini.root, "mini", 2025, 3)
    assert again.created == [] and len(again.kept) == len(first.created)
    assert path.read_text(encoding="utf-8") == "Teks analis.\n"
    assert "ringkasan.md: teks belum ditulis" not in "\n".join(again.todo)


def test_new_year_starts_from_previous_year(mini) -> None:
    result = new_quarter(mini.root, "mini", 2026, 1)
    year = mini.root / "data/mini/2026"
    assert result.new_year_from == 2025
    pk = (year / "pk.yml").read_text(encoding="utf-8")
    assert pk.startswith("# DRAF") and "tahun: 2026" in pk
    assert (year / "target.csv").read_text().startswith("iku,periode,target\nIKU01,tahunan,\n")
    assert (year / "pengaduan.csv").read_text().count("\n") == 1  # header only
    assert any("PK 2026" in item for item in result.todo)
    with pytest.raises(InputError) as info:  # the empty targets ask for the new PK's figures
        load_inputs(load_run(result.params))
    assert any(p.column == "target" for p in info.value.problems)


def test_command(mini, capsys) -> None:
    args = ["new-quarter", "--unit", "mini", "--year", "2025", "--quarter", "4"]
    assert main([*args, "--root", str(mini.root)]) == 0
    out = capsys.readouterr().out
    assert "mini-2025-tw4.yml" in out and "Yang masih perlu dilengkapi" in out


def test_unknown_unit(mini) -> None:
    assert (
        main(
            [
                "new-quarter",
                "--unit",
                "x",
                "--year",
                "2025",
                "--quarter",
                "1",
                "--root",
                str(mini.root),
            ]
        )
        == 1
    )
    assert not Path(mini.root / "params" / "x-2025-tw1.yml").exists()


def test_first_run_of_a_unit_states_the_appendix_cap() -> None:
    import yaml

    from lkj.analyst.quarter import params_text
    from lkj.inputs.params import Params

    data = yaml.safe_load(params_text(None, "baru", 2026, 1))
    assert data == {
        "unit": "baru",
        "year": 2026,
        "quarter": 1,
        "edition": "publik",
        "appendix_max_rows": 200,
    }
    assert Params.model_validate(data).appendix_max_rows == 200


def test_new_year_refuses_a_pk_with_a_key_twice(mini) -> None:
    pk = mini.path("data/mini/2025/pk.yml")
    pk.write_text(pk.read_text(encoding="utf-8") + "tahun: 2024\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        new_quarter(mini.root, "mini", 2026, 1)
    (problem,) = caught.value.problems
    assert problem.column == "tahun" and "hapus salah satu" in problem.fix
    assert not mini.path("data/mini/2026").exists()


def test_missing_list_says_how_to_declare_an_empty_quarter_nihil(mini) -> None:
    result = new_quarter(mini.root, "mini", 2025, 3)
    todo = "\n".join(result.todo)
    assert (
        "data/mini/2025/kepulangan.csv: belum ada baris Triwulan III; bila memang tidak ada "
        "kegiatan, nyatakan nihil: tambahkan baris 'kepulangan,3,<keterangan>' ke "
        "data/mini/2025/nihil.csv"
    ) in todo
    assert "'nilai,3," not in todo  # a score is never nihil


def test_a_quarter_declared_nihil_is_not_missing(mini) -> None:
    mini.write("data/mini/2025/nihil.csv", "dataset,triwulan,keterangan\nkepulangan,3,tidak ada\n")
    todo = "\n".join(new_quarter(mini.root, "mini", 2025, 3).todo)
    assert "untuk IKU 4" not in todo and "'kepulangan,3," not in todo
    assert "untuk IKU 2" in todo and "'penempatan,3," in todo


def test_a_year_folder_without_pk_says_what_to_do(mini, capsys) -> None:
    (mini.root / "data/mini/2026/teks").mkdir(parents=True)  # started by hand, no PK yet
    args = ["new-quarter", "--unit", "mini", "--year", "2026", "--quarter", "1"]
    assert main([*args, "--root", str(mini.root)]) != 0
    err = capsys.readouterr().err
    assert "belum berisi pk.yml" in err and "Traceback" not in err
    assert "data/mini/2025/pk.yml" in err  # the earlier PK to start from
    assert not (mini.root / "params/mini-2026-tw1.yml").exists()  # nothing half-made
