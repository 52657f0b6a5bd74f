"""The annual book's own inputs, beside the year's records (data/README.md, "Laporan tahunan").

Per unit, not per year (a Renstra spans five years, a history many):
- `data/<unit>/renstra.csv`  iku, tahun, target — the Renstra target of each IKU per plan year;
- `data/<unit>/riwayat.csv`  iku, tahun, realisasi, keterangan — realisations of earlier years
  (optional: without it the book says there is no earlier year to compare with);
- `data/<unit>/standar.csv`  iku, tahun, standar, sumber — national standards (optional).

Checked like every CSV (lkj.inputs.validation), then against pk.yml: each row names an IKU of
the year's PK and reads as its kind (a number, or one of a category IKU's categories); an
earlier year's realisation lies before the report year (the report year's comes from the data).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lkj import paths
from lkj.errors import InputError, Problem
from lkj.inputs import numbers
from lkj.inputs.hints import suggest
from lkj.inputs.params import Run
from lkj.inputs.pk import PK, Iku
from lkj.inputs.specs import Col, Spec
from lkj.inputs.textcheck import check_texts


def _year(name: str = "tahun") -> Col:
    return Col(name, "int", min=2000, max=2100)


RENSTRA = Spec(
    "renstra",
    (Col("iku"), _year(), Col("target")),
    key=("iku", "tahun"),
    key_fix="setiap IKU hanya boleh satu target Renstra per tahun: hapus baris duplikat",
)
RIWAYAT = Spec(
    "riwayat",
    (Col("iku"), _year(), Col("realisasi"), Col("keterangan", nullable=True)),
    key=("iku", "tahun"),
    key_fix="setiap IKU hanya boleh satu realisasi per tahun: hapus baris duplikat",
)
STANDAR = Spec(
    "standar",
    (Col("iku"), _year(), Col("standar"), Col("sumber", nullable=True)),
    key=("iku", "tahun"),
    key_fix="setiap IKU hanya boleh satu standar nasional per tahun: hapus baris duplikat",
)
# file stem → (spec, the column holding the IKU's figure, required for an annual book)
FILES: dict[str, tuple[Spec, str, bool]] = {
    "renstra": (RENSTRA, "target", True),
    "riwayat": (RIWAYAT, "realisasi", False),
    "standar": (STANDAR, "standar", False),
}


@dataclass
class AnnualInputs:
    """The validated annual files of a unit (None: the optional file is absent)."""

    frames: dict[str, pd.DataFrame | None] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)  # stem → path as the analyst types it

    def frame(self, name: str) -> pd.DataFrame | None:
        return self.frames.get(name)


def path_of(run: Run, name: str) -> Path:
    return run.unit_dir / f"{name}.csv"


def figure(iku: Iku, text: str) -> float | int | str:
    """A figure of these files as its IKU's kind: a category name or a number."""
    if iku.jenis == "kategori":
        return text.strip()
    number = float(text)
    return int(number) if number.is_integer() else number


def _figure_problem(iku: Iku, text: str) -> tuple[str, str] | None:
    """(message, fix) when `text` does not read as a figure of `iku`, else None."""
    if iku.jenis == "kategori":
        if text in (iku.kategori or []):
            return None
        hint = suggest(text, iku.kategori or [])
        return (
            f"kategori tidak ada di daftar kategori {iku.kode}",
            f"isi salah satu dari: {', '.join(iku.kategori or [])}"
            + (f" (maksudnya {hint!r}?)" if hint else ""),
        )
    if numbers.NUMBER.fullmatch(text) and not numbers.ambiguous(text):
        return None if float(text) >= 0 else ("angka tidak boleh negatif", "isi angka 0 atau lebih")
    if text.endswith("%"):
        return "angka ditulis dengan tanda %", f"tulis angkanya saja, mis. {text.rstrip('% ')}"
    return numbers.explain(text, whole=False)


def _row_problems(pk: PK, df: pd.DataFrame, column: str, shown: str, year: int) -> list[Problem]:
    codes = {i.kode: i for i in pk.iku}
    found: list[Problem] = []
    for _, row in df.iterrows():
        line, code, text = int(row["_row"]), str(row["iku"]), str(row[column])
        iku = codes.get(code)
        if iku is None:
            hint = suggest(code, list(codes))
            found.append(
                Problem(
                    shown,
                    f"IKU yang tidak ada di pk.yml tahun {year}",
                    fix=f"perbaiki kode IKU{f' (maksudnya {hint!r}?)' if hint else ''} atau "
                    "hapus baris ini; kode yang sah: " + ", ".join(codes),
                    row=line,
                    column="iku",
                    value=code,
                )
            )
            continue
        wrong = _figure_problem(iku, text)
        if wrong:
            found.append(
                Problem(shown, wrong[0], fix=wrong[1], row=line, column=column, value=text)
            )
    return found


