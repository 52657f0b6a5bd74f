"""What a section notebook opens: one run's inputs, values, tables, sentences and texts.

book = Book.open(params_file)
display.table(book.tables.ringkasan())
display.markdown(book.writer.summary(iku))
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from lkj.book import texts
from lkj.book.annual_catalog import annual_catalog
from lkj.book.catalog import Catalog, build_catalog, iku_figure_id
from lkj.book.memo import memo
from lkj.book.narrative import Writer
from lkj.book.outline import Outline
from lkj.book.tables import Tables, full_list_sheet
from lkj.compute.engine import compute
from lkj.compute.reconcile import Outcome, read_published, reconcile
from lkj.errors import LkjError
from lkj.inputs.load import Inputs, load_inputs
from lkj.inputs.params import Params, Run, load_run
from lkj.inputs.pk import PK, Iku, Profile, Sasaran
from lkj.values import deps
from lkj.values import formatting as fmt
from lkj.values.access import Reads, reads_of, run_files
from lkj.values.registry import Registry


@dataclass
class Book:
    inputs: Inputs
    reg: Registry

    @classmethod
    def open(cls, params_file: str | Path) -> Book:
        run = load_run(params_file)
        cached = memo.get(run)
        if cached is None:
            inputs = load_inputs(run)
            reg = compute(inputs)
            memo.put(run, inputs, reg)
        else:
            inputs, reg = cached
        if not deps.recording():
            deps.arm(run_files(inputs))  # what the notebook reads from here on is its dependency
        # While a build records, inputs and reg are views answered by lkj.values.access.Reads
        # (tables, charts and sentences read through them); otherwise the plain data.
        return cls(*Reads(inputs, reg).views())

    @cached_property
    def reads(self) -> Reads:
        """The recording access layer over this book's inputs and values."""
        return reads_of(self.inputs, self.reg)

    # --- shortcuts -------------------------------------------------------------------------
    @property
    def run(self) -> Run:
        return self.inputs.run

    @property
    def params(self) -> Params:
        return self.inputs.run.params

    @property
    def pk(self) -> PK:
        return self.inputs.pk

    @property
    def profile(self) -> Profile:
        return self.inputs.profile

    @property
    def quarter_label(self) -> str:
        return fmt.quarter_label(self.params.quarter)

    @property
    def public(self) -> bool:
        return self.params.edition == "publik"

    @cached_property
    def catalog(self) -> Catalog:
        if self.params.kind == "tahunan":  # the annual book's own numbering
            return annual_catalog(self.inputs, self.reg)
        return build_catalog(self.inputs)

    @cached_property
    def outline(self) -> Outline:
        """Chapters, headings, terms and titles as the unit declares them (unit.yml)."""
        return Outline(self.inputs)

    @property
    def terms(self) -> dict[str, str]:
        """The unit's words for IKU, Sasaran Strategis, Kegiatan … (unit.yml `istilah`)."""
        return self.outline.terms

    def heading(self, key: str, **fields: object) -> dict[str, Any]:
        """text, level and id of a heading (display.heading arguments), from buku.yml or the
        unit's own; `fields` fill a template's {nomor}, {uraian}."""
        return self.outline.heading(key, **fields)

    def label(self, key: str, **fields: object) -> str:
        """The text of a heading-like bold line ("a. Informasi Kinerja")."""
        return str(self.outline.heading(key, **fields)["text"])

    @cached_property
    def tables(self) -> Tables:
        return Tables(self.inputs, self.reg, self.catalog)

    @cached_property
    def writer(self) -> Writer:
        return Writer(
            self.reg, self.pk, self.params.quarter, self.params.year, self.inputs.unit.istilah
        )

    # --- texts -----------------------------------------------------------------------------
    def text(self, name: str) -> str:
        return texts.load(self.reads, name, self.reg)

    def iku_text(self, iku: Iku) -> str:
        return texts.load_iku(self.reads, iku.kode, self.reg)

    # --- structure -------------------------------------------------------------------------
    def sasaran_groups(self) -> list[tuple[int, Sasaran, list[Iku]]]:
        """Sasaran in PK order with their IKUs (BAB II B is organised by sasaran)."""
        out = []
        for number, sasaran in enumerate(self.pk.sasaran, start=1):
            members = [i for i in self.pk.iku if i.sasaran == sasaran.kode]
            if members:
                out.append((number, sasaran, members))
        return out

    def iku_chart(self, iku: Iku) -> dict[str, Any] | None:
        """The chart an IKU's evaluation shows, as display.figure arguments, or None.

        An IKU over a dataset declared with a monthly chart (buku.yml `grafik_bulanan`: the
        BP3MI book's placements) gets its values per month; other IKUs have one figure per
        quarter, which Tabel 3 already shows.
        """
        entry = self.catalog.get(iku_figure_id(iku.key))
        if entry is None:
            return None
        from lkj.book import charts  # matplotlib only where a chart is drawn

        draw = charts.MONTHLY.get(iku.sumber.dataset)
        if draw is None:
            raise LkjError(
                f"grafik bulanan untuk dataset '{iku.sumber.dataset}' tidak tersedia → hapus "
                f"dataset itu dari grafik_bulanan (ada: {', '.join(sorted(charts.MONTHLY))})"
            )
        return {
            "fig": draw(self.reg, self.inputs),
            **self.figure_caption(entry.id),
            "alt": self.writer.chart_alt_penempatan(),
        }

    def figure_caption(self, figure_id: str) -> dict[str, str]:
        """caption, id and number of a figure from the catalogue (display.figure arguments)."""
        entry = self.catalog[figure_id]
        return {"caption": entry.title, "id": entry.id, "number": entry.number}

    def title(self) -> str:
        return self.params.title or (
            f"Laporan Kinerja {self.quarter_label} Tahun {self.params.year}"
        )

    def signing_date(self) -> str:
        """'Semarang, Juli 2025': the month after the quarter closes."""
        month = 3 * self.params.quarter + 1
        year = self.params.year + (1 if month > 12 else 0)
        month = month - 12 if month > 12 else month
        return f"{self.profile.kota}, {fmt.month_name(month)} {year}"

    def cover(self) -> dict[str, object]:
        """Metadata for the cover page of the HTML and PDF book."""
        p = self.profile
        contact = [p.alamat, f"Telp. {p.telepon}", p.email]
        return {"unit": p.nama_singkat, "parent": p.induk, "contact": contact}

    def head_signature(self) -> dict[str, str | None]:
        """The unit head signing the report (Kata Pengantar)."""
        head = self.profile.kepala
        return {
            "above": self.signing_date(),
            "role": head.jabatan,
            "name": head.nama,
            "nip": head.nip,
        }

    def pk_signatures(self) -> list[dict[str, str | None]]:
        """Both parties of the Perjanjian Kinerja (Lampiran I): superior left, head right."""
        p, pk = self.profile, self.pk
        signed = ""
        if pk.tanggal_pk:
            signed = f"{pk.kota_pk or p.kota}, {fmt.month_name(pk.tanggal_pk.month)} {pk.tahun}"
        return [
            {
                "above": "Pihak Kedua",
                "role": p.atasan.jabatan,
                "name": p.atasan.nama,
                "nip": p.atasan.nip,
            },
            {
                "above": f"{signed}\nPihak Pertama".strip(),
                "role": p.kepala.jabatan,
                "name": p.kepala.nama,
                "nip": p.kepala.nip,
            },
        ]

    def verification_note(self) -> str | None:
        """The sentence under Lampiran V when it shows a recap (params appendix_max_rows)."""
        entry = self.catalog.get("lampiran-verifikasi")
        cap = self.params.appendix_max_rows
        if entry is None or cap is None or not self.tables.verifikasi_capped:
            return None
        return self.writer.verification_recap(
            cap, f"{self.run.name}.xlsx", full_list_sheet(entry.number)
        )

    def reconciliation(self) -> list[Outcome]:
        if not self.params.published_figures:
            return []
        path = self.reads.file(self.run.root / self.params.published_figures)
        return reconcile(self.reg, read_published(path, self.run.shown(path)), self.run.shown(path))
