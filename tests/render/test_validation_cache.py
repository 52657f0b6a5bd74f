"""The build's validation reads each unchanged CSV from _build/cache/frames (lkj.inputs.frames)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import Project

from lkj import paths
from lkj.inputs import frames, validation
from lkj.inputs.params import load_run
from lkj.inputs.specs import Spec
from lkj.render.stages import validate_inputs


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files load_csv really reads; every call starts as a new process (empty memory)."""
    seen: list[str] = []
    real = validation.load_csv

    def counting(spec: Spec, path: Path, shown: str, *args: Any, **kwargs: Any) -> frames.Result:
        seen.append(shown)
        return real(spec, path, shown, *args, **kwargs)

    monkeypatch.setattr(validation, "load_csv", counting)
    return seen


def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frames, "PROCESS", frames.Memory())


def test_a_one_shot_build_reads_only_the_changed_csv(
    mini: Project, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_root = paths.cache_dir(mini.root)
    fresh_process(monkeypatch)
    validate_inputs(load_run(mini.params), cache_root)
    everything = list(parsed)
    assert "data/mini/2025/kepulangan.csv" in everything
    assert sorted(paths.cache_part(cache_root, "frames").glob("*.pickle"))

    fresh_process(monkeypatch)
    parsed.clear()
    mini.write("data/mini/2025/kepulangan.csv", mini.read("data/mini/2025/kepulangan.csv") + "\n")
    validate_inputs(load_run(mini.params), cache_root)
    assert parsed == ["data/mini/2025/kepulangan.csv"]

    fresh_process(monkeypatch)
    parsed.clear()
    validate_inputs(load_run(mini.params), cache_root, read=False)  # lkj build --force
    assert sorted(parsed) == sorted(everything)


def test_without_a_cache_folder_only_the_process_memory_is_used(
    mini: Project, parsed: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fresh_process(monkeypatch)
    validate_inputs(load_run(mini.params))
    first = len(parsed)
    validate_inputs(load_run(mini.params))  # lkj preview: the same process builds again
    assert first > 0 and len(parsed) == first
    assert not paths.cache_dir(mini.root).exists()
