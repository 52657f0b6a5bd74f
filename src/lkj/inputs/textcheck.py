"""The analyst's Markdown texts stay text: formatting yes, markup of any target no.

Emphasis, lists, paragraphs, headings, tables and http(s)/mailto links are fine. Refused,
with the line: raw HTML (any tag: `<script>`, `<img onerror=…>`, `<iframe …>`), raw blocks
and inlines for any format (```` ```{=html} ````, `` `x`{=typst} ``), attributes and fenced
divs (`[x]{onclick=…}`, `::: {…}`: they would write HTML attributes or fake a traced value),
and links to anything but http, https and mailto (`javascript:`, `data:`, `file:`). HTML
comments (the prompts `lkj new-quarter` writes) are allowed; the book leaves them out.

The rules are deliberately stricter than pandoc's grammar (a `<b>` inside a code span is
refused too): a text that passes cannot hold markup whatever pandoc makes of it. `lkj check`
and every build run them (lkj.inputs.load), and lkj.book.texts once more before rendering.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from lkj.errors import Problem

ALLOWED_SCHEMES = ("http", "https", "mailto")
COMMENT = re.compile(r"<!--.*?-->", re.S)
# An unescaped "<" (after an even number of backslashes) that starts a tag, comment or link.
_ANGLE = re.compile(r"(?<!\\)(?:\\\\)*(<[A-Za-z/!?][^<>\n]*>?)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*):[^\s<>]*>|<[^\s<>@]+@[^\s<>@]+>")
_RAW = re.compile(r"\{\s*=[^}\n]*\}?")
_ATTRIBUTES = re.compile(r"\{[^{}\n]*=[^{}\n]*\}|\{\s*[.#][^{}\n]*\}")
_DIV = re.compile(r"^\s*:::")
_LINK = re.compile(r"\]\s*\(\s*<?\s*([^\s)>]+)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?\s*([^\s>]+)")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")

_FIX_HTML = (
    "hapus tag HTML; pakai format Markdown (*miring*, **tebal**, daftar dengan -); "
    "untuk menulis tanda < apa adanya tulis \\<"
)
_FIX_RAW = "hapus blok/inline mentah {=…}: teks laporan hanya Markdown biasa"
_FIX_ATTR = "hapus atribut {…} dan blok :::; pakai format Markdown biasa"


def without_comments(text: str) -> str:
    """The text with HTML comments removed, line numbers kept (their newlines stay)."""
    return COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _link_problem(url: str) -> str | None:
    """The refused scheme of a link target, or None (relative links and anchors are fine)."""
    plain = _INVISIBLE.sub("", html.unescape(url))  # browsers ignore tabs and newlines in URLs
    match = _SCHEME.match(plain)
    if match and match.group(1).lower() not in ALLOWED_SCHEMES:
        return match.group(1).lower()
    return None


def _link(shown: str, line: int, url: str, scheme: str) -> Problem:
    return Problem(
        shown,
        f"tautan '{scheme}:' tidak boleh (hanya http, https, mailto)",
        row=line,
        value=url,
        fix="pakai alamat https://…, atau hapus tautan ini",
    )


def _angle(shown: str, line: int, tag: str) -> Problem:
    auto = _AUTOLINK.fullmatch(tag)
    if auto:
        scheme = auto.group(1)
        if scheme and scheme.lower() not in ALLOWED_SCHEMES:
            return _link(shown, line, tag, scheme.lower())
        return Problem("", "")  # a plain autolink: fine
    return Problem(shown, "tag HTML tidak boleh dalam teks", row=line, value=tag, fix=_FIX_HTML)


def _line_problems(shown: str, line: int, text: str) -> list[Problem]:
    found = [_angle(shown, line, m.group(1)) for m in _ANGLE.finditer(text)]
    for m in _RAW.finditer(text):
        found.append(
            Problem(shown, "blok mentah tidak boleh", row=line, value=m.group(0), fix=_FIX_RAW)
        )
    masked = _RAW.sub("", text)
    for m in _ATTRIBUTES.finditer(masked):
        found.append(
            Problem(shown, "atribut tidak boleh", row=line, value=m.group(0), fix=_FIX_ATTR)
        )
    if _DIV.match(text):
        found.append(
            Problem(
                shown, "blok div (:::) tidak boleh", row=line, value=text.strip(), fix=_FIX_ATTR
            )
        )
    for m in [*_LINK.finditer(text), *_REFERENCE.finditer(text)]:
        scheme = _link_problem(m.group(1))
        if scheme:
            found.append(_link(shown, line, m.group(1), scheme))
    return [p for p in found if p.file]


def check_text(text: str, shown: str) -> list[Problem]:
    """Every markup problem of one text, each with its line."""
    found: list[Problem] = []
    for number, line in enumerate(without_comments(text).splitlines(), start=1):
        found += _line_problems(shown, number, line)
    return found


def check_texts(folder: Path, shown_of: dict[Path, str] | None = None) -> list[Problem]:
    """Every problem of every .md text below folder (a quarter's teks/tw<Q>)."""
    found: list[Problem] = []
    if not folder.is_dir():
        return found
    for path in sorted(folder.rglob("*.md")):
        shown = (shown_of or {}).get(path, str(path))
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # reading it is lkj.book.texts' business (and its message)
        found += check_text(text, shown)
    return found
