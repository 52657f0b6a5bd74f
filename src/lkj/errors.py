"""One exception hierarchy for lkj; every message says where the problem is and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is, what was found, and how to fix it."""

    file: str
    message: str
    fix: str = ""
    row: int | None = None  # 1-based line in the file (header = line 1) or None for whole-file
    column: str | None = None  # column name, or a dotted key path for YAML files
    value: object = None
    severity: str = "error"  # "error" or "warning"

    def location(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"baris {self.row}")
        if self.column is not None:
            parts.append(f"kolom '{self.column}'")
        return ", ".join(parts)

    def render(self) -> str:
        text = f"{self.location()}: {self.message}"
        if self.value is not None and self.value != "":
            text += f" (nilai: {self.value!r})"
        if self.fix:
            text += f" → {self.fix}"
        return text

    def as_dict(self) -> dict[str, object]:
        value = self.value
        if value is not None and not isinstance(value, (str, int, float, bool)):
            value = str(value)
        return {
            "severity": self.severity,
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "value": value,
            "message": self.message,
            "fix": self.fix,
        }


class LkjError(Exception):
    """Base class of every error lkj raises on purpose."""


class InputError(LkjError):
    """Inputs (params or data) failed validation; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = [p for p in problems if p.severity == "error"]
        self.warnings = [p for p in problems if p.severity != "error"]
        lines = [p.render() for p in self.problems]
        head = f"{len(self.problems)} masalah pada data masukan:"
        super().__init__("\n".join([head, *("  - " + line for line in lines)]))


class BuildError(LkjError):
    """Building the book failed; the previous output was left untouched."""
