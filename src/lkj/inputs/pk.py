"""The unit profile and the Perjanjian Kinerja (PK) as typed objects, read from YAML."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from lkj.inputs.unit import Band, check_bands

Filter = dict[str, str | int | float | list[str | int | float]]


class Person(BaseModel):
    model_config = ConfigDict(extra="forbid")
    nama: str = Field(min_length=1)
    jabatan: str = Field(min_length=1)
    nip: str | None = None


class Renstra(BaseModel):
    model_config = ConfigDict(extra="forbid")
    periode: str
    visi: str
    misi: list[str] = Field(min_length=1)
    tujuan: list[str] = Field(min_length=1)


class Profile(BaseModel):
    """profil.yml: who the unit is and who signs."""

    model_config = ConfigDict(extra="forbid")
    kode: str
    nama: str
    nama_singkat: str
    induk: str
    alamat: str
    kota: str
    telepon: str
    email: str
    laman: str | None = None
    kepala: Person
    atasan: Person
    renstra: Renstra


class Perspektif(BaseModel):
    """A level above sasaran (e.g. the Balanced Scorecard's perspectives); optional."""

    model_config = ConfigDict(extra="forbid")
    kode: str
    uraian: str


class Sasaran(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kode: str
    uraian: str
    perspektif: str | None = None  # kode of a pk.yml perspektif


class Kegiatan(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kode: str
    nama: str
    program: str | None = None


class Source(BaseModel):
    """How an IKU's realisation is computed from a dataset."""

    model_config = ConfigDict(extra="forbid")
    dataset: str
    aturan: Literal["hitung", "jumlah", "rasio", "nilai", "kategori"]
    saring: Filter = Field(default_factory=dict)
    pembilang: Filter | None = None
    kolom: list[str] | str | None = None
    satuan_butir: str | None = None
    kosong: Literal["belum", "nol"] = "belum"

    @model_validator(mode="after")
    def _rule_fields(self) -> Source:
        if self.aturan == "rasio" and self.pembilang is None:
            raise ValueError("aturan 'rasio' memerlukan 'pembilang' (saringan untuk pembilang)")
        if self.aturan in ("jumlah", "nilai", "kategori") and not self.kolom:
            raise ValueError(f"aturan '{self.aturan}' memerlukan 'kolom'")
        return self

    @property
    def columns(self) -> list[str]:
        if self.kolom is None:
            return []
        return [self.kolom] if isinstance(self.kolom, str) else list(self.kolom)


class Iku(BaseModel):
    """One Indikator Kinerja Utama with its measurement rules."""

    model_config = ConfigDict(extra="forbid")
    kode: str = Field(pattern=r"^[A-Z0-9]+$")
    nomor: int = Field(ge=1)
    sasaran: str
    kegiatan: str
    nama: str
    nama_pk: str | None = None
    jenis: Literal["persentase", "jumlah", "skor", "kategori"]
    satuan: str = ""
    polaritas: Literal["naik", "turun"] = "naik"
    metode_turun: Literal["selisih", "kebalikan"] = "selisih"
    batas_capaian: float | None = Field(default=None, gt=0)  # a cap of 0 or less caps nothing
    kumulatif: Literal["jumlah", "rasio", "terakhir"]
    tampilan: Literal["biasa", "persen_jumlah"] = "biasa"
    kategori: list[str] | None = None
    sumber: Source
    informasi_kinerja: str = ""
    # Criterion bands of this IKU; None: the unit's (unit.yml), []: none for this IKU.
    kriteria: list[Band] | None = None
    # How target.csv's TWn reads for this IKU; None: the PK's target_triwulan.
    target_triwulan: Literal["triwulan", "kumulatif"] | None = None

    @field_validator("kriteria")
    @classmethod
    def _bands(cls, bands: list[Band] | None) -> list[Band] | None:
        return None if bands is None else check_bands(bands)

    @model_validator(mode="after")
    def _consistent(self) -> Iku:
        if self.jenis == "kategori":
            if not self.kategori or len(self.kategori) < 2:
                raise ValueError("IKU berjenis 'kategori' memerlukan daftar 'kategori' (urut naik)")
            if self.sumber.aturan != "kategori":
                raise ValueError("IKU berjenis 'kategori' memerlukan sumber.aturan 'kategori'")
        elif self.sumber.aturan == "kategori":
            raise ValueError("sumber.aturan 'kategori' hanya untuk IKU berjenis 'kategori'")
        if self.kumulatif == "rasio" and self.sumber.aturan != "rasio":
            raise ValueError("kumulatif 'rasio' hanya untuk sumber.aturan 'rasio'")
        return self

    @property
    def key(self) -> str:
        """Lower-case code used in value ids: IKU07 → iku07."""
        return self.kode.lower()


class PK(BaseModel):
    """pk.yml: the year's Perjanjian Kinerja."""

    model_config = ConfigDict(extra="forbid")
    tahun: int
    tanggal_pk: dt.date | None = None
    kota_pk: str | None = None
    # "triwulan": target.csv's TWn is the target of quarter n alone (today's reports);
    # "kumulatif": it is the target "s.d. TW n", and the cumulative capaian is against it.
    target_triwulan: Literal["triwulan", "kumulatif"] = "triwulan"
    perspektif: list[Perspektif] = Field(default_factory=list)
    sasaran: list[Sasaran] = Field(min_length=1)
    kegiatan: list[Kegiatan] = Field(min_length=1)
    iku: list[Iku] = Field(min_length=1)

    @model_validator(mode="after")
    def _references(self) -> PK:
        ss = {s.kode for s in self.sasaran}
        kg = {k.kode for k in self.kegiatan}
        ps = {p.kode for p in self.perspektif}
        for s in self.sasaran:
            if ps and s.perspektif not in ps:
                raise ValueError(f"sasaran {s.kode}: perspektif '{s.perspektif}' tidak dikenal")
            if not ps and s.perspektif is not None:
                raise ValueError(f"sasaran {s.kode}: perspektif tanpa daftar perspektif")
        seen: set[str] = set()
        numbers: set[int] = set()
        for item in self.iku:
            if item.kode in seen:
                raise ValueError(f"kode IKU {item.kode} dipakai dua kali")
            if item.nomor in numbers:
                raise ValueError(f"nomor IKU {item.nomor} dipakai dua kali")
            seen.add(item.kode)
            numbers.add(item.nomor)
            if item.sasaran not in ss:
                raise ValueError(
                    f"{item.kode}: sasaran '{item.sasaran}' tidak ada di daftar sasaran"
                )
            if item.kegiatan not in kg:
                raise ValueError(
                    f"{item.kode}: kegiatan '{item.kegiatan}' tidak ada di daftar kegiatan"
                )
        return self

    def iku_by_code(self, code: str) -> Iku:
        for item in self.iku:
            if item.kode == code:
                return item
        raise KeyError(code)

    def sasaran_by_code(self, code: str) -> Sasaran:
        return next(s for s in self.sasaran if s.kode == code)

    def bands(self, iku: Iku, unit_bands: list[Band]) -> list[Band]:
        """The IKU's criterion bands: its own, else the unit's (empty: no bands)."""
        return unit_bands if iku.kriteria is None else iku.kriteria

    def cumulative_targets(self, iku: Iku) -> bool:
        """Whether target.csv's TWn is this IKU's target "s.d. TW n"."""
        return (iku.target_triwulan or self.target_triwulan) == "kumulatif"
