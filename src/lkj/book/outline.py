"""The run's book as its unit declares it: chapters, headings, terms and table titles.

Defaults are the shipped buku.yml of the unit's set (lkj.inputs.buku); unit.yml overrides
chapters (`bab`), headings (`judul`), titles (`tabel.judul`) and terms (`istilah`). Notebooks
ask `Book.heading("<id>")` for their headings, so they hold no wording of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from lkj.errors import LkjError
from lkj.inputs import buku
from lkj.inputs.load import Inputs
from lkj.values import deps
from lkj.values import formatting as fmt


class _Blank(dict[str, Any]):
    """Format fields a template may leave out ({bab} of a heading outside a chapter)."""

    def __missing__(self, key: str) -> str:
        return ""


@dataclass(frozen=True)
class Outline:
    inputs: Inputs

    @cached_property
    def defaults(self) -> buku.Defaults:
        return buku.defaults(self.inputs.unit.jenis)

    @cached_property
    def chapters(self) -> list[buku.Entry]:
        """unit.yml `bab`, else _quarto.yml: its order gives every table's number, so a
        notebook that numbers depends on it."""
        run, unit = self.inputs.run, self.inputs.unit
        quarto = buku.quarto_file(run.root)
        if not unit.bab and quarto is not None:
            deps.file(run.shown(quarto))
        return buku.chapters(run, unit)

    def chapter(self, stem: str) -> buku.Entry | None:
        return next((c for c in self.chapters if c.stem == stem), None)

    @cached_property
    def terms(self) -> dict[str, str]:
        return self.inputs.unit.istilah.model_dump()

    def fields(self, **extra: Any) -> dict[str, Any]:
        """What every template may use: terms, year, quarter, the unit's short name."""
        params = self.inputs.run.params
        return {
            **self.terms,
            "tahun": params.year,
            "tw": fmt.quarter_label(params.quarter),
            "unit": self.inputs.profile.nama_singkat,
            "periode": self.inputs.profile.renstra.periode.replace("-", "–"),
            **extra,
        }

    def fill(self, template: str, **extra: Any) -> str:
        return template.format_map(_Blank(self.fields(**extra)))

    # --- headings ------------------------------------------------------------------------
    def heading(self, key: str, **extra: Any) -> dict[str, Any]:
        """text, level and id of a heading (display.heading arguments)."""
        known = self.defaults.headings()
        # a unit's own notebook asks for its chapter heading (unit.yml `bab`) by its file name
        stem, level, text = known.get(key, (key, 1, "") if self.chapter(key) else ("", 2, ""))
        own = self.inputs.unit.judul.get(key)
        if own is not None:
            level, text = buku.heading_parts(own, level)
        chapter = self.chapter(stem) if stem else None
        if chapter is not None and chapter.judul and level == 1:
            text = chapter.judul
        if not text:
            raise LkjError(
                f"judul '{key}' tidak dikenal → tambahkan di unit.yml `judul` atau pakai: "
                + ", ".join(sorted(known))
            )
        number = chapter.nomor if chapter is not None else None
        bab = fmt.roman(number) if number else ""
        return {"text": self.fill(text, bab=bab, **extra), "level": level, "id": key}

    # --- tables and figures ----------------------------------------------------------------
    def title(self, entry_id: str, generic: str | None = None, **extra: Any) -> str:
        """A table or figure title: the unit's template, else the set's (by id or generic)."""
        own: Mapping[str, str] = self.inputs.unit.tabel.judul
        for key in (entry_id, generic):
            if key and key in own:
                return self.fill(own[key], **extra)
        for key in (entry_id, generic):
            if key and key in self.defaults.judul:
                return self.fill(self.defaults.judul[key], **extra)
        raise LkjError(f"judul tabel '{entry_id}' tidak ada di buku.yml")

    def shown(self, kind: str) -> list[tuple[buku.Entry, str]]:
        """(chapter, id) of every table ("tabel") or figure ("gambar") the chapters show, in
        reading order; the generic ids (tbl-iku, gambar-iku) as they stand."""
        out = []
        for chapter in self.chapters:
            book = self.defaults.bab.get(chapter.stem)
            if book is not None:
                out += [(chapter, i) for i in getattr(book, kind)]
        return out

    def numbers(self, label: str, chapters: list[buku.Entry]) -> list[str]:
        """'Tabel 5' per item in order, or with `tabel.penomoran: per_bab` 'Tabel 3.5' (the BAB
        number, then the count within it; front matter counts on its own, as 'Tabel 1')."""
        per_bab = self.inputs.unit.tabel.penomoran == "per_bab"
        counts: dict[int | None, int] = {}
        out = []
        for n, chapter in enumerate(chapters, start=1):
            if not per_bab:
                out.append(f"{label} {n}")
                continue
            counts[chapter.nomor] = counts.get(chapter.nomor, 0) + 1
            prefix = f"{chapter.nomor}." if chapter.nomor else ""
            out.append(f"{label} {prefix}{counts[chapter.nomor]}")
        return out

    def monthly_chart_datasets(self) -> list[str]:
        """Datasets whose IKUs get a monthly chart (unit.yml `grafik_bulanan`, else buku.yml)."""
        own = self.inputs.unit.grafik_bulanan
        return list(own) if own is not None else list(self.defaults.grafik_bulanan)
