"""What an annual-book notebook opens (params `kind: tahunan`): the run's Book plus the annual
sentences, charts, texts and the sections that repeat per sasaran.

annual = Annual.open(params_file)
d.table(annual.book.tables.capaian_tahunan())
annual.sasaran_sections()

The analyst's words for the year live in data/<unit>/<year>/teks/tahunan/ (data/README.md):
TEXTS below, and per sasaran `sebab/<SS>.md` (analysis 5: causes and solutions) and
`program/<SS>.md` (analysis 7: the programmes and activities behind the result).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from lkj.book import display as d
from lkj.book import texts
from lkj.book.annual_narrative import AnnualWriter
from lkj.book.core import Book
from lkj.inputs.annual import text_dir
from lkj.inputs.pk import Sasaran

TEXTS = {
    "kata_pengantar": "Kata Pengantar laporan tahunan",
    "ikhtisar": "paragraf pembuka Ikhtisar Eksekutif",
    "pendahuluan": "BAB I: organisasi, tugas dan fungsi",
    "isu_strategis": "BAB I: isu strategis yang dihadapi",
    "penutup": "BAB IV Penutup",
}
PER_SASARAN = {
    "sebab": "analisis (5): penyebab keberhasilan/kegagalan dan solusi yang diambil",
    "program": "analisis (7): program dan kegiatan yang mendukung hasil",
}


@dataclass
class Annual:
    book: Book

    @classmethod
    def open(cls, params_file: str | Path) -> Annual:
        return cls(Book.open(params_file))

    @property
    def year(self) -> int:
        return self.book.params.year

    @cached_property
    def writer(self) -> AnnualWriter:
        return AnnualWriter(self.book.reg, self.book.pk, self.year, self.book.inputs.unit.istilah)

    def _text(self, path: Path) -> str:
        found = self.book.reads.text(path)  # recorded even when missing
        if found is None:
            return ""
        return texts.render(found.strip(), self.book.reg, self.book.run.shown(path))

    def text(self, name: str) -> str:
        return self._text(text_dir(self.book.run) / f"{name}.md")

    def sasaran_text(self, what: str, sasaran: Sasaran) -> str:
        return self._text(text_dir(self.book.run) / what / f"{sasaran.kode}.md")

    def title(self) -> str:
        return self.book.params.title or f"Laporan Kinerja Tahun {self.year}"

    def signing_date(self) -> str:
        """'Semarang, Januari 2026': the month after the year closes."""
        return f"{self.book.profile.kota}, Januari {self.year + 1}"

    def head_signature(self) -> dict[str, str | None]:
        return {**self.book.head_signature(), "above": self.signing_date()}

    def figure(self, figure_id: str) -> dict[str, Any]:
        """display.figure arguments of one annual chart (matplotlib only when drawn)."""
        from lkj.book import annual_charts as charts

        reg, pk, w = self.book.reg, self.book.pk, self.writer
        t = self.book.inputs.unit.istilah
        drawn = {
            "gambar-capaian-sasaran": lambda: (
                charts.capaian_sasaran(reg, pk, t),
                w.chart_alt_sasaran(),
            ),
            "gambar-riwayat": lambda: (
                charts.riwayat(reg, pk, self.year, t),
                w.chart_alt_riwayat(),
            ),
            "gambar-renstra": lambda: (charts.renstra(reg, pk, t), w.chart_alt_renstra()),
        }[figure_id]()
        return {"fig": drawn[0], "alt": drawn[1], **self.book.figure_caption(figure_id)}

    # --- sections that repeat ----------------------------------------------------------
    def sasaran_sections(self) -> None:
        """BAB III A per sasaran: analyses (1)–(4) per IKU, then (5), (6), (7) of the sasaran."""
        w = self.writer
        for number, sasaran, ikus in self.book.sasaran_groups():
            heading = self.book.heading("sasaran-tahunan", nomor=number, uraian=sasaran.uraian)
            d.heading(heading["text"], heading["level"], id=f"sasaran-{number}")
            d.markdown(w.sasaran_capaian(number, sasaran))
            for iku in ikus:
                heading = self.book.heading("iku-tahunan", nomor=iku.nomor, uraian=iku.nama)
                d.heading(heading["text"], heading["level"], id=f"tahunan-{iku.key}")
                d.markdown(f"**(1) Target dan realisasi.** {w.target_vs_realisation(iku)}")
                d.markdown(
                    f"**(2) Tahun-tahun sebelumnya dan jalur Renstra.** {w.trend_and_plan(iku)}"
                )
                d.markdown(f"**(3) Target jangka menengah.** {w.renstra_end(iku)}")
                d.markdown(f"**(4) Standar nasional.** {w.standard(iku)}")
            d.markdown("**(5) Penyebab keberhasilan atau kegagalan dan solusi yang diambil**")
            d.markdown(self.sasaran_text("sebab", sasaran) or self.missing("sebab", sasaran))
            d.markdown(f"**(6) Efisiensi penggunaan sumber daya.** {w.efficiency(sasaran)}")
            d.markdown("**(7) Program dan kegiatan yang mendukung hasil**")
            d.markdown(self.sasaran_text("program", sasaran) or self.missing("program", sasaran))

    def missing(self, what: str, sasaran: Sasaran) -> str:
        """Shown in place of a text the analyst has not written (lkj new-year lists them)."""
        shown = self.book.run.shown(text_dir(self.book.run) / what / f"{sasaran.kode}.md")
        return f"*Belum diisi analis ({d.escape_markdown(shown)}).*"

    def standards_table(self) -> None:
        """The national-standard table, only when the unit gives a standard."""
        if "tbl-standar" in self.book.catalog:
            d.table(self.book.tables.standar())
