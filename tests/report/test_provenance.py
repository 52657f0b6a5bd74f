"""Every number of the built book traceable: ids in the HTML, values.json, PDF links, panel."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import jsonschema
import pytest
from pypdf import PdfReader

from lkj.provenance.record import sha256
from lkj.render.pandoc import resource

FIGURE = re.compile(r"(?<![\w.,])\d[\d.,]*%?(?![\w])")
MONTHS = re.compile(
    r"Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|"
    r"November|Desember"
)
TABLE = re.compile(r'<div id="([^"]+)" class="lkj-table"[^>]*>(.*?)</table>', re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
CELL = re.compile(r"<td([^>]*)>(.*?)</td>", re.S)
VALUE_ID = re.compile(r'data-value-id="([^"]+)"')
# Locators, not figures: row numbers and hashes of the Jejak Angka appendix itself.
LISTINGS = ("tbl-jejak", "tbl-jejak-berkas")


def figures(text: str) -> list[str]:
    """Number tokens that read as figures: not part of a name (BP3MI), not a year."""
    return [t for t in FIGURE.findall(text) if not re.fullmatch(r"20\d\d[.,]?", t)]


def plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def main_of(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text.split('<main id="content">', 1)[1].split("</main>", 1)[0]


@pytest.fixture(scope="module")
def manifest(public) -> dict:
    return json.loads((public.out / "values.json").read_text(encoding="utf-8"))


def test_values_json_validates_and_its_hashes_match_the_files(public, manifest):
    schema = json.loads(resource("values.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
        manifest
    )
    assert manifest["params"]["sha256"] == sha256(public.root / "params" / f"{public.run}.yml")
    for name, info in manifest["files"].items():
        assert info["sha256"] == sha256(public.root / name), name
    shown = manifest["values"]["iku07.sd_tw2.realisasi"]["shown_in"]
    assert any(p["notebook"] == "notebooks/bab2b_evaluasi.ipynb" for p in shown)
    # the build keeps a copy next to the executed notebooks
    assert (public.root / "_build" / public.run / "values.json").is_file()


def test_every_number_in_a_table_cell_has_a_resolvable_value_id(public, manifest):
    values = manifest["values"]
    missing, unknown, checked = [], [], 0
    for page in sorted(public.html.glob("*.html")):
        for table_id, table in TABLE.findall(main_of(page)):
            for row in ROW.findall(table.split("<tbody>", 1)[-1]):
                for col, (attrs, body) in enumerate(CELL.findall(row)):
                    text = plain(body)
                    found = VALUE_ID.search(attrs)
                    if found:
                        checked += 1
                        vid = found.group(1)
                        if vid not in values or values[vid]["display"] not in text:
                            unknown.append((page.name, vid, text))
                        continue
                    if table_id in LISTINGS or not figures(text):
                        continue
                    ordinal = col == 0 and re.fullmatch(r"\d+\.?", text.strip())
                    date = MONTHS.search(text)
                    # quotes what another report printed; its "Dalam buku ini" cells have ids
                    quoted = table_id.startswith("lampiran-rekonsiliasi")
                    if not (ordinal or date or quoted):
                        missing.append((page.name, table_id, col, text))
    assert checked > 500
    assert unknown == []
    assert missing == []


def test_every_number_in_generated_text_is_a_value_span(public, manifest):
    """Outside the value spans, a figure may only come from text an analyst wrote."""
    written = " ".join(
        p.read_text(encoding="utf-8")
        for p in (public.root / "data").rglob("*")
        if p.suffix in (".md", ".yml") and p.is_file()
    )
    missing = []
    for page in sorted(public.html.glob("*.html")):
        content = main_of(page)
        ids = VALUE_ID.findall(content)
        assert all(i in manifest["values"] for i in ids), page.name
        content = re.sub(r'<span class="lkj-value[^"]*"[^>]*>.*?</span>', "", content, flags=re.S)
        content = re.sub(r"<table.*?</table>", "", content, flags=re.S)
        for _, attrs, para in re.findall(r"<(p|li)([^>]*)>(.*?)</\1>", content, flags=re.S):
            text = plain(para)
            if page.name.startswith("lampiran7") and "lkj-table-note" in attrs:
                continue  # counts the published figures compared, not figures of the book
            for token in figures(text):
                number = token.rstrip(".,")
                ordinal = re.fullmatch(rf"\s*{re.escape(number)}\.\s.*", text, re.S)
                if not ordinal and number not in written:
                    missing.append((page.name, token, text[:80]))
    assert missing == []


def test_charts_list_their_values(public, manifest):
    page = main_of(public.html / "bab2a_capaian.html")
    assert 'data-value-id="iku07.sd_tw2.capaian"' in page.split("gambar-capaian-iku", 1)[1]


def test_pdf_numbers_link_to_their_jejak_angka_entry(public):
    pdf = PdfReader(public.pdf)
    texts = [p.extract_text() or "" for p in pdf.pages]
    start = next(i for i, t in enumerate(texts) if "JEJAK ANGKA" in t and "LAMPIRAN" in t)
    assert "iku07.sd_tw2.realisasi" in " ".join(texts[start:])
    index = {p.indirect_reference.idnum: i for i, p in enumerate(pdf.pages)}
    named = pdf.named_destinations  # typst links labels through named destinations

    def target(dest) -> int:
        if isinstance(dest, str):
            return pdf.get_destination_page_number(named[dest]) if dest in named else -1
        return index.get(dest[0].idnum, -1)

    into_appendix = 0
    for page in pdf.pages[:start]:
        for annot in page.get("/Annots") or []:
            dest = annot.get_object().get("/Dest")
            if dest is not None and target(dest) >= start:
                into_appendix += 1
    assert into_appendix > 500


@pytest.mark.browser
def test_panel_shows_formula_source_and_follows_a_link_down_to_the_rows(public, open_page):
    artifacts = Path(__file__).parents[2] / "test-artifacts"
    page, errors = open_page((public.html / "bab2b_evaluasi.html").as_uri())  # file://
    cell = page.locator('td[data-value-id="iku07.sd_tw2.realisasi"]').first
    cell.click()
    panel = page.locator("aside.lkj-trace")
    assert panel.is_visible()
    assert panel.locator("h2").inner_text() == "Realisasi s.d. Triwulan II IKU 7"
    assert panel.locator(".lkj-trace-big").inner_text() == "13.871 Orang"
    assert panel.locator(".lkj-trace-formula").inner_text() == "Triwulan I + Triwulan II"
    assert "src/lkj/compute/measure.py:" in panel.locator(".lkj-trace-where").inner_text()
    page.screenshot(path=str(artifacts / "jejak-panel.png"))

    panel.locator('[data-go="iku07.tw2.realisasi"]').click()  # an input, itself traceable
    assert panel.locator(".lkj-trace-big").inner_text() == "7.375 Orang"
    assert panel.locator(".lkj-trace-formula").inner_text().startswith("Σ jumlah")
    assert panel.locator(".lkj-trace-file").inner_text() == "data/jateng/2025/penempatan.csv"
    panel.locator(".lkj-trace-show-rows").click()
    rows = panel.locator(".lkj-trace-rows tbody tr")
    assert rows.count() == 48
    assert rows.first.locator("th").inner_text() == "50"
    page.screenshot(path=str(artifacts / "jejak-panel-rows.png"))

    page.keyboard.press("Escape")  # closes and returns focus to the number
    assert not panel.is_visible()
    span = page.locator('main span[data-value-id="rata2.sd_tw2.capaian"]').first
    span.focus()
    page.keyboard.press("Enter")  # keyboard users open it too
    assert panel.is_visible() and panel.locator(".lkj-trace-big").inner_text() == "68,68%"
    assert errors == []
