"""The analyst's Markdown texts (teks/tw<Q>/*.md) as text: UTF-8, inside the project folder.

Only the reading lives here; what a text may contain is checked where it is rendered.
"""

from __future__ import annotations

from pathlib import Path

from lkj import paths
from lkj.errors import InputError, Problem
from lkj.inputs.confine import outside_problem

_FIX = (
    "simpan ulang berkas sebagai UTF-8 (Notepad: Simpan Sebagai → Encoding UTF-8; "
    "Word: Teks Biasa → Unicode (UTF-8))"
)


def decode_problem(raw: bytes, shown: str) -> Problem | None:
    """A problem naming the line and character position of the first byte that is not UTF-8."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        return Problem(
            shown,
            f"berkas bukan UTF-8: byte {raw[exc.start]:#04x} di karakter ke-{column} tidak "
            "terbaca (biasanya huruf beraksen dari editor yang menyimpan Latin-1/ANSI)",
            fix=_FIX,
            row=raw[: exc.start].count(b"\n") + 1,
        )
    return None


def read_text(path: Path, shown: str) -> str:
    """A text file's content; InputError naming file and line when it is not UTF-8."""
    raw = path.read_bytes()
    problem = decode_problem(raw, shown)
    if problem is not None:
        raise InputError([problem])
    return raw.decode("utf-8")


def quarter_texts(year_dir: Path, quarter: int) -> list[Path]:
    """Every Markdown text of a quarter: teks/tw<Q>/*.md and teks/tw<Q>/iku/*.md."""
    folder = paths.text_dir(year_dir, quarter)
    return sorted([*folder.glob("*.md"), *folder.glob("iku/*.md")])


def text_problems(files: list[tuple[Path, str]], root: Path) -> list[Problem]:
    """(path, shown) of each text → the problems of reading them (encoding, symlinks out)."""
    found: list[Problem] = []
    for path, shown in files:
        outside = outside_problem(path, root, shown, "berkas teks ini")
        if outside is not None:
            found.append(outside)
            continue
        problem = decode_problem(path.read_bytes(), shown)
        if problem is not None:
            found.append(problem)
    return found
