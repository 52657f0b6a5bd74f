"""A YAML syntax error is told in Indonesian: what, line, column and fix; never PyYAML's English."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lkj.inputs.yamlio import load_yaml
from lkj.inputs.yamlmessages import explain

# (text, line, column, words of the message, words of the fix)
CASES = [
    ("judul: Bab I: Pendahuluan\n", 1, 13, "titik dua", "tanda kutip"),
    ("iku:\n  - nomor: 1\n  nama\n", 3, 3, "titik dua sesudah kunci", "': '"),
    ("tahun: 2025\nunit:\n\tkode: x\n", 3, 1, "tab", "spasi"),
    ('nama: "BP3MI Jawa Tengah\nunit: jateng\n', 1, 7, "tanda kutip dibuka", "tutup"),
    ("nama: 'BP3MI\nunit: jateng\n", 1, 7, "tanda kutip dibuka", "tutup"),
    ("a:\n  b: 1\n c: 2\n", 3, 2, "indentasi tidak cocok", "spasi"),
    ("a: [1, 2\nb: 3\n", 1, 4, "tidak ditutup dengan ']'", "koma"),
    ("a: {x: 1\n", 1, 4, "tidak ditutup dengan '}'", "koma"),
    ("nilai: @80\n", 1, 8, "karakter '@'", "tanda kutip"),
    ("nilai: `80`\n", 1, 8, "karakter '`'", "tanda kutip"),
    ('teks: "C:\\q"\n', 1, 11, "'\\q'", "garis miring"),
    ("a: *tidak_ada\n", 1, 4, "alias *tidak_ada", "tanpa alias"),
    ("a: 1\n---\nb: 2\n", 2, 1, "lebih dari satu dokumen", "---"),
    ('a: "x" y\n', 1, 8, "teks sesudah nilai", "tanda kutip"),
    ("- a\nb: 1\n", 2, 1, "indentasi", ""),
    ("a: !!python/object x\n", 1, 4, "tag YAML", "hapus tag"),
    ("a: &\n", 1, 5, "nama sesudah '&'", "alias"),
]
ENGLISH = ("mapping values", "could not find", "expected", "found", "scanning", "while", "token")


@pytest.mark.parametrize(("text", "line", "column", "says", "fix"), CASES)
def test_yaml_syntax_errors_in_indonesian(tmp_path: Path, text, line, column, says, fix) -> None:
    path = tmp_path / "pk.yml"
    path.write_text(text, encoding="utf-8")
    data, _, problems = load_yaml(path, "data/x/2025/pk.yml")
    (problem,) = problems
    assert data is None and problem.row == line
    assert problem.message.startswith("YAML tidak dapat dibaca")
    assert f"(kolom {column})" in problem.message
    assert says in problem.message and fix in problem.fix
    for word in ENGLISH:
        assert word not in problem.message + problem.fix, word


def test_an_unknown_problem_gets_a_short_indonesian_message() -> None:
    exc = yaml.scanner.ScannerError(
        "while scanning something new", None, "a problem PyYAML may add one day", _mark(4, 9)
    )
    said = explain(exc)
    assert said.row == 5 and said.message == "YAML tidak dapat dibaca (kolom 10)"
    assert "indentasi" in said.fix and "PyYAML" not in said.message + said.fix


def _mark(line: int, column: int) -> yaml.Mark:
    return yaml.Mark("pk.yml", 0, line, column, None, None)
