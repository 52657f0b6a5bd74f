"""`lkj check` beyond one file's rules: what the build would refuse or silently leave empty.

Errors: a score file (a dataset an IKU reads one value per quarter from, e.g. nilai.csv) naming
an indicator no IKU reads (a misspelling would only show as "belum ada data"); a published-
figures file (params `published_figures`) that does not parse or names unknown value ids.
Warnings (as lkj.analyst.checks.Flag): the IKPA of the report quarter missing (code
ikpa_kosong), a quarter text not written yet (code teks_kosong).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable

from lkj.analyst import coverage
from lkj.analyst.checks import Flag
from lkj.analyst.textcheck import text_problems
from lkj.book import texts
from lkj.compute.reconcile import read_published, reconcile
from lkj.errors import InputError, Problem
from lkj.inputs.load import Inputs
from lkj.values import formatting as fmt
from lkj.values.registry import Registry

SCORE_RULES = ("nilai", "kategori")


def _wanted(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def unknown_indicators(inputs: Inputs) -> list[Problem]:
    """Rows of a score file whose filter value (e.g. `indikator`) no IKU's `saring` names."""
    known: dict[tuple[str, str], dict[str, list[str]]] = {}
    for iku in inputs.pk.iku:
        if iku.sumber.aturan not in SCORE_RULES:
            continue
        for column, wanted in iku.sumber.saring.items():
            names = known.setdefault((iku.sumber.dataset, column), {})
            for name in _wanted(wanted):
                names.setdefault(name, []).append(f"IKU {iku.nomor}")
    found = []
    for (dataset, column), names in known.items():
        table = inputs.tables.get(dataset)
        if table is None or column not in table.df.columns:
            continue
        listing = "; ".join(f"{n} ({', '.join(ikus)})" for n, ikus in sorted(names.items()))
        for _, row in table.df.iterrows():
            value = str(row[column])
            if value in names:
                continue
            found.append(
                Problem(
                    table.shown,
                    f"{column} '{value}' tidak dibaca IKU mana pun",
                    fix=f"pakai salah satu dari: {listing}",
                    row=int(row["_row"]),
                    column=column,
                    value=value,
                )
            )
    return found


def published_figures(inputs: Inputs, registry: Registry) -> list[Problem]:
    """The params' published-figures file parses and names only known value ids."""
    run = inputs.run
    if not run.params.published_figures:
        return []
    path = run.root / run.params.published_figures
    shown = run.shown(path)
    try:
        reconcile(registry, read_published(path, shown), shown)
    except InputError as exc:
        return exc.problems
    except (UnicodeDecodeError, csv.Error, OSError, AttributeError) as exc:
        # AttributeError: a short row leaves a column None (DictReader) — the file is malformed.
        return [Problem(shown, f"berkas angka terbitan tidak terbaca ({exc})", fix=_PUB_FIX)]
    return []


_PUB_FIX = "simpan sebagai CSV UTF-8 dengan kolom id,tempat,terbitan,catatan (data/README.md)"


def ikpa_gaps(inputs: Inputs) -> list[Flag]:
    """The IKPA appendix shows the report quarter: warn when ikpa.csv has no row for it."""
    q = inputs.run.params.quarter
    found = []
    for name in ("ikpa", "ikpa_aspek"):
        table = inputs.tables.get(name)
        if table is None or q in set(table.df["_quarter"]):
            continue
        found.append(
            Flag(
                "ikpa_kosong",
                name,
                q,
                Problem(
                    table.shown,
                    f"belum ada baris {fmt.quarter_label(q)}: Lampiran IKPA (Nilai Indikator "
                    "Kinerja Pelaksanaan Anggaran) akan kosong",
                    fix=f"isi baris triwulan {q} dari kartu IKPA aplikasi OM-SPAN/SMART",
                    severity="warning",
                ),
            )
        )
    return found


def unwritten(inputs: Inputs) -> list[Flag]:
    """The run's texts still missing or holding only `lkj new-quarter`'s prompt."""
    run = inputs.run
    codes = [iku.kode for iku in inputs.pk.iku]
    sasaran = [s.kode for s in inputs.pk.sasaran]
    names = {run.shown(texts.text_path(run, n)): n for n in texts.QUARTER_TEXTS}
    names |= {run.shown(texts.text_dir(run) / "iku" / f"{c}.md"): c for c in codes}
    return [
        Flag(
            "teks_kosong",
            names.get(shown, shown),
            run.params.quarter,
            Problem(
                shown,
                "teks belum ditulis (hanya petunjuk lkj new-quarter atau berkas tidak ada)",
                fix="tulis teksnya lalu hapus komentar petunjuk <!-- … -->",
                severity="warning",
            ),
        )
        for shown in coverage.unwritten_texts(run, codes, sasaran)
    ]


def errors(inputs: Inputs, registry: Registry, known: Iterable[str]) -> list[Problem]:
    """Every refusal beyond load_inputs: texts, score indicators, published figures."""
    return [
        *text_problems(inputs.run, known),
        *unknown_indicators(inputs),
        *published_figures(inputs, registry),
    ]
