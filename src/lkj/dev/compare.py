"""`make compare BASE=REV`: does a refactor leave every book as it was?

    python -m lkj.dev.compare --base REV [--base-output DIR] [PARAMS ...]

Builds every params file (default: all of params/) with the code of git revision REV (in a
temporary worktree with its own venv, or reuses `--base-output`, a folder of that revision's
`_output/`) and with the working tree, then compares per run:

- values.json: the same value ids (old ids mapped through docs/values.md's rename table),
  each with the same value, display, label, unit and kind; the build record, file hashes
  and code locations (function, file, line) are left aside: they name the code, not the book;
- the PDF's text and the HTML pages' text, page by page, after the same id mapping and with
  code locations (`lkj.…` names, `src/lkj/….py:N`) and hex digests masked.

Prints a table and every difference; exits 1 if any run differs.
"""

from __future__ import annotations

import argparse
import html.parser
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lkj import paths

# Old value-id families → new (docs/values.md, "Renamed ids").
ID_RENAMES = {
    "lampiran2.": "penempatan.",
    "lampiran3.": "pengaduan.",
    "lampiran4.": "kepulangan.",
    "lampiran5.": "verifikasi.",
}
VALUE_FIELDS = ("value", "display", "display_with_unit", "label", "unit", "kind")
# No \b: PDF text extraction may glue an id to the word before it ("jumlahlampiran5.…").
_ID_RE = re.compile(r"lampiran([2-5])\.(?=[a-z_])")
_CODE_RE = re.compile(r"\b(?:src/)?lkj[./][A-Za-z_./]+(?:\.py)?(?::\d+)?")
_HEX_RE = re.compile(r"\b[0-9a-f]{7,64}\b")


def new_id(old: str) -> str:
    for before, after in ID_RENAMES.items():
        if old.startswith(before):
            return after + old[len(before) :]
    return old


