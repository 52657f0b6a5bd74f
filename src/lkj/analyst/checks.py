"""Plausibility warnings for `lkj check`: valid data that still looks wrong.

They never fail a check (severity "warning"); the analyst decides. Each is a `Flag` with a code
(the word a declaration in catatan.yml names, lkj.analyst.notes) and its subject:
  - kosong: a quarter up to the report quarter with no data for an IKU (not for an IKU with
    `kosong: nol`, where no rows means 0) or for the budget (subject "anggaran");
  - lonjakan: a quarter's realisation far from the earlier quarters of the year;
  - jumlah_target: Σ quarter targets ≠ the annual target of an IKU that adds up its quarters;
  - melebihi_pagu: budget spent above the revised pagu (subject: the kegiatan);
  - target_nol: a later quarter whose target is still 0 (not set yet).
`write_html` makes the same list (errors included) a page to open in a browser.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lkj.analyst import coverage
from lkj.errors import Problem
from lkj.inputs.load import Inputs
from lkj.values import formatting as fmt
from lkj.values.registry import Registry

# A count is "far off" when it is more than FACTOR times (or less than 1/FACTOR of) the mean
# of the earlier quarters; a percentage when it differs by POINTS percentage points or more.
FACTOR = 3.0
POINTS = 50.0


@dataclass(frozen=True)
class Flag:
    """One warning with what a declaration needs to match it: code, subject, quarter."""

    code: str
    subject: str
    quarter: int | None
    problem: Problem


def _warn(file: str, message: str, fix: str, **kw: object) -> Problem:
    return Problem(file, message, fix=fix, severity="warning", **kw)  # type: ignore[arg-type]


def empty_quarters(inputs: Inputs) -> list[Flag]:
    q = inputs.run.params.quarter
    return [
        Flag(
            "kosong",
            gap.iku.kode if gap.iku is not None else "anggaran",
            gap.quarter,
            _warn(
                gap.file,
                gap.message().split(": ", 1)[1],
                "isi data triwulan itu; bila memang tidak ada kegiatan, catat di catatan.yml "
                "(lihat data/README.md)",
            ),
        )
        for gap in coverage.gaps(inputs, list(range(1, q + 1)))
        if gap.iku is None or gap.iku.sumber.kosong != "nol"
    ]


def outliers(inputs: Inputs, reg: Registry) -> list[Flag]:
    found = []
    q = inputs.run.params.quarter
    for iku in inputs.pk.iku:
        if iku.jenis == "kategori":
            continue
        shown = inputs.run.shown(inputs.run.year_dir / f"{iku.sumber.dataset}.csv")
        series = {
            k: v.value
            for k in range(1, q + 1)
            if (v := reg.get(f"{iku.key}.tw{k}.realisasi")) is not None and v.value is not None
        }
        for k, value in series.items():
            earlier = [series[j] for j in series if j < k]
            if not earlier or (value == 0 and iku.sumber.kosong == "nol"):
                continue  # kosong: nol declares a quarter without rows to be 0
            mean = sum(earlier) / len(earlier)
            if iku.jenis == "persentase":
                off = abs(value - mean) >= POINTS
            else:
                off = mean > 0 and (value > FACTOR * mean or value < mean / FACTOR)
            if off:
                found.append(
                    Flag(
                        "lonjakan",
                        iku.kode,
                        k,
                        _warn(
                            shown,
                            f"IKU {iku.nomor}: realisasi {fmt.quarter_label(k)} "
                            f"({fmt.number(value)}) jauh dari rata-rata triwulan sebelumnya "
                            f"({fmt.number(mean)})",
                            "periksa data triwulan itu (baris hilang, ganda, atau salah triwulan)",
                            value=fmt.number(value),
                        ),
                    )
                )
    return found


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def totals(inputs: Inputs) -> list[Flag]:
    found = []
    run = inputs.run
    shown = run.shown(run.year_dir / "target.csv")
    df = inputs.targets
    for iku in inputs.pk.iku:
        if iku.kumulatif != "jumlah" or iku.jenis == "kategori":
            continue
        rows = df[df["iku"] == iku.kode]
        by_period = {
            p: _number(str(t)) for p, t in zip(rows["periode"], rows["target"], strict=True)
        }
        parts = [by_period.get(f"TW{k}") for k in range(1, 5)]
        annual = by_period.get("tahunan")
        if annual is None or any(p is None for p in parts):
            continue
        total = sum(p for p in parts if p is not None)
        if inputs.pk.cumulative_targets(iku):
            total = parts[-1] or 0  # TW4 is the target "s.d. TW IV": the year's
        if abs(total - annual) > 1e-9:
            found.append(
                Flag(
                    "jumlah_target",
                    iku.kode,
                    None,
                    _warn(
                        shown,
                        f"{iku.kode}: jumlah target TW1–TW4 ({fmt.number(total)}) tidak sama "
                        f"dengan target tahunan ({fmt.number(annual)}), padahal realisasinya "
                        "dijumlahkan",
                        "samakan target triwulan dengan target tahunan di Perjanjian Kinerja",
                        column="target",
                    ),
                )
            )
    pagu, spent = inputs.tables.get("pagu"), inputs.tables.get("realisasi_anggaran")
    if pagu is not None and spent is not None:
        used = spent.df.groupby("kegiatan")["realisasi"].sum()
        for _, row in pagu.df.iterrows():
            total = float(used.get(row["kegiatan"], 0))
            if total > row["pagu_revisi"]:
                found.append(
                    Flag(
                        "melebihi_pagu",
                        str(row["kegiatan"]),
                        None,
                        _warn(
                            spent.shown,
                            f"realisasi {row['kegiatan']} ({fmt.rupiah(total)}) melebihi pagu "
                            f"revisi ({fmt.rupiah(row['pagu_revisi'])}) di {pagu.shown}",
                            "periksa realisasi bulanan atau pagu_revisi",
                            column="realisasi",
                        ),
                    )
                )
    return found


def later_targets(inputs: Inputs) -> list[Flag]:
    run = inputs.run
    shown = run.shown(run.year_dir / "target.csv")
    found = []
    for _, row in inputs.targets.iterrows():
        period = str(row["periode"])
        if not period.startswith("TW") or int(period[2]) <= run.params.quarter:
            continue
        if _number(str(row["target"])) == 0:
            found.append(
                Flag(
                    "target_nol",
                    str(row["iku"]),
                    int(period[2]),
                    _warn(
                        shown,
                        f"{row['iku']}: target {period} masih 0 (belum ditetapkan?)",
                        "isi target triwulan itu sesuai Perjanjian Kinerja",
                        row=int(row["_row"]),
                        column="target",
                        value=str(row["target"]),
                    ),
                )
            )
    return found


def flags(inputs: Inputs, reg: Registry) -> list[Flag]:
    """Every warning about valid but doubtful data, with its code and subject."""
    return [
        *empty_quarters(inputs),
        *outliers(inputs, reg),
        *totals(inputs),
        *later_targets(inputs),
    ]


def plausibility(inputs: Inputs, reg: Registry) -> list[Problem]:
    """Every warning about valid but doubtful data."""
    return [flag.problem for flag in flags(inputs, reg)]


def write_html(
    path: Path, title: str, errors: Sequence[Problem], warnings: Sequence[Problem]
) -> None:
    """The check result as one self-contained page (no scripts, no external files)."""
    rows = []
    for kind, items in (("Kesalahan", errors), ("Peringatan", warnings)):
        for p in items:
            value = "" if p.value is None else str(p.value)
            cells = [kind, p.file, "" if p.row is None else str(p.row), p.column or "", value]
            cells += [p.message, p.fix]
            tds = "".join(f"<td>{html.escape(c)}</td>" for c in cells)
            rows.append(f'<tr class="{kind.lower()}">{tds}</tr>')
    if errors:
        verdict = f"{len(errors)} kesalahan harus diperbaiki sebelum laporan dapat disusun."
    else:
        verdict = "Semua data masukan sah."
    verdict += f" {len(warnings)} peringatan (periksa; tidak menghentikan penyusunan)."
    head = "".join(
        f"<th>{h}</th>"
        for h in ("Jenis", "Berkas", "Baris", "Kolom", "Nilai", "Masalah", "Cara memperbaiki")
    )
    page = f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.9em; }}
th, td {{ border: 1px solid #bbb; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }}
th {{ background: #dde; }}
tr.kesalahan td:first-child {{ color: #a00; font-weight: bold; }}
tr.peringatan td:first-child {{ color: #a60; font-weight: bold; }}
</style></head><body>
<h1>{html.escape(title)}</h1>
<p>{html.escape(verdict)}</p>
<table><thead><tr>{head}</tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
