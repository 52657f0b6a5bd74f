"""The public edition holds no record of a person anywhere (docs/security.md, issue 16).

Every file of the public run's output and build folders — binary ones too: the hand-off
pickle, the PDF's text, the XML inside DOCX and XLSX — is searched for every name, passport
number and street address of the data; the published counts of personal datasets are checked
to describe at least K persons each.
"""

from __future__ import annotations

import csv
import html
import json
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from lkj import paths
from lkj.compute import smallcells
from lkj.compute.appendices.kepulangan import kepulangan_grids
from lkj.inputs import personal
from lkj.inputs.load import load_inputs, read_run
from lkj.provenance.groups import OTHERS

# Columns that name, number or locate a person (keterangan is free text like "Deportasi").
IDENTIFYING = {
    "kepulangan": ("nama", "no_paspor", "alamat"),
    "pemberdayaan": ("nama",),
    "rehabilitasi": ("nama",),
}


def personal_strings(year_dir: Path) -> set[str]:
    out: set[str] = set()
    for name, columns in IDENTIFYING.items():
        with (year_dir / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                out |= {row[c].strip() for c in columns if len(row[c].strip()) > 3}
    return out


def file_text(path: Path) -> str:
    """A file as searchable text: PDF its text, DOCX/XLSX their XML, anything else its bytes."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return " ".join(p.extract_text() or "" for p in PdfReader(path).pages)
    if data[:2] == b"PK" and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            return " ".join(z.read(n).decode("utf-8", "ignore") for n in z.namelist())
    return data.decode("utf-8", "ignore")


def leaks(folder: Path, strings: set[str]) -> list[tuple[str, str]]:
    """(file, string) for every personal string found as a whole word in a file of folder."""
    pattern = re.compile(
        r"(?<!\w)("
        + "|".join(re.escape(s) for s in sorted(strings, key=len, reverse=True))
        + r")(?!\w)"
    )
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        found += [(str(path), m) for m in sorted(set(pattern.findall(file_text(path))))]
    return found


YEAR = "data/jateng/2025"
PERSONAL_FILES = {f"{YEAR}/{name}.csv" for name in ("kepulangan", "pemberdayaan", "rehabilitasi")}


def _values_js(report) -> dict:
    text = (report.html / "values.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("{") : text.rindex("}") + 1].replace("<\\/", "</"))


def test_no_personal_string_in_any_file_of_the_public_output_or_build(public):
    strings = personal_strings(public.root / YEAR)
    assert len(strings) > 300  # names, passport numbers, addresses of three datasets
    build_dir = paths.build_dir(public.root, public.run)
    assert paths.handoff(public.root, public.run).is_file()  # the pickle is there, redacted
    assert leaks(public.out, strings) == []
    assert leaks(build_dir, strings) == []


def test_the_search_finds_them_in_the_internal_edition(internal):
    # The same search, on the edition that lists the workers: it must find them.
    strings = personal_strings(internal.root / YEAR)
    found = {s for _, s in leaks(internal.out, strings)}
    assert len(found) > 100
    assert "Agustus" not in found  # whole words only: a name "Agus" is not in "Agustus"


def test_public_rows_view_has_no_record_of_a_personal_dataset(public):
    data = _values_js(public)
    for file in PERSONAL_FILES:
        assert data["files"][file]["rows"] == {}
        assert data["files"][file]["columns"] == []
        assert data["files"][file]["counted"] is True
    manifest = json.loads((public.out / "values.json").read_text(encoding="utf-8"))
    for file in PERSONAL_FILES:
        assert manifest["files"][file]["row_hashes"] == {}  # nothing to confirm a person by
    sources = [s for v in manifest["values"].values() for s in v["sources"]]
    personal_sources = [s for s in sources if s["file"] in PERSONAL_FILES]
    assert personal_sources and all(s["rows"] == [] for s in personal_sources)
    assert all(s["row_count"] >= 0 for s in personal_sources)
    # other datasets keep their rows and hashes
    assert manifest["files"][f"{YEAR}/penempatan.csv"]["row_hashes"]
    assert data["files"][f"{YEAR}/penempatan.csv"]["rows"]


def test_every_published_group_of_persons_has_at_least_k_members(public):
    data = _values_js(public)
    tables = [t for per_file in data["groups"].values() for ts in per_file.values() for t in ts]
    # (kepulangan is counted by month and debarkasi only: Lampiran IV counts it by the rest)
    assert len(tables) > 30
    named = 0
    for table in tables:
        for label, count in table["groups"]:
            if count == personal.SMALL:
                assert label == OTHERS  # a small group is never named
            else:
                assert int(count) >= personal.K, (table["column"], label, count)
                named += label != OTHERS
        dates = [label for label, _ in table["groups"] if table["column"] == "tanggal"]
        assert all(len(d) == 7 for d in dates if d != OTHERS)  # months, never a day
    assert named > 20
    assert data["k"] == 3


def test_counts_add_up_to_the_persons_of_each_value(public):
    # Each count table of a value adds up to its row count: nobody lost, nobody added.
    data = _values_js(public)
    checked = 0
    for vid, per_file in data["groups"].items():
        for file, tables in per_file.items():
            source = next(s for s in data["values"][vid]["sources"] if s["file"] == file)
            for table in tables:
                counts = [c for _, c in table["groups"]]
                if personal.SMALL not in counts:
                    assert sum(int(c) for c in counts) == source["row_count"], (vid, table)
                    checked += 1
    assert checked > 20


def test_public_jejak_appendix_gives_counts_not_line_numbers(public):
    text = (public.html / "lampiran8_jejak.html").read_text(encoding="utf-8")
    assert re.search(r"kepulangan\.csv, \d+ baris(?!:)", text)
    assert not re.search(r"(kepulangan|pemberdayaan|rehabilitasi)\.csv, \d+ baris:", text)
    assert re.search(r"penempatan\.csv, \d+ baris: \d", text)  # other files keep their lines


@pytest.mark.browser
def test_the_panel_shows_counts_not_rows_of_returned_workers(open_page, public):
    page, errors = open_page((public.html / "lampiran4_kepulangan.html").as_uri())
    # 8 deportees, L: a count the tables show (a hidden one has no rows behind it at all)
    page.locator('[data-value-id="kepulangan.kategori.deportasi.l"]').first.click()
    page.locator("button.lkj-trace-show-rows").first.click()
    shown = page.locator(".lkj-trace-rows-wrap").first
    headers = shown.locator("thead th").all_inner_texts()
    assert "debarkasi" in headers and "orang" in headers
    assert "kabupaten_kota" not in headers  # Lampiran IV counts by it, hiding small cells
    assert "nama" not in headers and "baris" not in headers and "id" not in headers
    assert "edisi internal" in shown.inner_text()
    assert errors == []


# --- the book's own tables over personal data (Lampiran IV): small cells suppressed --------

_CELL_RE = re.compile(r'<td[^>]*data-value-id="(kepulangan\.[^"]+)"[^>]*>(.*?)</td>', re.S)


def _published_cells(report) -> dict[str, str]:
    """Value id -> the text of its cell in the HTML page of Lampiran IV."""
    text = (report.html / "lampiran4_kepulangan.html").read_text(encoding="utf-8")
    cells = {
        vid: html.unescape(re.sub(r"<[^>]+>", "", body)).strip()
        for vid, body in _CELL_RE.findall(text)
    }
    assert len(cells) > 80  # three tables: kategori, negara, kabupaten/kota × L, P, Jumlah
    return cells


def test_every_published_cell_of_a_personal_table_covers_k_or_is_suppressed(public):
    cells = _published_cells(public)
    marks = {smallcells.SMALL, smallcells.HIDDEN}
    for vid, text in cells.items():
        assert text in marks or text in ("0", "-") or int(text) >= personal.K, (vid, text)
    assert sum(text == smallcells.SMALL for text in cells.values()) > 20
    assert sum(text == smallcells.HIDDEN for text in cells.values()) > 0
    page = (public.html / "lampiran4_kepulangan.html").read_text(encoding="utf-8")
    assert page.count("k = 3") >= 3  # the key under each of the three tables


def test_no_suppressed_count_can_be_worked_out_from_the_totals(public, internal):
    # The exact counts from the internal edition; what a reader knows from the public page.
    exact = json.loads((internal.out / "values.json").read_text(encoding="utf-8"))["values"]
    cells = _published_cells(public)
    inputs = load_inputs(read_run(public.root / "params" / f"{public.run}.yml"))
    checked = 0
    for grid in kepulangan_grids(inputs, inputs.run.params.quarter):
        values = {i: int(exact[i]["value"]) for i in grid.ids()}
        hidden = {
            i: smallcells.PRIMARY if cells[i] == smallcells.SMALL else smallcells.COMPLEMENTARY
            for i in grid.ids()
            if cells[i] in (smallcells.SMALL, smallcells.HIDDEN)
        }
        for i in grid.ids():
            if i not in hidden:
                assert cells[i] in (str(values[i]), "-"), (i, cells[i], values[i])
        for i, kind in hidden.items():
            assert kind == smallcells.COMPLEMENTARY or 0 < values[i] < personal.K
            assert not smallcells.recoverable(grid, values, hidden, i), i
            checked += 1
    assert checked > 30


def test_suppressed_counts_are_nowhere_in_values_json_values_js_or_jejak(public, internal):
    manifest = json.loads((public.out / "values.json").read_text(encoding="utf-8"))["values"]
    exact = json.loads((internal.out / "values.json").read_text(encoding="utf-8"))["values"]
    data = _values_js(public)
    jejak = (public.html / "lampiran8_jejak.html").read_text(encoding="utf-8")
    hidden = [vid for vid, v in manifest.items() if v["params"].get(smallcells.MARK)]
    assert len(hidden) > 30
    for vid in hidden:
        v = manifest[vid]
        assert v["value"] == v["display"] == v["display_with_unit"]
        assert v["display"] in (smallcells.SMALL, smallcells.HIDDEN)
        assert v["sources"] == [] and vid not in data["groups"]  # no row count, no groups
        assert data["values"][vid]["value"] == v["value"]
        entry = re.search(rf'id="jejak:{re.escape(vid)}".*?</tr>', jejak, re.S)
        assert entry and html.escape(v["display"]) in entry.group(0)
        assert exact[vid]["value"] != v["value"]  # the internal edition keeps the count
    # The panel counts no value of the file by a column its public tables count by: those
    # counts (e.g. kepulangan.total.p by kategori) would give back the hidden cells.
    tabled = {"kategori", "negara", "kabupaten_kota", "jenis_kelamin"}
    columns = {
        t["column"]
        for per in data["groups"].values()
        for f, ts in per.items()
        if f.endswith("kepulangan.csv")
        for t in ts
    }
    assert columns and not columns & tabled


def test_the_internal_edition_shows_every_count(internal):
    cells = _published_cells(internal)
    assert all(text.isdigit() for text in cells.values())
    assert "1" in cells.values() and "2" in cells.values()
