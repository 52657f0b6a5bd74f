"""Shared fixtures: a copy of the tiny valid project in tests/fixtures/mini, safe to change."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class Project:
    """A throw-away project folder; paths are relative to it, as the analyst writes them."""

    root: Path
    params_name: str = "params/mini-2025-tw2.yml"

    @property
    def params(self) -> Path:
        return self.root / self.params_name

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        self.path(rel).write_text(text, encoding="utf-8")

    def replace(self, rel: str, old: str, new: str) -> None:
        """Replace exactly one occurrence, so a test cannot silently change nothing."""
        text = self.read(rel)
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
        self.write(rel, text.replace(old, new))


@pytest.fixture
def mini(tmp_path: Path) -> Project:
    """The mini project (unit 'mini', 2025, TW II) copied into tmp_path."""
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return Project(root)
