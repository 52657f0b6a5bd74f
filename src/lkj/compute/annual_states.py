"""What an IKU's year says against last year, the Renstra and a national standard.

Decided once from the registry (like lkj.compute.states for a quarter), so the Ikhtisar, the
sentences of BAB III and any list of "improved / fell behind" agree. The two comparisons are
independent: an IKU can be better than last year and behind the plan at the same time.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from lkj.compute.annual import key, sd
from lkj.compute.states import IkuState, state
from lkj.inputs.pk import Iku
from lkj.values.registry import Registry


class Trend(Enum):
    NONE = "tanpa tahun pembanding"  # no earlier year, or no realisation this year
    BETTER = "lebih baik"
    SAME = "sama"
    WORSE = "lebih buruk"


class Plan(Enum):
    NONE = "tanpa target Renstra tahun ini"
    AHEAD = "sesuai atau di depan jalur Renstra"
    BEHIND = "di belakang jalur Renstra"


@dataclass(frozen=True)
class YearState:
    iku: Iku
    year: IkuState  # the year = TW IV cumulative against the PK target (lkj.compute.states)
    trend: Trend
    plan: Plan
    end_reached: bool  # the end-of-plan target already reached this year
    standard: bool | None  # met the national standard; None: no standard given


def _value(reg: Registry, value_id: str) -> object:
    return reg[value_id].value if value_id in reg else None


def trend(reg: Registry, iku: Iku, year: int) -> Trend:
    """This year's realisation against last year's, in the IKU's direction."""
    now, last = _value(reg, sd(iku, "realisasi")), _value(reg, key(iku, "riwayat", year - 1))
    if now is None or last is None:
        return Trend.NONE
    if iku.jenis == "kategori":
        order = iku.kategori or []
        if now not in order or last not in order:
            return Trend.NONE
        diff: float = order.index(str(now)) - order.index(str(last))
    else:
        assert isinstance(now, int | float) and isinstance(last, int | float)
        diff = now - last if iku.polaritas == "naik" else last - now
    if diff == 0:
        return Trend.SAME
    return Trend.BETTER if diff > 0 else Trend.WORSE


def _met(reg: Registry, value_id: str) -> bool | None:
    capaian = _value(reg, value_id)
    if value_id not in reg:
        return None
    return isinstance(capaian, int | float) and capaian >= 100


def year_state(reg: Registry, iku: Iku, year: int) -> YearState:
    on_plan = _met(reg, key(iku, "renstra", "capaian"))
    if _value(reg, sd(iku, "realisasi")) is None:
        on_plan = None  # nothing realised: no place on the path to speak of
    plan = Plan.NONE if on_plan is None else Plan.AHEAD if on_plan else Plan.BEHIND
    return YearState(
        iku=iku,
        year=state(reg, iku, 4, "sd"),
        trend=trend(reg, iku, year),
        plan=plan,
        end_reached=bool(_met(reg, key(iku, "renstra", "capaian_akhir"))),
        standard=_met(reg, key(iku, "standar", "capaian")),
    )
