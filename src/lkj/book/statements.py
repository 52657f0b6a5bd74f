"""The IKU sentences of the Ringkasan and of "b. Evaluasi Kinerja", one per state.

The state (lkj.compute.states) decides what is true of an IKU in a period; this module only
words it, so the two places can never disagree with each other or with the tables. Every
number is a value span (`Writer.v`).
"""

from __future__ import annotations

from typing import Protocol

from lkj.compute.kriteria import kriteria_id
from lkj.compute.states import IkuState, Presence, Standing, state
from lkj.inputs.pk import Iku
from lkj.inputs.unit import Terms
from lkj.values.registry import Registry


class Writer(Protocol):
    """What these sentences need of lkj.book.narrative.Writer (a Protocol: no import cycle)."""

    reg: Registry
    q: int
    year: int
    tw: str
    t: Terms  # the unit's words for IKU, Sasaran Strategis … (unit.yml istilah)

    def v(self, value_id: str, with_unit: bool = True) -> str: ...

    def realisation_clause(self, iku: Iku, part: str) -> str: ...


REACHED = (Standing.AT_TARGET, Standing.CAPPED, Standing.CATEGORY_MET, Standing.LOWER_BETTER)


def _earlier(iku: Iku) -> str:
    """Where a cumulative figure without this quarter comes from."""
    if iku.kumulatif == "terakhir":
        return "(nilai triwulan sebelumnya)"
    return "(seluruhnya dari triwulan sebelumnya)"


def _annual(w: Writer, iku: Iku) -> str:
    return f"target tahun {w.year} sebesar {w.v(iku.key + '.target')}"


def _band(w: Writer, capaian_id: str) -> str:
    """' (Cukup)': the criterion band of a capaian, when the IKU has bands."""
    found = kriteria_id(capaian_id)
    if found not in w.reg or w.reg[found].value is None:
        return ""
    return f" ({w.v(found)})"


def _cumulative_target(s: IkuState) -> bool:
    """Whether the cumulative capaian is against the target "s.d. TW" (cumulative targets)."""
    return s.period == "sd" and s.target_id != f"{s.iku.key}.target"


def _sd_target(w: Writer, s: IkuState) -> str:
    """The target a cumulative capaian is measured against, in words with its figure."""
    if _cumulative_target(s):
        return f"target s.d. {w.tw} sebesar {w.v(s.target_id)}"
    return _annual(w, s.iku)


def _zero_clause(w: Writer, s: IkuState) -> str:
    """'nihil (0 Orang)'; a ratio over no items has no percentage: 'nihil (0 Kasus)'."""
    if s.iku.sumber.aturan == "rasio":
        return f"nihil ({w.v(s.prefix + '.penyebut')})"
    return f"nihil ({w.v(s.realisation_id)})"


def _short_standing(w: Writer, s: IkuState) -> str:
    """The Ringkasan's clause on the quarter's own target ('' when there is nothing to say)."""
    target = (
        f"target {w.tw} ({w.v(s.target_id)})"
        if s.iku.jenis == "kategori"
        else f"target {w.tw} sebesar {w.v(s.target_id)}"
    )
    return {
        Standing.NONE: "",
        Standing.AT_TARGET: f"; {target} tercapai",
        Standing.CAPPED: f"; {target} terlampaui",
        Standing.BELOW_TARGET: f"; {target} belum tercapai",
        Standing.LOWER_BETTER: f"; makin rendah makin baik, dan realisasi tidak melebihi {target}",
        Standing.LOWER_WORSE: f"; makin rendah makin baik, namun realisasi melebihi {target}",
        Standing.CATEGORY_MET: f"; kategori tersebut memenuhi {target}",
        Standing.CATEGORY_NOT_MET: f"; kategori tersebut belum memenuhi {target}",
        Standing.ZERO_TARGET: f"; {target}, sehingga capaian triwulan ini tidak dihitung",
    }[s.standing]


def summary(w: Writer, iku: Iku) -> str:
    """One paragraph of the Ringkasan Eksekutif, from the IKU's state in this quarter."""
    tw, sd = state(w.reg, iku, w.q, "tw"), state(w.reg, iku, w.q, "sd")
    k, when = iku.key, f"{w.tw} tahun {w.year}"
    if tw.presence is Presence.NO_DATA:
        return f"Sampai dengan akhir {when} {w.t.iku} ini belum terealisasi; {_annual(w, iku)}."
    if tw.presence is Presence.EARLIER_ONLY:
        reached = "; target tahunan telah tercapai" if sd.standing in REACHED else ""
        return (
            f"Pada {when} belum ada realisasi baru; realisasi sampai dengan {w.tw} "
            f"{w.realisation_clause(iku, sd.prefix[len(k) + 1 :])} {_earlier(iku)}, atau "
            f"mencapai {w.v(sd.capaian_id)}{_band(w, sd.capaian_id)} dari {_sd_target(w, sd)}"
            f"{reached}."
        )
    if tw.presence is Presence.ZERO:
        text = f"Realisasi {when} {_zero_clause(w, tw)}"
        if w.q > 1 and sd.presence is not Presence.NO_DATA:
            return (
                f"{text}; realisasi sampai dengan {w.tw} "
                f"{w.realisation_clause(iku, sd.prefix[len(k) + 1 :])}, atau mencapai "
                f"{w.v(sd.capaian_id)}{_band(w, sd.capaian_id)} dari {_sd_target(w, sd)}."
            )
        return f"{text}; {_annual(w, iku)}{_short_standing(w, tw)}."
    return (
        f"Realisasi {when} {w.realisation_clause(iku, f'tw{w.q}')}, atau mencapai "
        f"{w.v(f'{k}.tw{w.q}.capaian_tahunan')}{_band(w, f'{k}.tw{w.q}.capaian_tahunan')} dari "
        f"{_annual(w, iku)}{_short_standing(w, tw)}."
    )


