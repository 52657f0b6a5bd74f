"""LibreOffice's page measurement reused when the Word edition's layout cannot have changed.

Measuring the pages (docx_pages) is most of the DOCX's time (≈ 4–5 s of CPU for the Jawa
Tengah book), and Lampiran Jejak Angka prints every data file's sha256, so every data change
makes a new DOCX. The measurement is therefore stored under a key of the document LibreOffice
lays out with its digests masked (docx_digests.masked: monospace, same length, alone in
their paragraphs, so the same room whatever the digits) and everything else as it is: every
other part and byte of the package, the pictures, the LibreOffice version, the installed
fonts, the lkj source. A document that differs from a measured one only in digests gets its
page numbers from the stored measurement; the published DOCX still has its own digests. Any
other difference (a longer text, one more row, another number) is another key: measured
again.

Reuse only where the proof holds on this machine: the digests' font must resolve to a
monospace font (fontconfig's answer, which LibreOffice follows for a font it has not got);
without fontconfig's tools the pages are always measured.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from functools import cache
from pathlib import Path

from lkj import paths
from lkj.render.docx_digests import MONO, masked
from lkj.render.docx_pages import Measured, soffice_version

MONOSPACE = "100"  # fontconfig's FC_MONO


@cache
def fonts() -> str | None:
    """What the layout's fonts depend on, or None when the digests' font is not known to be
    monospace here (then nothing is reused)."""
    match, listing = shutil.which("fc-match"), shutil.which("fc-list")
    if match is None or listing is None:
        return None
    try:
        mono = subprocess.run(
            [match, "-f", "%{file}|%{spacing}", MONO], capture_output=True, text=True, timeout=60
        ).stdout
        installed = subprocess.run(
            [listing, "--format", "%{file}|%{family}|%{style}\n"],
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    if mono.rpartition("|")[2] != MONOSPACE:
        return None
    return mono + "\n" + "\n".join(sorted(installed.splitlines()))


def layout_key(docx: bytes) -> str | None:
    """The key of the document's layout (see the module docstring); None: do not reuse."""
    from lkj.render.cache import digest_bytes, lkj_digest  # with the cache FORMAT

    found = fonts()
    if found is None:
        return None
    parts = [b"docx-pages", lkj_digest().encode(), soffice_version().encode(), found.encode()]
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        for name in sorted(z.namelist()):
            data = z.read(name)
            if name == "word/document.xml":
                data = masked(data.decode("utf-8")).encode("utf-8")
            parts += [name.encode("utf-8"), data]
    return digest_bytes(*parts)


def _entry(cache_dir: Path, key: str) -> Path:
    return paths.cache_part(cache_dir, "docx") / f"{key}.pages.json"


def stored(cache_dir: Path, key: str) -> Measured | None:
    """The measurement stored under key, or None (a miss: absent, damaged, unreadable)."""
    from lkj.render.cache import read_verified

    data = read_verified(_entry(cache_dir, key))
    if data is None:
        return None
    try:
        entry = json.loads(data)
        pages = {str(k): str(v) for k, v in entry["pages"].items()}
        count = int(entry["page_count"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return Measured(pages, count, None) if pages else None


def store(cache_dir: Path, key: str, measured: Measured) -> None:
    from lkj.render.cache import write_verified

    entry = {"pages": measured.pages, "page_count": measured.page_count}
    write_verified(_entry(cache_dir, key), json.dumps(entry, sort_keys=True).encode("utf-8"))
