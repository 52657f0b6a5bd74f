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


# --- a real browser: Debian chromium driven by playwright (no browser download) -------------
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"  # gitignored screenshots
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for the session; tests needing it skip where it is missing."""
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium missing (make system-deps installs it)")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def open_page(browser):
    """open_page(url, width=1280) -> (page, errors): console errors, page errors, failed loads."""

    def _open(url: str, width: int = 1280):
        page = browser.new_page(viewport={"width": width, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
        page.goto(url)
        return page, errors

    return _open


# --- `make test-fast`: which tests are slow --------------------------------------------------
# A test is slow when it builds a book (the end-to-end tests in tests/report/, and any test
# that uses a fixture which runs the notebooks or the renderers). Marked here, once, so a new
# test that asks for such a fixture is slow without anyone remembering to say so.
SLOW_FIXTURES = {
    "built",
    "built_internal",
    "book_project",
    "fresh_book",
    "public",
    "internal",
    "warm",
    "batch",
}
# Whole modules that start kernels or the renderers in every test.
SLOW_MODULES = (
    "tests/render/test_assembly_cache.py",
    "tests/book/test_memo.py",
    "tests/render/test_preview.py",
    "tests/book/test_chart_layout.py",  # draws every chart of every shipped run
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        path = str(item.path)
        in_report = "/tests/report/" in path or path.endswith(SLOW_MODULES)
        if in_report or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
