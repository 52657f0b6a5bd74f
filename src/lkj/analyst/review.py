"""Everything `lkj check` says after the files themselves are valid: errors, warnings, notes.

Errors are what the build would refuse later (texts, score indicators, published figures,
a malformed catatan.yml); warnings are doubtful data (lkj.analyst.checks, IKPA, unwritten
texts) minus what catatan.yml declares, which become notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkj.analyst import checks, datachecks, notes
from lkj.errors import Problem
from lkj.inputs import quarters
from lkj.inputs.load import Inputs
from lkj.values.registry import Registry


@dataclass
class Review:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)


def _later_rows(inputs: Inputs) -> tuple[list[checks.Flag], list[Problem]]:
    """Rows of later quarters (lkj.inputs.quarters) as declarable flags; other load warnings."""
    q = inputs.run.params.quarter
    flags = []
    for name, table in inputs.tables.items():
        for problem in quarters.later_rows(q, {name: table}, inputs.datasets.tables):
            flags.append(checks.Flag("triwulan_berikutnya", name, q, problem))
    later = {flag.problem for flag in flags}
    return flags, [p for p in inputs.warnings if p not in later]


def review(inputs: Inputs, registry: Registry) -> Review:
    declared, problems = notes.load(inputs.run)
    errors = [*datachecks.errors(inputs, registry, registry.ids()), *problems]
    later, others = _later_rows(inputs)
    flags = [
        *later,
        *checks.flags(inputs, registry),
        *datachecks.ikpa_gaps(inputs),
        *datachecks.unwritten(inputs),
    ]
    warnings, noted = notes.split(flags, declared)
    return Review(errors, [*others, *warnings], noted)
