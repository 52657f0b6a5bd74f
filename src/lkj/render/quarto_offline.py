"""Make Quarto's HTML book work when opened from a folder (file://), as lkj's books must.

Quarto 1.11 loads `site_libs/quarto-html/quarto.js` as an ES module that imports
`tabsets/tabsets.js`; browsers refuse module scripts from file:// (origin "null"), so the
sidebar, the table of contents highlighting and the search box stop working and the
console shows errors. The two files are joined into one classic script (tabsets.js's
exported functions become an object) and the pages load it with `defer`, which keeps
the order in which module scripts ran. An unknown layout (another Quarto version) is
left as it is and reported.
"""

from __future__ import annotations

import re
from pathlib import Path

LIBS = "site_libs/quarto-html"
_IMPORT = re.compile(r'^import \* as (\w+) from "\./tabsets/tabsets\.js";\s*$', re.M)
_EXPORT = re.compile(r"^export (async function|function|const|let) (\w+)", re.M)
_MODULE_TAG = re.compile(
    r'<script src="(site_libs/quarto-html/(?:quarto|tabsets/tabsets)\.js)" type="module">'
    r"</script>\n?"
)


def classic_script(quarto_js: str, tabsets_js: str) -> str | None:
    """quarto.js with tabsets.js inlined, free of import/export; None if not that shape."""
    found = _IMPORT.search(quarto_js)
    names = _EXPORT.findall(tabsets_js)
    if found is None or not names:
        return None
    body = _EXPORT.sub(lambda m: f"{m.group(1)} {m.group(2)}", tabsets_js)
    exported = ", ".join(name for _, name in names)
    inlined = f"const {found.group(1)} = (function () {{\n{body}\nreturn {{ {exported} }};\n}})();"
    script = quarto_js[: found.start()] + inlined + quarto_js[found.end() :]
    if re.search(r"^\s*(import|export)\b", script, re.M):
        return None
    return script


def _retag(page: str) -> str:
    def tag(match: re.Match[str]) -> str:
        if match.group(1).endswith("tabsets.js"):
            return ""  # now inside quarto.js
        return f'<script src="{match.group(1)}" defer></script>\n'

    return _MODULE_TAG.sub(tag, page)


def make_offline(html_dir: Path) -> list[str]:
    """Rewrite the book in html_dir; return warnings (nothing done) for the build."""
    quarto_js, tabsets_js = html_dir / LIBS / "quarto.js", html_dir / LIBS / "tabsets/tabsets.js"
    if not quarto_js.is_file() or not tabsets_js.is_file():
        return []
    script = classic_script(
        quarto_js.read_text(encoding="utf-8"), tabsets_js.read_text(encoding="utf-8")
    )
    if script is None:
        return [
            f"{quarto_js.name} Quarto ini tidak dikenal: buku HTML Quarto mungkin perlu "
            "dibuka lewat server web (file:// menolak modul JavaScript)"
        ]
    quarto_js.write_text(script, encoding="utf-8")
    for page in sorted(html_dir.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        page.write_text(_retag(text), encoding="utf-8")
    return []
