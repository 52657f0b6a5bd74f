"""Counts of persons for the public rows view: groups under k = 3 are never named."""

from __future__ import annotations

from collections import Counter

from lkj.provenance.groups import OTHERS, suppressed


def test_small_groups_are_merged_and_never_named():
    counts = Counter({"Kab. Kendal": 5, "Kab. Jepara": 1, "Kota Tegal": 2, "Kab. Pati": 3})
    assert suppressed(counts) == [["Kab. Kendal", "5"], ["Kab. Pati", "3"], [OTHERS, "3"]]


def test_a_small_rest_is_shown_as_less_than_three():
    assert suppressed(Counter({"L": 7, "P": 2})) == [["L", "7"], [OTHERS, "< 3"]]
    assert suppressed(Counter({"P": 1})) == [[OTHERS, "< 3"]]


def test_groups_of_three_or_more_keep_their_counts():
    assert suppressed(Counter({"a": 3, "b": 4})) == [["b", "4"], ["a", "3"]]
