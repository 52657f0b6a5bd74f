"""Inline markup for values in generated text: a pandoc span that carries the value id."""

from __future__ import annotations

from lkj.registry import Value


def escape(text: str) -> str:
    """Escape pandoc-markdown specials inside a span's text."""
    for char in ("\\", "[", "]", "*", "_", "`", "<", ">", "$", "#", "|"):
        text = text.replace(char, "\\" + char)
    return text


def value_span(value: Value, text: str | None = None, *, with_unit: bool = True) -> str:
    """'[7.375 Orang]{.lkj-value data-value-id="iku07.tw2.realisasi"}' for pandoc markdown."""
    shown = text if text is not None else (value.display_with_unit if with_unit else value.display)
    return f'[{escape(shown)}]{{.lkj-value data-value-id="{value.id}"}}'
