"""lkj check refuses what the build would refuse later; warnings mean something (catatan.yml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj.analyst.review import review
from lkj.cli.main import main
from lkj.compute.engine import compute
from lkj.errors import Problem
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run

ROOT = Path(__file__).resolve().parents[2]
TEXTS = "data/mini/2025/teks/tw2"


def _review(mini):
    inputs = load_inputs(load_run(mini.params))
    return review(inputs, compute(inputs))


def _text(mini, name: str, body: str) -> None:
    path = mini.path(f"{TEXTS}/{name}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")


def _one(problems: list[Problem], word: str) -> Problem:
    hits = [p for p in problems if word in p.message]
    assert len(hits) == 1, [p.render() for p in problems]
    return hits[0]


def test_unknown_value_id_in_text_suggests_close_ids(mini) -> None:
    _text(mini, "ringkasan.md", "Paragraf satu.\n\nRealisasi {{ iku02.tw2.realisai }} orang.\n")
    p = _one(_review(mini).errors, "tidak dikenal")
    assert p.file == f"{TEXTS}/ringkasan.md" and p.row == 3 and p.column == "11"
    assert "iku02.tw2.realisasi" in p.fix


@pytest.mark.parametrize(
    ("body", "column", "shown"),
    [
        ("Nilai {{ iku02.tw2.realisasi } orang.", "7", "{{ iku02.tw2.realisasi }"),
        ("Nilai { iku02.tw2.realisasi }} orang.", "7", "{ iku02.tw2.realisasi }}"),
        ("Nilai {{ iku02.tw2.realisasi orang.", "7", "{{ iku02.tw2.realisasi orang."),
    ],
)
def test_malformed_braces(mini, body: str, column: str, shown: str) -> None:
    _text(mini, "iku/IKU02.md", body + "\n")
    p = _one(_review(mini).errors, "kurung kurawal")
    assert (p.file, p.row, p.column, p.value) == (f"{TEXTS}/iku/IKU02.md", 1, column, shown)
    assert "{{ iku01.tw1.realisasi }}" in p.fix


def test_typed_figure_refused_allowed_numbers_pass(mini) -> None:
    allowed = (
        "1. Mengacu pada Peraturan Menteri PAN-RB Nomor 53 Tahun 2014 dan Renstra 2025–2029.\n"
        "2. Kegiatan tanggal 20 s.d. 23 Mei 2025 untuk IKU 5 bersama STIKES 17, ke-3 kali,\n"
        "   pada Triwulan III di BP3MI dan P2MI ({{ iku02.tw2.realisasi }}).\n"
        "<!-- petunjuk: 7.886 di komentar tidak dibaca -->\n"
    )
    _text(mini, "permasalahan.md", allowed + "Tercatat sebanyak 7.886 orang, naik 87,5 %.\n")
    errors = _review(mini).errors
    assert [(p.row, p.column, p.value) for p in errors] == [(5, "19", "7.886"), (5, "37", "87,5")]
    assert all(p.file == f"{TEXTS}/permasalahan.md" and "{{ id.nilai }}" in p.fix for p in errors)


def test_unknown_indicator_in_score_file_lists_known(mini) -> None:
    mini.replace("data/mini/2025/nilai.csv", "kinerja_anggaran,2,", "kinerja_angaran,2,")
    p = _one(_review(mini).errors, "tidak dibaca IKU")
    assert (p.file, p.row, p.column, p.value) == (
        "data/mini/2025/nilai.csv",
        3,
        "indikator",
        "kinerja_angaran",
    )
    assert "kinerja_anggaran (IKU 5)" in p.fix


def test_published_figures_file_that_does_not_parse(mini) -> None:
    mini.write("data/mini/2025/terbitan.csv", "id,tempat,terbitan\nx,y,z\n")
    text = mini.read("params/mini-2025-tw2.yml")
    mini.write(
        "params/mini-2025-tw2.yml", text + "published_figures: data/mini/2025/terbitan.csv\n"
    )
    p = _one(_review(mini).errors, "kolom harus")
    assert (p.file, p.row) == ("data/mini/2025/terbitan.csv", 1)
    assert "baris judul" in p.fix
    mini.write(
        "data/mini/2025/terbitan.csv", "id,tempat,terbitan,catatan\niku02.tw2.realisai,T,1,\n"
    )
    p = _one(_review(mini).errors, "tidak dikenal")
    assert (p.row, p.column, p.value) == (2, "id", "iku02.tw2.realisai")


def test_missing_ikpa_rows_for_the_quarter_warn(mini) -> None:
    mini.replace("data/mini/2025/ikpa_aspek.csv", "2,Kualitas Pelaksanaan Anggaran,81.5\n", "")
    mini.replace("data/mini/2025/ikpa_aspek.csv", "2,Kualitas Perencanaan Anggaran,100\n", "")
    p = _one(_review(mini).warnings, "Lampiran IKPA")
    assert p.file == "data/mini/2025/ikpa_aspek.csv" and "Triwulan II" in p.message


def test_unwritten_text_warns_per_file(mini) -> None:
    _text(mini, "ringkasan.md", "<!--\nTulis satu paragraf.\n-->\n")
    hits = [p for p in _review(mini).warnings if "teks belum ditulis" in p.message]
    assert f"{TEXTS}/ringkasan.md" in {p.file for p in hits}
    _text(mini, "ringkasan.md", "Sudah ditulis.\n")
    hits = [p for p in _review(mini).warnings if "teks belum ditulis" in p.message]
    assert f"{TEXTS}/ringkasan.md" not in {p.file for p in hits}


def test_kosong_nol_quarter_without_rows_is_no_warning(mini) -> None:
    def gap() -> list[str]:
        return [p.message for p in _review(mini).warnings if "Triwulan I untuk IKU 3" in p.message]

    assert gap()  # IKU 3 reads verifikasi, which has no TW I row
    mini.replace(
        "data/mini/2025/pk.yml",
        "      dataset: verifikasi\n",
        "      dataset: verifikasi\n      kosong: nol\n",
    )
    assert gap() == []


def test_declared_warning_becomes_a_note(mini) -> None:
    mini.write(
        "data/mini/2025/catatan.yml",
        "catatan:\n  - peringatan: kosong\n    subjek: IKU03\n    triwulan: [1]\n"
        "    alasan: Verifikasi baru dibuka April.\n",
    )
    found = _review(mini)
    assert not [p for p in found.warnings if "IKU 3" in p.message]
    note = _one(found.notes, "Triwulan I untuk IKU 3")
    assert note.severity == "note" and "Verifikasi baru dibuka April." in note.fix


def test_bad_declaration_is_an_error(mini) -> None:
    mini.write(
        "data/mini/2025/catatan.yml",
        "catatan:\n  - peringatan: kosong\n    subjek: IKU03\n    alasan: x\n"
        "  - peringatan: salah_ketik\n    subjek: IKU03\n    triwulan: 5\n    alasan: x\n",
    )
    errors = _review(mini).errors
    code = _one(errors, "jenis peringatan")
    assert (code.file, code.row, code.column) == ("data/mini/2025/catatan.yml", 5, "peringatan")
    assert "kosong" in code.fix
    assert _one(errors, "triwulan harus").column == "triwulan"


def test_check_command_refuses_text_error(mini, capsys) -> None:
    _text(mini, "ringkasan.md", "Realisasi {{ iku02.tw2.realisai }}.\n")
    assert main(["check", str(mini.params)]) == 2
    assert "maksudnya iku02.tw2.realisasi" in capsys.readouterr().err


@pytest.mark.parametrize("params", sorted(p.name for p in (ROOT / "params").glob("*.yml")))
def test_shipped_params_check_without_warning(params: str) -> None:
    inputs = load_inputs(load_run(ROOT / "params" / params))
    found = review(inputs, compute(inputs))
    assert found.errors == [] and found.warnings == [], [
        p.render() for p in [*found.errors, *found.warnings]
    ]


def test_sum_of_quarter_targets_warns(mini) -> None:
    mini.replace("data/mini/2025/target.csv", "IKU02,TW4,55", "IKU02,TW4,60")
    p = _one(_review(mini).warnings, "jumlah target TW1–TW4")
    assert (p.file, p.column) == ("data/mini/2025/target.csv", "target")
    assert "(205)" in p.message and "(200)" in p.message


def test_budget_above_pagu_warns(mini) -> None:
    mini.replace("data/mini/2025/pagu.csv", "K2,500000000,550000000", "K2,500000000,1000")
    p = _one(_review(mini).warnings, "melebihi pagu")
    assert p.file == "data/mini/2025/realisasi_anggaran.csv" and p.column == "realisasi"


def test_new_quarter_lists_ikpa_and_unknown_indicator(mini) -> None:
    from lkj.analyst.quarter import new_quarter

    mini.replace("data/mini/2025/nilai.csv", "kinerja_anggaran,2,", "kinerja_angaran,2,")
    todo = "\n".join(new_quarter(mini.root, "mini", 2025, 3).todo)
    assert "data/mini/2025/ikpa.csv: belum ada baris Triwulan III" in todo
    assert "indikator 'kinerja_angaran' tidak dibaca IKU mana pun" in todo


def test_rows_of_a_later_quarter_warn_until_declared(mini) -> None:
    mini.replace(
        "data/mini/2025/penempatan.csv",
        "2025-04,P4MI,Reguler,Formal,L,10",
        "2025-07,P4MI,Reguler,Formal,L,10",
    )
    p = _one(_review(mini).warnings, "triwulan setelah TW II")
    assert (p.file, p.column) == ("data/mini/2025/penempatan.csv", "bulan")
    mini.write(
        "data/mini/2025/catatan.yml",
        "catatan:\n  - peringatan: triwulan_berikutnya\n    subjek: penempatan\n"
        "    alasan: Data TW III sudah mulai dicatat.\n",
    )
    found = _review(mini)
    assert not [w for w in found.warnings if "triwulan setelah" in w.message]
    assert "Data TW III sudah mulai dicatat." in _one(found.notes, "triwulan setelah").fix
