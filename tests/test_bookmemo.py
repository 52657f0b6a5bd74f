"""lkj.bookmemo: what a warm kernel reuses instead of loading the run again."""

from __future__ import annotations

import pytest

from lkj import bookmemo
from lkj.bookmemo import Memo, handoff_path, publish
from lkj.engine import compute
from lkj.inputs import load_inputs
from lkj.params import load_run


def _values(reg) -> list[tuple[str, object, str]]:
    return [(v.id, v.value, v.display) for v in reg]


@pytest.fixture
def loaded(mini):
    run = load_run(mini.params)
    inputs = load_inputs(run)
    return run, inputs, compute(inputs)


def test_kernel_takes_the_published_run_without_loading(loaded, monkeypatch) -> None:
    run, inputs, reg = loaded
    publish(run, inputs, reg)
    memo = Memo()
    memo.enable()
    got = memo.get(run)
    assert got is not None
    assert _values(got[1]) == _values(reg)
    assert got[0].files == inputs.files
    # Later notebooks in the same kernel get their own copies from memory.
    handoff_path(run).unlink()
    again = memo.get(run)
    assert again is not None and again[1] is not got[1]


def test_changed_input_file_refuses_the_handoff(loaded, mini) -> None:
    run, inputs, reg = loaded
    publish(run, inputs, reg)
    target = next(p for name, p in inputs.files.items() if name.endswith("target.csv"))
    target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    memo = Memo()
    memo.enable()
    assert memo.get(run) is None


def test_other_lkj_source_refuses_the_handoff(loaded, monkeypatch) -> None:
    run, inputs, reg = loaded
    publish(run, inputs, reg)
    monkeypatch.setattr(bookmemo, "_source", lambda: "kode lain")
    memo = Memo()
    memo.enable()
    assert memo.get(run) is None


@pytest.mark.parametrize("damage", [b"", b"bukan pickle", None])
def test_damaged_or_missing_handoff_is_ignored(loaded, damage: bytes | None) -> None:
    run, inputs, reg = loaded
    publish(run, inputs, reg)
    path = handoff_path(run)
    if damage is None:
        path.unlink()
    else:
        path.write_bytes(path.read_bytes()[:100] if damage == b"" else damage)
    memo = Memo()
    memo.enable()
    assert memo.get(run) is None


def test_plain_jupyter_never_reads_the_handoff(loaded) -> None:
    run, inputs, reg = loaded
    publish(run, inputs, reg)
    assert Memo().get(run) is None  # not enabled: Book.open loads the files itself
