"""YAML files of data/ through their pydantic models: every error located by key path and line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from lkj.errors import Problem
from lkj.inputs.hints import suggest, with_hint
from lkj.inputs.messages import error_text
from lkj.inputs.perspektif import perspective_problems
from lkj.inputs.pk import PK
from lkj.inputs.yamlio import KeyPath, dotted, line_of, load_yaml

_TAG = re.compile(r"(str|int|float|bool|none|date|datetime|(list|dict|union|function-\w+)\[.*\])")


def _clean_loc(loc: tuple[Any, ...], data: Any) -> KeyPath:
    """Drop pydantic's union-member tags ('str', 'list[str]', …) that are not keys of the file."""
    out: list[str | int] = []
    node = data
    for part in loc:
        is_key = isinstance(node, dict) and part in node
        is_item = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if not (is_key or is_item) and isinstance(part, str) and _TAG.fullmatch(part):
            continue
        out.append(part)
        node = node[part] if (is_key or is_item) else None
    return tuple(out)


def _fields_at(model: type[BaseModel], loc: KeyPath) -> list[str]:
    """Field names of the model found at loc (for 'maksudnya ...?' on unknown keys)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(str(part))
        if info is None:
            return []
        current = _model_in(info.annotation)
    return (
        list(current.model_fields)
        if isinstance(current, type) and issubclass(current, BaseModel)
        else []
    )


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation) if get_origin(annotation) else ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


# Model validators report a whole IKU; point at the key the message is about.
_RULE_KEYS: tuple[tuple[str, KeyPath, KeyPath, str], ...] = (
    # (message pattern, key the fix adds or changes, key whose line to show, fix)
    (r"memerlukan 'pembilang'", ("pembilang",), ("aturan",), "tambahkan pembilang: {kolom: nilai}"),
    (r"memerlukan 'kolom'", ("kolom",), ("aturan",), "tambahkan kolom: nama kolom yang dibaca"),
    (
        r"memerlukan daftar 'kategori'",
        ("kategori",),
        ("jenis",),
        "tambahkan kategori: daftar kategori urut naik, mis. [Kurang, Cukup, Baik]",
    ),
    (r"memerlukan sumber.aturan", ("sumber", "aturan"), (), "isi sumber.aturan: kategori"),
    (r"^sumber.aturan 'kategori' hanya", ("sumber", "aturan"), (), "ganti aturan atau jenis IKU"),
    (r"^kumulatif 'rasio' hanya", ("kumulatif",), (), "pakai kumulatif jumlah atau terakhir"),
    (
        r"^kriteria harus urut|^batas_bawah kriteria|^label kriteria",
        (),
        (),
        "tulis kriteria dari batas_bawah terbesar ke terkecil, setiap batas dan label sekali, "
        "mis. [{batas_bawah: 90, label: Sangat Baik}, {batas_bawah: 0, label: Kurang}]",
    ),
)


def _refine(
    loc: KeyPath, message: str, lines: dict[KeyPath, int]
) -> tuple[KeyPath, int | None, str]:
    """(key path, line, fix) for a model validator's message about the object at loc."""
    for pattern, sub, row_sub, fix in _RULE_KEYS:
        if re.search(pattern, message):
            return (*loc, *sub), line_of(lines, (*loc, *(row_sub or sub))), fix
    return loc, line_of(lines, loc), "perbaiki sesuai data/README.md"


def model_problems(
    exc: ValidationError, model: type[BaseModel], data: Any, lines: dict[KeyPath, int], shown: str
) -> list[Problem]:
    """Every pydantic error as a Problem: column = dotted key path, row = its YAML line."""
    grouped: dict[KeyPath, list[ErrorDetails]] = {}
    for err in exc.errors():
        grouped.setdefault(_clean_loc(tuple(err["loc"]), data), []).append(err)
    found = []
    for loc, errs in grouped.items():
        err = errs[0]
        key = str(loc[-1]) if loc else ""
        if len(errs) > 1 and all(e["type"] != "missing" for e in errs):
            message, fix = "jenis nilai tidak sah", _union_fix(key, loc)
        else:
            message, fix = error_text(err, key)
        where, row = loc, line_of(lines, loc)
        if err["type"] == "value_error":
            where, row, fix = _refine(loc, message, lines)
        if err["type"] == "extra_forbidden":
            fix = with_hint(fix, suggest(key, _fields_at(model, loc[:-1])))
        value = err.get("input")
        shown_value = value if err["type"] != "missing" and _is_scalar(value) else None
        found.append(
            Problem(
                shown,
                message,
                fix=fix,
                row=row,
                column=dotted(where) or None,
                value=shown_value,
            )
        )
    return found


