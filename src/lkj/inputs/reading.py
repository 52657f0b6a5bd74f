"""CSV bytes → text cells: decoding, the CSV reader, header and row-width checks.

Nothing is guessed here: every cell stays text, with the line its record starts on, so the
problems of lkj.inputs.validation can quote what the analyst wrote.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from lkj.errors import Problem
from lkj.inputs import strictcsv

# (line the record starts on, its cells) of every record after the header
_Rows = list[tuple[int, list[str]]]


@dataclass
class RawCsv:
    """A CSV file as text cells, with the line each record starts on."""

    header: list[str]
    cells: pd.DataFrame
    lines: pd.Series


def _decode(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw  # Excel's BOM is fine
    try:
        return body.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        start = body.rfind(b"\n", 0, exc.start) + 1
        end = body.find(b"\n", exc.start)
        text = body[start : end if end >= 0 else len(body)].decode("utf-8", "replace").rstrip()
        header = body.split(b"\n", 1)[0].decode("utf-8", "replace").strip().split(",")
        prefix = body[start : exc.start].decode("utf-8", "replace")
        column_at = len(next(csv.reader([prefix]), [""])) - 1  # quoted commas do not count
        column = header[column_at] if line > 1 and column_at < len(header) else None
        return None, [
            Problem(
                shown,
                f"berkas bukan UTF-8: byte {body[exc.start]:#04x} tidak terbaca "
                "(biasanya huruf beraksen dari Excel 'CSV (dibatasi koma)' biasa)",
                fix="simpan ulang dari Excel sebagai 'CSV UTF-8 (dibatasi koma)'",
                row=line,
                column=column,
                value=text,
            )
        ]


def read_csv_text(
    path: Path, shown: str, numeric: Mapping[str, str] | None = None, *, data: bytes | None = None
) -> tuple[RawCsv | None, list[Problem]]:
    """Every cell as text (nothing guessed), or the problems that stop the file being read.

    numeric: number columns of the file ("int" or "number"), so a decimal comma that split a
    number into two cells is explained for the column it belongs to. data: the file's bytes,
    when the caller has read them already.
    """
    text, problems = _decode(path.read_bytes() if data is None else data, shown)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [
            Problem(
                shown,
                "berkas kosong (bahkan tanpa baris header)",
                fix="tulis setidaknya baris header; dataset tanpa data = berkas berisi header saja",
                row=1,
            )
        ]
    header, rows, problems = _records(text, shown)
    if header is None:  # only separators, e.g. ",,,"
        return None, problems or [
            Problem(
                shown,
                "berkas tidak berisi baris header",
                fix="tulis nama kolom di baris 1 (lihat data/README.md)",
                row=1,
            )
        ]
    header_problems = _header_check(header, shown)
    if header_problems:
        return None, problems + header_problems
    raw, found = _cells(header, rows, shown, numeric or {})
    return raw, problems + found


def _records(text: str, shown: str) -> tuple[list[str] | None, _Rows, list[Problem]]:
    """(header, [(line, record)], problems) without blank rows; strict about quotes.

    After a record the csv module refuses, reading goes on with the next line, so every
    broken line of the file is reported at once (lkj.inputs.strictcsv says what is wrong).
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    header: list[str] | None = None
    rows: _Rows = []
    problems: list[Problem] = []
    last = 0  # physical line where the previous record ended
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            start, last = last + 1, reader.line_num
            problems.append(strictcsv.reader_problem(str(exc), lines, start, last, header, shown))
            continue
        start, last = last + 1, reader.line_num
        if not record or all(not c.strip() for c in record):
            continue  # blank lines and Excel's ",,,," rows carry nothing
        if last > start:  # a quoted cell ran over the end of its line
            at = next((i for i, c in enumerate(record) if "\n" in c or "\r" in c), None)
            column = header[at] if header and at is not None and at < len(header) else None
            problems.append(strictcsv.unclosed_problem(start, last, column, shown))
            continue
        if header is None:
            problems += strictcsv.cell_problems(record, start, record, shown)
            header = [c.strip() for c in record]
            continue
        rows.append((start, record))
    return header, rows, problems


