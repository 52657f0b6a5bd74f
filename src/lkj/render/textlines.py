"""Characters grouped into text lines the way pdfplumber's `Page.extract_text_lines()` groups
them (its defaults: tolerance 3 pt, no layout), so the page rules read the same lines from
pdfium's characters as they read from pdfplumber's.

pdfplumber: runs of characters of one orientation, in content order, are clustered into
lines by their top (values chained within the tolerance), each line sorted left to right and
cut into words at blanks and gaps; the words, in that order, are clustered again by their top
and consecutive words of one cluster make a text line, words joined by one space.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import groupby
from typing import Any

TOLERANCE = 3.0  # pdfplumber's DEFAULT_X_TOLERANCE and DEFAULT_Y_TOLERANCE
# pdfplumber expands these ligatures (expand_ligatures=True)
_LIGATURES = {
    "ﬀ": "ff",
    "ﬃ": "ffi",
    "ﬄ": "ffl",
    "ﬁ": "fi",
    "ﬂ": "fl",
    "ﬆ": "st",
    "ﬅ": "st",
}

Char = dict[str, Any]  # text, x0, x1, top, bottom, upright


def _cluster_ids(values: list[float]) -> dict[float, int]:
    """pdfplumber's make_cluster_dict: sorted distinct values, chained within TOLERANCE."""
    ids: dict[float, int] = {}
    last, group = None, -1
    for value in sorted(set(values)):
        if last is None or value > last + TOLERANCE:
            group += 1
        ids[value] = group
        last = value
    return ids


def _cluster(items: list[Any], key: Callable[[Any], float]) -> list[list[Any]]:
    ids = _cluster_ids([key(x) for x in items])
    ordered = sorted(items, key=lambda x: ids[key(x)])  # stable: content order within
    return [list(group) for _, group in groupby(ordered, key=lambda x: ids[key(x)])]


def _new_word(prev: Char, char: Char, upright: bool) -> bool:
    if upright:  # left to right, lines top to bottom
        ax, bx, cx, ay, cy = prev["x0"], prev["x1"], char["x0"], prev["top"], char["top"]
    else:  # turned text: top to bottom, lines left to right
        ax, bx, cx, ay, cy = prev["top"], prev["bottom"], char["top"], prev["x0"], char["x0"]
    return cx < ax or cx > bx + TOLERANCE or abs(cy - ay) > TOLERANCE


def _words(line: list[Char], upright: bool) -> Iterator[list[Char]]:
    word: list[Char] = []
    for char in line:
        if char["text"].isspace():
            if word:
                yield word
            word = []
        elif word and _new_word(word[-1], char, upright):
            yield word
            word = [char]
        else:
            word.append(char)
    if word:
        yield word


def _merge(chars: list[Char]) -> dict[str, Any]:
    return {
        "text": "".join(str(_LIGATURES.get(c["text"], c["text"])) for c in chars),
        "x0": min(c["x0"] for c in chars),
        "x1": max(c["x1"] for c in chars),
        "top": min(c["top"] for c in chars),
        "bottom": max(c["bottom"] for c in chars),
    }


def _along(char: Char) -> tuple[float, float]:
    return (char["x0"], char["x0"])


def _down(char: Char) -> tuple[float, float]:
    return (char["top"], char["bottom"])


def _all_words(chars: list[Char]) -> list[dict[str, Any]]:
    words = []
    for upright, run in groupby(chars, key=lambda c: c["upright"]):
        lines = _cluster(list(run), (lambda c: c["top"]) if upright else (lambda c: c["x0"]))
        for line in lines:
            order = _along if upright else _down
            words += [_merge(w) for w in _words(sorted(line, key=order), upright)]
    return words


def text_lines(chars: list[Char]) -> list[dict[str, Any]]:
    """The page's text lines, each with text, x0, x1, top and bottom (pdfplumber's)."""
    words = _all_words(chars)
    ids = _cluster_ids([w["top"] for w in words])
    lines = []
    for _, group in groupby(words, key=lambda w: ids[w["top"]]):
        line = list(group)
        lines.append(
            {
                "text": " ".join(w["text"] for w in line),
                "x0": min(w["x0"] for w in line),
                "x1": max(w["x1"] for w in line),
                "top": min(w["top"] for w in line),
                "bottom": max(w["bottom"] for w in line),
            }
        )
    return lines
