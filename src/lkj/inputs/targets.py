"""target.csv against pk.yml: each row names an IKU and reads as its kind; no period is missing."""

from __future__ import annotations

import pandas as pd

from lkj.errors import Problem
from lkj.inputs import numbers, specs
from lkj.inputs.hints import suggest
from lkj.inputs.pk import PK, Iku


def target_problems(pk: PK, targets: pd.DataFrame, shown: str) -> list[Problem]:
    """Every target row names an IKU of pk.yml and reads as its kind; every IKU has each period."""
    found: list[Problem] = []
    codes = {i.kode: i for i in pk.iku}
    for _, row in targets.iterrows():
        found += _target_row_problems(codes, row, shown)
    for iku in pk.iku:
        found += _missing_periods(iku, targets, shown)
    return found


def _target_row_problems(codes: dict[str, Iku], row: pd.Series, shown: str) -> list[Problem]:
    line, code, text = int(row["_row"]), row["iku"], str(row["target"])
    iku = codes.get(code)
    if iku is None:
        hint = suggest(code, list(codes))
        return [
            Problem(
                shown,
                "target untuk IKU yang tidak ada di pk.yml",
                fix=f"perbaiki kode IKU{f' (maksudnya {hint!r}?)' if hint else ''} atau hapus "
                "baris ini; kode yang sah: " + ", ".join(codes),
                row=line,
                column="iku",
                value=code,
            )
        ]
    if iku.jenis == "kategori":
        if text in (iku.kategori or []):
            return []
        hint = suggest(text, iku.kategori or [])
        return [
            Problem(
                shown,
                f"kategori target tidak ada di daftar kategori {code}",
                fix=f"isi salah satu dari: {', '.join(iku.kategori or [])}"
                + (f" (maksudnya {hint!r}?)" if hint else ""),
                row=line,
                column="target",
                value=text,
            )
        ]
    number = _target_number(text)
    if isinstance(number, tuple):
        message, fix = number
        return [Problem(shown, message, fix=fix, row=line, column="target", value=text)]
    if number < 0:
        return [
            Problem(
                shown,
                "target tidak boleh negatif",
                fix="isi angka 0 atau lebih",
                row=line,
                column="target",
                value=text,
            )
        ]
    return []


def _missing_periods(iku: Iku, targets: pd.DataFrame, shown: str) -> list[Problem]:
    have = targets[targets["iku"] == iku.kode]
    first = int(have["_row"].min()) if len(have) else None
    return [
        Problem(
            shown,
            f"{iku.kode} tidak punya target untuk periode {periode}",
            fix=f"tambahkan baris: {iku.kode},{periode},<target> "
            "(setiap IKU perlu tahunan, TW1, TW2, TW3 dan TW4)",
            row=first,
            column="periode",
            value=periode,
        )
        for periode in specs.PERIODE
        if not (have["periode"] == periode).any()
    ]


def _target_number(text: str) -> float | tuple[str, str]:
    """The number, or (message, fix) explaining why the text is not one (lkj.inputs.numbers)."""
    if numbers.NUMBER.fullmatch(text) and not numbers.ambiguous(text):
        return float(text)
    if text.endswith("%"):
        return "target ditulis dengan tanda %", f"tulis angkanya saja, mis. {text.rstrip('% ')}"
    message, fix = numbers.explain(text, whole=False)
    if message == "bukan angka":
        return "target bukan angka", "isi dengan angka, mis. 70 atau 87.5"
    return message, fix
