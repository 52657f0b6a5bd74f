"""The HTML pages' fragment memo (render/html.py Fragments): after a text edit only the changed
chapter goes through pandoc again, and every page is byte for byte what writing without the
memo gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lkj.render import html, pandoc
from lkj.render.assemble import BookDoc, BookMeta, ChapterDoc
from lkj.render.quarto import Chapter

TEXTS = {
    "index": "Kata pengantar.\n\nKalimat kedua.",
    "bab1": "# Pendahuluan {#sec-pendahuluan}\n\nIsi bab satu.",
    "bab2": "# Akuntabilitas {#sec-akuntabilitas}\n\n| a | b |\n|---|---|\n| 1 | 2 |",
}


def chapter_doc(stem: str, text: str) -> ChapterDoc:
    ast = json.loads(pandoc.run_pandoc(["-f", "markdown", "-t", "json"], text.encode()))
    chapter = Chapter(Path(f"/nb/{stem}.ipynb"), f"notebooks/{stem}.ipynb", front=stem == "index")
    return ChapterDoc(chapter, f"{stem}.html", stem.title(), [], ast, {})


def book(texts: dict[str, str]) -> BookDoc:
    return BookDoc([chapter_doc(s, t) for s, t in texts.items()], [], {}, [])


def pages(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.html")}


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A fresh memo, and the chapters pandoc was run for (the real pandoc still runs)."""
    monkeypatch.setattr(html, "FRAGMENTS", html.Fragments())
    seen: list[str] = []
    real = pandoc.run_pandoc

    def counting(args: list[str], stdin: bytes | None = None, what: str = "pandoc") -> bytes:
        seen.append(what)
        return real(args, stdin, what)

    monkeypatch.setattr(pandoc, "run_pandoc", counting)
    return seen


def test_a_text_edit_rewrites_only_its_chapter_and_gives_the_bytes_of_no_memo(
    tmp_path: Path, calls: list[str]
) -> None:
    meta = BookMeta(title="Laporan Kinerja", unit="Unit Uji")
    before = book(TEXTS)
    edited = {**TEXTS, "index": TEXTS["index"] + "\n\nKalimat baru yang ditambahkan."}
    after, again = book(edited), book(edited)
    calls.clear()
    html.write_html(before, meta, tmp_path / "first", pdf_name="uji.pdf")
    assert sorted(calls) == sorted(f"notebooks/{s}.ipynb" for s in TEXTS)

    calls.clear()
    html.write_html(after, meta, tmp_path / "memo", pdf_name="uji.pdf")
    assert calls == ["notebooks/index.ipynb"]  # the other chapters' ASTs are unchanged

    def unmemoised(doc: ChapterDoc) -> str:
        return pandoc.write(doc.html, "html5", what=doc.chapter.rel)

    html.write_html(again, meta, tmp_path / "plain", pdf_name="uji.pdf", convert=unmemoised)
    first, memo, plain = (pages(tmp_path / n) for n in ("first", "memo", "plain"))
    assert memo == plain
    assert "Kalimat baru yang ditambahkan." in memo["index.html"].decode()
    assert "Kalimat baru" not in first["index.html"].decode()
    assert memo["bab2.html"] == first["bab2.html"]


def test_memo_keeps_only_the_latest_fragments_of_each_chapter(calls: list[str]) -> None:
    memo = html.Fragments(per_chapter=2)
    versions = [chapter_doc("c0", f"Teks {i}.") for i in range(3)]  # one chapter, three edits
    other = chapter_doc("c1", "Teks lain.")
    calls.clear()
    for doc in [other, *versions]:
        memo.write(doc)
    memo.write(versions[2])  # the most recent of c0: kept
    memo.write(other)  # another chapter's only fragment: not pushed out by c0's edits
    memo.write(versions[0])  # c0's oldest: dropped, written again
    assert calls == ["notebooks/c1.ipynb", *["notebooks/c0.ipynb"] * 4]
