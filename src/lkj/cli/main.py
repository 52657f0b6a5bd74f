"""The `lkj` command: check inputs, compute values, build the book."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from rich.console import Console

from lkj.errors import InputError, LkjError

err_console = Console(stderr=True, highlight=False)
out_console = Console(highlight=False)


def _print_problems(exc: InputError) -> None:
    err_console.print(f"[bold red]{len(exc.problems)} masalah ditemukan pada data masukan:[/]")
    for problem in exc.problems:
        err_console.print(f"  [red]✗[/] {problem.render()}", soft_wrap=True)
    for warning in exc.warnings:
        err_console.print(f"  [yellow]![/] {warning.render()}", soft_wrap=True)


def cmd_check(args: argparse.Namespace) -> int:
    from lkj.cli import analyst as cli_analyst

    # Validation, plausibility warnings and the optional HTML page live in lkj.cli.analyst.
    return cli_analyst.check(args)


def cmd_compute(args: argparse.Namespace) -> int:
    from lkj.compute.engine import compute_run
    from lkj.values.export import write_values

    registry = compute_run(args.params)
    write_values(registry, args.format, sys.stdout)
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from lkj.render.build import build, output_paths

    if len(args.params) > 1:
        return _build_batch(args)
    params = args.params[0]
    out = build(
        params,
        renderer=args.renderer,
        workers=args.workers,
        force=args.force,
        shared_kernels=not args.isolated_kernels,
    )
    index, pdf = output_paths(out, out.name)
    out_console.print(f"[green]✓[/] {params}")
    out_console.print(f"  HTML: {index}", soft_wrap=True)
    out_console.print(f"  PDF:  {pdf}", soft_wrap=True)
    return 0


def _build_batch(args: argparse.Namespace) -> int:
    """Every run is attempted; the table says which failed; exit 1 if any did."""
    from rich.table import Table

    from lkj.render.batch import build_many
    from lkj.render.build import output_paths

    outcomes = build_many(
        args.params,
        renderer=args.renderer,
        workers=args.workers,
        force=args.force,
        shared_kernels=not args.isolated_kernels,
    )
    table = Table(title=f"lkj build: {len(outcomes)} run")
    for column in ("run", "hasil", "waktu", "keluaran"):
        table.add_column(column, overflow="fold")
    for o in outcomes:
        where = str(output_paths(o.output, o.output.name)[1]) if o.output else o.error
        result = "[green]✓ berhasil[/]" if o.ok else "[red]✗ gagal[/]"
        table.add_row(o.params, result, f"{o.seconds:.1f} s", where)
    out_console.print(table)
    return 0 if all(o.ok for o in outcomes) else 1


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": cmd_check,
    "compute": cmd_compute,
    "build": cmd_build,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lkj", description="Laporan Kinerja triwulanan yang dapat direproduksi."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="periksa semua data masukan sebuah params")
    p.add_argument("params", help="berkas params, mis. params/jateng-2025-tw2.yml")
    p.add_argument("--html", metavar="FILE", help="tulis juga pemeriksaan sebagai halaman HTML")

    p = sub.add_parser("compute", help="hitung dan cetak semua nilai laporan")
    p.add_argument("params")
    p.add_argument("--format", choices=["json", "csv"], default="json")

    p = sub.add_parser("build", help="eksekusi notebook lalu susun buku HTML dan PDF")
    p.add_argument("params", nargs="+", help="satu atau lebih berkas params")
    p.add_argument(
        "--renderer",
        choices=["auto", "pandoc", "quarto"],
        default="auto",
        help="auto = pandoc + typst (bawaan); quarto: Quarto CLI di PATH (lihat docs/quarto.md)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        help="notebook yang dieksekusi bersamaan (bawaan: jumlah CPU)",
    )
    p.add_argument(
        "--force", action="store_true", help="abaikan cache: eksekusi dan susun ulang semuanya"
    )
    p.add_argument(
        "--isolated-kernels",
        action="store_true",
        help="satu kernel baru per notebook (bawaan: kernel hangat yang dipakai ulang)",
    )
    from lkj.cli import analyst as cli_analyst

    cli_analyst.add_parsers(sub)
    from lkj.cli import provenance as cli_provenance

    cli_provenance.add_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from lkj.cli import analyst as cli_analyst

    args = build_parser().parse_args(argv)
    from lkj.cli import provenance as cli_provenance

    commands = {**COMMANDS, **cli_analyst.COMMANDS, **cli_provenance.COMMANDS}
    try:
        return commands[args.command](args)
    except InputError as exc:
        _print_problems(exc)
        err_console.print("[red]Perbaiki masalah di atas lalu jalankan lagi.[/]")
        return 2
    except LkjError as exc:
        err_console.print(f"[bold red]Gagal:[/] {exc}")
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
