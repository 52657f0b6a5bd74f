"""`lkj check` on the analyst's texts (data/<unit>/<year>/teks/tw<Q>/**.md, teks/tahunan/**.md).

What the build would refuse, or print wrongly, is found here first with line and column:
  - `{{ id }}` naming no value (with the closest ids as suggestion; the build fails on it);
  - braces that are not a whole `{{ id }}` (`{{ id }`, `{ id }}`, unclosed: printed literally);
  - a figure typed by hand ("sebanyak 7.886 orang"): it would not follow the data.
Allowed numbers (the exact rule, also in data/README.md "Texts"): years 1900–2100 (and ranges
such as 2025–2029), the day of a date written with its month name ("20 s.d. 23 Mei 2025"),
the number after a reference word (Nomor, No., Tahun, Pasal, Ayat, Bab, Lampiran, Tabel, Gambar,
Triwulan, Semester, tanggal, ke-), after an all-capital code word ("IKU 5", "STIKES 17"), list
numbers at the start of a line ("1. ", "2) "), and digits inside a word ("BP3MI", "P2MI").
HTML comments (the `lkj new-quarter` prompt) are not read. Raw HTML, raw blocks and links are
checked elsewhere (their own functions), so each rule stays one small function.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from pathlib import Path

from lkj.book import texts
from lkj.errors import Problem
from lkj.inputs.annual import text_dir as annual_text_dir
from lkj.inputs.params import Run

COMMENT = re.compile(r"<!--.*?-->", re.S)
MONTHS = (
    "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
    "jan|feb|mar|apr|jun|jul|agu|agt|sep|okt|nov|des"
)
REFERENCE_WORDS = (
    "nomor|no\\.|nomer|tahun|pasal|ayat|bab|lampiran|tabel|gambar|triwulan|semester|tanggal|"
    "tgl\\.|huruf|butir|ke-|tw"
)
# A number: digits, optionally grouped or with decimals ("7.886", "87,5"), not inside a word.
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
YEAR = re.compile(r"(19|20)\d\d|2100")
_DAY_AFTER = re.compile(
    rf"^\s*(?:(?:s\.?d\.?|sampai(?: dengan)?|hingga|dan|-|–|—)\s*\d{{1,2}}\s*)?(?:{MONTHS})\b",
    re.I,
)
_REF_BEFORE = re.compile(rf"(?:^|[\s(])(?:{REFERENCE_WORDS})\s*$", re.I)
_CODE_BEFORE = re.compile(r"(?:^|[\s(/])[A-Z][A-Z0-9]+[\s\-]?$")
_LIST_START = re.compile(r"^\s*(?:[-*+]\s+)?\d+(?=[.)]\s)")
_DAY = re.compile(r"\d{1,2}")
_FIX_NUMBER = (
    "kutip angka sebagai {{ id.nilai }} (daftar id: lkj compute PARAMS) atau tulis dengan kata; "
    "tahun, tanggal, nomor peraturan, nomor daftar dan kode (IKU 5) boleh diketik"
)


def quarter_texts(run: Run) -> list[Path]:
    """Every Markdown file of the run's text folder, sorted: teks/tw<Q>/ (iku/ included), or
    teks/tahunan/ (sebab/, program/ included) for the annual book."""
    folder = annual_text_dir(run) if run.params.kind == "tahunan" else texts.text_dir(run)
    return sorted(folder.rglob("*.md")) if folder.is_dir() else []


def _blank_comments(text: str) -> str:
    """The text with HTML comments replaced by spaces (line breaks kept: positions stay)."""
    return COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _positions(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def unknown_ids(shown: str, text: str, known: Iterable[str]) -> list[Problem]:
    """`{{ id }}` naming no value of the run; suggests close ids."""
    ids = sorted(set(known))
    found = []
    for match in texts.PLACEHOLDER.finditer(_blank_comments(text)):
        name = match.group(1)
        if name in ids:
            continue
        line, column = _positions(text, match.start())
        close = difflib.get_close_matches(name, ids, n=3, cutoff=0.75)
        fix = (
            f"maksudnya {' atau '.join(close)}?"
            if close
            else "pakai id dari `lkj compute PARAMS` atau hapus rujukan ini"
        )
        found.append(
            Problem(
                shown,
                f"nilai '{name}' tidak dikenal",
                fix=fix,
                row=line,
                column=str(column),
                value=match.group(0),
            )
        )
    return found


def malformed_braces(shown: str, text: str) -> list[Problem]:
    """Braces left once every whole `{{ id }}` is taken out: the build would print them."""
    plain = texts.PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), _blank_comments(text))
    found = []
    for match in re.finditer(r"\{+[^{}\n]{0,60}\}*|\}+", plain):
        line, column = _positions(text, match.start())
        found.append(
            Problem(
                shown,
                "kurung kurawal tidak lengkap: rujukan nilai ditulis {{ id }}",
                fix="tulis dua kurung kurawal di kedua sisi, mis. {{ iku01.tw1.realisasi }}, "
                "atau hapus kurung kurawalnya",
                row=line,
                column=str(column),
                value=match.group(0).strip(),
            )
        )
    return found


def _allowed(line: str, start: int, end: int, token: str) -> bool:
    before, after = line[:start], line[end:]
    if YEAR.fullmatch(token):
        return True
    if _DAY.fullmatch(token) and _DAY_AFTER.match(after):
        return True
    if _REF_BEFORE.search(before) or _CODE_BEFORE.search(before):
        return True
    listed = _LIST_START.match(line)
    return listed is not None and listed.end() == end


def typed_numbers(shown: str, text: str) -> list[Problem]:
    """Figures typed outside `{{ }}` (see the module docstring for the numbers allowed)."""
    plain = texts.PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), _blank_comments(text))
    plain = re.sub(r"`[^`\n]*`|\]\([^)\n]*\)", lambda m: " " * len(m.group(0)), plain)
    found = []
    for number, line in enumerate(plain.split("\n"), start=1):
        for match in NUMBER.finditer(line):
            if _allowed(line, match.start(), match.end(), match.group(0)):
                continue
            found.append(
                Problem(
                    shown,
                    "angka diketik langsung di teks; tidak ikut berubah bila data berubah",
                    fix=_FIX_NUMBER,
                    row=number,
                    column=str(match.start() + 1),
                    value=match.group(0),
                )
            )
    return found


def text_problems(run: Run, known: Iterable[str]) -> list[Problem]:
    """Every error of the quarter's texts (unreadable, unknown id, braces, typed figures)."""
    ids = set(known)
    found: list[Problem] = []
    for path in quarter_texts(run):
        shown = run.shown(path)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            found.append(
                Problem(
                    shown,
                    f"bukan teks UTF-8 (byte ke-{exc.start + 1})",
                    fix="simpan ulang berkas sebagai UTF-8",
                )
            )
            continue
        found += unknown_ids(shown, text, ids)
        found += malformed_braces(shown, text)
        found += typed_numbers(shown, text)
    return found