def _history_problems(df: pd.DataFrame, shown: str, year: int) -> list[Problem]:
    """riwayat.csv holds earlier years only: the report year's figure is computed from data."""
    return [
        Problem(
            shown,
            f"realisasi tahun {int(row['tahun'])} bukan tahun sebelum {year}",
            fix=f"isi hanya tahun sebelum {year}; realisasi tahun {year} dihitung dari data "
            "triwulan, bukan diketik",
            row=int(row["_row"]),
            column="tahun",
            value=int(row["tahun"]),
        )
        for _, row in df.iterrows()
        if int(row["tahun"]) >= year
    ]


def _pk_target(targets: pd.DataFrame, code: str) -> tuple[str, int] | None:
    rows = targets[(targets["iku"] == code) & (targets["periode"] == "tahunan")]
    return None if rows.empty else (str(rows.iloc[0]["target"]), int(rows.iloc[0]["_row"]))


def _same(iku: Iku, a: str, b: str) -> bool:
    try:
        return figure(iku, a) == figure(iku, b)
    except ValueError:  # a figure that does not read is reported by its own file's check
        return True


def plan_warnings(
    pk: PK, renstra: pd.DataFrame, targets: pd.DataFrame, shown: tuple[str, str], year: int
) -> list[Problem]:
    """The Renstra target of the report year against the PK's annual target (target.csv): a
    PK may revise the plan, so a difference is a warning, named in both files."""
    codes = {i.kode: i for i in pk.iku}
    found: list[Problem] = []
    for _, row in renstra[renstra["tahun"] == year].iterrows():
        iku, text = codes.get(str(row["iku"])), str(row["target"])
        pk_target = _pk_target(targets, iku.kode) if iku else None
        if iku is None or pk_target is None or _same(iku, text, pk_target[0]):
            continue
        found.append(
            Problem(
                shown[0],
                f"target Renstra {iku.kode} tahun {year} berbeda dengan target Perjanjian Kinerja "
                f"({pk_target[0]} di {shown[1]} baris {pk_target[1]})",
                fix="bila salah ketik, samakan keduanya; bila Perjanjian Kinerja memang mengubah "
                "target Renstra, biarkan: analisis (2) membandingkan realisasi dengan target "
                "Renstra, Tabel capaian dengan target PK",
                row=int(row["_row"]),
                column="target",
                value=text,
                severity="warning",
            )
        )
    return found


def read_annual(
    run: Run, pk: PK, files: dict[str, Path] | None = None, targets: pd.DataFrame | None = None
) -> tuple[AnnualInputs, list[Problem]]:
    """(annual inputs, every problem found); `files` collects the files read (provenance);
    with the year's `targets` (target.csv) the Renstra year is compared with the PK."""
    found = AnnualInputs()
    problems: list[Problem] = []
    year = run.params.year
    for name, (spec, column, required) in FILES.items():
        path = path_of(run, name)
        shown = run.shown(path)
        found.shown[name] = shown
        if not path.is_file():
            found.frames[name] = None
            if required:
                problems.append(
                    Problem(
                        shown,
                        "berkas tidak ditemukan (target Renstra setiap IKU untuk laporan tahunan)",
                        fix=f"buat berkas ini dengan header {','.join(spec.names)} "
                        "(lkj new-year menuliskannya)",
                    )
                )
            continue
        if files is not None:
            files[shown] = path
        from lkj.inputs.validation import load_csv  # pandera: imported when a file is read

        df, errors = load_csv(spec, path, shown, year, {})
        problems += errors
        if df is not None:
            problems += _row_problems(pk, df, column, shown, year)
            if name == "riwayat":
                problems += _history_problems(df, shown, year)
        found.frames[name] = df
    renstra = found.frames.get("renstra")
    if (
        targets is not None
        and renstra is not None
        and not [p for p in problems if p.severity == "error"]
    ):
        where = (found.shown["renstra"], run.shown(run.year_dir / "target.csv"))
        problems += plan_warnings(pk, renstra, targets, where, year)
    texts = text_dir(run)  # the analyst's annual words: text, never markup (as a quarter's)
    problems += check_texts(texts, {t: run.shown(t) for t in texts.rglob("*.md")})
    return found, problems


def text_dir(run: Run) -> Path:
    """teks/tahunan/ of the year folder: the annual book's texts (lkj.book.annual)."""
    return run.year_dir / paths.TEXTS / "tahunan"


def load_annual(run: Run, pk: PK) -> AnnualInputs:
    """The annual inputs, or InputError listing every problem."""
    found, problems = read_annual(run, pk)
    if any(p.severity == "error" for p in problems):
        raise InputError(problems)
    return found
