"""What a valid CSV file of data/ looks like: one spec per file, turned into pandera schemas.

Every file is read as text first (see lkj.inputs.load). `parse_columns` turns the text cells into
typed columns and reports cells it cannot read *with their raw text*; the pandera schema from
`TableSchema.pandera` then checks what is left (required cells, allowed values, ranges, dates in
the PK year, unique ids and keys, row rules). `TableSchema.problems` translates pandera's failure
cases into `Problem`s in Bahasa Indonesia, each with a fix. data/README.md is the specification.

dtypes of a validated table (see `finalize`):
- text, codes, ids, ya/tidak, L/P and other choices: pandas `str` (missing = NaN)
- `date`: datetime64[ns]; `month` ("bulan"): "YYYY-MM" text
- whole numbers (counts, rupiah, triwulan): int64; when the column is nullable: float64 + NaN
- decimals (nilai, bobot, nilai_aspek): float64 (+ NaN when nullable)
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd
import pandera.pandas as pa

from lkj.errors import Problem

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


def _n(value: object) -> str:
    """A number as the analyst typed it: 1019, not 1019.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


RULE_SUM = RowRule(
    "hadir_tidak_hadir",
    "jumlah",
    ("hadir", "tidak_hadir", "jumlah"),
    _sum_matches,
    lambda r: (
        f"hadir ({_n(r['hadir'])}) + tidak_hadir ({_n(r['tidak_hadir'])}) = "
        f"{_n(r['hadir'] + r['tidak_hadir'])}, tidak sama dengan jumlah ({_n(r['jumlah'])})"
    ),
    "perbaiki jumlah, hadir atau tidak_hadir agar hadir + tidak_hadir = jumlah",
)
RULE_HADIR = RowRule(
    "hadir_maks_jumlah",
    "hadir",
    ("hadir", "tidak_hadir", "jumlah"),
    _hadir_le_jumlah,
    lambda r: f"hadir ({_n(r['hadir'])}) lebih besar dari jumlah terdaftar ({_n(r['jumlah'])})",
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
    lambda r: f"komponen Pengurang berbobot {_n(r['bobot'])}",
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


# --- parsing text cells ------------------------------------------------------------------

_INT = re.compile(r"[+-]?\d+")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}([.,]\d{3})+")
_COMMA_DECIMAL = re.compile(r"[+-]?\d+,\d+")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"\d{4}-\d{2}")
_DATE_FIX = "gunakan format tanggal YYYY-MM-DD, mis. 2025-04-15"
_MONTH_FIX = "gunakan format bulan YYYY-MM, mis. 2025-04"


@dataclass(frozen=True)
class CellError:
    index: int
    column: str
    message: str
    fix: str


def _number_error(text: str, whole: bool) -> tuple[str, str]:
    if re.fullmatch(r"(Rp\.?\s*)[\d.,]+", text, flags=re.IGNORECASE):
        return "jumlah rupiah ditulis dengan 'Rp'", "tulis angka saja tanpa 'Rp' dan tanpa titik"
    if _THOUSANDS.fullmatch(text):
        plain = re.sub(r"[.,]", "", text)
        return "angka memakai pemisah ribuan", f"tulis tanpa pemisah ribuan, mis. {plain}"
    if _COMMA_DECIMAL.fullmatch(text):
        if whole:
            return "harus bilangan bulat", "isi bilangan bulat tanpa koma, mis. 12"
        return "koma dipakai sebagai pemisah desimal", (
            f"pakai titik sebagai pemisah desimal, mis. {text.replace(',', '.')}"
        )
    if whole and _NUMBER.fullmatch(text):
        return "harus bilangan bulat", "isi bilangan bulat tanpa desimal, mis. 12"
    if whole:
        return "bukan bilangan bulat", "isi dengan angka saja (bilangan bulat), mis. 12"
    return "bukan angka", "isi dengan angka, mis. 87.5 (titik sebagai pemisah desimal)"