def normalise_text(text: str) -> str:
    text = _ID_RE.sub(lambda m: ID_RENAMES[f"lampiran{m.group(1)}."], text)
    text = _CODE_RE.sub("«kode»", text)
    text = _HEX_RE.sub("«hash»", text)
    return re.sub(r"[ \t]+", " ", text).strip()


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag in ("p", "div", "tr", "li", "h1", "h2", "h3", "h4", "br", "td", "th"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    lines = (line.strip() for line in "".join(parser.parts).splitlines())
    return "\n".join(normalise_text(line) for line in lines if line)


def pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(path).pages:
        lines = (page.extract_text() or "").splitlines()
        pages.append("\n".join(normalise_text(line) for line in lines if line.strip()))
    return pages


@dataclass
class RunDiff:
    run: str
    values: int = 0
    value_diffs: list[str] = field(default_factory=list)
    pdf_pages: tuple[int, int] = (0, 0)
    pdf_diffs: list[str] = field(default_factory=list)
    pdf_layout: list[int] = field(default_factory=list)  # pages whose line breaks moved
    html_pages: int = 0
    html_diffs: list[str] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return not (self.value_diffs or self.pdf_diffs or self.html_diffs)


def compare_values(base: Path, head: Path, diff: RunDiff) -> None:
    old = {new_id(k): v for k, v in json.loads(base.read_text())["values"].items()}
    new = json.loads(head.read_text())["values"]
    diff.values = len(new)
    for vid in sorted(old.keys() - new.keys()):
        diff.value_diffs.append(f"nilai hilang: {vid}")
    for vid in sorted(new.keys() - old.keys()):
        diff.value_diffs.append(f"nilai baru: {vid}")
    for vid in sorted(old.keys() & new.keys()):
        for name in VALUE_FIELDS:
            a, b = old[vid].get(name), new[vid].get(name)
            if name == "label" and isinstance(a, str):
                a = normalise_text(a)
                b = normalise_text(b) if isinstance(b, str) else b
            if a != b:
                diff.value_diffs.append(f"{vid}.{name}: {a!r} → {b!r}")


def _line_diff(where: str, a: str, b: str, out: list[str]) -> None:
    import difflib

    if a == b:
        return
    lines = difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
    body = [line for line in lines if not line.startswith(("---", "+++", "@@"))]
    out.append(f"{where}:\n    " + "\n    ".join(body[:12]))


def _words(pages: list[str]) -> str:
    """The document's words without page furniture: running heads, repeated table headers
    and page numbers are lines that stand on several pages; where a page break falls moves
    them between rows, which changes no word of the book."""
    counts: dict[str, int] = {}
    for page in pages:
        for line in set(page.splitlines()):
            counts[line] = counts.get(line, 0) + 1
    furniture = {line for line, n in counts.items() if n >= 3 and len(line) >= 15}
    kept = [
        line
        for page in pages
        for line in page.splitlines()
        if line not in furniture and not re.fullmatch(r"[\divxlcIVXLC]+", line.strip())
    ]
    return re.sub(r"\s+", "", "".join(kept))


def compare_run(base_out: Path, head_out: Path, name: str) -> RunDiff:
    diff = RunDiff(name)
    b, h = base_out / name, head_out / name
    compare_values(b / "values.json", h / "values.json", diff)
    bp, hp = pdf_pages(b / f"{name}.pdf"), pdf_pages(h / f"{name}.pdf")
    diff.pdf_pages = (len(bp), len(hp))
    if len(bp) != len(hp):
        diff.pdf_diffs.append(f"jumlah halaman PDF {len(bp)} → {len(hp)}")
    # A code location of another length wraps a Jejak Angka line elsewhere: the words are the
    # same, only where lines break moved. Such pages are counted apart; words that differ are
    # differences.
    if _words(bp) != _words(hp):
        for i, (x, y) in enumerate(zip(bp, hp, strict=False), start=1):
            _line_diff(f"PDF hlm. {i}", x, y, diff.pdf_diffs)
    diff.pdf_layout = [i for i, (x, y) in enumerate(zip(bp, hp, strict=False), 1) if x != y]
    pages = sorted(p.name for p in (b / "html").glob("*.html"))
    diff.html_pages = len(pages)
    if pages != sorted(p.name for p in (h / "html").glob("*.html")):
        diff.html_diffs.append("halaman HTML berbeda")
    for page in pages:
        if (h / "html" / page).exists():
            _line_diff(
                f"HTML {page}",
                html_text(b / "html" / page),
                html_text(h / "html" / page),
                diff.html_diffs,
            )
    return diff


def build(project: Path, params: list[str]) -> None:
    """Build with the project's own venv (`make install` there), like an analyst would."""
    subprocess.run(["make", "-s", "install"], cwd=project, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([str(project / ".venv/bin/lkj"), "build", *params], cwd=project, check=True)


def base_outputs(rev: str, params: list[str], keep: Path | None) -> Path:
    if keep:
        return keep
    tmp = Path(tempfile.mkdtemp(prefix="lkj-compare-"))
    tree = tmp / "tree"
    subprocess.run(["git", "worktree", "add", "--detach", str(tree), rev], check=True)
    try:
        build(tree, params)
        shutil.copytree(paths.output_root(tree), tmp / "output")
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], check=False)
    return tmp / "output"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("params", nargs="*", help="params files (default: params/*.yml)")
    ap.add_argument("--base", required=True, help="git revision before the change")
    ap.add_argument("--base-output", type=Path, help="already built _output/ of --base")
    ap.add_argument("--no-build", action="store_true", help="compare the _output/ already here")
    args = ap.parse_args(argv)
    root = Path.cwd()
    params = args.params or sorted(
        str(p.relative_to(root)) for p in (root / "params").glob("*.yml")
    )
    base_out = base_outputs(args.base, params, args.base_output)
    if not args.no_build:
        build(root, params)
    diffs = [compare_run(base_out, paths.output_root(root), Path(p).stem) for p in params]
    print(f"Perbandingan dengan {args.base}:")
    head = f"{'run':28} {'nilai':>6} {'beda':>5} {'PDF hlm':>9} {'beda':>5} {'tata letak':>10}"
    print(f"{head} {'HTML':>5} {'beda':>5}")
    for d in diffs:
        pages = f"{d.pdf_pages[0]}/{d.pdf_pages[1]}"
        print(
            f"{d.run:28} {d.values:>6} {len(d.value_diffs):>5} {pages:>9} "
            f"{len(d.pdf_diffs):>5} {len(d.pdf_layout):>10} "
            f"{d.html_pages:>5} {len(d.html_diffs):>5}"
        )
    print("(tata letak: halaman PDF yang kata-katanya sama tetapi letak pindah barisnya bergeser)")
    for d in diffs:
        for line in [*d.value_diffs, *d.pdf_diffs, *d.html_diffs]:
            print(f"[{d.run}] {line}")
    same = all(d.same for d in diffs)
    print("SAMA: tidak ada perbedaan" if same else "BEDA: lihat daftar di atas")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
