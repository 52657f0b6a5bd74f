"""Everything `lkj check` says after the files themselves are valid: errors, warnings, notes.

Errors are what the build would refuse later (texts, score indicators, published figures,
a malformed catatan.yml); warnings are doubtful data (lkj.analyst.checks, IKPA, unwritten
texts) minus what catatan.yml declares, which become notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkj.analyst import checks, datachecks, notes
from lkj.errors import Problem
from lkj.inputs.load import Inputs
from lkj.values.registry import Registry


@dataclass
class Review:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)


def review(inputs: Inputs, registry: Registry) -> Review:
    declared, problems = notes.load(inputs.run)
    errors = [*datachecks.errors(inputs, registry, registry.ids()), *problems]
    flags = [
        *checks.flags(inputs, registry),
        *datachecks.ikpa_gaps(inputs),
        *datachecks.unwritten(inputs),
    ]
    warnings, noted = notes.split(flags, declared)
    return Review(errors, [*inputs.warnings, *warnings], noted)
