"""The analyst's own words: per-quarter Markdown files under data/<unit>/<year>/teks/tw<Q>/.

A text may cite a computed figure as {{ value.id }}; it is replaced by the value's display
(as a traceable span), so figures are never typed into texts. Texts are Markdown without
markup of any target (lkj.inputs.textcheck): checked again here, so a text that reaches a
notebook without `lkj check` or a build's validation still never becomes HTML or typst.
"""

from __future__ import annotations

import re
from pathlib import Path

from lkj import paths
from lkj.book.display import value as value_span
from lkj.errors import InputError, Problem
from lkj.inputs.params import Run
from lkj.inputs.textcheck import check_text, without_comments
from lkj.values.access import Reads
from lkj.values.registry import Registry

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}")

# The texts a quarter needs (file stem → what it is, for prompts and warnings).
QUARTER_TEXTS = {
    "kata_pengantar": "Kata Pengantar",
    "ringkasan": "paragraf pembuka Ringkasan Eksekutif",
    "renstra": "pengantar Rencana Strategis (BAB I A)",
    "pengukuran": "pengantar Capaian Kinerja Triwulan (BAB II A)",
    "anggaran": "catatan setelah tabel realisasi anggaran (BAB II C)",
    "permasalahan": "daftar permasalahan (BAB III A)",
    "tindak_lanjut": "daftar saran tindak lanjut (BAB III B)",
}


def text_dir(run: Run) -> Path:
    return paths.text_dir(run.year_dir, run.params.quarter)


def text_path(run: Run, name: str) -> Path:
    return text_dir(run) / f"{name}.md"


def render(text: str, registry: Registry, shown: str) -> str:
    """Replace {{ id }} by the value span; unknown ids and markup are input errors (line)."""
    text = without_comments(text)  # the prompts of `lkj new-quarter`: not for the reader
    problems = check_text(text, shown)
    for match in PLACEHOLDER.finditer(text):
        if match.group(1) not in registry:
            line = text[: match.start()].count("\n") + 1
            problems.append(
                Problem(
                    shown,
                    f"nilai '{match.group(1)}' tidak dikenal",
                    row=line,
                    value=match.group(0),
                    fix="pakai id dari `lkj compute PARAMS` atau hapus rujukan ini",
                )
            )
    if problems:
        raise InputError(problems)
    return PLACEHOLDER.sub(lambda m: value_span(registry[m.group(1)], unit=True), text)


def load(reads: Reads, name: str, registry: Registry) -> str:
    """A quarter text with its figures filled in; '' when the analyst has not written it."""
    return _filled(reads, text_path(reads.run, name), registry)


def load_iku(reads: Reads, iku_code: str, registry: Registry) -> str:
    return _filled(reads, text_dir(reads.run) / "iku" / f"{iku_code}.md", registry)


def _filled(reads: Reads, path: Path, registry: Registry) -> str:
    text = reads.text(path)  # recorded even when missing: writing it changes the page
    if text is None:
        return ""
    return render(text.strip(), registry, reads.run.shown(path))
