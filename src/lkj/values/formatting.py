"""Indonesian display of numbers, money, months and quarters (babel does the locale work)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

LOCALE = "id_ID"
DASH = "-"  # what the official report prints for "no realisation yet"
NBSP = "\u00a0"

_MODES = {"half_up": ROUND_HALF_UP, "truncate": ROUND_DOWN}


def round_decimal(value: float | int, decimals: int, mode: str) -> Decimal:
    """Round the way the report does: half-up, or truncation (16,9668 → 16,96)."""
    quantum = Decimal(1).scaleb(-decimals)
    # numpy scalars repr as 'np.float64(…)': go through float; ints stay exact.
    exact = Decimal(value) if isinstance(value, int) else Decimal(repr(float(value)))
    # Binary noise first: 0.57 * 100 is 56.99999999999999, which truncation would show as 56,99.
    cleaned = exact.quantize(Decimal("1e-9"), rounding=ROUND_HALF_UP)
    return cleaned.quantize(quantum, rounding=_MODES[mode])


def number(
    value: float | int | None, decimals: int = 2, mode: str = "half_up", keep_zeros: bool = False
) -> str:
    """7375 → '7.375'; 23.7903 → '23,79'; trailing decimal zeros dropped unless keep_zeros."""
    if value is None:
        return DASH
    rounded = round_decimal(value, decimals, mode)
    if keep_zeros and decimals:
        pattern = "#,##0." + "0" * decimals
    else:
        pattern = "#,##0." + "#" * decimals if decimals else "#,##0"
    # The value is already rounded as asked, so babel's own rounding never changes it.
    return format_decimal(rounded, format=pattern, locale=LOCALE)


def percent(
    value: float | None,
    decimals: int = 2,
    mode: str = "half_up",
    keep_zeros: bool = False,
    space: bool = False,
) -> str:
    """33.6448 → '33,64%' (no space, as in the report); keep_zeros and space: '80,00 %'.

    The space is a no-break space: a narrow table cell never puts the sign on a line of its own.
    """
    if value is None:
        return DASH
    return number(value, decimals, mode, keep_zeros) + (NBSP + "%" if space else "%")


def rupiah(value: float | int | None, decimals: int = 2) -> str:
    """1779201134 → 'Rp 1.779.201.134,00' (one form everywhere: 'Rp', a space, two decimals)."""
    if value is None:
        return DASH
    text = format_currency(
        Decimal(str(value)),
        "IDR",
        format="¤ #,##0.00" if decimals else "¤ #,##0",
        locale=LOCALE,
        currency_digits=False,
    )
    return text.replace("\xa0", " ")


def quantity(value: float | int | None, unit: str, decimals: int = 2, mode: str = "half_up") -> str:
    """7375, 'Orang' → '7.375 Orang'."""
    if value is None:
        return DASH
    return f"{number(value, decimals, mode)} {unit}".strip()


_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def roman(n: int) -> str:
    """Quarters and lampiran are numbered in Roman numerals (Triwulan II, Lampiran VI)."""
    if n <= 0:
        raise ValueError("roman numerals start at 1")
    out = []
    for size, letters in _ROMAN:
        count, n = divmod(n, size)
        out.append(letters * count)
    return "".join(out)


def month_name(month: int) -> str:
    """5 → 'Mei'."""
    return format_date(dt.date(2000, month, 1), "MMMM", locale=LOCALE)


def long_date(day: dt.date) -> str:
    """2025-05-20 → '20 Mei 2025'."""
    return format_date(day, "d MMMM y", locale=LOCALE)


def quarter_label(q: int) -> str:
    return f"Triwulan {roman(q)}"


def quarter_months(q: int) -> list[int]:
    return [3 * (q - 1) + 1, 3 * (q - 1) + 2, 3 * (q - 1) + 3]


def months_phrase(q: int, year: int) -> str:
    """2, 2025 → 'April–Juni 2025'."""
    months = quarter_months(q)
    return f"{month_name(months[0])}–{month_name(months[-1])} {year}"
