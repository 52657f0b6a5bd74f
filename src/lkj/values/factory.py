"""How a computing function adds its values: one factory fills the lineage fields of each.

Every value records the function that computed it and the settings it was computed under
(`Value.function`, `Value.params`: the trace and values.json show them). Written by hand at each
`Registry.add`, they drift: a value names the wrong function, or a setting is missing. A
computing function instead takes a `ValueFactory` bound to itself and the run's params, and
states only what differs per value (id, figure, label, formula, what it came from).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from lkj.inputs.params import Params
from lkj.values.registry import Registry, Source, Value


def run_params(params: Params) -> dict[str, Any]:
    """The settings every value of a run is computed under: which unit, year and quarter."""
    return {"unit": params.unit, "year": params.year, "quarter": params.quarter}


@dataclass(frozen=True)
class ValueFactory:
    """Adds values to `registry`, each recorded as computed by `function` under `params`."""

    registry: Registry
    function: Callable[..., Any] | str
    params: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def for_run(
        cls, registry: Registry, params: Params, function: Callable[..., Any] | str
    ) -> ValueFactory:
        return cls(registry, function, run_params(params))

    def by(self, function: Callable[..., Any] | str, **settings: Any) -> ValueFactory:
        """The same registry and params for values another function computes (plus settings)."""
        return ValueFactory(self.registry, function, {**self.params, **settings})

    def using(self, **settings: Any) -> ValueFactory:
        """The same function, with settings beyond the run's (e.g. a params cap it obeys)."""
        return self.by(self.function, **settings)

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
        note: str = "",
        keep_zeros: bool = False,
    ) -> Value:
        """Register one value (see `Registry.add`) with this factory's function and params."""
        return self.registry.add(
            value_id,
            value,
            kind=kind,
            label=label,
            unit=unit,
            formula=formula,
            inputs=inputs,
            sources=sources,
            function=self.function,
            params=dict(self.params),
            note=note,
            keep_zeros=keep_zeros,
        )
