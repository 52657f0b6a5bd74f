"""`lkj diff`: what changed between two builds, and which inputs changed under each value.

For a reviewer comparing a draft with the final, or a revised quarter with the published one.
Only manifests are compared (values.json), so the two builds may come from other machines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lkj.provenance.rows import line_ranges

Manifest = dict[str, Any]


@dataclass
class Change:
    id: str
    label: str
    before: str  # display with unit; "—" when absent
    after: str
    delta: float | None  # after - before for numbers
    causes: list[str] = field(default_factory=list)


@dataclass
class Diff:
    changed: list[Change]
    added: list[Change]
    removed: list[Change]
    files: list[str]  # "data/…/penempatan.csv: berubah (sha256 ab12… → cd34…)"
    params: list[str]  # "rounding.default: half_up → truncate"
    build: list[str]  # commit / versions / renderer differences

    @property
    def same(self) -> bool:
        return not (self.changed or self.added or self.removed)


def _flat(data: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(data, dict):
        out: dict[str, Any] = {}
        for k, v in data.items():
            out.update(_flat(v, f"{prefix}.{k}" if prefix else str(k)))
        return out
    return {prefix: data}


def _changes(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    fa, fb = _flat(a), _flat(b)
    return [
        f"{k}: {fa.get(k, '—')} → {fb.get(k, '—')}"
        for k in sorted(set(fa) | set(fb))
        if fa.get(k) != fb.get(k)
    ]


def _number(v: Any) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def _leaf_rows(values: dict[str, Any], value_id: str) -> dict[str, set[int]]:
    """file -> every row under a value (its sources and its inputs' sources)."""
    out: dict[str, set[int]] = {}
    stack, seen = [value_id], set()
    while stack:
        vid = stack.pop()
        if vid in seen or vid not in values:
            continue
        seen.add(vid)
        for s in values[vid]["sources"]:
            out.setdefault(s["file"], set()).update(s["rows"])
        stack.extend(values[vid]["inputs"])
    return out


def causes(a: Manifest, b: Manifest, value_id: str) -> list[str]:
    """Why a value differs: changed rows and files under it, changed params, changed inputs."""
    va, vb = a["values"][value_id], b["values"][value_id]
    rows_a, rows_b = _leaf_rows(a["values"], value_id), _leaf_rows(b["values"], value_id)
    out = []
    for file in sorted(set(rows_a) | set(rows_b)):
        ra, rb = rows_a.get(file, set()), rows_b.get(file, set())
        ha = a["files"].get(file, {}).get("row_hashes", {})
        hb = b["files"].get(file, {}).get("row_hashes", {})
        edited = sorted(n for n in ra & rb if ha.get(str(n)) != hb.get(str(n)))
        if edited:
            out.append(f"{file}: baris {line_ranges(edited)} berubah")
        if ra != rb:
            out.append(f"{file}: baris yang dipakai {len(ra)} → {len(rb)}")
    if va["params"] != vb["params"]:
        out += [f"params {c}" for c in _changes(va["params"], vb["params"])]
    if va["formula"] != vb["formula"]:
        out.append(f"rumus: {va['formula']} → {vb['formula']}")
    moved = [
        i
        for i in vb["inputs"]
        if i in a["values"] and a["values"][i]["value"] != b["values"][i]["value"]
    ]
    if moved:
        out.append("masukan berubah: " + ", ".join(moved))
    if not out and a["params"]["sha256"] != b["params"]["sha256"]:
        out.append("params run berubah (mis. aturan pembulatan)")
    return out


def diff(a: Manifest, b: Manifest) -> Diff:
    va, vb = a["values"], b["values"]
    changed = []
    for vid in va.keys() & vb.keys():
        x, y = va[vid], vb[vid]
        if x["value"] == y["value"] and x["display_with_unit"] == y["display_with_unit"]:
            continue
        nx, ny = _number(x["value"]), _number(y["value"])
        delta = ny - nx if nx is not None and ny is not None else None
        changed.append(
            Change(vid, y["label"], x["display_with_unit"], y["display_with_unit"], delta)
        )
        changed[-1].causes = causes(a, b, vid)
    order = {vid: n for n, vid in enumerate(vb)}
    changed.sort(key=lambda c: order[c.id])
    added = [
        Change(i, vb[i]["label"], "—", vb[i]["display_with_unit"], None) for i in vb if i not in va
    ]
    removed = [
        Change(i, va[i]["label"], va[i]["display_with_unit"], "—", None) for i in va if i not in vb
    ]
    files = []
    for f in sorted(a["files"].keys() | b["files"].keys()):
        ha, hb = a["files"].get(f, {}).get("sha256"), b["files"].get(f, {}).get("sha256")
        if ha == hb:
            continue
        if ha is None:
            files.append(f"{f}: baru")
        elif hb is None:
            files.append(f"{f}: tidak dibaca lagi")
        else:
            files.append(f"{f}: berubah (sha256 {ha[:10]}… → {hb[:10]}…)")
    params = _changes(a["params"]["values"], b["params"]["values"])
    build = [
        f"{k}: {x} → {y}"
        for k in ("commit", "dirty", "renderer")
        if (x := a["build"].get(k)) != (y := b["build"].get(k))
    ]
    build += [f"versi {c}" for c in _changes(a["build"]["versions"], b["build"]["versions"])]
    return Diff(changed, added, removed, files, params, build)
