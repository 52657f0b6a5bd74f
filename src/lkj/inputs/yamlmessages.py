"""PyYAML's syntax errors in Indonesian: what is wrong, where (line and column), how to fix it.

PyYAML says "mapping values are not allowed here" or "could not find expected ':'"; an
analyst needs to hear that a value holding ": " wants quotes, or that a tab indents a line.
Each known problem (matched on PyYAML's `problem` and `context` texts, stable since 5.x) gets
its own message and fix; an unknown one a short Indonesian message that still names the
place. PyYAML's English never reaches the user.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Explained:
    message: str
    fix: str
    row: int | None


def _where(mark: yaml.Mark | None) -> tuple[int | None, str]:
    if mark is None:
        return None, ""
    return mark.line + 1, f" (kolom {mark.column + 1})"


def _quoted(found: str) -> str:
    return {"\t": "tab", " ": "spasi"}.get(found, found)


Rule = tuple[str, str, Callable[[re.Match[str], yaml.MarkedYAMLError], tuple[str, str, bool]]]

# (pattern on `problem`, pattern on `context`, (message, fix, place at context_mark?))
_RULES: list[Rule] = [
    (
        r"mapping values are not allowed",
        "",
        lambda m, e: (
            "titik dua (:) di tempat yang tidak boleh",
            "satu baris hanya memuat satu 'kunci: nilai'; bila nilainya sendiri memuat "
            "': ', apit dengan tanda kutip, mis. judul: \"Bab I: Pendahuluan\"",
            False,
        ),
    ),
    (
        r"could not find expected ':'",
        "",
        lambda m, e: (
            "baris ini bukan 'kunci: nilai' (titik dua sesudah kunci tidak ditemukan)",
            "tambahkan ': ' sesudah kunci, atau bila ini lanjutan teks baris di atasnya, "
            "apit seluruh teks dengan tanda kutip",
            True,
        ),
    ),
    (
        r"found (?:character '\\t' that cannot start any token|a tab character)",
        "",
        lambda m, e: (
            "indentasi memakai karakter tab",
            "ganti tab dengan spasi: YAML hanya menerima spasi di awal baris",
            False,
        ),
    ),
    (
        r"found character '(.)' that cannot start any token",
        "",
        lambda m, e: (
            f"karakter '{_quoted(m.group(1))}' tidak boleh mengawali nilai",
            f'apit nilainya dengan tanda kutip, mis. "{m.group(1)}…"',
            False,
        ),
    ),
    (
        r"found unexpected end of stream",
        r"quoted scalar",
        lambda m, e: (
            "tanda kutip dibuka di sini tetapi tidak pernah ditutup",
            "tutup tanda kutipnya di akhir nilai (\" dengan \", ' dengan ')",
            True,
        ),
    ),
    (
        r"found unknown escape character '?(.)'?",
        "",
        lambda m, e: (
            f"urutan '\\{m.group(1)}' tidak dikenal di dalam tanda kutip ganda",
            "tulis \\\\ untuk satu garis miring terbalik, atau pakai tanda kutip tunggal '…'",
            False,
        ),
    ),
    (
        r"did not find expected key|expected <block end>, but found "
        r"'(?:<block mapping start>|<block sequence start>|\?)'",
        "",
        lambda m, e: (
            "indentasi tidak cocok: baris ini tidak sejajar dengan kunci di atasnya",
            "samakan jumlah spasi di awal baris dengan kunci setingkat di atasnya",
            False,
        ),
    ),
    (
        r"did not find expected '-' indicator|expected <block end>, but found '-'",
        "",
        lambda m, e: (
            "butir daftar '- …' di tempat yang tidak cocok dengan indentasinya",
            "sejajarkan '-' dengan butir lain daftar itu, di bawah kuncinya",
            False,
        ),
    ),
    (
        r"expected <block end>, but found '<scalar>'",
        "",
        lambda m, e: (
            "ada teks sesudah nilai yang sudah selesai (mis. sesudah tanda kutip penutup)",
            "apit seluruh nilai dengan tanda kutip, atau pindahkan teks itu ke baris sendiri",
            False,
        ),
    ),
    (
        r"expected ',' or '([\]}])'",
        "",
        lambda m, e: (
            f"daftar yang dibuka dengan '{'[' if m.group(1) == ']' else '{'}' tidak ditutup "
            f"dengan '{m.group(1)}' atau butirnya tidak dipisah koma",
            f"tutup dengan '{m.group(1)}' dan pisahkan butir dengan koma; teks yang memuat "
            "':' atau ',' diapit tanda kutip",
            True,
        ),
    ),
    (
        r"found undefined alias '?([^']*)'?",
        "",
        lambda m, e: (
            f"alias *{m.group(1)} tidak merujuk ke apa pun (tidak ada &{m.group(1)} sebelumnya)",
            "tulis nilainya langsung, tanpa alias",
            False,
        ),
    ),
    (
        r"but found another document",
        "",
        lambda m, e: (
            "berkas memuat lebih dari satu dokumen YAML (baris '---')",
            "hapus baris '---' dan gabungkan isinya, atau pisahkan ke berkas lain",
            False,
        ),
    ),
    (
        r"could not determine a constructor for the tag '?([^']*)'?",
        "",
        lambda m, e: (
            f"tag YAML '{m.group(1)}' tidak diizinkan",
            "hapus tag (tanda '!…') dan tulis nilainya biasa",
            False,
        ),
    ),
    (
        r"expected alphabetic or numeric character",
        r"anchor|alias",
        lambda m, e: (
            "nama sesudah '&' atau '*' kosong atau tidak sah",
            "hapus '&'/'*' (alias tidak diperlukan), atau apit nilainya dengan tanda kutip",
            False,
        ),
    ),
]

_FALLBACK_FIX = (
    "periksa baris ini dan baris di atasnya: indentasi dengan spasi (bukan tab), ': ' "
    "sesudah setiap kunci, tanda kutip yang berpasangan"
)


def explain(exc: yaml.YAMLError) -> Explained:
    """The Indonesian message, fix and line of a PyYAML error."""
    problem = str(getattr(exc, "problem", "") or "")
    context = str(getattr(exc, "context", "") or "")
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    for pattern, context_pattern, build in _RULES:
        match = re.search(pattern, problem)
        if match and re.search(context_pattern, context):
            message, fix, at_context = build(match, exc)  # type: ignore[arg-type]
            mark = context_mark if at_context and context_mark else problem_mark
            row, column = _where(mark)
            return Explained(f"YAML tidak dapat dibaca: {message}{column}", fix, row)
    row, column = _where(problem_mark or context_mark)
    return Explained(f"YAML tidak dapat dibaca{column}", _FALLBACK_FIX, row)
