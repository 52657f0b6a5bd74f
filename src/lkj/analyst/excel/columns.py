"""A column's rules in the analyst's words (workbook header comments and instructions).

What a column means is declared with its dataset (`bantuan`, lkj.inputs.declarations); this
module says its type, whether it may be empty, its allowed values and range.
"""

from __future__ import annotations

from lkj.inputs import specs as sc
from lkj.inputs.hints import as_typed

KIND_WORDS = {
    "text": "teks",
    "date": "tanggal (YYYY-MM-DD)",
    "month": "bulan (teks YYYY-MM)",
    "int": "bilangan bulat",
    "number": "angka (desimal boleh)",
}


def rule_words(col: sc.Col, choices: list[str] | tuple[str, ...] | None) -> str:
    """The column's rules in one line: type, required or not, allowed values or range."""
    parts = [KIND_WORDS[col.kind], "boleh kosong" if col.nullable else "wajib diisi"]
    if col.unique:
        parts.append("tidak boleh berulang")
    if choices:
        shown = list(choices)
        parts.append(
            "pilihan: " + ", ".join(shown)
            if len(shown) <= 8
            else f"pilihan dari daftar ({len(shown)} nilai)"
        )
    if col.min is not None and col.max is not None:
        parts.append(f"{as_typed(col.min)}–{as_typed(col.max)}")
    elif col.min is not None:
        parts.append(f"minimal {as_typed(col.min)}")
    if col.in_year:
        parts.append("harus dalam tahun PK")
    return "; ".join(parts)
