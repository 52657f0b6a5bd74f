"""The YAML form of a declared dataset (data/README.md, "unit.yml — dataset").

A declaration says what one CSV file of the year folder holds: its columns (type, required,
allowed values or a reference list, range, pattern, personal data, help text), its unique
key, the column that gives the quarter and rules across the cells of a row. The shipped sets
(lkj/resources/sets/<name>/datasets.yml) and `dataset:` of a unit's unit.yml use this one
format; lkj.inputs.declarations turns it into the in-memory `Spec` every reader uses.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Scalar = str | int | float | bool

# Column types as the declaration writes them → lkj.inputs.specs.Kind.
KINDS = {
    "teks": "text",
    "tanggal": "date",
    "bulan": "month",
    "bilangan": "int",
    "angka": "number",
}
NAME = r"^[a-z][a-z0-9_]*$"  # a file name and a pk.yml `sumber.dataset`: lower case, no spaces


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ColumnDecl(_Strict):
    """One column of a declared dataset."""

    nama: str = Field(pattern=NAME)
    jenis: Literal["teks", "tanggal", "bulan", "bilangan", "angka"] = "teks"
    wajib: bool = True  # false: the cell may be empty
    pilihan: list[str] | None = None  # allowed values
    referensi: str | None = None  # allowed values: the keys of data/referensi/<name>.csv
    min: float | None = None
    max: float | None = None
    unik: bool = False  # no two rows with the same value
    dalam_tahun: bool = False  # a date or month in the PK year
    pola: str | None = None  # regex a text value matches in full
    pola_contoh: str = ""  # how to write a value that matches `pola`
    pribadi: bool = False  # identifies a person: never in a public edition
    bantuan: str = ""  # what the column means (Excel template: header comment, Petunjuk)


class RuleDecl(_Strict):
    """A rule across the cells of one row; which keys it needs depends on `jenis`.

    jumlah: Σ `dari` = `kolom` (when all are filled) · tidak_lebih: `kolom` ≤ `batas` ·
    urut: `sampai` not before `dari` · salah_satu: at least one of `kolom` filled ·
    jika: rows matching `bila` have the cells of `maka`.
    """

    jenis: Literal["jumlah", "tidak_lebih", "urut", "salah_satu", "jika"]
    nama: str | None = None  # the rule's name in messages of lkj; default from jenis and kolom
    kolom: str | list[str] | None = None
    dari: str | list[str] | None = None
    sampai: str | None = None
    batas: str | None = None
    kecuali_terisi: list[str] = Field(default_factory=list)  # rule skipped when these are filled
    bila: dict[str, Scalar] | None = None
    maka: dict[str, Scalar] | None = None
    pesan: str | None = None  # message template over the row's cells: "berbobot {bobot}"
    perbaikan: str | None = None  # how to fix it


class DatasetDecl(_Strict):
    """One declared dataset: a CSV file `<nama>.csv` of the year folder (or data/referensi)."""

    nama: str = Field(pattern=NAME)
    label: str = Field(min_length=1)  # noun phrase: "dokumen kerja sama", "sampel yang diuji"
    satuan_baris: str = ""  # what one row counts: "Dokumen", "Sampel"
    bantuan: str = ""  # what the sheet holds (Excel template); default the label
    kolom: list[ColumnDecl] = Field(min_length=1)
    kunci: list[str] = Field(default_factory=list)  # unique combination of columns
    triwulan_dari: str | None = None  # the date, month or triwulan column
    aturan_baris: list[RuleDecl] = Field(default_factory=list)
    pesan_kunci: str = "hapus baris duplikat atau gabungkan angkanya ke satu baris"
    # The file must exist (text: why, shown in the message); false: only when an IKU reads it.
    wajib: bool | str = False
    # A quarter without rows may be declared nihil (realised 0); false for score readings.
    nihil: bool = True


class SetFile(_Strict):
    """datasets.yml of a shipped set."""

    termasuk: list[str] = Field(default_factory=list)  # sets whose declarations come first
    # The order files are read and listed in (Jejak Angka, template); the others follow.
    urutan: list[str] = Field(default_factory=list)
    bantuan_kolom: dict[str, str] = Field(default_factory=dict)  # help text by column name
    dataset: list[DatasetDecl] = Field(default_factory=list)
    referensi: list[DatasetDecl] = Field(default_factory=list)
