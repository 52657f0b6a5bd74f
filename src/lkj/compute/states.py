"""What the figures of one IKU in one period say, decided once so every sentence agrees.

A state has two parts: whether there is a realisation (`Presence`) and how it stands against
its target (`Standing`). `lkj.book.narrative` picks each sentence from the state; nothing else
decides whether an IKU "belum terealisasi". A pure function of the registry values and the PK.

Periods: "tw" is this quarter against the quarter's target (ikuNN.twQ.*), "sd" the cumulative
realisation against the annual target (ikuNN.sd_twQ.*). With cumulative targets (pk.yml
target_triwulan: kumulatif) the targets are the ones the capaian was computed against: the
target "s.d. TW Q", and for a summed IKU the quarter's own share of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal

from lkj.inputs.pk import PK, Iku
from lkj.values.registry import Registry

Period = Literal["tw", "sd"]
NIHIL = "nihil"  # params key of a realisation that a nihil.csv declaration set to 0


class Presence(Enum):
    NO_DATA = "belum ada data"  # no rows and nothing declared
    REALISED = "terealisasi"  # rows of this quarter (tw) / including this quarter (sd)
    EARLIER_ONLY = "terealisasi pada triwulan sebelumnya saja"
    ZERO = "nihil"  # declared nihil, or a realisation of exactly 0


class Standing(Enum):
    NONE = "tanpa pembanding"  # nothing to compare (no realisation, or 0 of 0 items)
    AT_TARGET = "mencapai target"
    CAPPED = "melampaui target, capaian dibatasi"
    BELOW_TARGET = "di bawah target"
    LOWER_BETTER = "lebih rendah lebih baik: memenuhi target"
    LOWER_WORSE = "lebih rendah lebih baik: melebihi target"
    CATEGORY_MET = "kategori memenuhi target"
    CATEGORY_NOT_MET = "kategori belum memenuhi target"
    ZERO_TARGET = "target nol"


@dataclass(frozen=True)
class IkuState:
    """State of one IKU in one period, with the value ids its sentence shows."""

    iku: Iku
    period: Period
    presence: Presence
    standing: Standing
    prefix: str  # "iku05.tw3" / "iku05.sd_tw3"
    target_id: str  # the target this period is compared with
    capaian_id: str  # capaian against that target (capped when the IKU has a cap)

    @property
    def realisation_id(self) -> str:
        return f"{self.prefix}.realisasi"


def _value(reg: Registry, value_id: str) -> object:
    return reg[value_id].value if value_id in reg else None


def _is_nihil(reg: Registry, value_id: str) -> bool:
    return value_id in reg and bool(reg[value_id].params.get(NIHIL))


def _zero(reg: Registry, iku: Iku, prefix: str) -> bool:
    """0 realised: declared nihil, or a count/sum of exactly 0 (kosong: nol, or 0 recorded)."""
    real = f"{prefix}.realisasi"
    if _is_nihil(reg, real):
        return True
    if iku.sumber.aturan == "rasio":
        return _value(reg, f"{prefix}.penyebut") == 0
    value = _value(reg, real)
    return iku.jenis != "kategori" and isinstance(value, int | float) and value == 0


def _presence_tw(reg: Registry, iku: Iku, quarter: int) -> Presence:
    prefix = f"{iku.key}.tw{quarter}"
    if _zero(reg, iku, prefix):
        return Presence.ZERO
    if _value(reg, f"{prefix}.realisasi") is not None:
        return Presence.REALISED
    earlier = any(
        _value(reg, f"{iku.key}.tw{q}.realisasi") is not None or _zero(reg, iku, f"{iku.key}.tw{q}")
        for q in range(1, quarter)
    )
    return Presence.EARLIER_ONLY if earlier else Presence.NO_DATA


def _presence_sd(reg: Registry, iku: Iku, quarter: int) -> Presence:
    this = _presence_tw(reg, iku, quarter)
    quarters = [f"{iku.key}.tw{q}" for q in range(1, quarter + 1)]
    if all(_zero(reg, iku, p) or _value(reg, f"{p}.realisasi") is None for p in quarters) and any(
        _zero(reg, iku, p) for p in quarters
    ):
        return Presence.ZERO
    if _value(reg, f"{iku.key}.sd_tw{quarter}.realisasi") is None:
        return Presence.NO_DATA
    if this is Presence.REALISED:
        return Presence.REALISED
    return Presence.EARLIER_ONLY


def _standing(reg: Registry, iku: Iku, prefix: str, target_id: str, capaian_id: str) -> Standing:
    real, target = _value(reg, f"{prefix}.realisasi"), _value(reg, target_id)
    if real is None:
        return Standing.NONE
    if iku.jenis == "kategori":
        met = _value(reg, capaian_id)
        return (
            Standing.CATEGORY_MET
            if isinstance(met, int | float) and met >= 100
            else Standing.CATEGORY_NOT_MET
        )
    assert isinstance(real, int | float)
    if iku.polaritas == "turun":
        better = isinstance(target, int | float) and real <= target
        return Standing.LOWER_BETTER if better else Standing.LOWER_WORSE
    if target == 0:
        return Standing.ZERO_TARGET
    raw = _value(reg, f"{capaian_id}_mentah")
    if iku.batas_capaian is not None and isinstance(raw, int | float) and raw > iku.batas_capaian:
        return Standing.CAPPED
    capaian = _value(reg, capaian_id)
    if isinstance(capaian, int | float) and capaian >= 100:
        return Standing.AT_TARGET
    return Standing.BELOW_TARGET


TARGET_ENDS = (".target", ".target_triwulan")


def _target_of(reg: Registry, capaian_id: str, default: str) -> str:
    """The target a capaian was computed against (its inputs: realisation, target)."""
    item = reg.get(f"{capaian_id}_mentah") or reg.get(capaian_id)
    inputs = item.inputs if item is not None else ()
    return inputs[1] if len(inputs) == 2 and inputs[1].endswith(TARGET_ENDS) else default


def state(reg: Registry, iku: Iku, quarter: int, period: Period) -> IkuState:
    """The state of `iku` in this quarter ("tw") or up to it ("sd")."""
    if period == "tw":
        prefix = f"{iku.key}.tw{quarter}"
        target_id, presence = f"{prefix}.target", _presence_tw(reg, iku, quarter)
    else:
        prefix = f"{iku.key}.sd_tw{quarter}"
        target_id, presence = f"{iku.key}.target", _presence_sd(reg, iku, quarter)
    capaian_id = f"{prefix}.capaian"
    target_id = _target_of(reg, capaian_id, target_id)
    standing = _standing(reg, iku, prefix, target_id, capaian_id)
    return IkuState(iku, period, presence, standing, prefix, target_id, capaian_id)


def states(reg: Registry, pk: PK, quarter: int) -> dict[tuple[str, Period], IkuState]:
    """Every IKU's state in both periods, keyed by (IKU code, period)."""
    return {
        (iku.kode, period): state(reg, iku, quarter, period)
        for iku in pk.iku
        for period in ("tw", "sd")
    }
