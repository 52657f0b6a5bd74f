"""Write the value registry as JSON or CSV (for `lkj compute`)."""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from lkj.values.registry import Registry


def _json_default(obj: Any) -> Any:
    if hasattr(obj, "item"):
        return obj.item()
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    return str(obj)


def write_values(registry: Registry, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump(
            {"values": registry.as_records()},
            out,
            ensure_ascii=False,
            indent=1,
            default=_json_default,
        )
        out.write("\n")
        return
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            [
                "id",
                "label",
                "value",
                "display",
                "unit",
                "kind",
                "formula",
                "inputs",
                "sources",
                "function",
            ]
        )
        for v in registry:
            sources = "; ".join(f"{s.file}:{','.join(map(str, s.rows))}" for s in v.sources)
            writer.writerow(
                [
                    v.id,
                    v.label,
                    "" if v.value is None else v.value,
                    v.display,
                    v.unit,
                    v.kind,
                    v.formula,
                    " ".join(v.inputs),
                    sources,
                    v.function,
                ]
            )
        return
    raise ValueError(f"unknown format {fmt!r}")
