"""`lkj clean --cache [--max-size 2GB] [--max-age 30d]`: prune the build cache by hand.

Without a limit every cache entry is removed except those a running build uses; with
limits the cache is pruned as after every build (render/prune.py), to the limits given.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from rich.markup import escape

from lkj import paths
from lkj.cli import console
from lkj.errors import LkjError
from lkj.render import prune

out_console = console.stdout()


def clean(args: argparse.Namespace) -> int:
    if not args.cache:
        raise LkjError("sebutkan apa yang dibersihkan → mis. lkj clean --cache")
    root = Path(args.root)
    cache = paths.cache_dir(root)
    max_bytes = prune.parse_size(args.max_size) if args.max_size else None
    max_age = prune.parse_age(args.max_age) if args.max_age else None
    result = prune.prune(cache, max_bytes, max_age)
    shown = escape(paths.shown(cache, root))
    out_console.print(
        f"[green]✓[/] {shown}: {result.removed} entri dihapus ({prune.megabytes(result.freed)} "
        f"dibebaskan), {result.kept} entri tersisa ({prune.megabytes(result.kept_bytes)})"
    )
    if result.skipped:
        out_console.print(
            f"  {len(result.skipped)} entri tidak dihapus: dipakai build yang sedang berjalan"
        )
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"clean": clean}


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("clean", help="bersihkan cache build (_build/cache)")
    p.add_argument("--cache", action="store_true", help="pangkas atau kosongkan cache build")
    p.add_argument("--max-size", metavar="UKURAN", help="sisakan paling banyak, mis. 2GB")
    p.add_argument("--max-age", metavar="UMUR", help="hapus yang tak dipakai selama, mis. 30d")
    p.add_argument("--root", default=".", help="folder proyek (bawaan: folder kerja)")