def _parse(col: Col, raw: pd.Series, errors: list[CellError]) -> pd.Series:
    """Typed version of one text column; unreadable cells become missing and are reported."""
    text = raw.astype("str").str.strip()
    present = text != ""
    if col.kind == "text":
        return text.where(present).astype("str")
    pattern = {"month": _MONTH, "date": _DATE, "int": _INT, "number": _NUMBER}[col.kind]
    readable = present & text.str.fullmatch(pattern.pattern).fillna(False).astype(bool)
    for i, value in text[present & ~readable].items():
        if col.kind == "month":
            errors.append(CellError(i, col.name, "format bulan tidak dikenali", _MONTH_FIX))
        elif col.kind == "date":
            errors.append(CellError(i, col.name, "format tanggal tidak dikenali", _DATE_FIX))
        else:
            errors.append(CellError(i, col.name, *_number_error(value, col.kind == "int")))
    kept = text.where(readable)
    if col.kind == "month":
        return kept.astype("str")
    if col.kind == "date":
        dates = pd.to_datetime(kept, format="%Y-%m-%d", errors="coerce").astype("datetime64[ns]")
        for i in kept.index[readable & dates.isna()]:
            errors.append(
                CellError(
                    i,
                    col.name,
                    "tanggal tidak ada di kalender",
                    f"periksa hari dan bulannya; {_DATE_FIX}",
                )
            )
        return dates
    numbers = pd.to_numeric(kept, errors="coerce")
    return numbers.astype("Int64") if col.kind == "int" else numbers.astype("float64")


def parse_columns(spec: Spec, raw: pd.DataFrame) -> tuple[pd.DataFrame, list[CellError]]:
    """Typed frame for validation (whole numbers as nullable Int64) and the unreadable cells.

    Columns not in the spec are kept as text so pandera can report them as unknown.
    """
    errors: list[CellError] = []
    out = {}
    for name in raw.columns:
        col = spec.col(name)
        out[name] = _parse(col, raw[name], errors) if col else raw[name]
    return pd.DataFrame(out, index=raw.index), errors


def finalize(spec: Spec, typed: pd.DataFrame) -> pd.DataFrame:
    """Final dtypes of a valid table (see the module docstring)."""
    df = typed[spec.names].copy()
    for col in spec.columns:
        if col.kind == "int":
            df[col.name] = df[col.name].astype("float64" if col.nullable else "int64")
    return df


# --- pandera schemas ---------------------------------------------------------------------

_DTYPES: dict[Kind, str] = {
    "text": "str",
    "month": "str",
    "date": "datetime64[ns]",
    "int": "Int64",
    "number": "float64",
}


@dataclass
class _Explain:
    """How to tell the analyst about one failed check."""

    message: Callable[[object], str]
    fix: Callable[[object], str]


def _or_list(values: tuple[str, ...] | list[str]) -> str:
    values = list(values)
    return values[0] if len(values) == 1 else f"{', '.join(values[:-1])} atau {values[-1]}"


def suggest(value: object, choices: list[str] | tuple[str, ...]) -> str | None:
    """Closest allowed value (case-insensitive), for 'maksudnya ...?' hints."""
    text = str(value)
    by_lower = {c.lower(): c for c in choices}
    if text.lower() in by_lower:
        return by_lower[text.lower()]
    close = difflib.get_close_matches(text.lower(), list(by_lower), n=1, cutoff=0.75)
    return by_lower[close[0]] if close else None


def _choice_fix(col: Col, choices: tuple[str, ...]) -> Callable[[object], str]:
    def fix(value: object) -> str:
        hint = suggest(value, choices)
        guess = f" (maksudnya '{hint}'?)" if hint and hint != value else ""
        if col.ref:
            where = f"data/referensi/{col.ref}.csv"
            if len(choices) <= 15 and all(len(c) == 1 for c in choices):
                return f"isi dengan kode {choices[0]}–{choices[-1]} dari {where}{guess}"
            return f"pakai nilai yang tercantum di {where}{guess}, atau tambahkan ke berkas itu"
        return f"isi dengan {_or_list(choices)}{guess}"

    return fix


