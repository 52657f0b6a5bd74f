"""Pandoc (from pypandoc-binary) as a function: executed notebook -> AST, AST -> HTML/typst.

A notebook is read once per target with `--ipynb-output=all` and the Lua filter
`resources/lkj-filter.lua`, which keeps for each output the representation that target needs
(see the filter's header). The result is pandoc's JSON AST, which the rest of the build edits
as plain Python data (`walk`, `stringify`) before writing it out.
"""

from __future__ import annotations

import base64
import json
import subprocess
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from lkj.errors import BuildError
from lkj.paths import resource
from lkj.tools import pandoc_path

READER = "ipynb+raw_attribute+grid_tables+table_captions+fenced_divs+bracketed_spans"
Ast = dict[str, Any]
Node = dict[str, Any]


def run_pandoc(args: list[str], stdin: bytes | None = None, what: str = "pandoc") -> bytes:
    proc = subprocess.run(
        [pandoc_path(), *args], input=stdin, capture_output=True, check=False, timeout=300
    )
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip()
        raise BuildError(f"{what}: pandoc gagal (kode {proc.returncode}): {message}")
    return proc.stdout


def read_notebook(path: Path, target: str, media_dir: Path, shown: str | None = None) -> Ast:
    """An executed notebook as pandoc JSON for `target` ("html" or "typst")."""
    args = [
        "-f",
        READER,
        "--ipynb-output=all",
        "-M",
        f"lkj-target={target}",
        "-L",
        str(resource("lkj-filter.lua")),
        f"--extract-media={media_dir}",
        "-t",
        "json",
        str(path),
    ]
    out = run_pandoc(args, what=f"{shown or path.name} ({target})")
    return json.loads(out)


@cache
def pandoc_version() -> str:
    """The pandoc binary's version line (part of every cache key that holds pandoc output)."""
    return run_pandoc(["--version"]).decode("utf-8", "replace").splitlines()[0]


def read_notebook_cached(
    path: Path, target: str, media_dir: Path, shown: str | None, cache_dir: Path | None
) -> Ast:
    """read_notebook, reused from cache_dir when the executed notebook is unchanged.

    Keyed by the notebook's bytes, the target, the media folder (pandoc writes its path into
    the AST), the pandoc version and the lkj source tree (the Lua filter lives there). An
    entry holds pandoc's JSON output and the files it extracted, which are written back into
    media_dir on a hit, so the result is the same as running pandoc again. It is stored with
    its sha256 (lkj.files.write_verified): a damaged entry is a miss, read again and rewritten.
    """
    if cache_dir is None:
        return read_notebook(path, target, media_dir, shown)
    from lkj.render.cache import digest_bytes, lkj_digest, read_verified, write_verified

    key = digest_bytes(
        b"pandoc-read",
        lkj_digest().encode(),
        pandoc_version().encode(),
        target.encode(),
        str(media_dir).encode(),
        path.read_bytes(),
    )
    entry = cache_dir / f"{key}.json"
    try:
        stored = json.loads(read_verified(entry) or b"")
        media = {name: base64.b64decode(data) for name, data in stored["media"].items()}
        ast = stored["ast"]
    except (ValueError, KeyError, TypeError):
        pass  # missing, damaged or unreadable: run pandoc
    else:
        for name, data in media.items():
            target_path = media_dir / name
            target_path.parent.mkdir(parents=True, exist_ok=True)
            target_path.write_bytes(data)
        return ast
    ast = read_notebook(path, target, media_dir, shown)
    files = sorted(p for p in media_dir.rglob("*") if p.is_file()) if media_dir.is_dir() else []
    media_text = {
        p.relative_to(media_dir).as_posix(): base64.b64encode(p.read_bytes()).decode("ascii")
        for p in files
    }
    write_verified(entry, json.dumps({"ast": ast, "media": media_text}).encode("utf-8"))
    return ast


def write(ast: Ast, fmt: str, what: str = "pandoc") -> str:
    """Write a JSON AST as an HTML or typst fragment (no template: the build wraps it)."""
    return write_json(json.dumps(ast).encode("utf-8"), fmt, what)


def write_json(data: bytes, fmt: str, what: str = "pandoc") -> str:
    """`write` of an AST already serialised (a caller that keys a memo by those bytes)."""
    return run_pandoc(["-f", "json", "-t", fmt, "--wrap=none"], data, what=what).decode("utf-8")


def empty_doc(blocks: list[Node], like: Ast) -> Ast:
    return {"pandoc-api-version": like["pandoc-api-version"], "meta": {}, "blocks": blocks}


# ---------------------------------------------------------------- AST helpers


def nodes(value: Any) -> Iterator[Node]:
    """Every element (dict with "t") in document order, depth first.

    A stack of iterators, not nested generators: each element came up through one generator
    per level of nesting (tables in divs in lists), and the book's walks (assembly, the
    digests, the DOCX layout) took ≈ 0,25 s of a preview rebuild; this is ≈ 2× faster.
    """
    stack: list[Iterator[Any]] = [iter((value,))]
    while stack:
        for item in stack[-1]:
            if isinstance(item, dict):
                if "t" in item:
                    yield item
                stack.append(iter(item.values()))
                break
            if isinstance(item, list):
                stack.append(iter(item))
                break
        else:
            stack.pop()


def splice(value: Any, fn: Callable[[Node], list[Node] | None]) -> Any:
    """Copy of `value` where fn(element) -> list replaces the element (spliced, not
    revisited) and fn(element) -> None keeps it and recurses into its children."""
    if isinstance(value, list):
        out: list[Any] = []
        for item in value:
            if isinstance(item, dict) and "t" in item:
                replaced = fn(item)
                if replaced is not None:
                    out.extend(replaced)
                    continue
            out.append(splice(item, fn))
        return out
    if isinstance(value, dict):
        return {key: splice(child, fn) for key, child in value.items()}
    return value


def attr(node: Node) -> tuple[str, list[str], dict[str, str]] | None:
    """(id, classes, attributes) of an element that has an Attr, else None."""
    kind = node.get("t")
    content: list[Any] = node.get("c") or []
    if kind == "Header":
        raw = content[1]
    elif kind in ("Div", "Span", "Figure", "Table", "CodeBlock", "Code", "Image", "Link"):
        raw = content[0]
    else:
        return None
    return raw[0], list(raw[1]), dict(raw[2])


def set_id(node: Node, new_id: str) -> None:
    kind = node["t"]
    raw = node["c"][1] if kind == "Header" else node["c"][0]
    raw[0] = new_id


SPACES = ("Space", "SoftBreak", "LineBreak")
SILENT = ("RawInline", "RawBlock", "Note")  # no text of their own in the reader's sense


def stringify(value: Any) -> str:
    """Plain text of inlines/blocks (like pandoc.utils.stringify)."""
    parts: list[str] = []
    _text_of(value, parts)
    return " ".join("".join(parts).split())


def _text_of(item: Any, parts: list[str]) -> None:
    if isinstance(item, list):
        for x in item:
            _text_of(x, parts)
        return
    if not isinstance(item, dict) or item.get("t") in SILENT:
        return
    kind = item.get("t")
    content: Any = item.get("c")
    if kind == "Str":
        parts.append(str(content))
    elif kind in SPACES:
        parts.append(" ")
    elif kind in ("Code", "Math"):
        parts.append(content[1])
    elif kind in ("Link", "Image", "Span"):
        _text_of(content[1], parts)
    elif kind == "Quoted":
        parts.append("“")
        _text_of(content[1], parts)
        parts.append("”")
    elif isinstance(content, list):
        _text_of(content, parts)
