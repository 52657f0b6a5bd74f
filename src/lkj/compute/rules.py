"""Achievement (capaian) rules: polarity, categories, caps. Pure functions of numbers."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from lkj.inputs.pk import Iku

Number = int | float | Fraction

# The registry kind of an IKU's figures, by its pk.yml `jenis`.
KIND_OF_JENIS = {
    "persentase": "percent",
    "jumlah": "count",
    "skor": "score",
    "kategori": "category",
}


def ratio_percent(numerator: Number, denominator: Number) -> float | None:
    """numerator / denominator × 100; None when there is nothing to divide by."""
    if denominator == 0:
        return None
    return float(Fraction(numerator) / Fraction(denominator) * 100)


def capaian_higher(realisasi: Number, target: Number) -> float | None:
    """Higher is better: r / t × 100. A zero target leaves capaian undefined."""
    return ratio_percent(realisasi, target)


def capaian_lower(realisasi: Number, target: Number, method: str) -> float | None:
    """Lower is better.

    selisih (PermenPAN-RB 6/2022): (2 − r/t) × 100, never below 0 (doing more than twice as
    badly as the target is simply no achievement). kebalikan: t / r × 100 (some units use it);
    a realisation of 0 then has no defined ratio, so it counts as fully achieved when the
    target is also met (0 ≤ t).
    """
    if method == "selisih":
        if target == 0:
            return 100.0 if realisasi == 0 else 0.0
        value = (2 - Fraction(realisasi) / Fraction(target)) * 100
        return float(max(value, Fraction(0)))
    if method == "kebalikan":
        if realisasi == 0:
            return 100.0 if target >= 0 else None
        return float(Fraction(target) / Fraction(realisasi) * 100)
    raise ValueError(f"unknown lower-is-better method {method!r}")


def capaian_category(realised: str, target: str, scale: Sequence[str]) -> float:
    """Categorical target: 100 % when the realised category is at or above the target, else 0 %."""
    order = list(scale)
    return 100.0 if order.index(realised) >= order.index(target) else 0.0


def capaian(
    realisasi: Number | str | None,
    target: Number | str | None,
    *,
    jenis: str,
    polaritas: str = "naik",
    metode_turun: str = "selisih",
    kategori: Sequence[str] | None = None,
) -> float | None:
    """Raw (uncapped) achievement in percent, or None when there is no realisation or target."""
    if realisasi is None or target is None:
        return None
    if jenis == "kategori":
        if kategori is None:
            raise ValueError("categorical IKU needs its category scale")
        return capaian_category(str(realisasi), str(target), kategori)
    if polaritas == "turun":
        return capaian_lower(realisasi, target, metode_turun)  # type: ignore[arg-type]
    return capaian_higher(realisasi, target)  # type: ignore[arg-type]


def apply_cap(value: float | None, cap: float | None) -> float | None:
    """The cap is a display/averaging rule; the raw value is kept elsewhere."""
    if value is None or cap is None:
        return value
    return min(value, cap)


def mean(values: Sequence[float | None], unrealised: str) -> float | None:
    """Average capaian over IKUs; unrealised ones count as 0 or are left out (a setting)."""
    if unrealised == "zero":
        items = [v if v is not None else 0.0 for v in values]
    elif unrealised == "exclude":
        items = [v for v in values if v is not None]
    else:
        raise ValueError(f"unknown setting for unrealised IKUs: {unrealised!r}")
    if not items:
        return None
    return float(sum(Fraction(v) for v in items) / len(items))


def iku_capaian(
    iku: Iku, realisasi: Number | str | None, target: Number | str | None
) -> float | None:
    """capaian() with the IKU's own rule (jenis, polarity, method, categories)."""
    return capaian(
        realisasi,
        target,
        jenis=iku.jenis,
        polaritas=iku.polaritas,
        metode_turun=iku.metode_turun,
        kategori=iku.kategori,
    )
