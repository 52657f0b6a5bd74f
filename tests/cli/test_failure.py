"""lkj.cli.failure: what `lkj` says when a command fails for a reason other than bad input."""

from __future__ import annotations

import errno
import io
from pathlib import Path

from rich.console import Console

from lkj.cli import failure


def report(exc: BaseException, root: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = failure.report(exc, Console(file=out, width=4000), root, ["build", "p.yml"])
    return code, out.getvalue()


def test_a_full_disk_names_the_file_and_what_to_do(tmp_path: Path) -> None:
    code, text = report(OSError(errno.ENOSPC, "No space left", "_output/x.pdf"), tmp_path)
    assert code == 1
    assert "Disk penuh saat menulis _output/x.pdf" in text and "lkj clean --cache" in text
    assert "Keluaran terakhir yang baik tidak diubah" in text


def test_a_read_only_folder_names_the_file_and_what_to_do(tmp_path: Path) -> None:
    for number in (errno.EROFS, errno.EACCES):
        code, text = report(OSError(number, "Read-only", "_output/.run.tmp-1"), tmp_path)
        assert code == 1 and "Tidak dapat menulis _output/.run.tmp-1" in text
        assert "izin tulis" in text


def test_an_unexpected_error_is_logged_for_the_bug_report(tmp_path: Path) -> None:
    try:
        raise RuntimeError("tak terduga")
    except RuntimeError as exc:
        code, text = report(exc, tmp_path)
    assert code == 1 and "Galat internal lkj: RuntimeError: tak terduga" in text
    logs = list((tmp_path / "_build" / "logs").glob("lkj-*.log"))
    assert len(logs) == 1 and str(logs[0]) in text
    logged = logs[0].read_text(encoding="utf-8")
    assert logged.startswith("lkj build p.yml") and "Traceback" in logged
    assert 'raise RuntimeError("tak terduga")' in logged


def test_the_log_goes_elsewhere_when_the_project_cannot_be_written(tmp_path: Path) -> None:
    blocked = tmp_path / "proyek"
    blocked.write_text("a file where the project folder should be", encoding="utf-8")
    log = failure.write_log(ValueError("x"), blocked, [])
    assert log is not None and log.is_file() and not log.is_relative_to(blocked)


def test_interrupt_and_broken_pipe_end_without_a_log(tmp_path: Path) -> None:
    assert report(KeyboardInterrupt(), tmp_path) == (
        130,
        "Dihentikan (Ctrl+C). Keluaran terakhir yang baik tidak diubah.\n",
    )
    assert not (tmp_path / "_build").exists()


def test_project_root_of_a_params_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    params = tmp_path / "proj" / "params" / "a.yml"
    assert failure.project_root(str(params)) == tmp_path / "proj"
    assert failure.project_root([str(params)]) == tmp_path / "proj"
    assert failure.project_root(None) == tmp_path
    assert failure.project_root(str(tmp_path / "a.yml")) == tmp_path
