"""Read YAML files while remembering the line of every key, so problems can name a row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from lkj.errors import Problem

KeyPath = tuple[str | int, ...]


def _walk(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[(*path, key)] = key_node.start_mark.line + 1
            _walk(value_node, (*path, key), lines)
            lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines)


def load_yaml(path: Path, shown_as: str) -> tuple[Any, dict[KeyPath, int], list[Problem]]:
    """Parse a YAML file; return (data, line of each key path, problems)."""
    if not path.is_file():
        return (
            None,
            {},
            [
                Problem(
                    shown_as, "berkas tidak ditemukan", fix="buat berkas ini atau perbaiki jalurnya"
                )
            ],
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, {}, [_encoding_problem(shown_as, raw, exc)]
    if not text.strip():
        return (
            None,
            {},
            [Problem(shown_as, "berkas kosong", fix="isi berkas sesuai contoh di data/README.md")],
        )
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark else None
        return (
            None,
            {},
            [
                Problem(
                    shown_as,
                    f"YAML tidak dapat dibaca: {getattr(exc, 'problem', exc)}",
                    row=row,
                    fix="periksa indentasi dan tanda titik dua pada baris itu",
                )
            ],
        )
    lines: dict[KeyPath, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return data, lines, []


def line_of(lines: dict[KeyPath, int], path: KeyPath) -> int | None:
    """Line of the deepest known prefix of path (a missing key points at its parent)."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def dotted(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _encoding_problem(shown_as: str, raw: bytes, exc: UnicodeDecodeError) -> Problem:
    row = raw[: exc.start].count(b"\n") + 1
    return Problem(
        shown_as,
        f"berkas bukan UTF-8 (byte {raw[exc.start]:#04x} pada posisi {exc.start})",
        row=row,
        fix="simpan ulang berkas dengan encoding UTF-8 (Excel: 'CSV UTF-8')",
    )


encoding_problem = _encoding_problem
