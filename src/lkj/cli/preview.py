"""`lkj preview PARAMS [--port N]`: the book served locally, rebuilt on every save."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def preview(args: argparse.Namespace) -> int:
    from lkj.render.preview import preview as run_preview

    run_preview(args.params, port=args.port, workers=args.workers)
    return 0


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "preview",
        help="bangun sekali, tampilkan buku di peramban, bangun ulang setiap berkas disimpan",
    )
    p.add_argument("params", help="berkas params, mis. params/jateng-2025-tw2.yml")
    p.add_argument(
        "--port", type=int, default=4848, help="port di 127.0.0.1 (bawaan: 4848; 0: bebas)"
    )
    p.add_argument("--workers", type=int, default=None, help="kernel hangat (bawaan: jumlah CPU)")


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"preview": preview}
