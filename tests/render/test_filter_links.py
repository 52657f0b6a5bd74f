"""The Lua filter drops link targets other than http(s), mailto and the book's own anchors.

Defence in depth: `lkj check` refuses such links in analyst texts already; whatever text
still carries one, the reader never gets a `javascript:`, `data:` or `file:` link.
"""

from __future__ import annotations

import subprocess
from html.parser import HTMLParser

from lkj import paths
from lkj.render.pandoc import pandoc_path

TEXT = (
    "[a](javascript:alert(1)) [b](https://bp2mi.go.id) [c](#jejak:iku01) "
    "[d](mailto:x@y.id) [e](DATA:text/html,x) [f](file:///etc/passwd) ![g](data:text/html,x) "
    "![h](data:image/png;base64,iVBORw0KGgo=)"
)


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.targets += [v or "" for k, v in attrs if k in ("href", "src")]


def convert(target: str) -> str:
    args = [pandoc_path(), "-f", "markdown", "-t", target, "--wrap=none"]
    args += ["--lua-filter", str(paths.resource("lkj-filter.lua"))]
    return subprocess.run(args, input=TEXT, capture_output=True, text=True, check=True).stdout


def test_html_keeps_only_safe_links():
    parser = Links()
    parser.feed(convert("html"))
    assert parser.targets == [
        "https://bp2mi.go.id",
        "#jejak:iku01",
        "mailto:x@y.id",
        "data:image/png;base64,iVBORw0KGgo=",  # lkj's own figures are embedded PNGs
    ]


def test_typst_keeps_only_safe_links():
    out = convert("typst")
    assert "javascript" not in out and "file:" not in out and "data:text" not in out.lower()
    assert 'link("https://bp2mi.go.id")' in out
