"""Hand-written variants of the mini project (TW II 2025), one per IKU state.

Each case changes the files of a copy of tests/fixtures/mini the way an analyst would, so the
state and its sentences come from real inputs. Used by tests/compute/test_states.py and
tests/book/test_statements.py. Figures in the comments are worked out by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from conftest import Project

Y = "data/mini/2025"
KEPULANGAN = (
    "id,tanggal,debarkasi,negara,nama,no_paspor,kategori,keterangan,alamat,kabupaten_kota,"
    "jenis_kelamin\n"
)
JANUARY_RETURN = (
    "PLG-01,2025-01-08,Jakarta-Kota Mini,Malaysia,Contoh Satu,X0000001,DEPORTASI,,,Kab. Contoh,L\n"
)
PENGADUAN_TW1 = (
    "id,tanggal,p3mi,negara,jenis_masalah,jenis_kelamin,difasilitasi,melalui_ssko\n"
    "ADU-01,2025-02-10,PT Contoh Jaya,Malaysia,A,P,ya,ya\n"
)


def _target(p: Project, iku: str, period: str, old: str, new: str) -> None:
    p.replace(f"{Y}/target.csv", f"{iku},{period},{old}\n", f"{iku},{period},{new}\n")


def _lower_is_better(p: Project) -> None:
    # IKU04 counts returns (1 in TW II); as "lower is better" with the selisih rule.
    p.replace(
        f"{Y}/pk.yml",
        "    satuan: Orang\n    kumulatif: jumlah\n    sumber:\n      dataset: kepulangan",
        "    satuan: Orang\n    polaritas: turun\n    kumulatif: jumlah\n    sumber:\n"
        "      dataset: kepulangan",
    )


def no_data(p: Project) -> None:
    p.write(f"{Y}/kepulangan.csv", KEPULANGAN)  # IKU04: no row in any quarter


def earlier_only(p: Project) -> None:
    p.write(f"{Y}/kepulangan.csv", KEPULANGAN + JANUARY_RETURN)  # IKU04: 1 in TW I, none in TW II


def earlier_reached(p: Project) -> None:
    earlier_only(p)  # IKU04: the one return of TW I meets an annual target of 1
    _target(p, "IKU04", "tahunan", "10", "1")


def earlier_reading(p: Project) -> None:
    # IKU05 reads the latest category: Baik in TW I, nothing yet for TW II
    p.replace(f"{Y}/nilai.csv", "kinerja_anggaran,2,92.5,Sangat Baik,Aplikasi SMART\n", "")


def zero(p: Project) -> None:
    earlier_only(p)  # IKU04: 1 in TW I, and TW II declared nihil → 0 of target 3
    p.write(f"{Y}/nihil.csv", "dataset,triwulan,keterangan\nkepulangan,2,tidak ada kepulangan\n")


def zero_ratio(p: Project) -> None:
    # IKU01: 1 of 1 complaint in TW I, TW II declared nihil → 0 of 0 Kasus, no percentage
    p.write(f"{Y}/pengaduan.csv", PENGADUAN_TW1)
    p.write(f"{Y}/nihil.csv", "dataset,triwulan,keterangan\npengaduan,2,tidak ada pengaduan\n")


def at_target(p: Project) -> None:
    _target(p, "IKU02", "TW2", "50", "38")  # IKU02: 10 + 25 + 3 = 38 of 38 → 100 %


def below_target(p: Project) -> None:
    """IKU02 as shipped: 38 of 50 → 76 %."""


def capped(p: Project) -> None:
    _target(p, "IKU01", "TW2", "80", "40")  # IKU01: 1 of 2 = 50 % of 40 % → 125 %, cap 100


def lower_better(p: Project) -> None:
    _lower_is_better(p)  # 1 return against at most 3 → (2 − 1/3) × 100 = 166,67 %


def lower_worse(p: Project) -> None:
    _lower_is_better(p)
    _target(p, "IKU04", "TW2", "3", "0.5")  # 1 against at most 0,5 → (2 − 2) × 100 = 0 %


def category_met(p: Project) -> None:
    """IKU05 as shipped: Sangat Baik against Baik."""


def category_not_met(p: Project) -> None:
    p.replace(f"{Y}/nilai.csv", "2,92.5,Sangat Baik,", "2,60,Cukup,")  # Cukup against Baik


def zero_target(p: Project) -> None:
    _target(p, "IKU02", "TW2", "50", "0")  # IKU02: 38 against a TW II target of 0


@dataclass(frozen=True)
class Case:
    name: str
    setup: Callable[[Project], None]
    iku: str
    presence: str  # lkj.compute.states.Presence member name, period "tw"
    standing: str  # Standing member name, period "tw"
    summary: tuple[str, ...]  # phrases the Ringkasan paragraph must contain (plain text)
    evaluation: tuple[str, ...]  # phrases "b. Evaluasi Kinerja" must contain
    never: tuple[str, ...] = ()  # phrases neither may contain


CASES = [
    Case(
        "no_data",
        no_data,
        "IKU04",
        "NO_DATA",
        "NONE",
        (
            "Sampai dengan akhir Triwulan II tahun 2025 IKU ini belum terealisasi; "
            "target tahun 2025 sebesar 10 Orang.",
        ),
        ("Sampai dengan akhir Triwulan II tahun 2025 target tersebut belum terealisasi.",),
        ("Secara kumulatif",),
    ),
    Case(
        "earlier_only",
        earlier_only,
        "IKU04",
        "EARLIER_ONLY",
        "NONE",
        (
            "Pada Triwulan II tahun 2025 belum ada realisasi baru; realisasi sampai dengan "
            "Triwulan II sebanyak 1 Orang (seluruhnya dari triwulan sebelumnya), atau mencapai "
            "10% dari target tahun 2025 sebesar 10 Orang.",
        ),
        (
            "Pada Triwulan II tahun 2025 belum ada realisasi baru.",
            "realisasinya sebanyak 1 Orang (seluruhnya dari triwulan sebelumnya), atau 10% dari "
            "target tahunan.",
        ),
        ("belum terealisasi",),
    ),
    Case(
        "earlier_reached",
        earlier_reached,
        "IKU04",
        "EARLIER_ONLY",
        "NONE",
        (
            "(seluruhnya dari triwulan sebelumnya), atau mencapai 100% dari target tahun 2025 "
            "sebesar 1 Orang; target tahunan telah tercapai.",
        ),
        ("atau 100% dari target tahunan. Target tahunan telah tercapai.",),
        ("belum terealisasi",),
    ),
    Case(
        "earlier_reading",
        earlier_reading,
        "IKU05",
        "EARLIER_ONLY",
        "NONE",
        (
            "realisasi sampai dengan Triwulan II berkategori Baik (nilai triwulan sebelumnya), "
            "atau mencapai 100%",
        ),
        (
            "(diambil dari nilai triwulan terakhir) realisasinya berkategori Baik (nilai "
            "triwulan sebelumnya), atau 100% dari target tahunan.",
        ),
        ("belum terealisasi",),
    ),
    Case(
        "zero",
        zero,
        "IKU04",
        "ZERO",
        "BELOW_TARGET",
        (
            "Realisasi Triwulan II tahun 2025 nihil (0 Orang); realisasi sampai dengan "
            "Triwulan II sebanyak 1 Orang, atau mencapai 10% dari target tahun 2025",
        ),
        (
            "Realisasi Triwulan II tahun 2025 nihil (0 Orang), sehingga capaian terhadap target "
            "Triwulan II sebesar 0% dan terhadap target tahunan sebesar 0%.",
            "Dengan demikian target Triwulan II belum tercapai.",
        ),
        ("belum terealisasi", "belum ada realisasi"),
    ),
    Case(
        "zero_ratio",
        zero_ratio,
        "IKU01",
        "ZERO",
        "NONE",
        ("Realisasi Triwulan II tahun 2025 nihil (0 Kasus)",),
        (
            "Realisasi Triwulan II tahun 2025 nihil (0 Kasus): tidak ada kegiatan yang diukur "
            "IKU ini, sehingga capaiannya tidak dihitung.",
        ),
        ("belum terealisasi",),
    ),
    Case(
        "at_target",
        at_target,
        "IKU02",
        "REALISED",
        "AT_TARGET",
        (
            "Realisasi Triwulan II tahun 2025 sebanyak 38 Orang, atau mencapai 19% dari target "
            "tahun 2025 sebesar 200 Orang; target Triwulan II sebesar 38 Orang tercapai.",
        ),
        (
            "sehingga capaian terhadap target Triwulan II sebesar 100% dan terhadap target "
            "tahunan sebesar 19%.",
            "Dengan demikian target Triwulan II tercapai.",
        ),
    ),
    Case(
        "below_target",
        below_target,
        "IKU02",
        "REALISED",
        "BELOW_TARGET",
        ("; target Triwulan II sebesar 50 Orang belum tercapai.",),
        (
            "capaian terhadap target Triwulan II sebesar 76%",
            "Dengan demikian target Triwulan II belum tercapai.",
        ),
    ),
    Case(
        "capped",
        capped,
        "IKU01",
        "REALISED",
        "CAPPED",
        (
            "Realisasi Triwulan II tahun 2025 sebesar 50% (1 dari 2 Kasus)",
            "; target Triwulan II sebesar 40% terlampaui.",
        ),
        (
            "Realisasi tersebut melampaui target Triwulan II; capaian sebelum dibatasi sebesar "
            "125%, dan yang dicatat adalah batas capaian IKU ini, yaitu 100%.",
        ),
    ),
    Case(
        "lower_better",
        lower_better,
        "IKU04",
        "REALISED",
        "LOWER_BETTER",
        (
            "makin rendah makin baik, dan realisasi tidak melebihi target Triwulan II sebesar "
            "3 Orang",
        ),
        (
            "capaian terhadap target Triwulan II sebesar 166,67%",
            "Untuk IKU ini nilai yang makin rendah makin baik; realisasi tidak melebihi target "
            "Triwulan II, sehingga target tersebut tercapai.",
        ),
    ),
    Case(
        "lower_worse",
        lower_worse,
        "IKU04",
        "REALISED",
        "LOWER_WORSE",
        ("makin rendah makin baik, namun realisasi melebihi target Triwulan II sebesar 0,5 Orang",),
        (
            "capaian terhadap target Triwulan II sebesar 0%",
            "realisasi melebihi target Triwulan II, sehingga target tersebut belum tercapai.",
        ),
    ),
    Case(
        "category_met",
        category_met,
        "IKU05",
        "REALISED",
        "CATEGORY_MET",
        (
            "Realisasi Triwulan II tahun 2025 berkategori Sangat Baik",
            "; kategori tersebut memenuhi target Triwulan II (Baik).",
        ),
        (
            "Kategori tersebut sama dengan atau lebih baik daripada kategori target Triwulan II, "
            "sehingga target tersebut tercapai.",
        ),
    ),
    Case(
        "category_not_met",
        category_not_met,
        "IKU05",
        "REALISED",
        "CATEGORY_NOT_MET",
        ("berkategori Cukup", "; kategori tersebut belum memenuhi target Triwulan II (Baik)."),
        (
            "capaian terhadap target Triwulan II sebesar 0%",
            "Kategori tersebut di bawah kategori target Triwulan II, sehingga target tersebut "
            "belum tercapai.",
        ),
    ),
    Case(
        "zero_target",
        zero_target,
        "IKU02",
        "REALISED",
        "ZERO_TARGET",
        ("; target Triwulan II sebesar 0 Orang, sehingga capaian triwulan ini tidak dihitung.",),
        (
            "Realisasi Triwulan II tahun 2025 sebanyak 38 Orang, sehingga capaian terhadap "
            "target tahunan sebesar 19%.",
            "Karena target Triwulan II sebesar 0 Orang, capaian terhadap target Triwulan II "
            "tidak dihitung.",
        ),
    ),
]
