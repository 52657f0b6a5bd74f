"""The book's structure and wording: the shipped defaults (resources/sets/<jenis>/buku.yml),
the run's chapter list (unit.yml `bab`, else `_quarto.yml`) and the checks of unit.yml's book
fields (data/README.md, "unit.yml — buku").

Only the reading and checking live here; lkj.book.outline turns it into headings, numbers and
titles, lkj.render.quarto into the renderers' chapter list.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from lkj import paths
from lkj.errors import Problem
from lkj.inputs.models import load_model
from lkj.inputs.params import Run
from lkj.inputs.pk import PK
from lkj.inputs.unit import FILE as UNIT_FILE
from lkj.inputs.unit import Heading, Unit
from lkj.inputs.yamlio import KeyPath, line_of, load_yaml

FILE = "buku.yml"
BASE_SET = "bp3mi"  # the set whose book a kind without its own buku.yml reads
IKU_TABLE, IKU_FIGURE = "tbl-iku", "gambar-iku"  # one per IKU (per charted IKU)
TERMS = ("iku", "iku_panjang", "sasaran", "perspektif", "kegiatan", "program")
HEADING_FIELDS = frozenset((*TERMS, "bab", "tahun", "tw", "unit", "nomor", "uraian"))
TITLE_FIELDS = frozenset((*TERMS, "tahun", "tw", "unit", "nomor", "kepala", "atasan", "periode"))
QUARTO_FILES = ("notebooks/_quarto.yml", "_quarto.yml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NotebookBook(_Strict):
    """What one notebook shows: its headings (first = chapter heading), tables, figures."""

    judul: dict[str, str | Heading] = Field(default_factory=dict)
    tabel: list[str] = Field(default_factory=list)
    gambar: list[str] = Field(default_factory=list)
    lampiran: list[str] = Field(default_factory=list)


class Defaults(_Strict):
    """buku.yml of a shipped set."""

    bab: dict[str, NotebookBook]  # notebook stem → what it shows
    judul: dict[str, str]  # table / figure id → title template
    grafik_bulanan: list[str] = Field(default_factory=list)

    def ids(self) -> set[str]:
        """Every table, figure and appendix id a notebook of the set shows."""
        return {i for nb in self.bab.values() for i in (*nb.tabel, *nb.gambar, *nb.lampiran)}

    def headings(self) -> dict[str, tuple[str, int, str]]:
        """heading id → (notebook stem, default level, text)."""
        out: dict[str, tuple[str, int, str]] = {}
        for stem, nb in self.bab.items():
            for n, (key, given) in enumerate(nb.judul.items()):
                level, text = heading_parts(given, 1 if n == 0 else 2)
                out[key] = (stem, level, text)
        return out


def heading_parts(given: str | Heading, level: int) -> tuple[int, str]:
    if isinstance(given, str):
        return level, given
    return (level if given.tingkat is None else given.tingkat), given.teks


@cache
def defaults(jenis: str) -> Defaults:
    """The shipped book of a set (a set without its own buku.yml reads the BP3MI one)."""
    path = paths.resource(f"sets/{jenis}/{FILE}")
    if not path.is_file():
        path = paths.resource(f"sets/{BASE_SET}/{FILE}")
    return Defaults.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


# --- the chapter list ----------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One chapter of the run's book in reading order; `nomor` is its BAB (None outside)."""

    berkas: str  # notebook path relative to the project folder
    bagian: str | None = None
    depan: bool = False
    lampiran: bool = False
    judul: str | None = None  # the unit's own chapter heading
    nomor: int | None = None

    @property
    def stem(self) -> str:
        return Path(self.berkas).stem


def numbered(entries: list[Entry]) -> list[Entry]:
    """BAB numbers: every chapter outside the front matter and appendices, a part counted once
    (BAB II holds A–D)."""
    out, number, part = [], 0, None
    for e in entries:
        if e.depan or e.lampiran:
            out.append(e)
            part = None
            continue
        if e.bagian is None or e.bagian != part:
            number += 1
        part = e.bagian
        out.append(Entry(e.berkas, e.bagian, e.depan, e.lampiran, e.judul, number))
    return out


def unit_entries(unit: Unit) -> list[Entry] | None:
    """unit.yml `bab` as entries, or None when the unit keeps the project's _quarto.yml."""
    if not unit.bab:
        return None
    return numbered([Entry(c.berkas, c.bagian, c.depan, c.lampiran, c.judul) for c in unit.bab])


def quarto_file(root: Path) -> Path | None:
    """The project's _quarto.yml (where lkj.render.quarto looks for it), or None."""
    return next((root / rel for rel in QUARTO_FILES if (root / rel).is_file()), None)


def quarto_entries(root: Path) -> list[Entry]:
    """The chapters of the project's _quarto.yml (lkj.render.quarto checks the file itself)."""
    path = quarto_file(root)
    if path is None:
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    book, extra = data.get("book") or {}, data.get("lkj") or {}
    front = extra.get("front-matter") or []
    front = [front] if isinstance(front, str) else list(front)
    folder = path.parent.relative_to(root)
    out: list[Entry] = []
    for appendix, items in ((False, book.get("chapters")), (True, book.get("appendices"))):
        for rel, part in _flat(items or []):
            shown = (folder / rel).as_posix()
            first = not out and not front
            out.append(Entry(shown, part, rel in front or first, appendix))
    return numbered(out)


