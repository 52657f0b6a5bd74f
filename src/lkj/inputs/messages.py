"""pydantic's validation errors in Bahasa Indonesia: one message and one fix per error.

Used for params/<run>.yml (lkj.inputs.params) and the YAML files of data/ (lkj.inputs.models).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_KEY_EXAMPLES = {
    "kepala": 'kepala: {nama: "NAMA, S.H.", nip: "19671011 199103 1 001", jabatan: Kepala ...}',
    "atasan": "atasan: {nama: ..., jabatan: ...}",
    "renstra": "renstra: {periode: 2025-2029, visi: ..., misi: [...], tujuan: [...]}",
    "tahun": "tahun: 2025",
    "sumber": "sumber: {dataset: pengaduan, aturan: hitung}",
}
_README_FIX = "perbaiki nilai ini sesuai contoh di data/README.md"
# Errors whose message and fix do not depend on the value or the key.
_FIXED: dict[str, tuple[str, str]] = {
    "extra_forbidden": ("kunci tidak dikenal", "hapus kunci ini atau perbaiki ejaannya"),
    "string_pattern_mismatch": (
        "bentuk kode tidak sah",
        "pakai huruf besar dan angka saja, mis. IKU01",
    ),
    "too_short": ("tidak boleh kosong", "isi setidaknya satu butir/huruf"),
    "string_too_short": ("tidak boleh kosong", "isi setidaknya satu butir/huruf"),
    **{
        kind: ("tanggal tidak sah", "gunakan format tanggal YYYY-MM-DD, mis. 2025-01-02")
        for kind in ("date_parsing", "date_from_datetime_parsing", "date_type")
    },
    **{
        kind: (f"nilai {words}", _README_FIX)
        for kind, words in {
            "string_type": "harus berupa teks",
            "int_type": "harus bilangan bulat",
            "int_parsing": "harus bilangan bulat",
            "int_from_float": "harus bilangan bulat",
            "float_type": "harus angka",
            "float_parsing": "harus angka",
            "bool_type": "harus true atau false",
            "list_type": "harus berupa daftar",
            "dict_type": "harus berupa pemetaan (kunci: nilai)",
            "model_type": "harus berupa pemetaan (kunci: nilai)",
            "model_attributes_type": "harus berupa pemetaan (kunci: nilai)",
        }.items()
    },
}
_BOUNDS = ("greater_than_equal", "less_than_equal", "greater_than", "less_than")


def error_text(err: Mapping[str, Any], key: str) -> tuple[str, str]:
    """(message, fix) in Bahasa Indonesia for one pydantic error about the key `key`."""
    kind = err["type"]
    if kind in _FIXED:
        return _FIXED[kind]
    if kind == "missing":
        example = _KEY_EXAMPLES.get(key, f"{key}: ...")
        return "kunci wajib tidak ada", f"tambahkan {example} (lihat data/README.md)"
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
        return "nilai tidak diizinkan", f"pakai salah satu dari: {', '.join(options)}"
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, "), ""
    if kind in _BOUNDS:
        bound = next(iter(err.get("ctx", {}).values()), "")
        said, asked = {
            "greater_than_equal": ("minimal", "minimal"),
            "less_than_equal": ("maksimal", "maksimal"),
            "greater_than": ("harus lebih dari", "lebih dari"),
            "less_than": ("harus kurang dari", "kurang dari"),
        }[kind]
        return f"nilai di luar rentang ({said} {bound})", f"isi angka {asked} {bound}"
    return f"nilai tidak sah ({err['msg']})", _README_FIX
