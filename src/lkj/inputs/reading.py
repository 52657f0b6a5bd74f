"""CSV bytes → text cells: decoding, the CSV reader, header and row-width checks.

Nothing is guessed here: every cell stays text, with the line its record starts on, so the
problems of lkj.inputs.validation can quote what the analyst wrote.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from lkj.errors import Problem

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


def read_csv_text(path: Path, shown: str) -> tuple[RawCsv | None, list[Problem]]:
    """Every cell as text (nothing guessed), or the problems that stop the file being read."""
    text, problems = _decode(path.read_bytes(), shown)
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
    records = _records(text, shown)
    if isinstance(records, Problem):
        return None, [records]
    header, rows = records
    if header is None:  # only separators, e.g. ",,,"
        return None, [
            Problem(
                shown,
                "berkas tidak berisi baris header",
                fix="tulis nama kolom di baris 1 (lihat data/README.md)",
                row=1,
            )
        ]
    problems = _header_check(header, shown)
    if problems:
        return None, problems
    return _cells(header, rows, shown)


def _records(
    text: str, shown: str
) -> tuple[list[str] | None, list[tuple[int, list[str]]]] | Problem:
    """(header, [(line, record)]) without blank rows, or the problem that stops the reader."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    rows: _Rows = []
    last = 0  # physical line where the previous record ended
    try:
        for record in reader:
            start, last = last + 1, reader.line_num
            if not record or all(not c.strip() for c in record):
                continue  # blank lines and Excel's ",,,," rows carry nothing
            if header is None:
                header = [c.strip() for c in record]
                continue
            rows.append((start, record))
    except csv.Error as exc:
        return Problem(
            shown,
            f"CSV tidak dapat dibaca: {exc}",
            fix="periksa tanda kutip pada baris ini: teks berkoma diapit tanda kutip ganda",
            row=reader.line_num,
        )
    return header, rows


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


def _cells(header: list[str], rows: _Rows, shown: str) -> tuple[RawCsv, list[Problem]]:
    """The records as a text frame; a record of the wrong width is a problem and left out."""
    problems: list[Problem] = []
    kept, kept_lines = [], []
    for line, record in rows:
        # Excel pads short rows with trailing empty cells; only real values count.
        while len(record) > len(header) and not record[-1].strip():
            record = record[:-1]
        if len(record) == len(header):
            kept.append(record)
            kept_lines.append(line)
            continue
        problems.append(
            Problem(
                shown,
                f"baris ini berisi {len(record)} sel, padahal header berisi {len(header)} kolom",
                fix=_ragged_fix(record, len(header)),
                row=line,
                value=",".join(record),
            )
        )
    cells = pd.DataFrame(kept, columns=header, dtype="str")
    if not kept:
        cells = pd.DataFrame({h: pd.Series([], dtype="str") for h in header})
    return RawCsv(header, cells, pd.Series(kept_lines, index=cells.index, dtype="int64")), problems


_DELIMITER_NAMES = {";": "titik koma (;)", "\t": "tab"}


def _ragged_fix(record: list[str], width: int) -> str:
    if len(record) < width:
        return "lengkapi sel yang kurang (sel kosong tetap ditulis, dipisah koma)"
    for left, right in itertools.pairwise(record):
        if re.fullmatch(r"\d+", left.strip()) and re.fullmatch(r"\d+", right.strip()):
            return (
                f"angka berkoma desimal memecah sel ({left},{right}): tulis {left}.{right} "
                "(titik sebagai pemisah desimal) atau hapus pemisah ribuan"
            )
    return 'apit teks yang mengandung koma dengan tanda kutip ganda, mis. "Kab. A, Kec. B"'


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
