"""lkj.book.memo: what a warm kernel reuses instead of loading the run again."""

from __future__ import annotations

import pytest

from lkj.book import memo as bookmemo
from lkj.book.memo import Memo, handoff_path
from lkj.compute.engine import compute
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run
from lkj.render import handoff
from lkj.render.handoff import publish


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
    monkeypatch.setattr(bookmemo, "source", lambda: "kode lain")
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


def test_announced_handoff_is_waited_for(loaded) -> None:
    import threading
    import time

    run, inputs, reg = loaded
    publish(run, inputs, reg)
    stale = handoff_path(run).read_bytes()
    target = next(p for name, p in inputs.files.items() if name.endswith("target.csv"))
    target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    handoff_path(run).write_bytes(stale)  # the previous build's pickle: now stale
    handoff.announce(run)
    fresh = load_inputs(run)
    fresh_reg = compute(fresh)

    def later() -> None:
        time.sleep(0.4)
        publish(run, fresh, fresh_reg)
        handoff.withdraw(run)

    thread = threading.Thread(target=later)
    thread.start()
    memo = Memo()
    memo.enable()
    started = time.monotonic()
    got = memo.get(run)
    thread.join()
    assert got is not None and time.monotonic() - started >= 0.3
    assert _values(got[1]) == _values(fresh_reg)


def test_withdrawn_announcement_stops_the_wait(loaded) -> None:
    import time

    run = loaded[0]
    handoff.announce(run)
    handoff.withdraw(run)
    memo = Memo()
    memo.enable()
    started = time.monotonic()
    assert memo.get(run) is None  # nothing published, nobody coming: load as usual
    assert time.monotonic() - started < 1


def test_a_changed_file_drops_the_kernels_entry_for_a_fresh_handoff(loaded) -> None:
    run, inputs, reg = loaded
    memo = Memo()
    memo.enable()
    memo.put(run, inputs, reg)
    target = next(p for name, p in inputs.files.items() if name.endswith("target.csv"))
    target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    fresh = load_inputs(run)
    publish(run, fresh, compute(fresh))
    got = memo.get(run)
    assert got is not None and got[0].files == fresh.files
