"""Rules across files: pk.yml vs params and the dataset specs, budget, values, IKPA, profil.yml.

Targets against pk.yml are checked in lkj.inputs.targets.

Each check reads files that are already valid on their own, so its problems point at the line
and key or column of the file that has to change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import pandas as pd

from lkj.errors import Problem
from lkj.inputs import specs
from lkj.inputs.declarations import Declarations
from lkj.inputs.hints import suggest, with_hint
from lkj.inputs.params import Run
from lkj.inputs.pk import PK, Iku, Profile
from lkj.inputs.yamlio import KeyPath, dotted, line_of


class Checked(Protocol):
    """What a rule needs of a validated table (lkj.inputs.load.Table): its frame and file name."""

    shown: str
    df: pd.DataFrame


@dataclass(frozen=True)
class _PkFile:
    """pk.yml as validated model plus what points back into the file (lines, raw values)."""

    pk: PK
    lines: dict[KeyPath, int]
    data: Any
    shown: str

    def path(self, iku: Iku, *keys: str | int) -> KeyPath:
        return ("iku", self.pk.iku.index(iku), *keys)

    def problem(self, iku: Iku, keys: KeyPath, message: str, fix: str, value: object) -> Problem:
        path = self.path(iku, *keys)
        return Problem(
            self.shown,
            f"{iku.kode}: {message}",
            fix=fix,
            row=line_of(self.lines, path),
            column=dotted(path),
            value=value,
        )

    def raw(self, path: KeyPath) -> object:
        node = self.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return None
        return node


def _source_problems(
    pkf: _PkFile, references: dict[str, list[str]], tables: dict[str, specs.Spec]
) -> list[Problem]:
    """sumber.dataset and every column named in saring / pembilang / kolom must exist."""
    found: list[Problem] = []
    for iku in pkf.pk.iku:
        src = iku.sumber
        spec = tables.get(src.dataset)
        if spec is None:
            fix = with_hint("pakai salah satu dataset", suggest(src.dataset, list(tables)))
            found.append(
                pkf.problem(
                    iku,
                    ("sumber", "dataset"),
                    f"dataset '{src.dataset}' tidak dikenal",
                    f"{fix}: {', '.join(tables)}; dataset lain dideklarasikan dulu di "
                    "unit.yml (dataset:, lihat data/README.md)",
                    src.dataset,
                )
            )
            continue
        for part in ("saring", "pembilang"):
            for column, wanted in (getattr(src, part) or {}).items():
                found += _filter_problems(pkf, spec, iku, (part, column), wanted, references)
        found += _read_column_problems(pkf, spec, iku)
    return found


def _read_column_problems(pkf: _PkFile, spec: specs.Spec, iku: Iku) -> list[Problem]:
    """The columns sumber.kolom reads exist, and hold numbers when the rule adds them up."""
    src = iku.sumber
    found: list[Problem] = []
    for column in src.columns:
        col = spec.col(column)
        if col is None:
            found.append(_unknown_column(pkf, spec, iku, ("sumber", "kolom"), column))
        elif src.aturan in ("jumlah", "nilai") and not col.is_numeric:
            numeric = ", ".join(c.name for c in spec.columns if c.is_numeric)
            found.append(
                pkf.problem(
                    iku,
                    ("sumber", "kolom"),
                    f"kolom '{column}' berisi teks, padahal aturan '{src.aturan}' perlu angka",
                    f"pilih kolom angka dari dataset {spec.name}: {numeric}",
                    column,
                )
            )
    return found


def _unknown_column(
    pkf: _PkFile, spec: specs.Spec, iku: Iku, keys: KeyPath, column: str
) -> Problem:
    fix = with_hint("pakai kolom yang ada", suggest(column, spec.names))
    return pkf.problem(
        iku,
        keys,
        f"kolom '{column}' tidak ada di dataset {spec.name}",
        f"{fix}: {', '.join(spec.names)}",
        column,
    )


def _filter_problems(
    pkf: _PkFile,
    spec: specs.Spec,
    iku: Iku,
    part: tuple[str, str],
    wanted: object,
    references: dict[str, list[str]],
) -> list[Problem]:
    """A filter on an unknown column, or for a value the column can never hold, is a typo."""
    keys = ("sumber", *part)
    col = spec.col(keys[-1])
    if col is None:
        return [_unknown_column(pkf, spec, iku, keys, keys[-1])]
    choices = col.choices or (tuple(references[col.ref]) if col.ref in references else None)
    if choices is None:
        return []
    raw = pkf.raw(pkf.path(iku, *keys))
    raws = raw if isinstance(raw, list) else [raw]
    found = []
    for i, value in enumerate(wanted if isinstance(wanted, list) else [wanted]):
        if str(value) in choices:
            continue
        written = raws[i] if i < len(raws) else value
        if isinstance(written, bool):  # YAML 1.1 reads yes/no/on/off as true/false
            message = (
                f"nilai {str(written).lower()} (YAML membaca yes/no/on/off sebagai true/false)"
            )
            fix = f"tulis salah satu dari: {', '.join(choices)}, mis. {keys[-1]}: ya"
        else:
            message = f"nilai '{value}' tidak mungkin ada di kolom {keys[-1]}"
            fix = with_hint("pakai salah satu dari", suggest(value, choices))
            fix += ": " + ", ".join(choices)
        found.append(pkf.problem(iku, keys, message, fix, written))
    return found


def budget_problems(pk: PK, tables: Mapping[str, Checked]) -> list[Problem]:
    """Budget rows name kegiatan of pk.yml, and every kegiatan has a pagu."""
    codes = [k.kode for k in pk.kegiatan]
    found: list[Problem] = []
    for name in ("pagu", "realisasi_anggaran"):
        table = tables.get(name)
        if table is None:
            continue
        for _, row in table.df[~table.df["kegiatan"].isin(codes)].iterrows():
            hint = suggest(row["kegiatan"], codes)
            found.append(
                Problem(
                    table.shown,
                    "kegiatan tidak ada di pk.yml",
                    fix=with_hint("pakai kode kegiatan dari pk.yml", hint)
                    + ": "
                    + ", ".join(codes),
                    row=int(row["_row"]),
                    column="kegiatan",
                    value=row["kegiatan"],
                )
            )
    pagu = tables.get("pagu")
    if pagu is not None:
        for code in codes:
            if not (pagu.df["kegiatan"] == code).any():
                found.append(
                    Problem(
                        pagu.shown,
                        f"kegiatan {code} dari pk.yml tidak punya baris pagu",
                        fix=f"tambahkan baris: {code},<pagu_awal>,<pagu_revisi>",
                        column="kegiatan",
                        value=code,
                    )
                )
    return found


def value_problems(pk: PK, tables: Mapping[str, Checked]) -> list[Problem]:
    """IKUs that read one value per quarter: at most one matching row, categories from the list."""
    found: list[Problem] = []
    for iku in pk.iku:
        src = iku.sumber
        table = tables.get(src.dataset)
        if src.aturan not in ("nilai", "kategori") or table is None:
            continue
        rows = _matching(table.df, src.saring)
        if rows is None:
            continue
        found += _repeated_values(iku, rows, table.shown)
        if iku.jenis == "kategori" and src.columns and src.columns[0] in rows.columns:
            found += _unknown_categories(iku, rows, table.shown)
    return found


def _repeated_values(iku: Iku, rows: pd.DataFrame, shown: str) -> list[Problem]:
    src = iku.sumber
    return [
        Problem(
            shown,
            f"{iku.kode} membaca satu nilai per triwulan, tetapi baris ini juga cocok "
            f"(pertama di baris {int(group['_row'].iloc[0])})",
            fix="hapus baris duplikat atau perjelas saring di pk.yml",
            row=int(extra["_row"]),
            column=src.columns[0] if src.columns else None,
        )
        for _, group in rows.groupby("_quarter")
        for _, extra in group.iloc[1:].iterrows()
    ]


def _unknown_categories(iku: Iku, rows: pd.DataFrame, shown: str) -> list[Problem]:
    column = iku.sumber.columns[0]
    wrong = rows[rows[column].notna() & ~rows[column].isin(iku.kategori or [])]
    return [
        Problem(
            shown,
            f"kategori tidak ada di daftar kategori {iku.kode} (pk.yml)",
            fix=f"isi salah satu dari: {', '.join(iku.kategori or [])}",
            row=int(row["_row"]),
            column=column,
            value=row[column],
        )
        for _, row in wrong.iterrows()
    ]


def _matching(df: pd.DataFrame, saring: dict[str, Any]) -> pd.DataFrame | None:
    mask = pd.Series(True, index=df.index)
    for column, wanted in saring.items():
        if column not in df.columns:
            return None  # reported by _source_problems
        values = wanted if isinstance(wanted, list) else [wanted]
        mask &= df[column].astype("str").isin([str(v) for v in values])
    return df[mask]


def ikpa_warnings(tables: Mapping[str, Checked]) -> list[Problem]:
    aspek, ikpa = tables.get("ikpa_aspek"), tables.get("ikpa")
    if aspek is None or ikpa is None:
        return []
    known = set(zip(ikpa.df["triwulan"], ikpa.df["aspek"], strict=True))
    return [
        Problem(
            aspek.shown,
            f"aspek ini tidak punya komponen di ikpa.csv untuk triwulan {row['triwulan']}",
            fix="periksa triwulan dan aspek, atau lengkapi ikpa.csv",
            row=int(row["_row"]),
            column="aspek",
            value=row["aspek"],
            severity="warning",
        )
        for _, row in aspek.df.iterrows()
        if (row["triwulan"], row["aspek"]) not in known
    ]


def pk_problems(
    run: Run,
    pk: PK,
    lines: dict[KeyPath, int],
    data: Any,
    refs: dict[str, list[str]],
    decl: Declarations,
) -> list[Problem]:
    """pk.yml against params (its year) and the dataset specs (datasets, columns, values)."""
    shown = run.shown(run.year_dir / "pk.yml")
    found: list[Problem] = []
    if pk.tahun != run.params.year:
        found.append(
            Problem(
                shown,
                f"tahun PK {pk.tahun} tidak sama dengan year {run.params.year} di "
                f"{run.shown(run.params_path)}",
                fix=f"isi tahun: {run.params.year} di pk.yml, atau perbaiki year di params",
                row=line_of(lines, ("tahun",)),
                column="tahun",
                value=pk.tahun,
            )
        )
    found += _source_problems(_PkFile(pk, lines, data, shown), refs, decl.tables)
    return found


def unit_problems(run: Run, profile: Profile, lines: dict[KeyPath, int]) -> list[Problem]:
    """profil.yml belongs to the unit folder it sits in."""
    if profile.kode == run.params.unit:
        return []
    return [
        Problem(
            run.shown(run.unit_dir / "profil.yml"),
            f"kode unit '{profile.kode}' tidak sama dengan nama foldernya '{run.params.unit}'",
            fix=f"isi kode: {run.params.unit}",
            row=line_of(lines, ("kode",)),
            column="kode",
            value=profile.kode,
        )
    ]
