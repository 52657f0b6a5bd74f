"""`lkj new-quarter --unit U --year Y --quarter Q`: start a quarter.

Creates params/U-Y-twQ.yml (from the unit's latest params, so rounding and edition carry over),
the quarter's text files with short prompts, and — for a new year — the year folder from the
previous year: pk.yml copied as a draft to be replaced by the new PK, target.csv and pagu.csv
with empty cells to fill in, every other data file with its header only. Nothing that exists
is overwritten. The result lists what is still missing, so the analyst knows what to do next.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lkj import paths
from lkj.analyst import coverage, datachecks
from lkj.book.texts import QUARTER_TEXTS
from lkj.errors import InputError, LkjError
from lkj.inputs import declarations, specs
from lkj.inputs.load import load_inputs
from lkj.inputs.params import Run, load_run
from lkj.inputs.reading import read_csv_text
from lkj.inputs.yamlio import load_yaml
from lkj.values import formatting as fmt

# What to write in each text (a prompt inside an HTML comment: invisible in every output).
PROMPTS = {
    "kata_pengantar": "Tulis kata pengantar kepala unit: tujuan laporan dan harapan singkat.",
    "ringkasan": "Tulis satu paragraf pembuka ringkasan eksekutif triwulan ini.",
    "renstra": "Tulis pengantar singkat Rencana Strategis (periode, arah kebijakan).",
    "pengukuran": "Tulis pengantar singkat pengukuran capaian kinerja triwulan ini.",
    "anggaran": "Tulis catatan tentang realisasi anggaran (penyebab serapan tinggi/rendah).",
    "permasalahan": "Tulis daftar bernomor permasalahan yang dihadapi triwulan ini.",
    "tindak_lanjut": "Tulis daftar bernomor saran tindak lanjut untuk setiap permasalahan.",
}
IKU_PROMPT = (
    "Tulis alasan keberhasilan atau kegagalan {kode} triwulan ini, kendala, dan upaya yang "
    "dilakukan."
)
NO_FIGURES = (
    "Jangan mengetik angka: untuk mengutip angka tulis id nilainya di antara kurung kurawal "
    "ganda (daftar id: lkj compute PARAMS). Hapus komentar ini bila sudah menulis."
)


@dataclass
class Scaffold:
    params: Path
    created: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)
    new_year_from: int | None = None


def write_new(path: Path, text: str, result: Scaffold) -> None:
    """Write a scaffold file unless it exists (an analyst's file is never overwritten)."""
    if path.exists():
        result.kept.append(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    result.created.append(path)


def _base_params(params_dir: Path, unit: str, year: int, quarter: int) -> Path | None:
    """The unit's latest public params before (year, quarter)."""
    found = []
    for path in params_dir.glob(f"{unit}-*-tw*.yml"):
        match = re.fullmatch(rf"{re.escape(unit)}-(\d{{4}})-tw([1-4])", path.stem)
        if match and (int(match[1]), int(match[2])) < (year, quarter):
            found.append(((int(match[1]), int(match[2])), path))
    return max(found)[1] if found else None


def params_text(base: Path | None, unit: str, year: int, quarter: int) -> str:
    tw = f"Triwulan {fmt.roman(quarter)} {year}"
    head = f"# Laporan Kinerja {tw}, unit {unit} (dibuat oleh lkj new-quarter"
    if base is None:  # the first run of a unit: the settings every shipped run states
        return (
            f"{head}).\nunit: {unit}\nyear: {year}\nquarter: {quarter}\nedition: publik\n"
            "appendix_max_rows: 200  # daftar lampiran paling banyak 200 baris; lebih: rekap\n"
        )
    lines = base.read_text(encoding="utf-8").splitlines()
    while lines and lines[0].startswith("#"):
        lines.pop(0)  # the old run's description
    body = []
    for line in lines:
        if re.match(r"(published_figures|title):", line):
            continue  # belongs to the earlier run only
        line = re.sub(r"^year:\s*\d+", f"year: {year}", line)
        line = re.sub(r"^quarter:\s*\d", f"quarter: {quarter}", line)
        body.append(line)
    text = f"{head} dari params/{base.name}).\n" + "\n".join(body) + "\n"
    data = yaml.safe_load(text)
    if not (isinstance(data, dict) and data.get("year") == year and data.get("quarter") == quarter):
        raise LkjError(
            f"params/{base.name} tidak dapat dijadikan dasar: year/quarter tidak terbaca"
        )
    return text


def _csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _new_year(unit_dir: Path, year: int, result: Scaffold) -> None:
    """data/<unit>/<year>/ from the latest earlier year: draft PK, targets and pagu to fill."""
    earlier = sorted(
        int(p.name)
        for p in unit_dir.iterdir()
        if p.is_dir() and p.name.isdigit() and int(p.name) < year
    )
    if not earlier:
        raise LkjError(
            f"tidak ada data tahun sebelumnya di {unit_dir} → buat folder {unit_dir / str(year)} "
            "berisi pk.yml (lihat data/README.md)"
        )
    prev_dir = unit_dir / str(earlier[-1])
    year_dir = unit_dir / str(year)
    result.new_year_from = earlier[-1]
    pk = _pk_data(prev_dir / "pk.yml", str(prev_dir / "pk.yml"))  # first: refuses bad YAML
    pk_text = (prev_dir / "pk.yml").read_text(encoding="utf-8")
    pk_text = re.sub(r"(?m)^tahun:\s*\d+", f"tahun: {year}", pk_text)
    pk_text = re.sub(r"(?m)^tanggal_pk:.*$", "tanggal_pk: null  # isi tanggal PK baru", pk_text)
    draft = (
        f"# DRAF: salinan PK {earlier[-1]}. Ganti dengan Perjanjian Kinerja {year} yang sudah\n"
        "# ditandatangani (sasaran, kegiatan, IKU, tanggal_pk) lalu hapus dua baris ini.\n"
    )
    write_new(year_dir / "pk.yml", draft + pk_text, result)
    decl = declarations.of_unit(unit_dir, str(unit_dir / "unit.yml"))
    ikus, kegiatan = _codes(pk, "iku"), _codes(pk, "kegiatan")
    targets = [decl.target.names] + [[code, p, ""] for code in ikus for p in specs.PERIODE]
    write_new(year_dir / "target.csv", _csv(targets), result)
    pagu = decl.tables.get("pagu")
    if pagu is not None:
        rows = [pagu.names] + [[k] + [""] * (len(pagu.names) - 1) for k in kegiatan]
        write_new(year_dir / "pagu.csv", _csv(rows), result)
    for path in sorted(prev_dir.glob("*.csv")):
        if path.stem in decl.tables and path.stem != "pagu":
            raw, _ = read_csv_text(path, path.name)
            header = raw.header if raw is not None else decl.tables[path.stem].names
            write_new(year_dir / path.name, _csv([header]), result)
    result.todo.append(
        f"tahun baru: ganti {year_dir / 'pk.yml'} dengan PK {year}, lalu isi target.csv "
        "dan pagu.csv (sel kosong)"
    )


def _no_pk(unit_dir: Path, year: int) -> str:
    """What to do when the year folder exists but holds no Perjanjian Kinerja."""
    year_dir = unit_dir / str(year)
    earlier = sorted(
        p.parent
        for p in unit_dir.glob("*/pk.yml")
        if p.parent.name.isdigit() and int(p.parent.name) < year
    )
    copy = (
        f"; sebagai awal boleh disalin dari {earlier[-1] / 'pk.yml'} lalu ganti tahun dan isinya"
        if earlier
        else ""
    )
    return (
        f"folder {year_dir} sudah ada tetapi belum berisi pk.yml (Perjanjian Kinerja {year}), "
        f"jadi triwulan belum bisa dimulai → buat {year_dir / 'pk.yml'} dari PK {year} yang "
        f"sudah ditandatangani (format: data/README.md, bagian pk.yml){copy}; lalu jalankan "
        "lkj new-quarter lagi (tidak ada berkas yang dibuat kali ini)"
    )


def _prompt(text: str) -> str:
    return f"<!--\n{text}\n{NO_FIGURES}\n-->\n"


def new_quarter(root: Path, unit: str, year: int, quarter: int, data_dir: str = "data") -> Scaffold:
    if not 1 <= quarter <= 4:
        raise LkjError("quarter harus 1, 2, 3 atau 4")
    unit_dir = root / data_dir / unit
    if not (unit_dir / "profil.yml").is_file():
        raise LkjError(f"unit '{unit}' tidak dikenal: {unit_dir / 'profil.yml'} tidak ada")
    params_dir = root / "params"
    result = Scaffold(params_dir / f"{unit}-{year}-tw{quarter}.yml")
    if not (unit_dir / str(year)).is_dir():
        _new_year(unit_dir, year, result)
    elif not (unit_dir / str(year) / "pk.yml").is_file():
        raise LkjError(_no_pk(unit_dir, year))
    base = _base_params(params_dir, unit, year, quarter)
    if not result.params.exists():
        params_dir.mkdir(exist_ok=True)
    write_new(result.params, params_text(base, unit, year, quarter), result)

    run = load_run(result.params)
    text_dir = paths.text_dir(run.year_dir, quarter)
    tw = f"{fmt.quarter_label(quarter)} {year}"
    for name, what in QUARTER_TEXTS.items():
        write_new(
            text_dir / f"{name}.md",
            _prompt(f"{what[0].upper()}{what[1:]}, {tw}. {PROMPTS[name]}"),
            result,
        )
    codes = _codes(_pk_data(run.year_dir / "pk.yml", run.shown(run.year_dir / "pk.yml")), "iku")
    for code in codes:
        write_new(text_dir / "iku" / f"{code}.md", _prompt(IKU_PROMPT.format(kode=code)), result)

    result.todo += _missing(run, codes)
    return result


def _missing(run: Run, codes: list[str]) -> list[str]:
    try:
        inputs = load_inputs(run)
    except InputError as exc:
        return [
            f"data belum sah ({len(exc.problems)} masalah): jalankan lkj check "
            f"{run.shown(run.params_path)}"
        ]
    todo = [gap.message() for gap in coverage.gaps(inputs, [run.params.quarter])]
    todo += coverage.undeclared_empty(inputs, run.params.quarter)
    todo += [flag.problem.render() for flag in datachecks.ikpa_gaps(inputs)]
    todo += [p.render() for p in datachecks.unknown_indicators(inputs)]
    todo += [f"{path}: teks belum ditulis" for path in coverage.unwritten_texts(run, codes, [])]
    return todo


def _pk_data(path: Path, shown: str) -> dict[str, Any]:
    """pk.yml read by the strict YAML reader (keys twice, alias bombs refused)."""
    data, _, problems = load_yaml(path, shown)
    if problems:
        raise InputError(problems)
    return data if isinstance(data, dict) else {}


def _codes(pk: dict[str, Any], key: str) -> list[str]:
    items = pk.get(key)
    return (
        [str(i.get("kode")) for i in items if isinstance(i, dict)]
        if isinstance(items, list)
        else []
    )