def _header_check(header: list[str], shown: str) -> list[Problem]:
    delimiter = _foreign_delimiter(header)
    if delimiter:
        return [
            Problem(
                shown,
                f"pemisah kolom adalah {_DELIMITER_NAMES[delimiter]}, bukan koma",
                fix="simpan ulang dari Excel sebagai 'CSV UTF-8 (dibatasi koma)', atau ganti "
                f"setiap {_DELIMITER_NAMES[delimiter]} dengan koma",
                row=1,
                value=header[0],
            )
        ]
    return _header_problems(header, shown)


def _cells(
    header: list[str], rows: _Rows, shown: str, numeric: Mapping[str, str]
) -> tuple[RawCsv, list[Problem]]:
    """The records as a text frame; a record of the wrong width, or with a cell the reader
    refuses (invisible characters, too long), is a problem and left out."""
    problems: list[Problem] = []
    kept, kept_lines = [], []
    for line, record in rows:
        # Excel pads short rows with trailing empty cells; only real values count.
        while len(record) > len(header) and not record[-1].strip():
            record = record[:-1]
        refused = strictcsv.cell_problems(record, line, header, shown)
        problems += refused
        if len(record) == len(header):
            if not refused:
                kept.append(record)
                kept_lines.append(line)
            continue
        fix, column = _ragged_fix(record, header, numeric)
        problems.append(
            Problem(
                shown,
                f"baris ini berisi {len(record)} sel, padahal header berisi {len(header)} kolom",
                fix=fix,
                row=line,
                column=column,
                value=",".join(record),
            )
        )
    cells = pd.DataFrame(kept, columns=header, dtype="str")
    if not kept:
        cells = pd.DataFrame({h: pd.Series([], dtype="str") for h in header})
    return RawCsv(header, cells, pd.Series(kept_lines, index=cells.index, dtype="int64")), problems


_DELIMITER_NAMES = {";": "titik koma (;)", "\t": "tab"}


def _ragged_fix(
    record: list[str], header: list[str], numeric: Mapping[str, str]
) -> tuple[str, str | None]:
    """(fix, column) for a record of the wrong width; a split number names its column."""
    if len(record) < len(header):
        return "lengkapi sel yang kurang (sel kosong tetap ditulis, dipisah koma)", None
    # Cells i and i+1 that read as one number split at a comma; with exactly one extra cell
    # the number belongs to header[i], so prefer a number column there (nilai: "2,87,5").
    splits = [
        i
        for i, (left, right) in enumerate(itertools.pairwise(record))
        if re.fullmatch(r"[+-]?\d+", left.strip()) and re.fullmatch(r"\d+", right.strip())
    ]
    if not splits:
        return (
            'apit teks yang mengandung koma dengan tanda kutip ganda, mis. "Kab. A, Kec. B"',
            None,
        )
    fits = len(record) == len(header) + 1

    def plausible(i: int) -> bool:  # a decimal column, or thousands in a whole-number column
        kind = numeric.get(header[i]) if fits and i < len(header) else None
        return kind == "number" or (kind == "int" and len(record[i + 1].strip()) == 3)

    in_numbers = [i for i in splits if plausible(i)]
    at = in_numbers[0] if len(in_numbers) == 1 else splits[0]
    left, right = record[at].strip(), record[at + 1].strip()
    column = header[at] if fits and (len(in_numbers) == 1 or len(splits) == 1) else None
    if column is not None and numeric.get(column) == "int":
        return f"pemisah ribuan memecah angka {left},{right}: tulis {left}{right}", column
    return (
        f"angka berkoma desimal memecah sel ({left},{right}): tulis {left}.{right} "
        "(titik sebagai pemisah desimal) atau hapus pemisah ribuan",
        column,
    )


def _foreign_delimiter(header: list[str]) -> str | None:
    if len(header) == 1:
        if ";" in header[0]:
            return ";"
        if "\t" in header[0]:
            return "\t"
    return None


def _header_problems(header: list[str], shown: str) -> list[Problem]:
    found = []
    for i, name in enumerate(header):
        if not name:
            found.append(
                Problem(
                    shown,
                    f"kolom ke-{i + 1} tidak bernama",
                    fix="beri nama kolom di baris header atau hapus kolom kosong itu",
                    row=1,
                )
            )
        elif name in header[:i]:
            found.append(
                Problem(
                    shown,
                    "nama kolom muncul dua kali",
                    fix="hapus salah satu kolom atau perbaiki namanya",
                    row=1,
                    column=name,
                )
            )
    return found