@dataclass
class TableSchema:
    """A spec bound to one run (the PK year and the reference lists)."""

    spec: Spec
    year: int
    references: Mapping[str, list[str]] = field(default_factory=dict)
    explain: dict[tuple[str | None, str], _Explain] = field(default_factory=dict)

    def _check(self, column: str | None, name: str, fn: Callable, explain: _Explain) -> pa.Check:
        self.explain[(column, name)] = explain
        return pa.Check(fn, name=name)

    def _column(self, col: Col) -> pa.Column:
        checks: list[pa.Check] = []
        choices = col.choices or (
            tuple(self.references[col.ref]) if col.ref in self.references else None
        )
        if choices is not None:
            allowed = set(choices)
            checks.append(
                self._check(
                    col.name,
                    "pilihan",
                    lambda s, allowed=allowed: s.isin(allowed),
                    _Explain(
                        lambda v: f"nilai tidak dikenal untuk kolom {col.name}",
                        _choice_fix(col, choices),
                    ),
                )
            )
        if col.pattern:
            checks.append(
                self._check(
                    col.name,
                    "pola",
                    lambda s: s.str.fullmatch(col.pattern).fillna(False).astype(bool),
                    _Explain(
                        lambda v: "bentuk nilai tidak sah", lambda v: f"isi {col.pattern_hint}"
                    ),
                )
            )
        if col.min is not None or col.max is not None:
            checks.append(self._range_check(col))
        if col.in_year and col.kind == "date":
            checks.append(
                self._check(
                    col.name,
                    "tahun",
                    lambda s: s.dt.year == self.year,
                    _Explain(
                        lambda v: f"tanggal di luar tahun PK {self.year}",
                        lambda v: (
                            f"periksa tahunnya (harus {self.year}); data tahun lain "
                            f"masuk ke folder tahunnya sendiri"
                        ),
                    ),
                )
            )
        if col.in_year and col.kind == "month":
            checks.append(
                self._check(
                    col.name,
                    "bulan_1_12",
                    lambda s: pd.to_numeric(s.str[5:7], errors="coerce").between(1, 12),
                    _Explain(
                        lambda v: f"bulan {str(v)[5:7]} tidak ada (harus 01–12)",
                        lambda v: f"{_MONTH_FIX}; bulan 01 sampai 12",
                    ),
                )
            )
            checks.append(
                self._check(
                    col.name,
                    "tahun",
                    lambda s: s.str[:4] == str(self.year),
                    _Explain(
                        lambda v: f"bulan di luar tahun PK {self.year}",
                        lambda v: f"periksa tahunnya (harus {self.year}), mis. {self.year}-04",
                    ),
                )
            )
        return pa.Column(
            _DTYPES[col.kind],
            checks=checks,
            nullable=col.nullable,
            unique=col.unique,
            required=True,
        )

    def _range_check(self, col: Col) -> pa.Check:
        lo, hi = col.min, col.max
        if lo is not None and hi is not None:
            text, fn = f"{_n(lo)}–{_n(hi)}", (lambda s: s.between(lo, hi))
        elif lo is not None:
            text, fn = f"≥ {_n(lo)}", (lambda s: s >= lo)
        else:
            text, fn = f"≤ {_n(hi)}", (lambda s: s <= hi)
        negative = lo == 0 and hi is None
        return self._check(
            col.name,
            "rentang",
            fn,
            _Explain(
                lambda v: "tidak boleh negatif" if negative else f"di luar rentang {text}",
                lambda v: "isi angka 0 atau lebih" if negative else f"isi angka {text}",
            ),
        )

    def _rule(self, rule: RowRule) -> pa.Check:
        def ok(df: pd.DataFrame) -> pd.Series:
            # A missing column is reported on its own; the rule then has nothing to check.
            if not set(rule.needs) <= set(df.columns):
                return pd.Series(True, index=df.index)
            return rule.ok(df).fillna(True).astype(bool)

        return self._check(None, rule.name, ok, _Explain(lambda v: "", lambda v: rule.fix))

    def pandera(self) -> pa.DataFrameSchema:
        self.explain.clear()
        return pa.DataFrameSchema(
            {c.name: self._column(c) for c in self.spec.columns},
            checks=[self._rule(r) for r in self.spec.rules],
            strict=True,
            unique=list(self.spec.key) or None,
            report_duplicates="all",
            name=self.spec.name,
        )

    def validate(self, typed: pd.DataFrame) -> pd.DataFrame | None:
        """pandera's failure cases (None when the frame is valid)."""
        try:
            self.pandera().validate(typed, lazy=True)
        except pa.errors.SchemaErrors as exc:
            return exc.failure_cases
        return None


# --- failure cases → problems ------------------------------------------------------------


@dataclass(frozen=True)
class Located:
    """What `TableSchema.problems` needs to know about the file: its name and its lines."""

    shown: str
    raw: pd.DataFrame  # the text cells, as read
    typed: pd.DataFrame
    lines: pd.Series  # line number of each record (header = 1), same index as raw


def _raw(where: Located, index: int, column: str | None) -> object:
    if column is None or column not in where.raw.columns:
        return None
    return where.raw.at[index, column]


def cell_problems(where: Located, errors: list[CellError]) -> list[Problem]:
    return [
        Problem(
            where.shown,
            e.message,
            fix=e.fix,
            row=int(where.lines[e.index]),
            column=e.column,
            value=_raw(where, e.index, e.column),
        )
        for e in errors
    ]


