"""unit.yml: what kind of office a unit is and how its book reads (data/README.md, "unit.yml").

Everything here is optional. A unit folder without unit.yml (every folder made before this file
existed) is a BP3MI office with today's datasets, rules and book: the defaults below are that
book, so analysts' folders survive an upgrade unchanged.

Who reads what:
- `jenis`, `dataset`, `referensi`: lkj.inputs (the shipped set of declared datasets, plus
  the unit's own datasets and reference lists).
- `kriteria`, `headline`, `desimal`: the IKU engine and the book's tables and sentences.
- `istilah`, `tabel`, `bab`, `lampiran`: the book (headings, terms, table numbers and titles).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from lkj.inputs.declaration import DatasetDecl
from lkj.inputs.params import Rounding


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Band(_Strict):
    """One criterion band: capaian from `batas_bawah` (inclusive) up to the next band's."""

    batas_bawah: float = Field(ge=0)
    label: str = Field(min_length=1)


def check_bands(bands: list[Band]) -> list[Band]:
    """Bands are given from the highest lower bound down, each bound once."""
    bounds = [b.batas_bawah for b in bands]
    if len(set(bounds)) != len(bounds):
        raise ValueError("batas_bawah kriteria dipakai dua kali")
    if bounds != sorted(bounds, reverse=True):
        raise ValueError("kriteria harus urut dari batas_bawah terbesar ke terkecil")
    labels = [b.label for b in bands]
    if len(set(labels)) != len(labels):
        raise ValueError("label kriteria dipakai dua kali")
    return bands


class Terms(_Strict):
    """The words a unit's book uses for its levels (IKU / IKSS / IKK …)."""

    iku: str = "IKU"
    iku_panjang: str = "Indikator Kinerja Utama"
    sasaran: str = "Sasaran Strategis"
    perspektif: str = "Perspektif"
    kegiatan: str = "Kegiatan"
    program: str = "Program"


class Tables(_Strict):
    """Table numbering and titles. Titles are templates over {iku}, {nomor}, {tahun}, {tw}."""

    penomoran: Literal["global", "per_bab"] = "global"  # "Tabel 5" or "Tabel 3.5"
    judul: dict[str, str] = Field(default_factory=dict)  # table id → title template


class Decimals(_Strict):
    """How many decimals figures show and whether trailing zeros stay ("80,00 %").

    `angka` replaces the params' default rounding decimals (rules with their own decimals
    still win); `tetap` keeps trailing zeros of percentages, scores and numbers (counts stay
    whole: "23 Sampel"); `spasi_persen` writes "80,00 %" instead of the report's "80,00%".
    """

    angka: int = Field(default=2, ge=0, le=6)
    tetap: bool = False
    spasi_persen: bool = False


class Chapter(_Strict):
    """One chapter of the book: its notebook and heading; `bagian` groups chapters in a part."""

    berkas: str = Field(min_length=1)  # notebook, relative to the project folder
    judul: str | None = None  # its chapter heading (default: sets/<jenis>/buku.yml)
    bagian: str | None = None
    depan: bool = False  # front matter (before Daftar Isi, roman page numbers)
    lampiran: bool = False  # an appendix (after the last chapter)


class Heading(_Strict):
    """A heading of the book; `tingkat` 0 is a bold line ("a. Informasi Kinerja")."""

    teks: str = Field(min_length=1)
    tingkat: int | None = Field(default=None, ge=0, le=6)


class Appendix(_Strict):
    """A declared appendix table over a declared dataset: rows counted per group.

    `baris` names the column whose values are the table's rows; `kolom` (optional) the column
    whose values become its columns; without `kolom` the table counts rows per `baris` value.
    """

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    judul: str = Field(min_length=1)
    dataset: str
    baris: str
    kolom: str | None = None
    periode: Literal["triwulan", "sd_triwulan"] = "triwulan"


class Unit(_Strict):
    """unit.yml of data/<unit>/ (optional)."""

    jenis: str = "bp3mi"  # shipped set of declarations (lkj/resources/sets/<jenis>/)
    # The unit's own datasets (format of lkj.inputs.declaration); a name in the set replaces it.
    dataset: list[DatasetDecl] = Field(default_factory=list)
    # The unit's own lists in data/referensi/<nama>.csv (first column: the allowed values).
    referensi: list[DatasetDecl] = Field(default_factory=list)
    kriteria: list[Band] = Field(default_factory=list)  # unit-wide bands; pk.yml may override
    headline: Literal["triwulan", "sd_triwulan"] = "triwulan"  # Tabel 1 and per-IKU tables
    kolom_rasio: bool = False  # ratio IKUs: Pembilang and Penyebut as columns (Tabel 3, per IKU)
    desimal: Decimals = Field(default_factory=Decimals)
    istilah: Terms = Field(default_factory=Terms)
    tabel: Tables = Field(default_factory=Tables)
    bab: list[Chapter] = Field(default_factory=list)  # empty: the chapters of _quarto.yml
    judul: dict[str, str | Heading] = Field(default_factory=dict)  # heading id → text
    grafik_bulanan: list[str] | None = None  # datasets whose IKUs get a monthly chart
    lampiran: list[Appendix] = Field(default_factory=list)

    @field_validator("kriteria")
    @classmethod
    def _bands(cls, bands: list[Band]) -> list[Band]:
        return check_bands(bands)

    def rounding(self, params: Rounding) -> Rounding:
        """The params' rounding, with desimal.angka as default decimals when unit.yml sets it."""
        if "angka" not in self.desimal.model_fields_set:
            return params
        return params.model_copy(update={"decimals": self.desimal.angka})


FILE = "unit.yml"
