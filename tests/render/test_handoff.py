"""render.handoff: the build announces, publishes and withdraws the run left for its kernels."""

from __future__ import annotations

import pickle

from lkj import paths
from lkj.book.memo import handoff_path, read_handoff
from lkj.compute.engine import compute
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run
from lkj.render import handoff


def test_published_handoff_reads_back_as_this_run(mini) -> None:
    run = load_run(mini.params)
    inputs = load_inputs(run)
    reg = compute(inputs)
    handoff.publish(run, inputs, reg)
    entry = read_handoff(run)
    assert entry is not None
    digests, _, got_reg = entry
    assert set(digests) == set(inputs.files) and None not in digests.values()
    assert [v.id for v in got_reg] == [v.id for v in reg]
    leftovers = [p.name for p in handoff_path(run).parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []  # written to a temporary name and renamed: whole or absent


def test_handoff_of_another_params_file_is_refused(mini) -> None:
    run = load_run(mini.params)
    inputs = load_inputs(run)
    handoff.publish(run, inputs, compute(inputs))
    (head, loaded, reg) = pickle.loads(handoff_path(run).read_bytes())
    other = (head[0], "params/lain.yml", head[2])
    handoff_path(run).write_bytes(pickle.dumps((other, loaded, reg)))
    assert read_handoff(run) is None


def test_withdraw_removes_what_only_the_announcement_created(mini) -> None:
    run = load_run(mini.params)
    handoff.announce(run)
    pending = paths.handoff_pending(run.root, run.name)
    assert pending.is_file()
    handoff.withdraw(run)
    assert not pending.exists() and not paths.build_root(run.root).exists()


def test_withdraw_keeps_a_build_folder_with_other_files(mini) -> None:
    run = load_run(mini.params)
    handoff.announce(run)
    kept = paths.build_dir(run.root, run.name) / "timings.json"
    kept.write_text("{}", encoding="utf-8")
    handoff.withdraw(run)
    assert kept.is_file() and not paths.handoff_pending(run.root, run.name).exists()
