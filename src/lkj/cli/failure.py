"""What the `lkj` command says when a command fails for a reason other than bad input.

No input a user can make may end in a Python traceback. Errors lkj raises on purpose
(lkj.errors) are printed by lkj.cli.main; everything else ends here: a broken pipe
(`lkj compute … | head`) ends quietly, Ctrl+C ends with exit 130, a full disk or a
read-only folder is named with what to do, and anything unexpected is a bug: one short
message, the traceback written to _build/logs/ for the bug report.
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from lkj import paths

EXIT_FAILED = 1
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a command cut off by `head`
EXIT_INTERRUPTED = 130  # 128 + SIGINT

_FULL = {errno.ENOSPC, errno.EDQUOT}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def project_root(params: object) -> Path:
    """The project folder of a command's params file(s) (`<root>/params/<run>.yml`), else the
    working folder. Only where the log goes: a guess is fine, and it never raises."""
    first = params[0] if isinstance(params, list) and params else params
    if isinstance(first, str):
        folder = Path(first).resolve().parent
        if folder.name == "params":
            return folder.parent
    return Path.cwd()


def write_log(exc: BaseException, root: Path, argv: list[str]) -> Path | None:
    """The traceback in `_build/logs/lkj-<time>.log`, or a temporary folder when that cannot
    be written (the disk may be full or the folder read-only); None if nothing can be."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    text = f"lkj {' '.join(argv)}\n\n" + "".join(traceback.format_exception(exc))
    for folder in (paths.logs_dir(root), Path(tempfile.gettempdir()) / "lkj-logs"):
        path = folder / f"lkj-{stamp}.log"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    return None


def quiet_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so that Python's final flush does not
    print a second error about the same pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout already closed or not a real file
        pass


def os_error_text(exc: OSError) -> str:
    """What failed, where, and what to do, for an OSError of the file system."""
    where = exc.filename if exc.filename is not None else "(berkas tidak diketahui)"
    if exc.errno in _FULL:
        return (
            f"Disk penuh saat menulis {where}. Keluaran terakhir yang baik tidak diubah. "
            "→ Kosongkan ruang disk (mis. `lkj clean --cache`) lalu jalankan lagi."
        )
    if exc.errno in _READ_ONLY:
        return (
            f"Tidak dapat menulis {where}: folder hanya-baca atau tanpa izin tulis. Keluaran "
            "terakhir yang baik tidak diubah. → Beri izin tulis pada folder proyek (_build/, "
            "_output/) atau jalankan dari salinan proyek yang dapat ditulis."
        )
    if isinstance(exc, FileNotFoundError):
        return f"Berkas atau folder tidak ditemukan: {where}. → Periksa nama dan letaknya."
    reason = exc.strerror or type(exc).__name__
    return f"Galat berkas pada {where}: {reason}. → Periksa disk dan izin folder proyek."


def report(exc: BaseException, console: Console, root: Path, argv: list[str]) -> int:
    """Print the short message for an exception lkj did not raise on purpose; the exit code."""
    if isinstance(exc, BrokenPipeError):
        quiet_stdout()
        return EXIT_BROKEN_PIPE
    if isinstance(exc, KeyboardInterrupt):
        console.print("[yellow]Dihentikan (Ctrl+C).[/] Keluaran terakhir yang baik tidak diubah.")
        return EXIT_INTERRUPTED
    log = write_log(exc, root, argv)
    where = f" Rincian: {escape(str(log))}" if log is not None else ""
    if isinstance(exc, OSError):
        console.print(f"[bold red]Gagal:[/] {escape(os_error_text(exc))}{where}")
    elif isinstance(exc, MemoryError):
        console.print(
            "[bold red]Gagal:[/] memori habis. → Periksa apakah ada berkas masukan yang sangat "
            f"besar atau tidak wajar, lalu jalankan lagi.{where}"
        )
    else:
        console.print(
            f"[bold red]Galat internal lkj:[/] {escape(type(exc).__name__)}: "
            f"{escape(str(exc))}. Ini kesalahan program, bukan kesalahan Anda: laporkan dengan "
            f"menyertakan berkas log.{where}"
        )
    return EXIT_FAILED
