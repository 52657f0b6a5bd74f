"""What `lkj diff` may say about the rows of personal data files (docs/security.md).

Between two internal builds each personal file's rows are compared by their row hashes: how
many rows were added, removed or changed (a changed row: another hash on the same line).
A public build has no row hashes and no line numbers of personal files — they would confirm
a known person or single one out — so between public builds only the row counts that the
edition publishes anyway are compared, and the diff says so.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from lkj.inputs import personal

Manifest = dict[str, Any]

NOT_SHOWN = (
    "perbedaan per baris tidak ditampilkan: edisi publik tidak memuat sidik baris maupun "
    "nomor baris berkas data pribadi (bandingkan dua build edisi internal untuk itu)"
)


def personal_files(a: Manifest, b: Manifest, root: Path) -> list[str]:
    names = sorted(a["files"].keys() | b["files"].keys())
    return [n for n in names if personal.is_personal_file(root, n)]


def _row_changes(a: dict[str, str], b: dict[str, str]) -> tuple[int, int, int]:
    """(added, removed, changed) between two {line: hash} maps of one file."""
    only_a = Counter(a.values()) - Counter(b.values())
    only_b = Counter(b.values()) - Counter(a.values())
    changed = 0
    for line, hash_a in a.items():
        hash_b = b.get(line)
        if hash_b and only_a[hash_a] and only_b[hash_b]:  # same line, another content
            only_a[hash_a] -= 1
            only_b[hash_b] -= 1
            changed += 1
    return sum(only_b.values()), sum(only_a.values()), changed


def _row_counts(manifest: Manifest, file: str) -> dict[str, int]:
    """Value id -> the rows of file it counts: what the public edition says anyway."""
    out: dict[str, int] = {}
    for vid, v in manifest["values"].items():
        for s in v["sources"]:
            if s["file"] == file:
                out[vid] = out.get(vid, 0) + s.get("row_count", len(s["rows"]))
    return out


def _published_counts(a: Manifest, b: Manifest, file: str) -> str:
    """The values whose row count of file differs, the largest named: '2 nilai …'."""
    ca, cb = _row_counts(a, file), _row_counts(b, file)
    moved = [(ca.get(v, 0), cb.get(v, 0), v) for v in sorted(ca.keys() | cb.keys())]
    moved = [m for m in moved if m[0] != m[1]]
    if not moved:
        return "jumlah baris di bawah setiap nilai sama"
    na, nb, vid = max(moved, key=lambda m: (max(m[0], m[1]), m[2]))
    return f"jumlah baris berubah di bawah {len(moved)} nilai, mis. {vid}: {na} → {nb} baris"


def personal_rows(a: Manifest, b: Manifest, root: Path) -> list[str]:
    """One line per personal file whose content differs between the builds."""
    public = personal.is_public(a["edition"]) or personal.is_public(b["edition"])
    out = []
    for file in personal_files(a, b, root):
        fa, fb = a["files"].get(file, {}), b["files"].get(file, {})
        if fa.get("sha256") == fb.get("sha256"):
            continue
        if public:
            out.append(f"{file}: {NOT_SHOWN}; {_published_counts(a, b, file)}")
            continue
        added, removed, changed = _row_changes(fa.get("row_hashes", {}), fb.get("row_hashes", {}))
        out.append(
            f"{file}: {added} baris ditambah, {removed} dihapus, {changed} diubah "
            "(di antara baris yang dipakai buku)"
        )
    return out
