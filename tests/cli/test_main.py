"""lkj.cli.main: no input a user can make ends in a traceback; messages are whole lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lkj.cli import main as main_module
from lkj.cli.main import main
from lkj.errors import InputError, Problem

ROOT = Path(__file__).resolve().parents[2]
LKJ = Path(sys.executable).with_name("lkj")


def test_an_error_is_one_whole_line_at_any_width(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    deep = tmp_path / ("sangat-panjang-" * 8) / "run"
    deep.mkdir(parents=True)
    assert main(["diff", str(deep), str(deep)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{deep}: values.json tidak ditemukan → beri folder _output/<run>" in err


def test_problems_print_the_users_text_literally(monkeypatch, capsys) -> None:
    problem = Problem("data/x.csv", "teks [b]tebal[/b] ditolak", row=3, column="nama")

    def failing(args: object) -> int:
        raise InputError([problem])

    monkeypatch.setitem(main_module.COMMANDS, "compute", failing)
    assert main(["compute", "params/x.yml"]) == 2
    assert "data/x.csv, baris 3, kolom 'nama': teks [b]tebal[/b] ditolak" in capsys.readouterr().err


def test_an_unexpected_error_is_a_short_message_and_a_log(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    def broken(args: object) -> int:
        raise RuntimeError("contoh galat")

    monkeypatch.setitem(main_module.COMMANDS, "compute", broken)
    params = tmp_path / "params" / "a-2025-tw2.yml"
    assert main(["compute", str(params)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "RuntimeError: contoh galat" in err
    (log,) = (tmp_path / "_build" / "logs").glob("lkj-*.log")
    assert str(log) in err and "Traceback" in log.read_text(encoding="utf-8")


def test_compute_into_a_closed_pipe_ends_quietly() -> None:
    # `lkj compute … | head -c 100`: the reader goes away after the first bytes.
    proc = subprocess.Popen(
        [str(LKJ), "compute", "params/jateng-2025-tw2.yml"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100).startswith(b"{")
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(120) == 141  # 128 + SIGPIPE, as a shell reports `yes | head`
    assert err == ""