def _flat(items: list[Any]) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for item in items:
        if isinstance(item, str):
            out.append((item, None))
        elif isinstance(item, dict) and "part" in item:
            out += [(rel, str(item["part"])) for rel, _ in _flat(item.get("chapters") or [])]
        elif isinstance(item, dict) and "href" in item:
            out.append((str(item["href"]), None))
    return out


def chapters(run: Run, unit: Unit) -> list[Entry]:
    """unit.yml `bab`, else _quarto.yml; a project without either (a data folder read on its
    own, as the tests do) gets the set's notebooks in buku.yml order, each its own chapter."""
    found = unit_entries(unit) or quarto_entries(run.root)
    if found:
        return found
    return numbered([Entry(f"notebooks/{stem}.ipynb") for stem in defaults(unit.jenis).bab])


def read_unit(run: Run) -> Unit:
    """unit.yml for the build's plan; a broken one is the defaults here (the validation of the
    inputs reports it, located, with every other problem)."""
    path = run.unit_dir / UNIT_FILE
    if not path.is_file():
        return Unit()
    found, _, _, problems = load_model(Unit, path, run.shown(path))
    return found if found is not None and not problems else Unit()


# --- checks of unit.yml --------------------------------------------------------------------


def book_problems(run: Run, unit: Unit, pk: PK) -> list[Problem]:
    """Chapters, heading overrides and title templates of unit.yml, each problem located (an
    unknown chapter, table or placeholder is an error, an unknown heading id a warning)."""
    path = run.unit_dir / UNIT_FILE
    if not path.is_file():
        return []
    shown = run.shown(path)
    _, lines, _ = load_yaml(path, shown)
    book = defaults(unit.jenis)
    found = Located(shown, lines)
    _chapter_problems(run, unit, found)
    headings = book.headings()
    for key, given in unit.judul.items():
        if key not in headings:  # a unit's own notebook may ask for it: a warning
            found.add(
                ("judul", key),
                f"judul '{key}' tidak dipakai notebook bawaan (hanya notebook unit sendiri)",
                key,
                "periksa ejaannya; " + _known(headings),
                severity="warning",
            )
        _, text = heading_parts(given, 2)
        found.fields(("judul", key), text, HEADING_FIELDS)
    for n, chapter in enumerate(unit.bab):
        if chapter.judul:
            found.fields(("bab", n, "judul"), chapter.judul, HEADING_FIELDS)
        if chapter.bagian:
            found.fields(("bab", n, "bagian"), chapter.bagian, frozenset({"bab"}))
    ids = book.ids() | {f"tbl-{i.key}" for i in pk.iku} | {f"gambar-{i.key}" for i in pk.iku}
    for key, template in unit.tabel.judul.items():
        where = ("tabel", "judul", key)
        if key not in ids:
            found.add(where, f"tabel '{key}' tidak dikenal", key, _known(ids))
        found.fields(where, template, TITLE_FIELDS)
    return found.problems


def _known(names: Any) -> str:
    return "pakai salah satu: " + ", ".join(sorted(names))


@dataclass
class Located:
    """Problems of one YAML file, each at the line of its key."""

    shown: str
    lines: dict[KeyPath, int]

    def __post_init__(self) -> None:
        self.problems: list[Problem] = []

    def add(
        self, where: KeyPath, message: str, value: object, fix: str, severity: str = "error"
    ) -> None:
        column = ".".join(str(p) for p in where)
        row = line_of(self.lines, where)
        self.problems.append(Problem(self.shown, message, fix, row, column, value, severity))

    def fields(self, where: KeyPath, template: str, allowed: frozenset[str]) -> None:
        """Placeholders of a template that the book cannot fill."""
        try:
            names = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
        except ValueError:
            self.add(where, "kurung kurawal tidak berpasangan", template, "tulis {nama} utuh")
            return
        for name in names:
            if name not in allowed:
                fix = "pakai " + ", ".join("{" + a + "}" for a in sorted(allowed))
                self.add(where, f"isian {{{name}}} tidak dikenal", template, fix)


def _chapter_problems(run: Run, unit: Unit, found: Located) -> None:
    seen: dict[str, int] = {}
    for n, chapter in enumerate(unit.bab):
        where = ("bab", n, "berkas")
        source = run.root / chapter.berkas
        if chapter.berkas in seen:
            found.add(
                where,
                f"bab {chapter.berkas} terdaftar dua kali (juga bab ke-{seen[chapter.berkas] + 1})",
                chapter.berkas,
                "hapus salah satunya",
            )
        seen.setdefault(chapter.berkas, n)
        if source.suffix != ".ipynb" or not source.is_file():
            notebooks = sorted(p.name for p in (run.root / "notebooks").glob("*.ipynb"))
            found.add(
                where,
                "notebook tidak ditemukan",
                chapter.berkas,
                "tulis jalur notebook dari folder proyek, mis. notebooks/bab1.ipynb; yang ada: "
                + ", ".join(notebooks),
            )
    kinds = [(0 if c.depan else 2 if c.lampiran else 1) for c in unit.bab]
    if kinds and kinds != sorted(kinds):
        n = next(i for i in range(1, len(kinds)) if kinds[i] < kinds[i - 1])
        found.add(
            ("bab", n),
            "urutan bab: bab depan (depan: true) dahulu, lalu bab isi, lalu lampiran",
            unit.bab[n].berkas,
            "pindahkan bab ini ke tempatnya",
        )
    if unit.bab and 1 not in kinds:
        found.add(("bab",), "tidak ada bab isi", None, "daftarkan sedikitnya satu bab isi")