def _standing_sentence(w: Writer, s: IkuState) -> str:
    """The evaluation's sentence on the quarter's own target."""
    target = f"target {w.tw}"
    if s.standing is Standing.CAPPED:
        return (
            f"Realisasi tersebut melampaui {target}; capaian sebelum dibatasi sebesar "
            f"{w.v(s.capaian_id + '_mentah')}, dan yang dicatat adalah batas capaian "
            f"{w.t.iku} ini, yaitu {w.v(s.capaian_id)}."
        )
    return {
        Standing.NONE: "",
        Standing.AT_TARGET: f"Dengan demikian {target} tercapai.",
        Standing.BELOW_TARGET: f"Dengan demikian {target} belum tercapai.",
        Standing.LOWER_BETTER: (
            f"Untuk {w.t.iku} ini nilai yang makin rendah makin baik; realisasi tidak melebihi "
            f"{target}, sehingga target tersebut tercapai."
        ),
        Standing.LOWER_WORSE: (
            f"Untuk {w.t.iku} ini nilai yang makin rendah makin baik; realisasi melebihi {target}, "
            "sehingga target tersebut belum tercapai."
        ),
        Standing.CATEGORY_MET: (
            f"Kategori tersebut sama dengan atau lebih baik daripada kategori {target}, "
            "sehingga target tersebut tercapai."
        ),
        Standing.CATEGORY_NOT_MET: (
            f"Kategori tersebut di bawah kategori {target}, sehingga target tersebut belum "
            "tercapai."
        ),
        Standing.ZERO_TARGET: (
            f"Karena {target} sebesar {w.v(s.target_id)}, capaian terhadap {target} tidak dihitung."
        ),
    }[s.standing]


def _this_quarter(w: Writer, s: IkuState) -> str:
    iku, when = s.iku, f"{w.tw} tahun {w.year}"
    if s.presence is Presence.NO_DATA:
        return f"Sampai dengan akhir {when} target tersebut belum terealisasi."
    if s.presence is Presence.EARLIER_ONLY:
        return f"Pada {when} belum ada realisasi baru."
    if s.presence is Presence.ZERO and s.standing is Standing.NONE:
        return (
            f"Realisasi {when} {_zero_clause(w, s)}: tidak ada kegiatan yang diukur {w.t.iku} ini, "
            "sehingga capaiannya tidak dihitung."
        )
    what = (
        _zero_clause(w, s) if s.presence is Presence.ZERO else w.realisation_clause(iku, f"tw{w.q}")
    )
    against_tw = (
        ""
        if s.standing is Standing.ZERO_TARGET
        else f"terhadap target {w.tw} sebesar {w.v(s.capaian_id)}{_band(w, s.capaian_id)} dan "
    )
    annual = f"{iku.key}.tw{w.q}.capaian_tahunan"
    first = (
        f"Realisasi {when} {what}, sehingga capaian {against_tw}terhadap target tahunan "
        f"sebesar {w.v(annual)}{_band(w, annual)}."
    )
    return " ".join(filter(None, [first, _standing_sentence(w, s)]))


def _cumulative(w: Writer, s: IkuState) -> str:
    iku = s.iku
    how = {
        "jumlah": "dijumlahkan dari seluruh triwulan",
        "rasio": "dihitung dari jumlah pembilang dan penyebut seluruh triwulan",
        "terakhir": "diambil dari nilai triwulan terakhir",
    }[iku.kumulatif]
    earlier = f" {_earlier(iku)}" if s.presence is Presence.EARLIER_ONLY else ""
    target = f"target s.d. {w.tw}" if _cumulative_target(s) else "target tahunan"
    head = "T" + target[1:]
    reached = {
        Standing.AT_TARGET: f" {head} telah tercapai.",
        Standing.CAPPED: f" {head} telah terlampaui.",
        Standing.CATEGORY_MET: f" {head} telah tercapai.",
        Standing.LOWER_BETTER: f" {head} terpenuhi.",
    }.get(s.standing, "")
    return (
        f"Secara kumulatif sampai dengan {w.tw} ({how}) realisasinya "
        f"{w.realisation_clause(iku, s.prefix[len(iku.key) + 1 :])}{earlier}, atau "
        f"{w.v(s.capaian_id)}{_band(w, s.capaian_id)} dari {target}.{reached}"
    )


def evaluation(w: Writer, iku: Iku) -> str:
    """Figures of 'b. Evaluasi Kinerja': targets, this quarter's state, the cumulative state."""
    k, q = iku.key, w.q
    tw, sd = state(w.reg, iku, q, "tw"), state(w.reg, iku, q, "sd")
    upto = "s.d. " if _cumulative_target(sd) else ""
    parts = [
        f"Target {w.t.iku} ini dalam Perjanjian Kinerja Tahun {w.year} sebesar "
        f"{w.v(k + '.target')}, dengan target {upto}{w.tw} sebesar {w.v(f'{k}.tw{q}.target')}.",
        _this_quarter(w, tw),
    ]
    if q > 1 and sd.presence is not Presence.NO_DATA and sd.standing is not Standing.NONE:
        parts.append(_cumulative(w, sd))
    return " ".join(parts)
