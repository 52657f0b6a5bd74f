"""lkj.book.display: what each function emits, and that pandoc reads it as intended."""

from __future__ import annotations

import base64
import subprocess
from dataclasses import dataclass
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pytest

from lkj.book import display
from lkj.book.tablespec import Cell, TableSpec
from lkj.render.pandoc import pandoc_path


@dataclass
class FakeValue:
    id: str
    display: str
    display_with_unit: str


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every bundle passed to IPython's display (as the kernel would publish it)."""
    bundles: list[dict[str, Any]] = []

    def fake_display(obj: Any, raw: bool = False, **_: Any) -> None:
        assert raw, "lkj.book.display must publish raw MIME bundles"
        bundles.append(obj)

    monkeypatch.setattr("IPython.display.display", fake_display)
    return bundles


def pandoc_md(markdown: str, to: str) -> str:
    proc = subprocess.run(
        [pandoc_path(), "-f", "markdown", "-t", to, "--wrap=none"],
        input=markdown.encode(),
        capture_output=True,
        check=True,
    )
    return proc.stdout.decode()


def test_every_output_is_one_bundle_with_markdown_html_and_plain(shown) -> None:
    display.markdown("Teks *penting*.")
    display.heading("BAB I Pendahuluan", 1, id="bab-1")
    assert len(shown) == 2
    for bundle in shown:
        assert set(bundle) == {"text/markdown", "text/html", "text/plain"}


def test_markdown_is_dedented(shown) -> None:
    display.markdown(
        """
        Baris satu
        baris dua.
        """
    )
    assert shown[0]["text/markdown"] == "Baris satu\nbaris dua."


def test_heading_carries_id_and_unnumbered(shown) -> None:
    display.heading("A. Rencana Strategis", 2, id="renstra")
    assert shown[0]["text/markdown"] == "## A. Rencana Strategis {#renstra .unnumbered}"
    assert pandoc_md(shown[0]["text/markdown"], "html").startswith(
        '<h2 class="unnumbered" id="renstra">A. Rencana Strategis</h2>'
    )


def test_heading_rejects_bad_level_and_id() -> None:
    with pytest.raises(ValueError):
        display.heading("x", 7)
    with pytest.raises(ValueError):
        display.heading("x", 1, id="two words")


def test_value_span_survives_into_html() -> None:
    span = display.value(FakeValue("iku07.tw2.realisasi", "7.375", "7.375 Orang"))
    assert span == '[7.375]{.lkj-value data-value-id="iku07.tw2.realisasi"}'
    html = pandoc_md(f"Realisasi {span} orang.", "html")
    assert '<span class="lkj-value" data-value-id="iku07.tw2.realisasi">7.375</span>' in html


def test_value_with_unit_text_and_escaping() -> None:
    v = FakeValue("a.b", "7.375", "7.375 Orang")
    assert display.value(v, unit=True).startswith("[7.375 Orang]")
    assert display.value("x.y", text="[1]*") == '[\\[1\\]\\*]{.lkj-value data-value-id="x.y"}'
    with pytest.raises(ValueError, match="needs text"):
        display.value("x.y")


def test_markdown_preview_renders_spans_and_hides_typst(shown) -> None:
    span = display.value("a.b", text="5")
    display.markdown(f"Nilai {span}.\n\n```{{=typst}}\n#pagebreak()\n```\n")
    preview = shown[0]["text/html"]
    assert '<span class="lkj-value">5</span>' in preview
    assert "pagebreak" not in preview


def test_table_emits_listed_div_with_both_raw_blocks(shown) -> None:
    spec = TableSpec(
        id="tbl-x",
        number="Tabel 3",
        caption='Capaian "kumulatif"',
        header=[[Cell("A", rowspan=2), Cell("B", colspan=2)], ["b1", "b2"]],
        body=[["1", "2", "3"]],
    )
    display.table(spec)
    md = shown[0]["text/markdown"]
    assert md.startswith(
        '::: {#tbl-x .lkj-table lkj-kind="tabel" lkj-number="Tabel 3" '
        'lkj-caption="Capaian \\"kumulatif\\""}'
    )
    assert "```{=html}" in md and "```{=typst}" in md
    html = pandoc_md(md, "html")
    assert 'data-lkj-number="Tabel 3"' in html and 'rowspan="2"' in html
    assert "#figure" not in html  # the typst block is not in the HTML
    typ = pandoc_md(md, "typst")
    assert "table.header(repeat: true" in typ and "<table" not in typ
    assert shown[0]["text/html"].startswith('<div class="table-wrap">')


def test_figure_is_a_deterministic_png_with_alt_text(shown) -> None:
    def draw() -> Any:
        fig, ax = plt.subplots(figsize=(3, 2))
        ax.bar(["April", "Mei"], [2180, 2519])
        return fig

    first = draw()
    display.figure(first, "Penempatan per bulan", id="fig-bulan", alt="Batang: April, Mei")
    display.figure(draw(), "Penempatan per bulan", id="fig-bulan", alt="Batang: April, Mei")
    assert not plt.fignum_exists(first.number)  # closed: Jupyter will not show it twice
    md1, md2 = shown[0]["text/markdown"], shown[1]["text/markdown"]
    assert md1 == md2
    data = base64.b64decode(md1.split("base64,")[1].split(")")[0])
    assert data.startswith(b"\x89PNG")
    for chunk in (b"tEXt", b"tIME", b"iTXt"):
        assert chunk not in data  # no software name, no timestamp
    assert '{#fig-bulan alt="Batang: April, Mei"}' in md1
    assert 'alt="Batang: April, Mei"' in pandoc_md(md1, "html")


def test_lampiran_is_an_html_heading_and_a_typst_figure(shown) -> None:
    display.lampiran("Lampiran II", "Data OPP", id="lampiran-2", landscape=True)
    md = shown[0]["text/markdown"]
    assert 'lkj-number="Lampiran II"' in md and 'lkj-anchor="lampiran-2"' in md
    assert '::: {.content-visible when-format="html"}' in md
    assert "#set page(flipped: true)" in md
    assert 'numbering: (..) => "Lampiran II"' in md and "<lampiran-2>" in md


def test_pagebreak_is_typst_only(shown) -> None:
    display.pagebreak()
    md = shown[0]["text/markdown"]
    assert "#pagebreak(weak: true)" in md
    assert pandoc_md(md, "html").strip() == ""


def test_meta_is_invisible_and_checked(shown) -> None:
    display.meta(unit="BP3MI Contoh", contact=["Jl. Satu", "(024) 1"], year=2025)
    assert shown[0][display.META_MIME]["unit"] == "BP3MI Contoh"
    assert shown[0]["text/markdown"] == ""
    with pytest.raises(TypeError):
        display.meta(unit={"nested": "dict"})


def test_functions_return_none(shown) -> None:
    # A return value would be echoed by Jupyter as an extra text/plain output.
    assert display.markdown("x") is None
    assert display.heading("x", 2) is None
