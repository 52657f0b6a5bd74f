"""The Lua filter: per notebook output, the representation each target needs; no code."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import nbformat
import pytest
from hypothesis import given
from hypothesis import strategies as st
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from lkj.render import pandoc

# A 1x1 PNG: an image output of a figure that was not passed through display.figure.
PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
    )
).decode()


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    nb = new_notebook()
    code = new_code_cell("print('debug'); display(...)")
    code.outputs = [
        new_output("stream", name="stdout", text="debug print\n"),
        new_output("stream", name="stderr", text="UserWarning: noise\n"),
        new_output(
            "display_data",
            data={
                "text/markdown": (
                    "## Bagian {#bagian .unnumbered}\n\nNilai [7.375]{.lkj-value "
                    'data-value-id="iku07.tw2"}.\n\n```{=typst}\n#pagebreak(weak: true)\n```\n\n'
                    '::: {.content-visible when-format="html"}\nhanya-html\n:::\n\n'
                    '::: {.content-hidden when-format="pdf"}\nbukan-pdf\n:::\n'
                ),
                "text/html": "<p>PREVIEW-ONLY</p>",
                "text/plain": "PLAIN-FALLBACK",
            },
        ),
        new_output(
            "display_data", data={"text/html": "<b>HTML-ONLY</b>", "text/plain": "PLAIN-OF-HTML"}
        ),
        new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure>"}),
        new_output("execute_result", data={"text/plain": "42"}, execution_count=1),
    ]
    title = new_markdown_cell("# Judul untuk peninjau", metadata={"tags": ["remove-cell"]})
    nb.cells = [title, new_markdown_cell("# Judul Bab"), code]
    path = tmp_path_factory.mktemp("pandoc") / "bab.ipynb"
    nbformat.write(nb, path)
    return path


def read(path: Path, target: str) -> tuple[pandoc.Ast, str]:
    ast = pandoc.read_notebook(path, target, path.parent / "media" / target)
    return ast, pandoc.write(ast, "html5" if target == "html" else "typst")


def test_html_target(executed: Path) -> None:
    _, out = read(executed, "html")
    assert '<h1 id="judul-bab">Judul Bab</h1>' in out
    assert '<h2 class="unnumbered" id="bagian">Bagian</h2>' in out
    assert '<span class="lkj-value" data-value-id="iku07.tw2">7.375</span>' in out
    assert "hanya-html" in out and "bukan-pdf" in out
    assert "<b>HTML-ONLY</b>" in out and "PLAIN-OF-HTML" not in out
    assert "<img" in out
    # never in the book: code, streams, previews and plain text beside richer output
    for absent in (
        "peninjau",
        "print(",
        "debug print",
        "UserWarning",
        "PREVIEW-ONLY",
        "PLAIN-FALLBACK",
        "pagebreak",
        "&lt;Figure&gt;",
    ):
        assert absent not in out
    assert "42" in out  # a plain-only result is kept, so its author notices it


def test_typst_target(executed: Path) -> None:
    _, out = read(executed, "typst")
    assert '#lkj-value("iku07.tw2")[7.375]' in out
    assert "#pagebreak(weak: true)" in out
    assert "hanya-html" not in out and "bukan-pdf" not in out
    assert "HTML-ONLY" not in out and "PLAIN-OF-HTML" in out  # html falls back to plain text
    assert "#heading(level: 2, numbering: none)[Bagian]" in out
    assert "debug print" not in out and "print(" not in out


def test_image_outputs_are_extracted(executed: Path) -> None:
    ast, _ = read(executed, "html")
    sources = [n["c"][2][0] for n in pandoc.nodes(ast["blocks"]) if n["t"] == "Image"]
    assert len(sources) == 1 and Path(sources[0]).is_file()


def test_stringify() -> None:
    inlines = [
        {"t": "Str", "c": "BAB"},
        {"t": "Space"},
        {"t": "Emph", "c": [{"t": "Str", "c": "I"}]},
        {"t": "RawInline", "c": ["typst", "#x"]},
    ]
    assert pandoc.stringify(inlines) == "BAB I"


def _walk(value: Any) -> list[Any]:
    """The definition of document order: an element, then its children's, depth first."""
    found = []
    if isinstance(value, dict):
        if "t" in value:
            found.append(value)
        for child in value.values():
            found += _walk(child)
    elif isinstance(value, list):
        for child in value:
            found += _walk(child)
    return found


_trees = st.recursive(
    st.one_of(st.none(), st.integers(), st.text(max_size=3)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.fixed_dictionaries({"t": st.sampled_from(["Para", "Div", "Str"]), "c": inner}),
        st.dictionaries(st.sampled_from(["a", "b"]), inner, max_size=2),
    ),
    max_leaves=30,
)


@given(_trees)
def test_nodes_gives_every_element_in_document_order(tree: Any) -> None:
    assert [id(n) for n in pandoc.nodes(tree)] == [id(n) for n in _walk(tree)]


def test_nodes_reaches_deep_nesting_and_sees_changes_made_while_walking() -> None:
    deep: Any = {"t": "Str", "c": "x"}
    for _ in range(3000):  # deeper than Python's recursion limit
        deep = {"t": "Div", "c": [deep]}
    assert sum(1 for _ in pandoc.nodes(deep)) == 3001
    doc = [{"t": "Header", "c": [1, ["a", [], []], []]}, {"t": "Para", "c": []}]
    seen = []
    for node in pandoc.nodes(doc):
        if node["t"] == "Header":
            node["c"][1][0] = "b"  # as assemble's set_id does
            node["c"].append({"t": "Str", "c": "baru"})  # a child added is still reached
        seen.append(node["t"])
    assert seen == ["Header", "Str", "Para"]
