"""Keep a chapter's closing paragraphs together in the PDF.

typst avoids single widow lines but will still move a chapter's last short paragraph (the
Ringkasan's three-line budget paragraph) alone onto a page of its own. The last few
paragraphs of each chapter are put into one unbreakable block, so that page always holds
more than a few lines (lkj.render.pagerules checks it). Only paragraphs are wrapped: a table
or a raw typst block ends the run, because an unbreakable block taller than a page would be
cut off.
"""

from __future__ import annotations

TAIL_PARAGRAPHS = 4


def _raw(text: str) -> dict:
    return {"t": "RawBlock", "c": ["typst", text]}


def keep_tail(blocks: list[dict]) -> list[dict]:
    """`blocks` with their trailing paragraphs (up to TAIL_PARAGRAPHS) in one unbreakable block."""
    start, paragraphs = len(blocks), 0
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if block["t"] == "RawBlock" and block["c"][0] != "typst":
            continue  # HTML-only content: not in the PDF
        if block["t"] not in ("Para", "Plain") or paragraphs == TAIL_PARAGRAPHS:
            break
        start, paragraphs = index, paragraphs + 1
    if paragraphs < 2:
        return blocks
    return [*blocks[:start], _raw("#block(breakable: false)["), *blocks[start:], _raw("]")]
