"""render.publish: the assembled folder swapped in whole, the last good output kept otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj.inputs.params import load_run
from lkj.render import publish as publish_module
from lkj.render.outputs import Assembled, stamp_text
from lkj.render.progress import Silent
from lkj.render.publish import publish, swap_in

from .conftest import RUN, tree_digest


def _folder(path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def setup(fresh_book: Path):
    run = load_run(fresh_book / "params" / f"{RUN}.yml")
    out = fresh_book / "_output"
    final = _folder(out / RUN, {"html/index.html": "lama", "buku.pdf": "lama"})
    tmp = _folder(out / f".{RUN}.tmp-1", {"html/index.html": "baru", "buku.pdf": "baru"})
    stamp = fresh_book / "_build" / RUN / "assembly.key"
    return run, Assembled(tmp, "kunci", final, stamp)


def test_publish_swaps_in_the_new_output_and_stamps_it(setup) -> None:
    run, assembled = setup
    final = publish(assembled, run, Silent())
    assert final == assembled.final
    assert (final / "html" / "index.html").read_text(encoding="utf-8") == "baru"
    assert sorted(p.name for p in final.parent.iterdir()) == [RUN]  # no tmp, no old copy
    stamp = assembled.stamp.read_text(encoding="utf-8")
    assert stamp.split("\n")[0] == "kunci"
    assert stamp == stamp_text("kunci", final)
    (final / "buku.pdf").write_text("diubah", encoding="utf-8")
    assert stamp_text("kunci", final) != stamp  # an edited output no longer matches


def test_failed_swap_keeps_the_last_good_output_and_removes_the_new(
    setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    run, assembled = setup
    before = tree_digest(assembled.final)
    real_rename = Path.rename

    def rename(self: Path, target: Path) -> Path:
        if self == assembled.folder:
            raise OSError("disk penuh")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError, match="disk penuh"):
        publish(assembled, run, Silent())
    assert tree_digest(assembled.final) == before
    assert sorted(p.name for p in assembled.final.parent.iterdir()) == [RUN]
    assert not assembled.stamp.exists()  # nothing claims the new output was published


def test_stamp_failure_leaves_the_new_output_unstamped(
    setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    run, assembled = setup

    def broken(path: Path, data: bytes) -> None:
        raise OSError("tidak bisa menulis")

    monkeypatch.setattr(publish_module, "write_atomic", broken)
    with pytest.raises(OSError):
        publish(assembled, run, Silent())
    assert (assembled.final / "buku.pdf").read_text(encoding="utf-8") == "baru"
    assert not assembled.stamp.exists()  # the next build assembles again rather than trust it


def test_nothing_assembled_publishes_nothing(setup) -> None:
    run, assembled = setup
    before = tree_digest(assembled.final)
    unchanged = Assembled(None, "kunci", assembled.final, assembled.stamp)
    assert publish(unchanged, run, Silent()) == assembled.final
    assert tree_digest(assembled.final) == before
    assert assembled.folder is not None and assembled.folder.is_dir()  # not ours to touch


def test_swap_in_without_a_previous_output(tmp_path: Path) -> None:
    tmp = _folder(tmp_path / ".run.tmp-1", {"a.txt": "baru"})
    swap_in(tmp, tmp_path / "run")
    assert [p.name for p in tmp_path.iterdir()] == ["run"]
    assert (tmp_path / "run" / "a.txt").read_text(encoding="utf-8") == "baru"
