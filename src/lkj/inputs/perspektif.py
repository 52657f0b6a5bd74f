"""pk.yml's optional perspective level: every broken reference of a sasaran, located.

The PK model stops at the first broken reference and can only name the whole file; this
check reads the raw YAML so each sasaran with an unknown or missing perspektif gets its line.
"""

from __future__ import annotations

from typing import Any

from lkj.errors import Problem
from lkj.inputs.yamlio import KeyPath, dotted, line_of


def perspective_problems(data: Any, lines: dict[KeyPath, int], shown: str) -> list[Problem]:
    """Sasaran naming a perspektif that pk.yml does not list (or none while it lists some)."""
    if not isinstance(data, dict):
        return []
    listed = data.get("perspektif")
    known = (
        [str(p.get("kode")) for p in listed if isinstance(p, dict)]
        if isinstance(listed, list)
        else []
    )
    raw = data.get("sasaran")
    items: list[Any] = raw if isinstance(raw, list) else []
    found: list[Problem] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        value = item.get("perspektif")
        where: KeyPath = ("sasaran", i, "perspektif")
        if known and value is None:
            message, fix = "sasaran tanpa perspektif", f"isi perspektif: {' / '.join(known)}"
            where = ("sasaran", i)
        elif known and str(value) not in known:
            message = f"perspektif '{value}' tidak ada di daftar perspektif"
            fix = f"pakai salah satu kode perspektif: {', '.join(known)}"
        elif not known and value is not None:
            message = "perspektif dipakai, tetapi pk.yml tidak memuat daftar perspektif"
            fix = "tambahkan perspektif: [{kode: ..., uraian: ...}] atau hapus kunci ini"
        else:
            continue
        found.append(
            Problem(
                shown,
                f"sasaran {item.get('kode')}: {message}",
                fix=fix,
                row=line_of(lines, where),
                column=dotted(where),
                value=None if value is None else str(value),
            )
        )
    return found
