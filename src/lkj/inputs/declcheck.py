"""Checks of one dataset declaration beyond its YAML model: every name it uses must exist.

A column in `kunci` or `triwulan_dari` that is not declared, an unknown `referensi`, a row rule
naming a missing column or lacking a key its kind needs, a pattern that is no regex: each is a
problem at the declaration's own line and key, with the fix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lkj.errors import Problem
from lkj.inputs.declaration import ColumnDecl, DatasetDecl, RuleDecl
from lkj.inputs.hints import suggest, with_hint
from lkj.inputs.rowrules import names_in
from lkj.inputs.yamlio import KeyPath, dotted, line_of

NUMERIC = ("bilangan", "angka")
# What each rule kind needs: key → "one" column name or "list" of them (≥ 1).
NEEDS: dict[str, dict[str, str]] = {
    "jumlah": {"kolom": "one", "dari": "list"},
    "tidak_lebih": {"kolom": "one", "batas": "one"},
    "urut": {"dari": "one", "sampai": "one"},
    "salah_satu": {"kolom": "list"},
    "jika": {"bila": "map", "maka": "map"},
}
EXAMPLES = {
    "jumlah": "{jenis: jumlah, kolom: jumlah, dari: [hadir, tidak_hadir]}",
    "tidak_lebih": "{jenis: tidak_lebih, kolom: hadir, batas: jumlah}",
    "urut": "{jenis: urut, dari: tanggal_mulai, sampai: tanggal_selesai}",
    "salah_satu": "{jenis: salah_satu, kolom: [nilai, kategori]}",
    "jika": "{jenis: jika, bila: {aspek: Pengurang}, maka: {bobot: 0}}",
}


@dataclass(frozen=True)
class Origin:
    """Where a declaration is written: its file, the lines of its keys, its own key path."""

    shown: str
    lines: Mapping[KeyPath, int]
    prefix: KeyPath

    def problem(self, keys: KeyPath, message: str, fix: str, value: object = None) -> Problem:
        path = (*self.prefix, *keys)
        return Problem(
            self.shown,
            message,
            fix=fix,
            row=line_of(dict(self.lines), path) or line_of(dict(self.lines), self.prefix),
            column=dotted(path),
            value=value,
        )


def _unknown(origin: Origin, keys: KeyPath, name: str, columns: list[str], why: str) -> Problem:
    fix = with_hint("pakai kolom yang dideklarasikan", suggest(name, columns))
    where = f" {why}" if why else ""
    return origin.problem(
        keys, f"kolom '{name}'{where} tidak dideklarasikan", f"{fix}: {', '.join(columns)}", name
    )


def _column_problems(
    col: ColumnDecl, j: int, origin: Origin, references: Mapping[str, object]
) -> list[Problem]:
    at: KeyPath = ("kolom", j)
    found: list[Problem] = []
    if col.pilihan is not None and col.referensi is not None:
        found.append(
            origin.problem(
                (*at, "referensi"),
                "kolom punya pilihan dan referensi sekaligus",
                "pakai salah satu: pilihan (daftar nilai) atau referensi (nama daftar)",
            )
        )
    if col.referensi is not None and col.referensi not in references:
        known = list(references)
        fix = with_hint("pakai daftar referensi yang ada", suggest(col.referensi, known))
        found.append(
            origin.problem(
                (*at, "referensi"),
                f"daftar referensi '{col.referensi}' tidak ada",
                f"{fix}: {', '.join(known) or '(tidak ada)'}",
                col.referensi,
            )
        )
    if col.pola is not None:
        try:
            re.compile(col.pola)
        except re.error as exc:
            found.append(
                origin.problem(
                    (*at, "pola"), f"pola bukan regex yang sah ({exc})", "perbaiki pola", col.pola
                )
            )
    if col.min is not None and col.max is not None and col.min > col.max:
        found.append(origin.problem((*at, "max"), "max lebih kecil dari min", "tukar min dan max"))
    if col.dalam_tahun and col.jenis not in ("tanggal", "bulan"):
        found.append(
            origin.problem(
                (*at, "dalam_tahun"),
                f"dalam_tahun hanya untuk kolom tanggal atau bulan, bukan {col.jenis}",
                "hapus dalam_tahun, atau ganti jenis kolom",
            )
        )
    return found


def _rule_problems(
    rule: RuleDecl, i: int, origin: Origin, columns: dict[str, ColumnDecl]
) -> list[Problem]:
    at: KeyPath = ("aturan_baris", i)
    names = list(columns)
    found: list[Problem] = []
    for key, shape in NEEDS[rule.jenis].items():
        value: Any = getattr(rule, key)
        bad = (
            value is None
            or (shape == "one" and not isinstance(value, str))
            or (shape in ("list", "map") and not value)
        )
        if bad:
            what = {"one": "satu nama kolom", "list": "daftar kolom", "map": "{kolom: nilai}"}
            found.append(
                origin.problem(
                    (*at, key),
                    f"aturan '{rule.jenis}' memerlukan {key} ({what[shape]})",
                    f"tulis mis. {EXAMPLES[rule.jenis]}",
                )
            )
            continue
        used = list(value) if isinstance(value, (list, dict)) else [value]
        found += [
            _unknown(origin, (*at, key), n, names, "pada aturan_baris")
            for n in used
            if n not in columns
        ]
    found += [
        _unknown(origin, (*at, "kecuali_terisi"), n, names, "pada aturan_baris")
        for n in rule.kecuali_terisi
        if n not in columns
    ]
    if rule.jenis in ("jumlah", "tidak_lebih") and not found:
        cells = [rule.kolom, *([rule.dari] if isinstance(rule.dari, str) else rule.dari or [])]
        cells += [rule.batas] if rule.batas else []
        for n in cells:
            if isinstance(n, str) and columns[n].jenis not in NUMERIC:
                found.append(
                    origin.problem(
                        (*at, "kolom"),
                        f"aturan '{rule.jenis}' membandingkan angka, tetapi kolom '{n}' "
                        f"berjenis {columns[n].jenis}",
                        "pakai kolom berjenis bilangan atau angka",
                        n,
                    )
                )
    for n in names_in(rule.pesan or ""):
        if n not in columns:
            found.append(_unknown(origin, (*at, "pesan"), n, names, "pada pesan {…}"))
    return found


def dataset_problems(
    decl: DatasetDecl,
    origin: Origin,
    references: Mapping[str, object],
    reserved: tuple[str, ...],
) -> list[Problem]:
    """Every problem of one declaration, each at its key."""
    found: list[Problem] = []
    if decl.nama in reserved:
        found.append(
            origin.problem(
                ("nama",),
                f"nama '{decl.nama}' sudah dipakai lkj untuk berkas lain",
                "beri dataset nama lain",
                decl.nama,
            )
        )
    columns: dict[str, ColumnDecl] = {}
    for j, col in enumerate(decl.kolom):
        if col.nama in columns:
            found.append(
                origin.problem(
                    ("kolom", j, "nama"),
                    f"kolom '{col.nama}' dideklarasikan dua kali",
                    "hapus salah satu atau beri nama lain",
                    col.nama,
                )
            )
        columns.setdefault(col.nama, col)
        found += _column_problems(col, j, origin, references)
    names = list(columns)
    found += [
        _unknown(origin, ("kunci", j), n, names, "pada kunci")
        for j, n in enumerate(decl.kunci)
        if n not in columns
    ]
    if decl.triwulan_dari is not None:
        quarter = columns.get(decl.triwulan_dari)
        if quarter is None:
            found.append(_unknown(origin, ("triwulan_dari",), decl.triwulan_dari, names, ""))
        elif quarter.jenis not in ("tanggal", "bulan", "bilangan"):
            found.append(
                origin.problem(
                    ("triwulan_dari",),
                    f"kolom '{quarter.nama}' berjenis {quarter.jenis}: triwulan tidak bisa dibaca",
                    "pakai kolom tanggal, bulan, atau bilangan 1–4 (triwulan)",
                    quarter.nama,
                )
            )
        elif quarter.jenis == "bilangan" and not (
            quarter.min is not None
            and quarter.min >= 1
            and quarter.max is not None
            and quarter.max <= 4
        ):
            found.append(
                origin.problem(
                    ("triwulan_dari",),
                    f"kolom bilangan '{quarter.nama}' dipakai sebagai triwulan tanpa batas 1–4",
                    f"tambahkan min: 1 dan max: 4 pada kolom {quarter.nama}",
                    quarter.nama,
                )
            )
    for i, rule in enumerate(decl.aturan_baris):
        found += _rule_problems(rule, i, origin, columns)
    return found
