"""Declared oddities: data/<unit>/<year>/catatan.yml turns a known warning into a note.

Some data are odd on purpose (no rehabilitation before the technical guideline came out, a
quarterly target that the PK repeats every quarter). Declaring them once keeps `lkj check`
quiet about them, so a warning always means something. Format (also in data/README.md):

    catatan:
      - peringatan: kosong        # the warning's code (CODES)
        subjek: IKU04              # IKU kode, kegiatan kode, anggaran, ikpa/ikpa_aspek, text
                                   # name (ringkasan, IKU04 …); a list, or "*" for every one
        triwulan: [1, 2]           # optional: only these quarters (default: every quarter)
        alasan: Juknis rehabilitasi baru terbit pada Triwulan III.

A declaration matching no warning of a run is not an error (it may concern another quarter).
"""

from __future__ import annotations

from dataclasses import dataclass

from lkj.analyst.checks import Flag
from lkj.errors import Problem
from lkj.inputs.params import Run
from lkj.inputs.yamlio import load_yaml

FILE = "catatan.yml"
CODES = {
    "kosong": "triwulan tanpa data untuk IKU atau anggaran",
    "lonjakan": "realisasi jauh dari rata-rata triwulan sebelumnya",
    "jumlah_target": "jumlah target triwulan ≠ target tahunan",
    "melebihi_pagu": "realisasi anggaran di atas pagu revisi",
    "target_nol": "target triwulan berikutnya masih 0",
    "ikpa_kosong": "IKPA triwulan laporan belum diisi",
    "teks_kosong": "teks triwulan belum ditulis",
    "triwulan_berikutnya": "baris bertanggal triwulan setelah triwulan laporan",
}
KEYS = ("peringatan", "subjek", "triwulan", "alasan")


@dataclass(frozen=True)
class Declared:
    code: str
    subjects: frozenset[str]  # "*" = every subject
    quarters: frozenset[int] | None
    reason: str

    def covers(self, flag: Flag) -> bool:
        if flag.code != self.code or not ({flag.subject, "*"} & self.subjects):
            return False
        return self.quarters is None or flag.quarter is None or flag.quarter in self.quarters


def _quarters(value: object) -> frozenset[int] | None:
    items = value if isinstance(value, list) else [value]
    if all(isinstance(q, int) and not isinstance(q, bool) and 1 <= q <= 4 for q in items):
        return frozenset(items)
    return None


def _entry(item: object, line: int, shown: str) -> tuple[Declared | None, list[Problem]]:
    fix_keys = f"tulis kunci {', '.join(KEYS)} (lihat data/README.md)"
    if not isinstance(item, dict):
        return None, [Problem(shown, "catatan harus berupa pemetaan", fix=fix_keys, row=line)]
    problems = [
        Problem(shown, f"kunci '{k}' tidak dikenal", fix=fix_keys, row=line, column=str(k))
        for k in item
        if k not in KEYS
    ]
    code = item.get("peringatan")
    if code not in CODES:
        problems.append(
            Problem(
                shown,
                "jenis peringatan tidak dikenal",
                fix=f"pakai salah satu dari: {', '.join(CODES)}",
                row=line,
                column="peringatan",
                value=code,
            )
        )
    subject, reason = item.get("subjek"), item.get("alasan")
    subjects = subject if isinstance(subject, list) else [subject]
    for key, value in [("alasan", reason), *(("subjek", s) for s in subjects)]:
        if not isinstance(value, str) or not value.strip():
            problems.append(
                Problem(shown, f"'{key}' harus diisi teks", fix=fix_keys, row=line, column=key)
            )
    quarters = None
    if "triwulan" in item:
        quarters = _quarters(item["triwulan"])
        if quarters is None:
            problems.append(
                Problem(
                    shown,
                    "triwulan harus 1–4 atau daftar, mis. [1, 2]",
                    fix="tulis triwulan: [1, 2] atau hapus kunci ini (berlaku semua triwulan)",
                    row=line,
                    column="triwulan",
                    value=item["triwulan"],
                )
            )
    if problems:
        return None, problems
    return Declared(str(code), frozenset(map(str, subjects)), quarters, str(reason).strip()), []


def load(run: Run) -> tuple[list[Declared], list[Problem]]:
    """The declarations of the run's year folder (none when catatan.yml is absent)."""
    path = run.year_dir / FILE
    if not path.is_file():
        return [], []
    shown = run.shown(path)
    data, lines, problems = load_yaml(path, shown)
    if problems:
        return [], problems
    items = data.get("catatan") if isinstance(data, dict) else None
    if not isinstance(items, list) or set(data) != {"catatan"}:
        fix = "tulis 'catatan:' lalu daftar butir (lihat data/README.md)"
        return [], [Problem(shown, "isi harus satu kunci 'catatan' berisi daftar", fix=fix)]
    declared: list[Declared] = []
    for index, item in enumerate(items):
        entry, found = _entry(item, lines.get(("catatan", index), 1), shown)
        problems += found
        if entry is not None:
            declared.append(entry)
    return declared, problems


def split(flags: list[Flag], declared: list[Declared]) -> tuple[list[Problem], list[Problem]]:
    """(warnings left, notes): a declared flag becomes a note carrying its reason."""
    warnings, notes = [], []
    for flag in flags:
        match = next((d for d in declared if d.covers(flag)), None)
        if match is None:
            warnings.append(flag.problem)
            continue
        p = flag.problem
        notes.append(
            Problem(
                p.file,
                p.message,
                fix=f"dicatat di {FILE}: {match.reason}",
                row=p.row,
                column=p.column,
                value=p.value,
                severity="note",
            )
        )
    return warnings, notes
