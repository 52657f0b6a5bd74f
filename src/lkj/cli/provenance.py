"""The provenance commands of `lkj`: trace, diff, reconcile (registered by lkj.cli.main).

lkj trace PARAMS VALUE_ID [--rows]   lineage tree down to the data rows
lkj trace PARAMS --search TEKS       find value ids by label or id
lkj diff RUN_A RUN_B                 compare two builds' values.json (exit 1: differences)
lkj reconcile PARAMS FILE            computed values vs published figures
                                     (exit 1: a difference without an explanation)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from rich.markup import escape
from rich.table import Table

from lkj.cli import console
from lkj.values import formatting as fmt

out_console = console.stdout()


def trace(args: argparse.Namespace) -> int:
    from lkj.compute.engine import compute
    from lkj.inputs.load import load_inputs, read_run
    from lkj.provenance import trace as tr

    inputs = load_inputs(read_run(args.params))
    registry = compute(inputs)
    if args.search or not args.value_id:
        out_console.print(tr.search_table(registry, args.search or ""))
        return 0
    if args.value_id not in registry:
        hint = tr.search_table(registry, args.value_id.replace(".", " ").replace("_", " "))
        out_console.print(f"[red]id nilai '{escape(args.value_id)}' tidak dikenal.[/]")
        if hint.row_count:
            out_console.print(hint)
        out_console.print("Cari id dengan: lkj trace PARAMS --search KATA")
        return 1
    out_console.print(tr.lineage_tree(registry, args.value_id, inputs.run.root))
    if args.rows:
        for table in tr.rows_tables(inputs, registry, args.value_id):
            out_console.print(table)
    return 0


def _delta(value: float | None) -> str:
    if value is None:
        return ""
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return sign + fmt.number(abs(value), 2)


def diff(args: argparse.Namespace) -> int:
    from lkj.provenance.diff import diff as compare
    from lkj.provenance.diffpersonal import personal_rows
    from lkj.provenance.manifest import read_manifest

    a, b = read_manifest(args.run_a), read_manifest(args.run_b)
    result = compare(a, b)
    personal = personal_rows(a, b, Path.cwd())
    head = f"[bold]{escape(a['run'])}[/] → [bold]{escape(b['run'])}[/]: "
    head += (
        f"{len(result.changed)} nilai berubah, {len(result.added)} baru, "
        f"{len(result.removed)} hilang (dari {len(b['values'])})"
    )
    out_console.print(head)
    for title, lines in (
        ("Berkas masukan", result.files),
        ("Berkas data pribadi", personal),
        ("Parameter", result.params),
        ("Build", result.build),
    ):
        if lines:
            out_console.print(f"[bold]{title}[/]")
            for line in lines:
                out_console.print(f"  • {escape(line)}", soft_wrap=True)
    rows = [*result.changed, *result.added, *result.removed]
    if rows:
        table = Table(title="Nilai yang berbeda", title_justify="left", show_lines=True)
        for column, justify in (
            ("id", "left"),
            ("uraian", "left"),
            ("A", "right"),
            ("B", "right"),
            ("selisih", "right"),
            ("karena", "left"),
        ):
            table.add_column(column, justify=justify)  # type: ignore[arg-type]
        for c in rows[: args.limit]:
            table.add_row(
                escape(c.id),
                escape(c.label),
                escape(c.before),
                escape(c.after),
                _delta(c.delta),
                escape("\n".join(c.causes)),
            )
        if len(rows) > args.limit:
            table.caption = f"{len(rows) - args.limit} lainnya tidak ditampilkan (--limit)"
        out_console.print(table)
    else:
        out_console.print("[green]✓[/] semua nilai sama.")
    return 0 if result.same else 1


def reconcile(args: argparse.Namespace) -> int:
    from lkj.compute.engine import compute
    from lkj.compute.reconcile import HIDDEN, read_published
    from lkj.compute.reconcile import reconcile as compare
    from lkj.inputs.load import load_inputs, read_run

    run = read_run(args.params)
    registry = compute(load_inputs(run))
    path = Path(args.file)
    outcomes = compare(registry, read_published(path, str(args.file)), str(args.file))
    table = Table(
        title=f"Rekonsiliasi dengan {escape(str(args.file))}",
        title_justify="left",
        show_lines=True,
        expand=out_console.is_terminal,  # a log gets the table at its natural width
    )
    table.add_column("baris", justify="right")
    table.add_column("id", no_wrap=True)
    for column in ("tempat", "terbitan", "buku ini", "status"):
        table.add_column(column)
    table.add_column("catatan", ratio=1, min_width=24)
    style = {"cocok": "green", "beda (dijelaskan)": "yellow", "BEDA": "bold red", HIDDEN: "cyan"}
    for o in outcomes:
        if o.matches and not args.all:
            continue
        table.add_row(
            str(o.item.row),
            escape(o.item.id),
            escape(o.item.place),
            escape(o.item.printed),
            escape(o.computed),
            f"[{style[o.status]}]{o.status}[/]",
            escape(o.item.note),
        )
    out_console.print(table)
    matched = sum(o.matches for o in outcomes)
    hidden = sum(o.hidden for o in outcomes)
    unexplained = sum(o.unexplained for o in outcomes)
    explained = len(outcomes) - matched - hidden - unexplained
    out_console.print(
        f"{len(outcomes)} angka terbitan: {matched} cocok, {explained} beda dengan penjelasan, "
        f"{unexplained} beda tanpa penjelasan"
        + (f", {hidden} {HIDDEN} (k = 3; bandingkan di edisi internal)." if hidden else ".")
    )
    if unexplained:
        out_console.print("[red]Periksa angka yang BEDA, lalu tulis alasannya di kolom catatan.[/]")
    return 1 if unexplained else 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "trace": trace,
    "diff": diff,
    "reconcile": reconcile,
}


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("trace", help="jejak satu angka sampai ke baris data")
    p.add_argument("params", help="berkas params, mis. params/jateng-2025-tw2.yml")
    p.add_argument("value_id", nargs="?", help="id nilai, mis. iku01.sd_tw2.capaian")
    p.add_argument("--rows", action="store_true", help="cetak juga baris data yang dipakai")
    p.add_argument("--search", metavar="TEKS", help="cari id nilai menurut uraian atau id")

    p = sub.add_parser("diff", help="bandingkan nilai dua build (values.json)")
    p.add_argument("run_a", help="folder _output/<run> atau berkas values.json (sebelum)")
    p.add_argument("run_b", help="folder _output/<run> atau berkas values.json (sesudah)")
    p.add_argument("--limit", type=int, default=200, help="paling banyak baris nilai dicetak")

    p = sub.add_parser("reconcile", help="bandingkan nilai dengan angka laporan terbitan")
    p.add_argument("params")
    p.add_argument("file", help="CSV angka terbitan (id, tempat, terbitan, catatan)")
    p.add_argument("--all", action="store_true", help="tampilkan juga angka yang cocok")
