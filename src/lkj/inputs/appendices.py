"""unit.yml `lampiran:` checked against the run's datasets: each declared appendix names a
dataset the unit has and columns that dataset declares (data/README.md, "unit.yml").

A mistyped name would otherwise give an empty appendix or none at all; the analyst gets the
line in unit.yml, the key and the names that would work instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from lkj.errors import Problem
from lkj.inputs.hints import suggest
from lkj.inputs.unit import Unit
from lkj.inputs.yamlio import KeyPath, line_of


def _choice_fix(value: str, known: Sequence[str], what: str) -> str:
    hint = suggest(value, list(known))
    listed = ", ".join(known)
    return f"{f'maksudnya {hint!r}? ' if hint else ''}{what} yang ada: {listed}"


def appendix_problems(
    unit: Unit,
    lines: dict[KeyPath, int],
    shown: str,
    known: Mapping[str, Sequence[str]],
    year_dir: Path,
) -> list[Problem]:
    """Problems of unit.yml `lampiran:`; `known` maps each dataset of the run to its columns."""
    found: list[Problem] = []
    for index, appendix in enumerate(unit.lampiran):
        where = ("lampiran", index)
        if appendix.dataset not in known:
            found.append(
                Problem(
                    shown,
                    f"lampiran '{appendix.id}': dataset '{appendix.dataset}' tidak dikenal",
                    fix=_choice_fix(appendix.dataset, sorted(known), "dataset"),
                    row=line_of(lines, (*where, "dataset")),
                    column=f"lampiran[{index}].dataset",
                    value=appendix.dataset,
                )
            )
            continue
        if not (year_dir / f"{appendix.dataset}.csv").is_file():
            found.append(
                Problem(
                    shown,
                    f"lampiran '{appendix.id}': berkas {appendix.dataset}.csv tidak ada di "
                    "folder tahun",
                    fix=f"buat {appendix.dataset}.csv (tanpa data cukup baris header saja) "
                    "atau hapus lampiran ini",
                    row=line_of(lines, (*where, "dataset")),
                    column=f"lampiran[{index}].dataset",
                    value=appendix.dataset,
                )
            )
        columns = list(known[appendix.dataset])
        for key in ("baris", "kolom"):
            column = getattr(appendix, key)
            if column is None or column in columns:
                continue
            found.append(
                Problem(
                    shown,
                    f"lampiran '{appendix.id}': kolom '{column}' tidak ada di dataset "
                    f"{appendix.dataset}",
                    fix=_choice_fix(column, columns, "kolom"),
                    row=line_of(lines, (*where, key)),
                    column=f"lampiran[{index}].{key}",
                    value=column,
                )
            )
    return found
