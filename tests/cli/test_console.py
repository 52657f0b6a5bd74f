"""lkj.cli.console: messages come out as whole lines whatever the terminal width."""

from __future__ import annotations

from rich.table import Table

from lkj.cli import console

LONG = "/tmp/" + "folder-sementara-yang-panjang/" * 6 + "values.json tidak ditemukan"


def test_a_long_message_is_one_line_when_not_a_terminal(monkeypatch, capsys) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    console.stderr().print(f"[bold red]Gagal:[/] {LONG} → beri folder _output/<run>")
    assert capsys.readouterr().err == f"Gagal: {LONG} → beri folder _output/<run>\n"


def test_table_cells_are_not_folded_when_not_a_terminal(monkeypatch, capsys) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    table = Table()
    table.add_column("id")
    table.add_column("uraian")
    table.add_row("penempatan.total.laki_laki.sd_tw2", "Jumlah penempatan PMI laki-laki " * 3)
    console.stdout().print(table)
    out = capsys.readouterr().out
    assert "penempatan.total.laki_laki.sd_tw2" in out
    assert ("Jumlah penempatan PMI laki-laki " * 3).strip() in out
