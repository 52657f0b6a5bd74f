"""The registry of values: every figure of the report is one object with an id and its lineage."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from lkj.inputs.params import Rounding
from lkj.values import deps
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


def qualname(fn: Callable[..., Any] | str) -> str:
    return fn if isinstance(fn, str) else f"{fn.__module__}.{fn.__qualname__}"


class Registry:
    """Ordered collection of values; the only place display strings are made."""

    def __init__(self, rounding: Rounding | None = None):
        self.rounding = rounding or Rounding()
        self._values: dict[str, Value] = {}
        self._family_files: dict[str, tuple[int, frozenset[str]]] = {}

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
        if kind == "percent":
            return fmt.percent(value, decimals, mode)
        if kind == "money":
            return fmt.rupiah(value)
        if kind == "count":
            return fmt.number(value, decimals, mode)
        if kind in ("score", "number"):
            return fmt.number(value, decimals, mode, keep_zeros=keep_zeros)
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

    # Lookups tell lkj.values.deps what a notebook used (a no-op outside a build): the build cache
    # re-runs a notebook only when a file behind something it looked up changes.
    def __getitem__(self, value_id: str) -> Value:
        try:
            item = self._values[value_id]
        except KeyError:
            deps.missing(self, value_id)
            raise KeyError(f"no value with id {value_id!r}") from None
        deps.value(self, item)
        return item

    def get(self, value_id: str) -> Value | None:
        item = self._values.get(value_id)
        if item is None:
            deps.missing(self, value_id)  # a change to its family's files may create it
        else:
            deps.value(self, item)
        return item

    def __contains__(self, value_id: object) -> bool:
        item = self._values.get(value_id) if isinstance(value_id, str) else None
        if item is None:
            if isinstance(value_id, str):
                deps.missing(self, value_id)
            else:
                deps.everything()
        else:
            deps.value(self, item)
        return item is not None

    def __iter__(self) -> Iterator[Value]:
        deps.everything()  # the set of values itself depends on every file
        return iter(self._values.values())

    def family_files(self, family: str) -> frozenset[str]:
        """Files behind every value whose id starts with `family.` (cached: ids never change)."""
        cached = self._family_files.get(family)
        if cached is None or cached[0] != len(self._values):  # values added since: recompute
            members = [v for k, v in self._values.items() if k.split(".", 1)[0] == family]
            cached = (len(self._values), frozenset(deps.sources_of(self, members)))
            self._family_files[family] = cached
        return cached[1]

    def __len__(self) -> int:
        return len(self._values)

    def ids(self, pattern: str = "*") -> list[str]:
        found = [k for k in self._values if fnmatch.fnmatchcase(k, pattern)]
        if deps.recording():
            # Matches: a new match can only come from a file the old ones came from (the
            # pattern names one kind of value); no match: any file could add one.
            if not found:
                head = pattern.split(".", 1)[0]
                if any(c in head for c in "*?["):
                    deps.everything()
                else:
                    deps.missing(self, pattern)
            for k in found:
                deps.value(self, self._values[k])
        return found

    def search(self, text: str) -> list[Value]:
        """Find values whose id or label contains every word of text (case-insensitive)."""
        words = text.lower().split()
        return [v for v in self if all(w in f"{v.id} {v.label}".lower() for w in words)]

    def as_records(self) -> list[dict[str, Any]]:
        return [v.as_dict() for v in self]
