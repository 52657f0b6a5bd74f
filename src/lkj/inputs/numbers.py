"""Numbers as the analyst types them: the one rule, and hints for Indonesian habits.

The rule (data/README.md): a decimal number is written with a point (87.5), no thousands
separator (31000, not 31.000). Indonesian writing does it the other way round (31.000 is
thirty-one thousand, 87,5 is eighty-seven and a half), so a number that follows the
Indonesian convention is refused with the number it probably means, read by babel's `id`
locale. "1.000" is refused even in a decimal column: read with a decimal point it is 1, read
as Indonesian it is 1000, and a report that silently shows 1 where 1000 was meant is wrong.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal

NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
# One point followed by exactly three digits, no leading zero: 1.000, 12.500, 100.000.
_AMBIGUOUS = re.compile(r"[+-]?[1-9]\d{0,2}\.\d{3}")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}([.,]\d{3})+")
_COMMA_DECIMAL = re.compile(r"[+-]?\d+,\d+")
_INDONESIAN = re.compile(r"[+-]?\d{1,3}(\.\d{3})+,\d+")
_RUPIAH = re.compile(r"(Rp\.?\s*)[\d.,]+", re.IGNORECASE)


def ambiguous(text: str) -> bool:
    """True for "1.000": a decimal by our rule, a thousand by Indonesian writing."""
    return bool(_AMBIGUOUS.fullmatch(text))


def _plain(value: Decimal) -> str:
    """A number in our rule's form: 1234.5, 1000 (never 1E+3 or 1000.0)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def indonesian(text: str) -> str | None:
    """The number an Indonesian-formatted text means, in our rule's form (None: not one)."""
    try:
        return _plain(parse_decimal(text, locale="id", strict=True))
    except (NumberFormatError, ValueError, ArithmeticError):
        return None


def explain(text: str, whole: bool) -> tuple[str, str]:
    """(message, fix) for a cell of a number column that is not a number by the rule."""
    if _RUPIAH.fullmatch(text):
        return "jumlah rupiah ditulis dengan 'Rp'", "tulis angka saja tanpa 'Rp' dan tanpa titik"
    if text.endswith("%") and NUMBER.fullmatch(text.rstrip("% ").replace(",", ".")):
        number = text.rstrip("% ").replace(",", ".")
        return "angka ditulis dengan tanda %", f"tulis angkanya saja, mis. {number}"
    habit = _indonesian_habit(text, whole)
    if habit is not None:
        return habit
    if whole and NUMBER.fullmatch(text):
        return "harus bilangan bulat", "isi bilangan bulat tanpa desimal, mis. 12"
    if whole:
        return "bukan bilangan bulat", "isi dengan angka saja (bilangan bulat), mis. 12"
    return "bukan angka", "isi dengan angka, mis. 87.5 (titik sebagai pemisah desimal)"


def _indonesian_habit(text: str, whole: bool) -> tuple[str, str] | None:
    """(message, fix) for thousands points and decimal commas, with the number meant."""
    if ambiguous(text) and not whole:
        meant = indonesian(text)
        pointed = _plain(Decimal(text))
        return (
            f"'{text}' bermakna ganda: {meant} menurut penulisan Indonesia, {pointed} menurut "
            "titik desimal",
            f"tulis {meant} jika maksudnya {meant} (tanpa pemisah ribuan), atau {pointed} "
            "jika maksudnya bilangan desimal",
        )
    if _INDONESIAN.fullmatch(text):
        meant = indonesian(text) or text
        if whole:
            return "harus bilangan bulat", f"tulis bilangan bulat tanpa pemisah, mis. {meant}"
        return (
            "angka ditulis dengan format Indonesia (titik ribuan, koma desimal)",
            f"tulis {meant} (titik sebagai pemisah desimal, tanpa pemisah ribuan)",
        )
    if _THOUSANDS.fullmatch(text):
        plain = re.sub(r"[.,]", "", text)
        return "angka memakai pemisah ribuan", f"tulis tanpa pemisah ribuan, mis. {plain}"
    if _COMMA_DECIMAL.fullmatch(text):
        if whole:
            return "harus bilangan bulat", "isi bilangan bulat tanpa koma, mis. 12"
        return "koma dipakai sebagai pemisah desimal", (
            f"pakai titik sebagai pemisah desimal, mis. {text.replace(',', '.')}"
        )
    return None
