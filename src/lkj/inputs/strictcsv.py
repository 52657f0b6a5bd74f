"""What the CSV reader refuses beyond the csv module's own rules, each with line and column.

Python's csv reader is lenient where leniency changes a report without a word: an unbalanced
quote makes one cell of every line up to the next quote (two rows of kerjasama.csv vanished);
text after a closing quote is glued on; a NUL byte or a zero-width space makes an id look like
another; a 2 MB cell ends in "field larger than field limit". data/README.md's rule "one record
a line" makes all of these refusable: a record must start and end on its line, every quote
must close on it, and a cell holds at most MAX_CELL characters of visible text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lkj.errors import Problem

MAX_CELL = 32_767  # Excel's own limit for one cell
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_NAMES = {"\x00": "NUL", "\t": "tab", "\n": "ganti baris", "\r": "ganti baris (CR)"}
_QUOTE_FIX = (
    'tutup tanda kutip di akhir isi sel ini pada baris yang sama (mis. "Kab. A, Kec. B"), atau '
    "hapus tanda kutipnya; satu data satu baris, tanpa ganti baris (Alt+Enter) di dalam sel"
)


@dataclass(frozen=True)
class _Scan:
    """One physical line split by hand: what went wrong with its quotes, and its cell sizes."""

    unclosed: int | None  # index of the cell whose opening quote never closes
    after_quote: int | None  # index of the first cell with text after its closing quote
    lengths: list[int]


def _scan(line: str) -> _Scan:
    cell, lengths = 0, [0]
    quoted = closed = False
    opened: int | None = None
    after: int | None = None
    i = 0
    while i < len(line):
        char = line[i]
        if quoted:
            if char == '"' and line[i + 1 : i + 2] == '"':
                i += 1  # a doubled quote is one quote character
            elif char == '"':
                quoted, closed = False, True
                i += 1
                continue
            lengths[-1] += 1
        elif char == ",":
            cell, closed = cell + 1, False
            lengths.append(0)
        elif char == '"' and lengths[-1] == 0 and not closed:
            quoted, opened = True, cell
        else:
            if closed and after is None:
                after = cell
            lengths[-1] += 1
        i += 1
    return _Scan(opened if quoted else None, after, lengths)


def _column(header: list[str] | None, index: int | None) -> str | None:
    if header is None or index is None or index >= len(header):
        return None
    return header[index]


def reader_problem(
    error: str, lines: list[str], start: int, end: int, header: list[str] | None, shown: str
) -> Problem:
    """The csv module stopped on lines start..end (1-based): say which cell and why."""
    first = _scan(lines[start - 1] if start - 1 < len(lines) else "")
    if first.unclosed is not None:
        return unclosed_problem(start, end, _column(header, first.unclosed), shown)
    here = _scan(lines[end - 1] if end - 1 < len(lines) else "")
    if "field larger" in error:
        longest = max(range(len(here.lengths)), key=lambda i: here.lengths[i])
        return long_cell(end, _column(header, longest), here.lengths[longest], shown)
    return Problem(
        shown,
        "ada teks setelah tanda kutip penutup sel",
        fix="apit seluruh isi sel dengan tanda kutip ganda dan tulis tanda kutip di dalam teks "
        'dua kali, mis. "PT ""Maju"" Jaya"',
        row=end,
        column=_column(header, here.after_quote),
    )


def unclosed_problem(start: int, end: int, column: str | None, shown: str) -> Problem:
    swallowed = f": baris {start}–{end} terbaca sebagai satu sel" if end > start else ""
    return Problem(
        shown,
        f"tanda kutip di sel ini tidak ditutup pada barisnya{swallowed}",
        fix=_QUOTE_FIX,
        row=start,
        column=column,
    )


def long_cell(line: int, column: str | None, length: int, shown: str) -> Problem:
    return Problem(
        shown,
        f"sel terlalu panjang: {_dots(length)} karakter (paling banyak {_dots(MAX_CELL)}, "
        "batas Excel)",
        fix="periksa apakah sel ini menelan baris lain (tanda kutip); teks panjang ditulis di "
        "teks/tw<Q>/*.md, bukan di CSV",
        row=line,
        column=column,
    )


def _dots(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def cell_problems(record: list[str], line: int, header: list[str], shown: str) -> list[Problem]:
    """Overlong cells and invisible characters (NUL, control, zero-width) of one record."""
    found = []
    for index, cell in enumerate(record):
        column = _column(header, index) if line > 1 else None
        if len(cell) > MAX_CELL:
            found.append(long_cell(line, column, len(cell), shown))
            continue
        bad = _INVISIBLE.search(cell)
        if bad is None:
            continue
        char = bad.group()
        name = _NAMES.get(char, "karakter kendali tak terlihat")
        found.append(
            Problem(
                shown,
                f"sel berisi {name} (U+{ord(char):04X}) pada karakter ke-{bad.start() + 1}",
                fix="hapus karakter itu (biasanya terbawa saat menyalin dari PDF, web atau "
                "aplikasi lain): sel yang tampak sama bisa terbaca berbeda",
                row=line,
                column=column,
                value=cell,
            )
        )
    return found
