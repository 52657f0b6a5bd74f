"""The HTML book in a real browser (Debian chromium driven by playwright, no download).

Screenshots go to test-artifacts/ (gitignored) for a human to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = pytest.mark.browser


def test_navigation_reaches_every_chapter(open_page, built) -> None:
    page, errors = open_page((built.html / "index.html").as_uri())
    assert page.title().startswith("Kata Pengantar")
    titles = page.locator("nav.sidebar .toc > li > a").all_inner_texts()
    assert titles == [
        "Kata Pengantar",
        "Daftar Isi",
        "BAB I Capaian Kinerja",
        "A. Bagian Pertama",
        "B. Bagian Kedua",
        "Lampiran I Data Pelaksanaan OPP Triwulan II Tahun 2025",
    ]
    for title in titles:
        page.locator("nav.sidebar .toc > li > a", has_text=title).first.click()
        page.wait_for_load_state()
        assert page.locator("main h1").first.is_visible()
        assert page.locator("nav.sidebar li.current > a").inner_text() == title
    page.goto((built.html / "bab1.html").as_uri())
    table = page.locator("#tbl-capaian table")
    assert table.is_visible()
    assert table.locator("th[colspan='3']").inner_text() == "Triwulan II"
    page.screenshot(path=str(ARTIFACTS / "book-bab1.png"), full_page=True)
    # the pager walks the book too
    page.locator("a.next").click()
    page.wait_for_load_state()
    assert page.url.endswith("bab2a.html")
    assert errors == []


def test_phone_menu_and_wide_table_scroll(open_page, built) -> None:
    page, errors = open_page((built.html / "lampiran.html").as_uri(), width=390)
    assert not page.locator("nav.sidebar").is_visible()  # collapsed on a phone
    page.locator("label.nav-button").click()
    assert page.locator("nav.sidebar").is_visible()
    page.screenshot(path=str(ARTIFACTS / "book-phone-menu.png"))
    page.locator("label.nav-button").click()
    wrap = page.locator("#tbl-opp .table-wrap")
    scroll, client = wrap.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert scroll > client  # the 26-column table scrolls inside its wrapper...
    body = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert body[0] <= body[1]  # ...and does not widen the page
    page.screenshot(path=str(ARTIFACTS / "book-phone-lampiran.png"), full_page=True)
    assert errors == []
