"""The real report in a real browser: Debian chromium driven by playwright (no download).

Screenshots are kept in test-artifacts/ (gitignored) for people to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = pytest.mark.browser


def test_every_chapter_reachable_and_tables_visible(open_page, public):
    page, errors = open_page((public.html / "index.html").as_uri())
    links = page.locator("nav.sidebar .toc > li > a")
    titles = links.all_inner_texts()
    for expected in (
        "Kata Pengantar",
        "Ringkasan Eksekutif",
        "BAB I Perencanaan Kinerja",
        "BAB III Permasalahan dan Tindak Lanjut",
    ):
        assert expected in titles
    assert sum(t.startswith("Lampiran") for t in titles) >= 7
    visited = set()
    for index in range(links.count()):
        page.locator("nav.sidebar .toc > li > a").nth(index).click()
        page.wait_for_load_state()
        assert page.locator("main h1").first.is_visible()
        visited.add(page.url)
    assert len(visited) >= 14
    page.goto((public.html / "ringkasan.html").as_uri())
    table = page.locator("table.lkj-table").first
    assert table.is_visible()
    assert "7.375 Orang" in table.inner_text()
    page.screenshot(path=str(ARTIFACTS / "report-ringkasan.png"), full_page=True)
    assert errors == []


def test_phone_width_keeps_wide_tables_inside(open_page, public):
    page, errors = open_page((public.html / "lampiran2_penempatan.html").as_uri(), width=390)
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1]
    assert page.locator("table.lkj-table").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "report-phone-lampiran2.png"))
    assert errors == []
