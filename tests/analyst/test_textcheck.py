"""`lkj check` reads the texts the run's book prints: a quarter's teks/tw<Q>/, or the annual
book's teks/tahunan/ (with sebab/ and program/)."""

from __future__ import annotations

import pytest
from conftest import Project

from lkj.analyst.datachecks import unwritten
from lkj.analyst.textcheck import quarter_texts
from lkj.cli.main import main
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run

PARAMS = "params/mini-2025-tw2.yml"
RENSTRA = (
    "iku,tahun,target\nIKU01,2025,80\nIKU01,2029,90\nIKU05,2025,Baik\nIKU05,2029,Sangat Baik\n"
)


def write(project: Project, rel: str, text: str) -> None:
    project.path(rel).parent.mkdir(parents=True, exist_ok=True)
    project.write(rel, text)


def annual(mini: Project) -> Project:
    mini.replace(PARAMS, "quarter: 2", "kind: tahunan")
    mini.write("data/mini/renstra.csv", RENSTRA)
    return mini


def test_the_annual_run_checks_teks_tahunan_not_a_quarter(mini: Project) -> None:
    project = annual(mini)
    write(project, "data/mini/2025/teks/tahunan/penutup.md", "Penutup.\n")
    write(project, "data/mini/2025/teks/tahunan/sebab/SS1.md", "Sebab.\n")
    shown = [load_run(project.params).shown(p) for p in quarter_texts(load_run(project.params))]
    assert shown == [
        "data/mini/2025/teks/tahunan/penutup.md",
        "data/mini/2025/teks/tahunan/sebab/SS1.md",
    ]


def test_unknown_id_in_an_annual_text_is_found_with_its_line(
    mini: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    project = annual(mini)
    write(
        project,
        "data/mini/2025/teks/tahunan/sebab/SS1.md",
        "Baris pertama.\n\nCapaian {{ iku01.sd_tw4.capaiann }} tercapai.\n",
    )
    assert main(["check", str(project.params)]) != 0
    captured = capsys.readouterr()
    out = " ".join((captured.out + captured.err).split())
    assert "data/mini/2025/teks/tahunan/sebab/SS1.md" in out
    assert "iku01.sd_tw4.capaiann" in out and "iku01.sd_tw4.capaian" in out  # the suggestion


def test_an_annual_run_asks_for_its_own_texts_not_a_quarters(mini: Project) -> None:
    project = annual(mini)
    flagged = [f.problem.file for f in unwritten(load_inputs(load_run(project.params)))]
    assert "data/mini/2025/teks/tahunan/penutup.md" in flagged
    assert "data/mini/2025/teks/tahunan/sebab/SS1.md" in flagged
    assert not [f for f in flagged if "/tw4/" in f]  # the annual book prints no quarter's texts
