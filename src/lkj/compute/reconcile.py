"""Compare computed values with the figures a published report printed.

The file of published figures (CSV: id, tempat, terbitan, catatan) is transcribed from the
report. `catatan` explains a known difference; a row without one is expected to match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from lkj.compute import smallcells
from lkj.errors import InputError, Problem
from lkj.inputs.reading import read_csv_text
from lkj.values.registry import Registry

COLUMNS = ["id", "tempat", "terbitan", "catatan"]


@dataclass(frozen=True)
class Published:
    row: int
    id: str
    place: str
    printed: str
    note: str


HIDDEN = "disembunyikan di edisi publik"


@dataclass(frozen=True)
class Outcome:
    item: Published
    computed: str
    matches: bool
    hidden: bool = False  # a count the public edition hides (k = 3): neither match nor not

    @property
    def status(self) -> str:
        if self.hidden:
            return HIDDEN
        if self.matches:
            return "cocok"
        return "beda (dijelaskan)" if self.item.note else "BEDA"

    @property
    def unexplained(self) -> bool:
        return not (self.matches or self.hidden or self.item.note)


_DASHES = ("-", "–", "—", "−")  # "no value", however it is typed
_SPACES = re.compile(r"[\s\u00a0\u2007\u2009\u202f]+")
# Indonesian figures: "." groups thousands, "," starts the decimals ("4.826.057.000,50").
_NUMBER = re.compile(r"(?<![\d.,])[-−]?\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.,])|[-−]?\d+(?:,\d+)?")


def _number(match: re.Match[str]) -> str:
    text = match.group(0).replace("−", "-").replace(".", "").replace(",", ".")
    canonical = format(Decimal(text).normalize(), "f")
    return "0" if canonical in ("-0", "0") else canonical.replace(".", ",")


def normalise(text: str) -> str:
    """Compare figures, not typography.

    'Rp. 4.826.057.000,00' ~ '4826057000'; '80,00%' ~ '80 %' ~ '80'; '79,860' ~ '79,86';
    non-breaking and thin spaces, letter case and the spacing of units do not count. A dot
    before exactly three digits groups thousands (Indonesian), so '1.000' is a thousand.
    """
    text = _SPACES.sub(" ", text).strip()
    if text in _DASHES:
        return "-"
    # Thin/non-breaking spaces between digit groups ("4 826 057") are thousands separators.
    text = (
        re.sub(r"(?<=\d) (?=\d{3}(?!\d))", ".", text) if re.fullmatch(r"[\d .,]+", text) else text
    )
    text = re.sub(r"^Rp\.?\s*", "", text, flags=re.IGNORECASE)
    text = text.replace("%", " ")
    text = _NUMBER.sub(_number, text)
    return _SPACES.sub(" ", text).strip().casefold()


def read_published(path: Path, shown: str) -> list[Published]:
    if not path.is_file():
        raise InputError(
            [
                Problem(
                    shown,
                    "berkas angka terbitan tidak ditemukan",
                    fix="periksa jalur berkas (relatif terhadap folder proyek)",
                )
            ]
        )
    # The strict reader of every data CSV: UTF-8, quotes closed on their line, no invisible
    # characters, bounded cells, each problem with its line and column.
    raw, problems = read_csv_text(path, shown)
    if raw is None or any(p.severity == "error" for p in problems):
        raise InputError(problems)
    if raw.header != COLUMNS:
        raise InputError(
            [
                Problem(
                    shown,
                    f"kolom harus {', '.join(COLUMNS)}",
                    row=1,
                    value=",".join(raw.header),
                    fix="gunakan baris judul persis seperti itu",
                )
            ]
        )
    return [
        Published(
            int(line),
            str(r["id"]).strip(),
            str(r["tempat"]).strip(),
            str(r["terbitan"]).strip(),
            str(r["catatan"] or "").strip(),
        )
        for line, (_, r) in zip(raw.lines, raw.cells.iterrows(), strict=True)
    ]


def reconcile(registry: Registry, items: list[Published], shown: str) -> list[Outcome]:
    unknown = [
        Problem(
            shown,
            f"id nilai '{p.id}' tidak dikenal",
            row=p.row,
            column="id",
            value=p.id,
            fix="cari id yang benar dengan `lkj trace PARAMS --search KATA`",
        )
        for p in items
        if p.id not in registry
    ]
    if unknown:
        raise InputError(unknown)
    out = []
    for p in items:
        value = registry[p.id]
        if smallcells.is_suppressed(value):
            out.append(Outcome(p, value.display, False, hidden=True))
            continue
        shown_forms = {normalise(value.display), normalise(value.display_with_unit)}
        out.append(Outcome(p, value.display_with_unit, normalise(p.printed) in shown_forms))
    return out
