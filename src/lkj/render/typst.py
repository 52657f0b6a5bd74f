"""The PDF: every chapter in one typst document, compiled with the typst Python binding.

Layout of the generated main.typ (the style lives in resources/typst/lkj.typ):
  cover (no page number) → front-matter chapters (roman numbers) → Daftar Isi, Daftar Tabel,
  Daftar Lampiran → BAB I… (arabic, restarting at 1) → appendices.
Only typst's embedded fonts are used (system fonts ignored) and the creation timestamp is
fixed, so the same sources give a byte-identical PDF on any machine.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from lkj import paths
from lkj.book.tablespec import typst_str
from lkj.errors import BuildError
from lkj.render import pandoc
from lkj.render.assemble import BookDoc, BookMeta

STYLE = "lkj.typ"


def _raw(text: str) -> dict:
    return {"t": "RawBlock", "c": ["typst", text]}


def source_epoch(meta: BookMeta) -> int:
    """Creation time written into the PDF: SOURCE_DATE_EPOCH if set, else a fixed date.

    The typst binding ignores the environment variable, so it is read here. Without it the
    date is 1 January of the report year: fixed, and not a claim about when it was built.
    """
    env = os.environ.get("SOURCE_DATE_EPOCH")
    if env and env.strip().isdigit():
        return int(env)
    year = meta.year or 2000
    return int(dt.datetime(year, 1, 1, tzinfo=dt.UTC).timestamp())


def cover(meta: BookMeta) -> str:
    def opt(value: str | None) -> str:
        return typst_str(value) if value else "none"

    contact = "(" + "".join(f"{typst_str(c)}, " for c in meta.contact) + ")"
    return (
        "#lkj-cover(\n"
        f"  title: {typst_str(meta.title)},\n"
        f"  subtitle: {opt(meta.subtitle)},\n"
        f"  period: {opt(meta.period)},\n"
        f"  year: {meta.year if meta.year else 'none'},\n"
        f"  unit: {opt(meta.unit)},\n"
        f"  parent: {opt(meta.parent)},\n"
        f"  contact: {contact},\n"
        f"  internal: {'true' if meta.internal else 'false'},\n"
        ")\n"
    )


def _turns_landscape(blocks: list[dict]) -> bool:
    """Whether a chapter leaves the page landscape (lkj.book.display.lampiran(landscape=True))."""
    raw = [n["c"][1] for n in pandoc.nodes(blocks) if n["t"] == "RawBlock"]
    return any("set page(flipped: true)" in text for text in raw)


def typst_document(book: BookDoc, meta: BookMeta) -> str:
    """The complete main.typ text."""
    blocks: list[dict] = []
    lists_done = False
    lists = (
        f"#lkj-lists(tables: {str(book.has('tabel')).lower()}, "
        f"appendices: {str(book.has('lampiran')).lower()})"
    )
    mainmatter = '#set page(numbering: "1", flipped: false)\n#counter(page).update(1)'
    part: str | None = None
    landscape = False
    for doc in book.chapters:
        if not doc.chapter.front and not lists_done:
            blocks += [_raw(lists), _raw(mainmatter)]
            lists_done, landscape = True, False
        elif landscape:
            # A `set page` always starts a new page, so it is only written where needed:
            # after an appendix that turned the pages landscape.
            blocks.append(_raw("#set page(flipped: false)"))
        if doc.chapter.part and doc.chapter.part != part:
            # The part title is the chapter-level heading ("BAB II ..."); the notebooks of
            # the part are its sections (their headings were shifted down one level).
            blocks.append(_raw(f"#heading(level: 1, {typst_str(doc.chapter.part)})"))
        part = doc.chapter.part
        blocks.extend(doc.typst["blocks"])
        landscape = _turns_landscape(doc.typst["blocks"])
    if not lists_done:
        blocks.append(_raw(lists))
    like = book.chapters[0].typst
    body = pandoc.write(pandoc.empty_doc(blocks, like), "typst", what="typst")
    head = (
        f'#import "{STYLE}": *\n'
        "#show: lkj-book.with(\n"
        f"  title: {typst_str(meta.running)},\n"
        f"  running: {typst_str(meta.running)},\n"
        f"  author: {typst_str(meta.unit or '')},\n"
        f"  internal: {'true' if meta.internal else 'false'},\n"
        ")\n" + cover(meta) + '#set page(numbering: "i")\n#counter(page).update(1)\n\n'
    )
    return head + body


def compile_pdf(main: Path, root: Path, timestamp: int) -> tuple[bytes, list[str]]:
    """Compile main with typst in a child process (lkj.render.typst_worker); return the PDF
    and typst's warnings. Its layout memory goes away with the child."""
    out = main.with_suffix(".pdf")
    job = {"main": str(main), "root": str(root), "timestamp": timestamp, "out": str(out)}
    proc = subprocess.run(
        [sys.executable, "-m", "lkj.render.typst_worker"],
        input=json.dumps(job).encode("utf-8"),
        capture_output=True,
        check=False,
    )
    try:
        answer = json.loads(proc.stdout.decode("utf-8"))
    except ValueError:
        stderr = proc.stderr.decode("utf-8", "replace").strip()[-3000:]
        raise BuildError(
            f"typst gagal menyusun PDF (proses berhenti dengan kode {proc.returncode}): {stderr}"
            f"\n    sumber: {main}"
        ) from None
    if "error" in answer:
        error = answer["error"]
        hints = "; ".join(error.get("hints") or [])
        raise BuildError(
            f"typst gagal menyusun PDF: {error['message']}\n{error.get('diagnostic', '')}"
            + (f"\n    petunjuk: {hints}" if hints else "")
            + f"\n    sumber: {main}"
        )
    try:
        return out.read_bytes(), [str(w) for w in answer["warnings"]]
    finally:
        out.unlink(missing_ok=True)


