"""BAB II D's figures: this quarter against the earlier quarters of the year and the same
quarter of the previous year (PermenPAN-RB 53/2014 asks the performance report for this).

The earlier quarters come from the run's own registry (ikuNN.twQ.*). The previous year is a
second computation from the same params with year − 1, when data/<unit>/<year − 1>/ exists and
is valid; IKUs are matched by code (a new PK may add or drop IKUs). Previous-year figures are
shown as text: their value ids belong to the other year's registry, not to this run's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lkj.compute.engine import compute
from lkj.errors import InputError
from lkj.inputs.load import load_inputs
from lkj.inputs.params import Run
from lkj.inputs.pk import Iku
from lkj.values import formatting as fmt
from lkj.values.registry import Registry


@dataclass(frozen=True)
class Previous:
    year: int
    registry: Registry | None
    reason: str  # why there is no registry ("" when there is one)


def previous_year_of(run: Run) -> Previous:
    """The previous year's registry computed from this run's params (or why there is none)."""
    year = run.params.year
    prev = Run(
        params=run.params.model_copy(update={"year": year - 1}),
        params_path=run.params_path,
        root=run.root,
    )
    if not prev.year_dir.is_dir():
        return Previous(year - 1, None, "belum ada data tahun sebelumnya")
    try:
        return Previous(year - 1, compute(load_inputs(prev)), "")
    except InputError as exc:
        return Previous(
            year - 1,
            None,
            f"data tahun {year - 1} belum sah ({len(exc.problems)} masalah; "
            f"jalankan lkj check dengan year: {year - 1})",
        )


def shown(reg: Registry | None, value_id: str, unit: bool = True) -> str:
    """A value as the book prints it, or a dash when that year has no such value (yet)."""
    value = reg.get(value_id) if reg is not None else None
    if value is None or value.value is None:
        return fmt.DASH
    return value.display_with_unit if unit else value.display


def capaian(reg: Registry, ikus: Iterable[Iku], quarter: int) -> list[float]:
    """Each IKU's quarter capaian (vs the quarter target); 0 where there is none to draw."""
    values = [reg.get(f"{i.key}.tw{quarter}.capaian") for i in ikus]
    return [v.value or 0 if v else 0 for v in values]
