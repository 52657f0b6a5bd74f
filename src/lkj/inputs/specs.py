"""What a valid CSV file of data/ looks like: one spec per file (data/README.md is the source).

Plain data: columns with their kind and allowed values, unique keys, rules across the cells of a
row, the column that gives the quarter, which columns identify a person. lkj.inputs.parsing and
lkj.inputs.tableschema turn a spec into typed columns and a pandera schema.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from lkj.inputs.hints import as_typed

Kind = Literal["text", "date", "month", "int", "number"]

# Allowed values fixed by data/README.md (values from data/referensi come in at run time).
JENIS_KELAMIN = ("L", "P")
YA_TIDAK = ("ya", "tidak")
SKEMA = ("Mandiri/Pelaut", "Reguler")
SEKTOR = ("Formal", "Informal")
KELOMPOK_VERIFIKASI = ("Verifikasi Dokumen", "UBT", "Ujian Bahasa")
STATUS_PURNA = ("purna", "keluarga")
PROGRAM_JAMINAN = ("JKK", "JKM", "JHT")
STATUS_KLAIM = ("selesai", "proses")
PERIODE = ("tahunan", "TW1", "TW2", "TW3", "TW4")
ASPEK_IKPA = (
    "Kualitas Perencanaan Anggaran",
    "Kualitas Pelaksanaan Anggaran",
    "Kualitas Hasil Pelaksanaan Anggaran",
    "Pengurang",
)
# The score card's "Nilai Aspek" exists for the three quality aspects, not for the deduction.
ASPEK_NILAI = ASPEK_IKPA[:3]


@dataclass(frozen=True)
class Col:
    """One column: its kind, whether it may be empty, and its allowed values or range."""

    name: str
    kind: Kind = "text"
    nullable: bool = False
    choices: tuple[str, ...] | None = None
    ref: str | None = None  # allowed values are the keys of data/referensi/<ref>.csv
    min: float | None = None
    max: float | None = None
    unique: bool = False
    in_year: bool = False  # date/month must fall in the PK year
    pattern: str | None = None  # regex a text value must match in full
    pattern_hint: str = ""  # how to write a value that matches `pattern`

    @property
    def is_numeric(self) -> bool:
        return self.kind in ("int", "number")


@dataclass(frozen=True)
class RowRule:
    """A rule across the cells of one row; `ok` returns True for rows that pass or do not apply."""

    name: str
    column: str  # the cell a problem points at
    needs: tuple[str, ...]
    ok: Callable[[pd.DataFrame], pd.Series]
    message: Callable[[pd.Series], str]  # gets the (typed) row
    fix: str


@dataclass(frozen=True)
class Spec:
    """One CSV file: its columns, unique key, row rules and the column that gives the quarter."""

    name: str
    columns: tuple[Col, ...]
    key: tuple[str, ...] = ()  # unique combination of columns (besides unique single columns)
    rules: tuple[RowRule, ...] = ()
    quarter_from: str | None = None
    key_fix: str = "hapus baris duplikat atau gabungkan angkanya ke satu baris"

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def col(self, name: str) -> Col | None:
        return next((c for c in self.columns if c.name == name), None)


def _id() -> Col:
    return Col("id", unique=True)


def _tanggal(name: str = "tanggal") -> Col:
    return Col(name, "date", in_year=True)


def _bulan() -> Col:
    return Col("bulan", "month", in_year=True)


def _count(name: str, nullable: bool = False) -> Col:
    return Col(name, "int", nullable=nullable, min=0)


def _sex() -> Col:
    return Col("jenis_kelamin", choices=JENIS_KELAMIN)


def _yes_no(name: str) -> Col:
    return Col(name, choices=YA_TIDAK)


def _triwulan() -> Col:
    return Col("triwulan", "int", min=1, max=4)


# --- row rules ---------------------------------------------------------------------------


def _sum_matches(df: pd.DataFrame) -> pd.Series:
    both = df["hadir"].notna() & df["tidak_hadir"].notna() & df["jumlah"].notna()
    return ~both | (df["hadir"] + df["tidak_hadir"] == df["jumlah"])


def _hadir_le_jumlah(df: pd.DataFrame) -> pd.Series:
    known = df["hadir"].notna() & df["jumlah"].notna() & df["tidak_hadir"].isna()
    return ~known | (df["hadir"] <= df["jumlah"])


def _dates_ordered(df: pd.DataFrame) -> pd.Series:
    both = df["tanggal_mulai"].notna() & df["tanggal_selesai"].notna()
    return ~both | (df["tanggal_selesai"] >= df["tanggal_mulai"])


def _has_value(df: pd.DataFrame) -> pd.Series:
    return df["nilai"].notna() | df["kategori"].notna()


def _deduction_unweighted(df: pd.DataFrame) -> pd.Series:
    applies = (df["aspek"] == "Pengurang") & df["bobot"].notna()
    return ~applies | (df["bobot"] == 0)


RULE_SUM = RowRule(
    "hadir_tidak_hadir",
    "jumlah",
    ("hadir", "tidak_hadir", "jumlah"),
    _sum_matches,
    lambda r: (
        f"hadir ({as_typed(r['hadir'])}) + tidak_hadir ({as_typed(r['tidak_hadir'])}) = "
        f"{as_typed(r['hadir'] + r['tidak_hadir'])}, "
        f"tidak sama dengan jumlah ({as_typed(r['jumlah'])})"
    ),
    "perbaiki jumlah, hadir atau tidak_hadir agar hadir + tidak_hadir = jumlah",
)
RULE_HADIR = RowRule(
    "hadir_maks_jumlah",
    "hadir",
    ("hadir", "tidak_hadir", "jumlah"),
    _hadir_le_jumlah,
    lambda r: (
        f"hadir ({as_typed(r['hadir'])}) lebih besar dari jumlah terdaftar "
        f"({as_typed(r['jumlah'])})"
    ),
    "perbaiki hadir atau jumlah (yang hadir tidak bisa lebih banyak dari yang terdaftar)",
)
RULE_DATES = RowRule(
    "tanggal_urut",
    "tanggal_selesai",
    ("tanggal_mulai", "tanggal_selesai"),
    _dates_ordered,
    lambda r: (
        f"tanggal_selesai ({r['tanggal_selesai']:%Y-%m-%d}) sebelum tanggal_mulai "
        f"({r['tanggal_mulai']:%Y-%m-%d})"
    ),
    "perbaiki salah satu tanggal; untuk kegiatan satu hari isi keduanya dengan tanggal yang sama",
)
RULE_VALUE = RowRule(
    "nilai_atau_kategori",
    "nilai",
    ("nilai", "kategori"),
    _has_value,
    lambda r: "nilai dan kategori keduanya kosong",
    "isi nilai (angka) atau kategori (mis. Baik), atau keduanya",
)
RULE_DEDUCTION = RowRule(
    "pengurang_tanpa_bobot",
    "bobot",
    ("aspek", "bobot"),
    _deduction_unweighted,
    lambda r: f"komponen Pengurang berbobot {as_typed(r['bobot'])}",
    "isi bobot 0 untuk Pengurang (potongannya diisi di kolom nilai)",
)

# --- the files of data/README.md ---------------------------------------------------------

_PERSON_EVENT = (
    _id(),
    _tanggal(),
    Col("nama"),
    _sex(),
    Col("kabupaten_kota"),
    Col("status", choices=STATUS_PURNA),
    Col("kegiatan"),
)

DATASETS: dict[str, Spec] = {
    s.name: s
    for s in (
        Spec(
            "pengaduan",
            (
                _id(),
                _tanggal(),
                Col("p3mi", nullable=True),
                Col("negara", ref="negara"),
                Col("jenis_masalah", ref="jenis_masalah"),
                _sex(),
                _yes_no("difasilitasi"),
                _yes_no("melalui_ssko"),
            ),
            quarter_from="tanggal",
        ),
        Spec(
            "kepulangan",
            (
                _id(),
                _tanggal(),
                Col("debarkasi"),
                Col("negara", ref="negara"),
                Col("nama"),
                Col("no_paspor", nullable=True),
                Col("kategori", ref="kategori_kepulangan"),
                Col("keterangan", nullable=True),
                Col("alamat", nullable=True),
                Col("kabupaten_kota"),
                _sex(),
            ),
            quarter_from="tanggal",
        ),
        Spec(
            "penempatan",
            (
                _bulan(),
                Col("layanan"),
                Col("skema", choices=SKEMA),
                Col("sektor", choices=SEKTOR),
                _sex(),
                _count("jumlah"),
            ),
            key=("bulan", "layanan", "skema", "sektor", "jenis_kelamin"),
            quarter_from="bulan",
        ),
        Spec(
            "verifikasi",
            (
                _id(),
                Col("program"),
                Col("kelompok", choices=KELOMPOK_VERIFIKASI),
                Col("kegiatan"),
                _tanggal("tanggal_mulai"),
                _tanggal("tanggal_selesai"),
                Col("lokasi", nullable=True),
                _count("jumlah"),
                _count("hadir", nullable=True),
                _count("tidak_hadir", nullable=True),
            ),
            rules=(RULE_SUM, RULE_HADIR, RULE_DATES),
            quarter_from="tanggal_mulai",
        ),
        Spec(
            "kerjasama",
            (_id(), _tanggal(), Col("mitra"), Col("judul")),
            quarter_from="tanggal",
        ),
        Spec("pemberdayaan", _PERSON_EVENT, quarter_from="tanggal"),
        Spec("rehabilitasi", _PERSON_EVENT, quarter_from="tanggal"),
        Spec(
            "klaim_jaminan",
            (
                _id(),
                _tanggal(),
                Col("program", choices=PROGRAM_JAMINAN),
                _sex(),
                Col("status", choices=STATUS_KLAIM),
            ),
            quarter_from="tanggal",
        ),
        Spec("data_supply", (_id(), _tanggal(), Col("judul")), quarter_from="tanggal"),
        Spec(
            "nilai",
            (
                Col("indikator"),
                _triwulan(),
                Col("nilai", "number", nullable=True, min=0, max=100),
                Col("kategori", nullable=True),
                Col("sumber", nullable=True),
            ),
            key=("indikator", "triwulan"),
            rules=(RULE_VALUE,),
            quarter_from="triwulan",
            key_fix="satu indikator hanya boleh satu baris per triwulan: hapus baris duplikat",
        ),
        Spec(
            "ikpa",
            (
                _triwulan(),
                Col("kode"),
                Col("komponen"),
                Col("aspek", choices=ASPEK_IKPA),
                Col("bobot", "number", min=0),
                Col("nilai", "number", min=0, max=100),
                _yes_no("berlaku"),
            ),
            key=("triwulan", "kode"),
            rules=(RULE_DEDUCTION,),
            quarter_from="triwulan",
            key_fix="satu kode komponen hanya boleh satu baris per triwulan: hapus duplikatnya",
        ),
        Spec(
            "ikpa_aspek",
            (_triwulan(), Col("aspek", choices=ASPEK_NILAI), Col("nilai_aspek", "number", min=0)),
            key=("triwulan", "aspek"),
            quarter_from="triwulan",
            key_fix="satu aspek hanya boleh satu baris per triwulan: hapus baris duplikat",
        ),
    )
}

# Budget files: kegiatan codes are checked against pk.yml by lkj.inputs.load.
PAGU = Spec(
    "pagu",
    (Col("kegiatan", unique=True), _count("pagu_awal"), _count("pagu_revisi")),
)
REALISASI_ANGGARAN = Spec(
    "realisasi_anggaran",
    (_bulan(), Col("kegiatan"), _count("realisasi")),
    key=("bulan", "kegiatan"),
    quarter_from="bulan",
    key_fix="satu kegiatan hanya boleh satu baris per bulan: jumlahkan ke satu baris",
)
TARGET = Spec(
    "target",
    (Col("iku"), Col("periode", choices=PERIODE), Col("target")),
    key=("iku", "periode"),
    key_fix="setiap IKU hanya boleh satu target per periode: hapus baris duplikat",
)
# Every CSV dataset the year folder may hold (target.csv is read separately into Inputs.targets).
TABLES: dict[str, Spec] = {**DATASETS, "pagu": PAGU, "realisasi_anggaran": REALISASI_ANGGARAN}

# Columns that identify a worker (UU 27/2022): never in a public edition, not even in the
# rows a provenance panel shows. `keterangan` of kepulangan is free text about the person.
PERSONAL: dict[str, tuple[str, ...]] = {
    "kepulangan": ("nama", "no_paspor", "alamat", "keterangan"),
    "pemberdayaan": ("nama",),
    "rehabilitasi": ("nama",),
}
# A dataset added later with one of these column names is redacted too, until listed above.
PERSONAL_NAMES = frozenset({"nama", "no_paspor", "nik", "alamat", "no_hp", "email"})

# data/referensi: the first column is the key other files refer to.
REFERENCES: dict[str, Spec] = {
    s.name: s
    for s in (
        Spec(
            "jenis_masalah",
            (
                Col("kode", unique=True, pattern=r"[A-Z]", pattern_hint="satu huruf besar, mis. A"),
                Col("uraian"),
            ),
        ),
        Spec("kategori_kepulangan", (Col("kode", unique=True), Col("uraian"))),
        Spec("negara", (Col("nama", unique=True),)),
        # IKPA categories by lower bound (≥ 95 Sangat Baik, …): used for Lampiran VI.
        Spec(
            "ikpa_kategori",
            (
                Col("batas_bawah", "number", unique=True, min=0, max=100),
                Col("kategori", unique=True),
            ),
        ),
    )
}
# Reference lists every run needs; the others are read when present.
REQUIRED_REFERENCES = ("jenis_masalah", "kategori_kepulangan", "negara")


def reference_values(name: str, df: pd.DataFrame) -> list[str]:
    """The allowed values a reference list gives: its first (key) column."""
    return [str(v) for v in df[REFERENCES[name].columns[0].name].dropna()]