def write_pdf(
    book: BookDoc,
    meta: BookMeta,
    work_dir: Path,
    pdf_path: Path,
    cache_dir: Path | None = None,
) -> list[str]:
    """Write main.typ (+ style, images) into work_dir and compile it; return typst warnings.

    With cache_dir, a PDF compiled before from exactly the same sources (main.typ, style,
    images, timestamp, typst version) is copied instead of compiling again. Both parts of
    the entry (book.pdf, warnings.json) are stored with their sha256 (lkj.files.write_verified):
    a damaged or incomplete entry is compiled again and rewritten, never published.
    """
    if work_dir.exists():
        shutil.rmtree(work_dir)
    work_dir.mkdir(parents=True)
    shutil.copyfile(paths.resource(f"typst/{STYLE}"), work_dir / STYLE)
    for name, data in book.images.items():
        target = work_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    main = work_dir / "main.typ"
    text = typst_document(book, meta)
    main.write_text(text, encoding="utf-8")
    entry: Path | None = None
    if cache_dir is not None:
        from importlib.metadata import version

        from lkj.render.cache import digest_bytes, lkj_digest, read_verified

        parts = [b"typst-pdf", lkj_digest().encode(), version("typst").encode()]
        parts += [str(source_epoch(meta)).encode(), text.encode("utf-8")]
        for name in sorted(book.images):
            parts += [name.encode(), book.images[name]]
        entry = cache_dir / digest_bytes(*parts)
        cached_pdf = read_verified(entry / "book.pdf")
        try:
            cached_warnings = json.loads(read_verified(entry / "warnings.json") or b"")
        except ValueError:
            cached_warnings = None
        if cached_pdf is not None and isinstance(cached_warnings, list):
            pdf_path.parent.mkdir(parents=True, exist_ok=True)
            pdf_path.write_bytes(cached_pdf)  # the verified bytes, not the file again
            return [str(w) for w in cached_warnings]
        # not compiled before, or a damaged or incomplete entry: compile
    pdf, messages = compile_pdf(main, work_dir, source_epoch(meta))
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    pdf_path.write_bytes(pdf)
    shown = [f"typst: {m}" for m in messages]
    if entry is not None:
        from lkj.render.cache import write_verified

        # The PDF first, the warnings last: an entry counts only once warnings.json and its
        # sha256 exist, and each part only while it still has that sha256.
        write_verified(entry / "book.pdf", pdf)
        write_verified(entry / "warnings.json", json.dumps(shown).encode("utf-8"))
    return shown
