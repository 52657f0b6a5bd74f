"""The Quarto project staged for `--renderer quarto` (no Quarto needed for these)."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import yaml

from lkj.book.display import META_MIME
from lkj.render.assemble import BookMeta
from lkj.render.quarto import load_book
from lkj.render.quarto_offline import make_offline
from lkj.render.quarto_render import content_css, stage_project
from lkj.render.quarto_stage import clean_notebook

QUARTO = """
project: {type: book, output-dir: _output}
lang: id
book:
  title: T
  chapters:
    - notebooks/index.ipynb
    - notebooks/bab1.ipynb
    - part: "BAB II Akuntabilitas"
      chapters: [notebooks/bab2a.ipynb, notebooks/bab2b.ipynb]
  appendices: [notebooks/lampiran.ipynb, notebooks/kosong.ipynb]
format:
  html: {theme: cosmo}
"""


PNG = base64.b64encode(b"\x89PNG not really").decode()


def md_output(text: str) -> dict[str, Any]:
    return {
        "output_type": "display_data",
        "metadata": {},
        "data": {"text/markdown": text, "text/html": "<p>preview</p>", "text/plain": "x"},
    }


def code(*outputs: dict[str, Any], tags: list[str] | None = None) -> dict[str, Any]:
    return {
        "cell_type": "code",
        "id": "c",
        "metadata": {"tags": tags or []},
        "execution_count": 1,
        "source": "d.markdown('...')",
        "outputs": list(outputs),
    }


def write_nb(path: Path, *cells: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    nb = {"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def project(root: Path) -> list[Path]:
    (root / "_quarto.yml").write_text(QUARTO, encoding="utf-8")
    nb = root / "notebooks"
    table = '::: {#tbl-a .lkj-table lkj-kind="tabel" lkj-number="Tabel 1"}\n:::'
    return [
        write_nb(nb / "index.ipynb", code(md_output("# Kata Pengantar {.unnumbered}"))),
        write_nb(nb / "bab1.ipynb", code(md_output("# BAB I"), md_output(table))),
        write_nb(
            nb / "bab2a.ipynb", code(md_output(f"# A. Satu\n\n![G](data:image/png;base64,{PNG})"))
        ),
        write_nb(nb / "bab2b.ipynb", code(md_output("# B. Dua"))),
        write_nb(nb / "lampiran.ipynb", code(md_output('::: {lkj-kind="lampiran"}\n:::'))),
        write_nb(nb / "kosong.ipynb", code({"output_type": "stream", "text": "x"})),
    ]


def test_outputs_become_markdown_cells_without_code_or_streams(tmp_path: Path) -> None:
    path = write_nb(
        tmp_path / "a.ipynb",
        {"cell_type": "markdown", "id": "t", "metadata": {"tags": ["remove-cell"]}, "source": "#"},
        code(
            {"output_type": "stream", "name": "stdout", "text": "printed\n"},
            md_output('Ada [5]{.lkj-value data-value-id="x"} orang.\n\nParagraf kedua.'),
            {"output_type": "display_data", "metadata": {}, "data": {META_MIME: {"unit": "U"}}},
            {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBO"}},
        ),
        code(md_output("disembunyikan"), tags=["remove-cell"]),
    )
    cells = clean_notebook(path)["cells"]
    assert [c["cell_type"] for c in cells] == ["markdown", "code"]
    text = "".join(cells[0]["source"])
    assert text == 'Ada [5]{.lkj-value data-value-id="x"} orang.\n\nParagraf kedua.'
    assert "preview" not in json.dumps(cells)  # Jupyter's text/html preview is not read
    assert cells[1]["outputs"][0]["data"] == {"image/png": "iVBO"}
    assert cells[1]["source"].startswith("#| echo: false")
    assert "printed" not in json.dumps(cells)


def test_staged_project_is_flat_with_parts_and_lists(tmp_path: Path) -> None:
    executed = project(tmp_path)
    book = load_book(tmp_path)
    folder = tmp_path / "_build" / "quarto"
    meta = BookMeta(title="Laporan Kinerja", unit="Balai Contoh", period="Triwulan II", year=2025)
    skipped = stage_project(book, executed, folder, meta)
    assert skipped == ["notebooks/kosong.ipynb"]  # shows nothing: left out, as by pandoc
    config = yaml.safe_load((folder / "_quarto.yml").read_text(encoding="utf-8"))
    assert config["book"]["chapters"] == [
        "index.ipynb",
        "bab1.ipynb",
        {"part": "BAB II Akuntabilitas", "chapters": ["bab2a.ipynb", "bab2b.ipynb"]},
    ]
    assert config["book"]["appendices"] == ["lampiran.ipynb"]
    assert config["book"]["title"] == "Laporan Kinerja Triwulan II Tahun 2025"
    assert "output-dir" not in config["project"] and "lkj" not in config
    assert config["execute"]["enabled"] is False
    assert config["format"]["html"]["theme"] == "cosmo"  # the project's own settings stay
    assert "include-before-body" not in config["format"]["html"]  # public: no banner
    # embedded pictures become files (Quarto would name them after their last bytes)
    bab2a = "".join(json.loads((folder / "bab2a.ipynb").read_text("utf-8"))["cells"][0]["source"])
    image = re.search(r"!\[G\]\((img/[0-9a-f]+\.png)\)", bab2a)
    assert image and (folder / image.group(1)).read_bytes() == b"\x89PNG not really"
    # a part's chapters: marked for one level down in the PDF (the part title is the chapter)
    assert bab2a.startswith("# A. Satu {.lkj-in-part}")
    assert "lkj-in-part" not in (folder / "bab1.ipynb").read_text(encoding="utf-8")
    for name in config["filters"] + config["format"]["typst"]["include-in-header"]:
        assert (folder / name).is_file()
    style = (Path(__file__).parents[2] / "src/lkj/resources/typst/lkj.typ").read_text("utf-8")
    assert (folder / "_lkj.typ").read_text(encoding="utf-8") == style
    # Daftar Isi/Tabel/Lampiran: after the front matter (Quarto puts BAB I's title first)
    last = json.loads((folder / "index.ipynb").read_text(encoding="utf-8"))["cells"][-1]
    assert "#lkj-lists(tables: true, appendices: true)" in "".join(last["source"])
    bab1 = (folder / "bab1.ipynb").read_text(encoding="utf-8")
    assert "lkj-lists" not in bab1
    # the table keeps its id away from Quarto's cross-references (lkj numbers it)
    assert '{lkj-id=\\"tbl-a\\" .lkj-table' in bab1 and "#tbl-a" not in bab1


def test_internal_edition_is_marked(tmp_path: Path) -> None:
    executed = project(tmp_path)
    folder = tmp_path / "q"
    stage_project(load_book(tmp_path), executed, folder, BookMeta(edition="internal"))
    config = yaml.safe_load((folder / "_quarto.yml").read_text(encoding="utf-8"))
    banner = config["format"]["html"]["include-before-body"]
    assert "TERBATAS" in (folder / banner[-1]).read_text(encoding="utf-8")
    assert "internal: true" in (folder / "typst-show.typ").read_text(encoding="utf-8")


def test_content_css_leaves_the_frame_to_quarto() -> None:
    css = (Path(__file__).parents[2] / "src/lkj/resources/html/lkj.css").read_text("utf-8")
    part = content_css(css)
    assert "table.lkj-table" in part and ".lkj-signatures" in part and "--accent" in part
    assert ".sidebar" not in part and ".topbar" not in part and ".cover" not in part


def test_quarto_scripts_become_classic_for_file_urls(tmp_path: Path) -> None:
    libs = tmp_path / "site_libs" / "quarto-html"
    (libs / "tabsets").mkdir(parents=True)
    (libs / "quarto.js").write_text(
        'import * as tabsets from "./tabsets/tabsets.js";\ntabsets.init();\n', "utf-8"
    )
    (libs / "tabsets" / "tabsets.js").write_text("export function init() { return 1; }\n", "utf-8")
    page = tmp_path / "index.html"
    page.write_text(
        '<script src="site_libs/quarto-html/quarto.js" type="module"></script>\n'
        '<script src="site_libs/quarto-html/tabsets/tabsets.js" type="module"></script>\n',
        "utf-8",
    )
    assert make_offline(tmp_path) == []
    script = (libs / "quarto.js").read_text("utf-8")
    assert "import" not in script and "export" not in script
    assert "function init()" in script and "return { init };" in script
    assert (
        page.read_text("utf-8") == '<script src="site_libs/quarto-html/quarto.js" defer></script>\n'
    )
    (libs / "quarto.js").write_text('import x from "./other.js";\n', "utf-8")
    assert "tidak dikenal" in make_offline(tmp_path)[0]  # another layout: left, and said
