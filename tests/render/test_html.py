"""The HTML book of the fixture build: pages, navigation, tables, value spans, offline."""

from __future__ import annotations

import re
from html.parser import HTMLParser

PAGES = [
    "index.html",
    "daftar-isi.html",
    "bab1.html",
    "bab2a.html",
    "bab2b.html",
    "lampiran.html",
]


class Collect(HTMLParser):
    """Links, ids and image sources of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.srcs: list[str] = []
        self.nav_links: list[str] = []
        self._nav = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "nav" and "sidebar" in (a.get("class") or ""):
            self._nav += 1
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
            if self._nav:
                self.nav_links.append(a["href"] or "")
        if tag in ("img", "link", "script") and (a.get("src") or a.get("href")):
            self.srcs.append(a.get("src") or a.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._nav:
            self._nav -= 1


def parse(text: str) -> Collect:
    c = Collect()
    c.feed(text)
    return c


def test_every_chapter_is_a_page(built) -> None:
    assert sorted(p.name for p in built.html.glob("*.html")) == sorted(PAGES)


def test_every_page_links_every_chapter_and_its_sections(built) -> None:
    for name in PAGES:
        page = parse(built.page(name))
        for other in PAGES:
            assert other in page.nav_links, f"{name} does not link {other}"
        assert "bab1.html#capaian-triwulan" in page.nav_links
        assert "lampiran.html#lampiran-2" in page.nav_links


def test_previous_and_next(built) -> None:
    bab1 = built.page("bab1.html")
    assert '<a class="prev" rel="prev" href="daftar-isi.html">' in bab1
    assert '<a class="next" rel="next" href="bab2a.html">' in bab1
    assert 'rel="prev"' not in built.page("index.html")
    assert 'rel="next"' not in built.page("lampiran.html")


def test_parts_group_their_chapters(built) -> None:
    bab2a = built.page("bab2a.html")
    assert '<li class="toc-part">BAB II Bab Bertingkat</li>' in bab2a
    assert '<li class="current in-part"><a href="bab2a.html" aria-current="page">' in bab2a
    assert '<p class="part-title">BAB II Bab Bertingkat</p>' in bab2a
    assert '<h1 class="unnumbered" id="bagian-a">A. Bagian Pertama</h1>' in bab2a
    contents = built.page("daftar-isi.html")
    assert "<li>BAB II Bab Bertingkat<ol>" in contents


def test_edition_decides_which_chapters_exist(built, built_internal) -> None:
    assert not (built.html / "terbatas.html").exists()  # shows nothing in the public edition
    assert "Lampiran III" not in built.page("daftar-isi.html")
    assert (built_internal.html / "terbatas.html").is_file()
    assert "lampiran-3" in built_internal.page("daftar-isi.html")


def test_reviewer_titles_tagged_remove_cell_are_left_out(built) -> None:
    for name in PAGES:
        assert "Notebook uji" not in built.page(name)


def test_index_is_the_cover_and_first_chapter(built) -> None:
    index = built.page("index.html")
    assert '<section class="cover"' in index
    assert "Balai Contoh Jawa Tengah" in index and "Triwulan II" in index
    assert '<h1 class="unnumbered" id="kata-pengantar">Kata Pengantar</h1>' in index


def test_page_basics(built) -> None:
    for name in PAGES:
        text = built.page(name)
        assert text.startswith('<!DOCTYPE html>\n<html lang="id">')
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in text
        assert "TERBATAS" not in text  # public edition


def test_tables_keep_spans_and_value_ids(built) -> None:
    bab1 = built.page("bab1.html")
    assert '<th rowspan="2" scope="col" class="al-center">No</th>' in bab1
    assert '<th colspan="3" scope="colgroup" class="al-center">Triwulan II</th>' in bab1
    assert '<td class="al-right" data-value-id="iku07.tw2.realisasi">7.375 Orang</td>' in bab1
    assert '<span class="lkj-value" data-value-id="iku07.tw2.realisasi">7.375 Orang</span>' in bab1
    assert '<div class="table-wrap">' in bab1
    assert bab1.count("<caption>") == 2


def test_lists_page_links_every_table_and_lampiran(built) -> None:
    main = built.page("daftar-isi.html").split('id="daftar-tabel"')[1]  # the two lists
    page = parse(main)
    targets = [x for x in page.links if "#tbl-" in x or "#lampiran-" in x]
    assert targets == [
        "bab1.html#tbl-capaian",
        "bab1.html#tbl-panjang",
        "lampiran.html#lampiran-1",
        "lampiran.html#lampiran-2",
    ]
    for target in targets:  # every link lands on an existing anchor
        file, anchor = target.split("#")
        assert anchor in parse(built.page(file)).ids


def test_internal_links_resolve(built) -> None:
    for name in PAGES:
        for link in parse(built.page(name)).links:
            if link.startswith("#"):
                assert link[1:] in parse(built.page(name)).ids, (name, link)
            elif link.endswith(".html") or ".html#" in link:
                file, _, anchor = link.partition("#")
                assert (built.html / file).is_file(), (name, link)
                if anchor:
                    assert anchor in parse(built.page(file)).ids, (name, link)


def test_offline_no_external_urls(built) -> None:
    for path in [*built.html.rglob("*.html"), *built.html.rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", text), path
        assert not re.search(r"url\(\s*[\"']?(https?:)?//", text), path
        assert "@import" not in text
    for name in PAGES:
        for src in parse(built.page(name)).srcs:
            assert (built.html / src).is_file(), src


def test_figure_is_a_local_image_with_alt_text(built) -> None:
    bab1 = built.page("bab1.html")
    match = re.search(r'<img src="(assets/img/[0-9a-f]+\.png)"[^>]*alt="([^"]+)"', bab1)
    assert match, "figure image missing"
    assert (built.html / match.group(1)).read_bytes().startswith(b"\x89PNG")
    assert match.group(2).startswith("Diagram batang")


def test_no_code_in_the_book(built) -> None:
    for name in PAGES:
        text = built.page(name)
        assert "load_run" not in text and "params_file" not in text and "<pre" not in text


def test_internal_edition_has_banner_on_every_page(built_internal) -> None:
    for path in built_internal.html.glob("*.html"):
        assert '<div class="restricted" role="note"><strong>TERBATAS</strong>' in path.read_text(
            encoding="utf-8"
        ), path.name