def _union_fix(key: str, loc: KeyPath) -> str:
    if "saring" in loc or "pembilang" in loc:
        return "isi teks, angka, atau daftar nilai, mis. {difasilitasi: ya}"
    if key == "kolom":
        return "isi satu nama kolom atau daftar nama kolom, mis. [hadir, jumlah]"
    return "perbaiki nilai ini sesuai contoh di data/README.md"


def _is_scalar(value: object) -> bool:
    return isinstance(value, (str, int, float, bool)) or hasattr(value, "isoformat")


def _pk_reference_problems(
    data: dict[str, Any], lines: dict[KeyPath, int], shown: str
) -> list[Problem]:
    """All broken references of pk.yml (the model stops at the first one)."""
    found: list[Problem] = []

    def codes(key: str) -> list[str]:
        items = data.get(key)
        return (
            [str(i.get("kode")) for i in items if isinstance(i, dict)]
            if isinstance(items, list)
            else []
        )

    known = {"sasaran": codes("sasaran"), "kegiatan": codes("kegiatan")}
    items = data["iku"] if isinstance(data.get("iku"), list) else []
    seen: dict[str, int] = {}
    numbered: dict[object, int] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        found += _repeated_number(item, i, numbered, lines, shown)
        kode = str(item.get("kode"))
        if kode in seen:
            found.append(
                Problem(
                    shown,
                    f"kode IKU {kode} dipakai dua kali (pertama di iku[{seen[kode]}])",
                    fix="beri kode lain yang belum dipakai",
                    row=line_of(lines, ("iku", i, "kode")),
                    column=f"iku[{i}].kode",
                    value=kode,
                )
            )
        seen.setdefault(kode, i)
        for key, options in known.items():
            value = item.get(key)
            if value is None or not options or str(value) in options:
                continue
            found.append(
                Problem(
                    shown,
                    f"{kode}: {key} '{value}' tidak ada di daftar {key}",
                    fix=f"pakai salah satu kode {key}: {', '.join(options)}",
                    row=line_of(lines, ("iku", i, key)),
                    column=f"iku[{i}].{key}",
                    value=value,
                )
            )
    return found


def _repeated_number(
    item: dict[str, Any], i: int, numbered: dict[object, int], lines: dict[KeyPath, int], shown: str
) -> list[Problem]:
    """IKU numbers are the report's numbering: two IKUs with one number make tables collide."""
    nomor = item.get("nomor")
    if nomor is None or isinstance(nomor, (dict, list)):
        return []
    if nomor not in numbered:
        numbered[nomor] = i
        return []
    first = numbered[nomor]
    return [
        Problem(
            shown,
            f"nomor IKU {nomor} dipakai dua kali (pertama di iku[{first}], "
            f"baris {line_of(lines, ('iku', first, 'nomor'))})",
            fix="beri setiap IKU nomor urut laporan yang berbeda",
            row=line_of(lines, ("iku", i, "nomor")),
            column=f"iku[{i}].nomor",
            value=nomor,
        )
    ]


def _empty_loc_problem(
    err: ErrorDetails, data: Any, lines: dict[KeyPath, int], shown: str
) -> Problem:
    """A model-level error: find the IKU its message names, else the top of the file."""
    message = str(err["msg"]).removeprefix("Value error, ")
    loc: KeyPath = ()
    items = data.get("iku") if isinstance(data, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict) and re.search(
            rf"\b{re.escape(str(item.get('kode')))}\b", message
        ):
            loc = ("iku", i)
            break
    return Problem(
        shown,
        message,
        fix="perbaiki pk.yml sesuai data/README.md",
        row=line_of(lines, loc),
        column=dotted(loc) or None,
    )


def load_model(
    model: type[BaseModel], path: Path, shown: str
) -> tuple[Any, Any, dict[KeyPath, int], list[Problem]]:
    """(model or None, raw data, key lines, problems) for one YAML file."""
    data, lines, problems = load_yaml(path, shown)
    if problems:
        return None, data, lines, problems
    if not isinstance(data, dict):
        return (
            None,
            data,
            lines,
            [
                Problem(
                    shown,
                    "isi berkas harus berupa pemetaan kunci: nilai",
                    row=1,
                    fix="lihat contoh di data/README.md",
                )
            ],
        )
    try:
        return model.model_validate(data), data, lines, []
    except ValidationError as exc:
        found = model_problems(exc, model, data, lines, shown)
        if model is PK:
            refs = _pk_reference_problems(data, lines, shown)
            refs += perspective_problems(data, lines, shown)
            whole = [e for e in exc.errors() if not e["loc"]]
            # The model's own reference check is subsumed by the complete one above.
            found = [p for p in found if p.column is not None] + refs
            if whole and not refs:
                found += [_empty_loc_problem(e, data, lines, shown) for e in whole]
        return None, data, lines, found
