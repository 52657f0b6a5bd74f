"""`lkj new-year --unit U --year Y`: start the annual report (params `kind: tahunan`).

The counterpart of `lkj new-quarter` for the year: writes params/U-Y-tahunan.yml (from the
unit's latest quarterly params of the year, so rounding and edition carry over), the annual
texts with prompts (teks/tahunan/, per sasaran sebab/ and program/), renstra.csv with one
empty target per IKU and plan year and riwayat.csv with its header, when they do not exist.
Nothing that exists is overwritten. It answers with what is still missing: quarters without
data, Renstra targets, last year's realisations, texts not yet written.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from lkj.analyst import coverage
from lkj.analyst.quarter import Scaffold, write_new
from lkj.book.annual import PER_SASARAN, TEXTS
from lkj.errors import InputError, LkjError, Problem
from lkj.inputs.annual import FILES, AnnualInputs, path_of, read_annual, text_dir
from lkj.inputs.load import Inputs, load_inputs
from lkj.inputs.params import Run, load_run
from lkj.inputs.yamlio import load_yaml

PROMPT = (
    "<!--\n{what}, tahun {year}. Tulis dengan kata-kata sendiri. Jangan mengetik angka: untuk "
    "mengutip angka tulis id nilainya di antara kurung kurawal ganda (daftar id: lkj compute "
    "PARAMS). Hapus komentar ini bila sudah menulis.\n-->\n"
)


def _csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def params_text(params_dir: Path, unit: str, year: int) -> str:
    """The annual params: the year's latest quarterly params with `kind: tahunan`, no quarter."""
    quarters = sorted(params_dir.glob(f"{unit}-{year}-tw[1-4].yml"))
    head = f"# Laporan Kinerja Tahun {year}, unit {unit} (dibuat oleh lkj new-year"
    if not quarters:
        return f"{head}).\nunit: {unit}\nyear: {year}\nkind: tahunan\nedition: publik\n"
    base = quarters[-1]
    lines = base.read_text(encoding="utf-8").splitlines()
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    body = [
        re.sub(r"^quarter:\s*\d.*$", "kind: tahunan", line)
        for line in lines
        if not re.match(r"(published_figures|title|kind):", line)
    ]
    return f"{head} dari params/{base.name}).\n" + "\n".join(body) + "\n"


def _plan_years(profile_path: Path, year: int) -> list[int]:
    """The Renstra years from profil.yml `renstra.periode` ("2025-2029"); else this year."""
    data, _, problems = load_yaml(profile_path, str(profile_path))
    if problems:
        raise InputError(problems)
    period = str(((data or {}).get("renstra") or {}).get("periode", ""))
    found = [int(y) for y in re.findall(r"\d{4}", period)]
    return list(range(found[0], found[-1] + 1)) if len(found) == 2 else [year]


def _pk_codes(pk_path: Path) -> tuple[list[str], list[str]]:
    data, _, problems = load_yaml(pk_path, str(pk_path))
    if problems:
        raise InputError(problems)
    data = data if isinstance(data, dict) else {}

    def codes(key: str) -> list[str]:
        items = data.get(key)
        return [str(i.get("kode")) for i in items or [] if isinstance(i, dict)]

    return codes("iku"), codes("sasaran")