def _duplicates(
    schema: TableSchema, where: Located, columns: list[str], key: bool
) -> list[Problem]:
    """One problem per repeated row, naming the line it repeats."""
    frame = where.typed[columns]
    repeated = frame.duplicated(keep="first") & frame.notna().all(axis=1)
    found = []
    for index in frame.index[repeated]:
        same = (frame == frame.loc[index]).all(axis=1)
        first = int(where.lines[same.idxmax()])
        if key:
            desc = " × ".join(f"{c}={_raw(where, index, c)}" for c in columns)
            message = f"kombinasi {desc} sudah ada di baris {first}"
            fix = schema.spec.key_fix
        else:
            message = f"{columns[0]} sudah dipakai di baris {first}"
            fix = (
                "hapus baris duplikat atau beri id lain"
                if columns[0] == "id"
                else ("hapus baris duplikat")
            )
        found.append(
            Problem(
                where.shown,
                message,
                fix=fix,
                row=int(where.lines[index]),
                column=columns[-1] if key else columns[0],
                value=_raw(where, index, columns[-1] if key else columns[0]),
            )
        )
    return found


def _columns_problems(spec: Spec, cases: pd.DataFrame, shown: str) -> list[Problem]:
    found = []
    for _, case in cases.iterrows():
        name = str(case["failure_case"])
        if case["check"] == "column_in_schema":
            hint = suggest(name, spec.names)
            guess = f" (maksudnya '{hint}'?)" if hint else ""
            found.append(
                Problem(
                    shown,
                    "kolom tidak dikenal",
                    fix=f"hapus kolom atau perbaiki ejaannya{guess}; kolom yang sah: "
                    + ", ".join(spec.names),
                    row=1,
                    column=name,
                )
            )
        else:
            found.append(
                Problem(
                    shown,
                    "kolom wajib tidak ada",
                    fix=f"tambahkan kolom '{name}' pada baris header (baris 1)",
                    row=1,
                    column=name,
                )
            )
    return found


def schema_problems(
    schema: TableSchema, where: Located, cases: pd.DataFrame, unreadable: set[tuple[int, str]]
) -> list[Problem]:
    """Turn pandera failure cases into problems; skip cells already reported as unreadable."""
    spec = schema.spec
    found: list[Problem] = []
    header = cases["check"].isin(["column_in_schema", "column_in_dataframe"])
    found += _columns_problems(spec, cases[header], where.shown)
    if spec.key and cases["check"].eq("multiple_fields_uniqueness").any():
        found += _duplicates(schema, where, list(spec.key), key=True)
    seen_rules: set[tuple[str, int]] = set()
    for _, case in cases[~header].iterrows():
        check, column, index = str(case["check"]), case["column"], case["index"]
        if check in ("multiple_fields_uniqueness", "field_uniqueness") or index is None:
            continue
        if pd.isna(index):
            continue
        index = int(index)
        if (index, column) in unreadable:
            continue
        row = int(where.lines[index])
        if case["schema_context"] == "DataFrameSchema":  # a row rule: one problem per row
            rule = next(r for r in spec.rules if r.name == check)
            if (check, index) in seen_rules or any((index, c) in unreadable for c in rule.needs):
                continue  # one problem per row; an unreadable cell is already reported
            seen_rules.add((check, index))
            typed_row = where.typed.loc[index]
            found.append(
                Problem(
                    where.shown,
                    rule.message(typed_row),
                    fix=rule.fix,
                    row=row,
                    column=rule.column,
                    value=_raw(where, index, rule.column),
                )
            )
            continue
        value = _raw(where, index, column)
        if check == "not_nullable":
            found.append(
                Problem(
                    where.shown,
                    "sel kosong, padahal kolom ini wajib diisi",
                    fix=f"isi kolom {column} pada baris ini (lihat data/README.md)",
                    row=row,
                    column=column,
                )
            )
            continue
        explain = schema.explain.get((column, check))
        if explain is None:  # a dtype failure cannot happen after parsing; keep it readable anyway
            found.append(
                Problem(
                    where.shown,
                    f"nilai tidak sah ({check})",
                    row=row,
                    column=column,
                    value=value,
                    fix="periksa nilai ini sesuai data/README.md",
                )
            )
            continue
        found.append(
            Problem(
                where.shown,
                explain.message(value),
                fix=explain.fix(value),
                row=row,
                column=column,
                value=value,
            )
        )
    repeated = set(cases.loc[cases["check"].eq("field_uniqueness"), "column"])
    for column in spec.names:
        if column in repeated:
            found += _duplicates(schema, where, [column], key=False)
    return found


def validate_table(
    schema: TableSchema, shown: str, raw: pd.DataFrame, lines: pd.Series
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Parse and validate one table read as text; the final frame (None if invalid) and problems."""
    typed, errors = parse_columns(schema.spec, raw)
    where = Located(shown, raw, typed, lines)
    problems = cell_problems(where, errors)
    cases = schema.validate(typed)
    if cases is not None:
        unreadable = {(e.index, e.column) for e in errors}
        problems += schema_problems(schema, where, cases, unreadable)
    problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    if any(p.severity == "error" for p in problems):
        return None, problems
    return finalize(schema.spec, typed), problems
