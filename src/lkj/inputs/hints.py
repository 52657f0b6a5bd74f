"""Wording every input problem shares: the closest allowed value, numbers as typed, lists."""

from __future__ import annotations

import difflib


def as_typed(value: object) -> str:
    """A number as the analyst typed it: 1019, not 1019.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def or_list(values: tuple[str, ...] | list[str]) -> str:
    """'a, b atau c'."""
    values = list(values)
    return values[0] if len(values) == 1 else f"{', '.join(values[:-1])} atau {values[-1]}"


def suggest(value: object, choices: list[str] | tuple[str, ...]) -> str | None:
    """Closest allowed value (case-insensitive), for 'maksudnya ...?' hints."""
    text = str(value)
    by_lower = {c.lower(): c for c in choices}
    if text.lower() in by_lower:
        return by_lower[text.lower()]
    close = difflib.get_close_matches(text.lower(), list(by_lower), n=1, cutoff=0.75)
    return by_lower[close[0]] if close else None


def with_hint(text: str, hint: str | None) -> str:
    """text followed by "(maksudnya '<hint>'?)" when there is a hint."""
    return f"{text} (maksudnya '{hint}'?)" if hint else text
