"""The shipped BP3MI declarations say what data/README.md says."""

from __future__ import annotations

import re
from pathlib import Path

from lkj.inputs import declarations

README = Path(__file__).parents[2] / "data" / "README.md"


def readme_columns() -> dict[str, list[str]]:
    """dataset → column names from the table in data/README.md ('*' = nullable)."""
    found = {}
    text = README.read_text(encoding="utf-8")
    start = text.index("## Record-level datasets")
    section = text[start : text.index("\n## ", start + 1)]  # that section only
    for line in section.splitlines():
        m = re.fullmatch(r"\| (\w+) \| (.+) \| \w+ \|", line)
        if m and m.group(1) != "dataset":
            names = re.sub(r"\([^)]*\)", "", m.group(2))
            found[m.group(1)] = [n.strip() for n in names.split(",")]
    return found


def test_specs_match_the_data_specification() -> None:
    documented = readme_columns()
    records = declarations.default().records
    assert set(documented) == set(records)
    for name, columns in documented.items():
        spec = declarations.default().specs[name]
        assert spec.names == [c.rstrip("*") for c in columns], name
        nullable = {c.rstrip("*") for c in columns if c.endswith("*")}
        assert {c.name for c in spec.columns if c.nullable} == nullable, name


def test_every_dataset_has_a_quarter_column() -> None:
    decl = declarations.default()
    for name in decl.records:
        assert decl.specs[name].quarter_from in decl.specs[name].names