def new_year(root: Path, unit: str, year: int, data_dir: str = "data") -> Scaffold:
    unit_dir = root / data_dir / unit
    if not (unit_dir / "profil.yml").is_file():
        raise LkjError(f"unit '{unit}' tidak dikenal: {unit_dir / 'profil.yml'} tidak ada")
    if not (unit_dir / str(year) / "pk.yml").is_file():
        raise LkjError(
            f"belum ada data tahun {year}: {unit_dir / str(year) / 'pk.yml'} tidak ada → mulai "
            f"dengan lkj new-quarter --unit {unit} --year {year} --quarter 1"
        )
    params_dir = root / "params"
    result = Scaffold(params_dir / f"{unit}-{year}-tahunan.yml")
    params_dir.mkdir(exist_ok=True)
    write_new(result.params, params_text(params_dir, unit, year), result)
    run = load_run(result.params)
    ikus, sasaran = _pk_codes(run.year_dir / "pk.yml")
    plan = _plan_years(unit_dir / "profil.yml", year)
    renstra = [FILES["renstra"][0].names, *[[i, str(y), ""] for i in ikus for y in plan]]
    write_new(path_of(run, "renstra"), _csv(renstra), result)
    write_new(path_of(run, "riwayat"), _csv([FILES["riwayat"][0].names]), result)
    folder = text_dir(run)
    for name, what in TEXTS.items():
        write_new(folder / f"{name}.md", PROMPT.format(what=what, year=year), result)
    for what, prompt in PER_SASARAN.items():
        for code in sasaran:
            write_new(
                folder / what / f"{code}.md",
                PROMPT.format(what=f"{code}: {prompt}", year=year),
                result,
            )
    result.todo += missing(run, sasaran)
    return result


def missing(run: Run, sasaran: list[str]) -> list[str]:
    """What the annual book still lacks: the year's data as a TW IV run sees it, the annual
    files' problems (empty Renstra targets …), last year and this year's plan, the texts."""
    quarterly = Run(run.params.model_copy(update={"kind": "triwulanan"}), run.params_path, run.root)
    try:
        inputs = load_inputs(quarterly)
    except InputError as exc:
        errors = [p for p in exc.problems if p.severity == "error"]
        return [
            f"data tahun {run.params.year} belum sah ({len(errors)} masalah): jalankan "
            f"lkj check {run.shown(run.params_path)}"
        ]
    todo = [gap.message() for gap in coverage.gaps(inputs, [1, 2, 3, 4])]
    annual, problems = read_annual(run, inputs.pk)
    todo += summarized(problems)
    if not problems:
        todo += _history_gaps(inputs, annual)
    todo += [f"{p}: teks belum ditulis" for p in coverage.unwritten_texts(run, [], sasaran)]
    return todo


def summarized(problems: list[Problem]) -> list[str]:
    """One line per (file, column, message): the empty cells of a fresh renstra.csv are one
    thing to do, not one line each."""
    groups: dict[tuple[str, str | None, str, str], list[int]] = {}
    for p in problems:
        groups.setdefault((p.file, p.column, p.message, p.fix), []).append(p.row or 0)
    out = []
    for (file, column, message, fix), rows in groups.items():
        where = file if not any(rows) else f"{file}, {_rows_text(sorted(rows))}"
        where += f", kolom '{column}'" if column else ""
        out.append(f"{where}: {message}" + (f" → {fix}" if fix else ""))
    return out


def _rows_text(rows: list[int]) -> str:
    if len(rows) == 1:
        return f"baris {rows[0]}"
    if rows == list(range(rows[0], rows[-1] + 1)):
        return f"baris {rows[0]}–{rows[-1]} ({len(rows)} baris)"
    return "baris " + ", ".join(map(str, rows))


def _history_gaps(inputs: Inputs, annual: AnnualInputs) -> list[str]:
    """IKUs without last year's realisation or without a Renstra target for this year."""
    run, year = inputs.run, inputs.run.params.year
    todo = []
    for name, column, wanted in (("riwayat", "realisasi", year - 1), ("renstra", "target", year)):
        df = annual.frame(name)
        have = set() if df is None else {(r["iku"], int(r["tahun"])) for _, r in df.iterrows()}
        lacking = [i.kode for i in inputs.pk.iku if (i.kode, wanted) not in have]
        if lacking:
            todo.append(
                f"{run.shown(path_of(run, name))}: belum ada {column} tahun {wanted} untuk "
                f"{', '.join(lacking)}"
            )
    return todo
