"""The public edition holds no record of a person anywhere (docs/security.md, issue 16).

Every file of the public run's output and build folders — binary ones too: the hand-off
pickle, the PDF's text, the XML inside DOCX and XLSX — is searched for every name, passport
number and street address of the data; the published counts of personal datasets are checked
to describe at least K persons each.
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from lkj import paths
from lkj.inputs import personal
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
    assert len(tables) > 50
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
    page.locator('[data-value-id^="kepulangan.kategori."]').first.click()
    page.locator("button.lkj-trace-show-rows").first.click()
    shown = page.locator(".lkj-trace-rows-wrap").first
    headers = shown.locator("thead th").all_inner_texts()
    assert "kabupaten_kota" in headers and "orang" in headers
    assert "nama" not in headers and "baris" not in headers and "id" not in headers
    assert "edisi internal" in shown.inner_text()
    assert errors == []
