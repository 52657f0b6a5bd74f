"""Realisations of quarters declared nihil (lkj.inputs.nihil): 0, traced to the declaration."""

from __future__ import annotations

from dataclasses import replace

from lkj.compute.measure import Measurement
from lkj.compute.states import NIHIL
from lkj.inputs.load import Inputs
from lkj.inputs.nihil import FILE
from lkj.inputs.pk import Iku
from lkj.values import formatting as fmt
from lkj.values.registry import Source


def line(inputs: Inputs, iku: Iku, quarter: int, m: Measurement) -> int | None:
    """The nihil.csv line that applies to this IKU's quarter (None: not declared, or rows)."""
    found = inputs.nihil.get((iku.sumber.dataset, quarter))
    return found if found is not None and not m.rows else None


def measurement(iku: Iku, m: Measurement, quarter: int) -> Measurement:
    """Nothing happened: a count or sum of 0; a ratio of 0 out of 0 items (no percentage)."""
    tw = fmt.quarter_label(quarter)
    formula = f"dinyatakan nihil untuk {tw} ({FILE}): tidak ada kegiatan"
    if iku.sumber.aturan == "rasio":
        return replace(m, value=None, formula=formula, numerator=0, denominator=0)
    return replace(m, value=0, formula=formula)


def source(inputs: Inputs, iku: Iku, quarter: int, at: int) -> Source:
    shown = inputs.run.shown(inputs.run.year_dir / FILE)
    what = f"dataset = {iku.sumber.dataset}, triwulan = {quarter}"
    return Source(shown, (at,), what)


def params(run_params: dict[str, object]) -> dict[str, object]:
    """The run's params with the mark lkj.compute.states reads."""
    return {**run_params, NIHIL: True}
