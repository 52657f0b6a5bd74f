"""The registry of values: every figure of the report is one object with an id and its lineage."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from lkj.inputs.params import Rounding
from lkj.inputs.unit import Decimals
from lkj.values import formatting as fmt

# What a value is, which decides how it is shown.
KINDS = ("count", "percent", "money", "category", "score", "number", "text")


@dataclass(frozen=True)
class Source:
    """The rows of one input file a value was computed from."""

    file: str  # path relative to the project folder
    rows: tuple[int, ...]  # line numbers in the file (header is line 1; YAML: key lines)
    selection: str  # the row filter in words, e.g. "tanggal April–Juni 2025, difasilitasi = ya"

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "rows": list(self.rows),
            "row_count": len(self.rows),
            "selection": self.selection,
        }


@dataclass
class Value:
    """One figure: raw value, how it is displayed, and what it was computed from."""

    id: str
    label: str
    value: Any
    kind: str
    unit: str
    display: str
    formula: str = ""
    inputs: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    function: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    note: str = ""

    @property
    def display_with_unit(self) -> str:
        """'7.375 Orang'; percent, money and category displays already carry their unit."""
        if (
            self.value is None
            or self.kind in ("percent", "money", "category", "text")
            or not self.unit
        ):
            return self.display
        return f"{self.display} {self.unit}"

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["inputs"] = list(self.inputs)
        data["sources"] = [s.as_dict() for s in self.sources]
        data["display_with_unit"] = self.display_with_unit
        return data


@dataclass(frozen=True)
class Lineage:
    """Values reached from some values through `Value.inputs`, and the files they cite."""

    files: frozenset[str]
    ids: frozenset[str]


def qualname(fn: Callable[..., Any] | str) -> str:
    return fn if isinstance(fn, str) else f"{fn.__module__}.{fn.__qualname__}"


class Registry:
    """Ordered collection of values; the only place display strings are made."""

    def __init__(self, rounding: Rounding | None = None, desimal: Decimals | None = None):
        self.rounding = rounding or Rounding()
        self.desimal = desimal or Decimals()  # unit.yml: fixed trailing zeros, "80,00 %"
        self._values: dict[str, Value] = {}

    def rounding_for(self, value_id: str) -> tuple[int, str]:
        decimals, mode = self.rounding.decimals, self.rounding.default
        for rule in self.rounding.rules:  # last matching rule wins, like CSS
            if fnmatch.fnmatchcase(value_id, rule.match):
                mode = rule.mode
                decimals = rule.decimals if rule.decimals is not None else self.rounding.decimals
        return decimals, mode

    def render(self, value_id: str, value: Any, kind: str, keep_zeros: bool = False) -> str:
        if value is None:
            return fmt.DASH
        decimals, mode = self.rounding_for(value_id)
        fixed = self.desimal.tetap
        if kind == "percent":
            return fmt.percent(
                value, decimals, mode, keep_zeros=fixed, space=self.desimal.spasi_persen
            )
        if kind == "money":
            return fmt.rupiah(value)
        if kind == "count":
            return fmt.number(value, decimals, mode)
        if kind in ("score", "number"):
            return fmt.number(value, decimals, mode, keep_zeros=keep_zeros or fixed)
        return str(value)

    def add(
        self,
        value_id: str,
        value: Any,
        *,
        kind: str,
        label: str,
        unit: str = "",
        formula: str = "",
        inputs: tuple[str, ...] | list[str] = (),
        sources: tuple[Source, ...] | list[Source] = (),
        function: Callable[..., Any] | str = "",
        params: dict[str, Any] | None = None,
        note: str = "",
        keep_zeros: bool = False,
    ) -> Value:
        """Register one value; keep_zeros shows fixed decimals (score cards print 100,00)."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r} for {value_id}")
        if value_id in self._values:
            raise ValueError(f"value {value_id} computed twice")
        missing = [i for i in inputs if i not in self._values]
        if missing:
            raise ValueError(f"{value_id} depends on values not computed yet: {missing}")
        item = Value(
            id=value_id,
            label=label,
            value=value,
            kind=kind,
            unit=unit,
            display=self.render(value_id, value, kind, keep_zeros),
            formula=formula,
            inputs=tuple(inputs),
            sources=tuple(sources),
            function=qualname(function),
            params=dict(params or {}),
            note=note,
        )
        self._values[value_id] = item
        return item

    def replace(self, value: Value) -> None:
        """Put a changed copy of a value in its place (the public edition's hidden counts)."""
        if value.id not in self._values:
            raise KeyError(f"no value with id {value.id!r}")
        self._values[value.id] = value

    # Plain lookups: a notebook's reads are recorded by lkj.values.access, not here.
    def __getitem__(self, value_id: str) -> Value:
        try:
            return self._values[value_id]
        except KeyError:
            raise KeyError(f"no value with id {value_id!r}") from None

    def get(self, value_id: str) -> Value | None:
        return self._values.get(value_id)

    def find(self, value_id: str) -> Value | None:
        return self._values.get(value_id)

    def __contains__(self, value_id: object) -> bool:
        return value_id in self._values

    def __iter__(self) -> Iterator[Value]:
        return iter(self._values.values())

    def __len__(self) -> int:
        return len(self._values)

    def ids(self, pattern: str = "*") -> list[str]:
        return [k for k in self._values if fnmatch.fnmatchcase(k, pattern)]

    def lineage(self, items: Iterable[Value]) -> Lineage:
        """The given values and every value they were computed from, and their cited files."""
        files: set[str] = set()
        seen: set[str] = set()
        todo = list(items)
        while todo:
            current = todo.pop()
            if current.id in seen:
                continue
            seen.add(current.id)
            files.update(source.file for source in current.sources)
            todo.extend(v for v in (self._values.get(n) for n in current.inputs) if v)
        return Lineage(frozenset(files), frozenset(seen))

    def search(self, text: str) -> list[Value]:
        """Find values whose id or label contains every word of text (case-insensitive)."""
        words = text.lower().split()
        return [v for v in self if all(w in f"{v.id} {v.label}".lower() for w in words)]

    def as_records(self) -> list[dict[str, Any]]:
        return [v.as_dict() for v in self]
