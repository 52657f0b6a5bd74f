"""Where the external programs are: pandoc (from pypandoc-binary).

Foundation module: imports nothing from lkj but lkj.errors, so provenance (which records the
versions) and render (which runs the programs) may both use it.
"""

from __future__ import annotations

from functools import cache

from lkj.errors import BuildError


@cache
def pandoc_path() -> str:
    try:
        import pypandoc
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise BuildError("pypandoc-binary tidak terpasang → make install") from exc
    return str(pypandoc.get_pandoc_path())
