"""Read YAML files while remembering the line of every key, so problems can name a row.

Stricter than `yaml.safe_load` in three ways, because each lets a careless or hostile file
change a report silently or hang the program: a key written twice in one mapping is refused
(PyYAML keeps the last one, so `edition:` twice published the internal edition); the document
may not expand to more than MAX_NODES nodes through aliases (a "billion laughs" file of a few
lines took minutes and gigabytes), nor refer to itself; and a file is at most MAX_BYTES.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lkj.errors import Problem
from lkj.inputs.yamlmessages import explain

KeyPath = tuple[str | int, ...]

MAX_BYTES = 1_000_000  # pk.yml of 13 IKUs is ~30 kB
MAX_NODES = 100_000  # after alias expansion; the largest real file has ~2 000
MAX_DEPTH = 50  # mappings and lists inside each other; pk.yml needs 5
_TOO_DEEP = f"YAML bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)"
_NESTING_FIX = "tulis nilainya langsung, tanpa alias (&nama / *nama)"


class _TooDeep(Exception):
    pass


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader composing a node tree we can check before anything is constructed.

    A subclass (not yaml.safe_load) because the checks need the nodes with their marks, and
    because nesting must stop early: PyYAML's scanner slows down quadratically with depth
    ("[" * 1000 took seven seconds before a RecursionError). The constructor is SafeLoader's
    own, so only plain data (no Python objects) ever comes out.
    """

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep
            return super().compose_node(parent, index)  # type: ignore[arg-type]
        finally:
            self.depth -= 1


@dataclass
class _Walk:
    """Lines of every key path, and duplicate keys found on the way."""

    shown: str
    lines: dict[KeyPath, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def node(self, node: yaml.Node, path: KeyPath) -> None:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            self.mapping(node, path)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.node(item, (*path, index))

    def mapping(self, node: yaml.MappingNode, path: KeyPath) -> None:
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            line = key_node.start_mark.line + 1
            if key in first and key != "<<":
                self.problems.append(_duplicate(self.shown, (*path, key), first[key], line))
                continue
            first[key] = line
            self.lines[(*path, key)] = line
            self.node(value_node, (*path, key))
            self.lines[(*path, key)] = line


def _duplicate(shown: str, path: KeyPath, first: int, line: int) -> Problem:
    return Problem(
        shown,
        f"kunci '{path[-1]}' ditulis dua kali (pertama di baris {first})",
        fix=f"hapus salah satu dari baris {first} dan {line}: YAML diam-diam hanya memakai "
        "yang terakhir, jadi nilai yang lain hilang tanpa pesan",
        row=line,
        column=dotted(path),
    )


def _expanded_size(root: yaml.Node) -> int | None:
    """Nodes after expanding every alias (capped just above MAX_NODES); None if it loops."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node) -> int | None:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            return None
        open_nodes.add(key)
        total = 1
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        for child in children:
            part = size(child)
            if part is None:
                return None
            total = min(total + part, MAX_NODES + 1)
        open_nodes.discard(key)
        sizes[key] = total
        return total

    return size(root)


def _whole_file(shown: str, message: str, fix: str, row: int | None = None) -> Problem:
    return Problem(shown, message, fix=fix, row=row)


def _flow_depth(text: str) -> int:
    """Deepest nesting of [ and { (brackets inside quotes count too: a rough upper bound)."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return deepest


def _compose(text: str, shown: str) -> tuple[Any, dict[KeyPath, int], list[Problem]]:
    """(data, lines, problems) of a decoded, non-empty YAML text."""
    if _flow_depth(text) > MAX_DEPTH:  # before PyYAML's scanner, which is slow on these
        return None, {}, [_whole_file(shown, _TOO_DEEP, "tulis isinya lebih datar")]
    try:
        loader = _StrictLoader(text)  # checks for control characters at once
    except yaml.reader.ReaderError as exc:
        return None, {}, [_control_problem(shown, text, exc)]
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}, []
        size = _expanded_size(node)
        if size is None:
            return (
                None,
                {},
                [_whole_file(shown, "alias YAML merujuk dirinya sendiri", _NESTING_FIX)],
            )
        if size > MAX_NODES:
            return (
                None,
                {},
                [
                    _whole_file(
                        shown,
                        f"alias YAML mengembang menjadi lebih dari {MAX_NODES:,} butir".replace(
                            ",", "."
                        ),
                        _NESTING_FIX,
                    )
                ],
            )
        walk = _Walk(shown)
        walk.node(node, ())
        # With duplicate keys the data (the last of each) still comes back, so a caller can
        # check the rest of the file; the problems make sure it is never used as valid.
        return loader.construct_document(node), walk.lines, walk.problems
    except yaml.YAMLError as exc:
        said = explain(exc)  # in Indonesian, with the column: PyYAML's English stays out
        return None, {}, [_whole_file(shown, said.message, said.fix, said.row)]
    except (_TooDeep, RecursionError):
        return None, {}, [_whole_file(shown, _TOO_DEEP, "tulis isinya lebih datar")]
    finally:
        loader.dispose()


def _control_problem(shown: str, text: str, exc: yaml.reader.ReaderError) -> Problem:
    line = text[: exc.position].count("\n") + 1
    return Problem(
        shown,
        f"karakter kendali tak terlihat U+{exc.character:04X} di baris ini",
        fix="hapus karakter itu (biasanya terbawa saat menyalin dari PDF atau web)",
        row=line,
    )


def load_yaml(path: Path, shown_as: str) -> tuple[Any, dict[KeyPath, int], list[Problem]]:
    """Parse a YAML file; return (data, line of each key path, problems).

    Data comes back with problems only when keys were written twice (see _compose).
    """
    if not path.is_file():
        return None, {}, [_whole_file(shown_as, "berkas tidak ditemukan", _MISSING_FIX)]
    if path.stat().st_size > MAX_BYTES:
        return None, {}, [_whole_file(shown_as, _TOO_BIG, _TOO_BIG_FIX)]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, {}, [_encoding_problem(shown_as, raw, exc)]
    if not text.strip():
        return None, {}, [_whole_file(shown_as, "berkas kosong", _EMPTY_FIX)]
    return _compose(text, shown_as)


_MISSING_FIX = "buat berkas ini atau perbaiki jalurnya"
_EMPTY_FIX = "isi berkas sesuai contoh di data/README.md"
_TOO_BIG = f"berkas terlalu besar untuk berkas pengaturan (lebih dari {MAX_BYTES // 1000} kB)"
_TOO_BIG_FIX = "periksa apakah ini berkas yang benar; pengaturan YAML cukup beberapa kB"


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
