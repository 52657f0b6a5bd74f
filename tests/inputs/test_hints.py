"""Shared wording: the closest allowed value, numbers as typed, lists with 'atau'."""

from __future__ import annotations

from lkj.inputs.hints import as_typed, or_list, suggest, with_hint


def test_suggest() -> None:
    assert suggest("taiwan", ["Taiwan", "Malaysia"]) == "Taiwan"
    assert suggest("Malaysa", ["Taiwan", "Malaysia"]) == "Malaysia"
    assert suggest("Zimbabwe", ["Taiwan", "Malaysia"]) is None


def test_numbers_read_as_the_analyst_typed_them() -> None:
    assert as_typed(1019.0) == "1019"
    assert as_typed(87.5) == "87.5"
    assert as_typed(0) == "0"
    assert as_typed("12") == "12"


def test_lists_and_hints_read_as_indonesian() -> None:
    assert or_list(["L"]) == "L"
    assert or_list(("L", "P")) == "L atau P"
    assert or_list(["a", "b", "c"]) == "a, b atau c"
    assert (
        with_hint("pakai kolom yang ada", "jumlah") == "pakai kolom yang ada (maksudnya 'jumlah'?)"
    )
    assert with_hint("pakai kolom yang ada", None) == "pakai kolom yang ada"
