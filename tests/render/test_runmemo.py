"""render/runmemo.py: the registry and XLSX of unchanged inputs are not computed again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lkj.render import runmemo


@pytest.fixture(autouse=True)
def empty() -> Iterator[None]:
    runmemo.forget()
    yield
    runmemo.forget()


def fake(**content: Any) -> Any:
    """Stands for Inputs: the memo only pickles it and hands it to compute."""
    return dict(content)


NOTHING = fake()


def test_equal_inputs_reuse_a_copy_of_the_registry_and_other_inputs_compute() -> None:
    computed: list[Any] = []

    def compute(inputs: Any) -> Any:
        computed.append(inputs)
        return {"iku": [inputs["n"] * 2]}

    first = runmemo.registry(fake(n=1), runmemo.key_of(fake(n=1)), compute)
    same = fake(n=1)  # another object with the same content: the same key
    again = runmemo.registry(same, runmemo.key_of(same), compute)
    assert computed == [fake(n=1)]
    assert again == first and again is not first  # each build changes its own copy
    other = runmemo.registry(fake(n=2), runmemo.key_of(fake(n=2)), compute)
    assert other == {"iku": [4]} and len(computed) == 2


def test_xlsx_of_the_same_inputs_is_the_same_bytes_without_writing(tmp_path: Path) -> None:
    key = runmemo.key_of(fake(n=1))
    runmemo.registry(fake(n=1), key, lambda inputs: fake())
    writes: list[Path] = []

    def write(out: Path) -> str:
        writes.append(out)
        out.write_bytes(b"PK workbook " + str(len(writes)).encode())
        return "3 lembar"

    assert runmemo.xlsx(key, tmp_path / "a.xlsx", write) == "3 lembar"
    assert runmemo.xlsx(key, tmp_path / "b.xlsx", write) == "3 lembar"
    assert writes == [tmp_path / "a.xlsx"]
    assert (tmp_path / "b.xlsx").read_bytes() == (tmp_path / "a.xlsx").read_bytes()
    other = runmemo.key_of(fake(n=2))
    runmemo.xlsx(other, tmp_path / "c.xlsx", write)
    assert (tmp_path / "c.xlsx").read_bytes() == b"PK workbook 2"


def test_inputs_that_cannot_be_pickled_are_never_kept() -> None:
    assert runmemo.key_of(fake(f=lambda: 1)) is None
    calls: list[Any] = []

    def compute(inputs: Any) -> Any:
        calls.append(inputs)
        return {}

    for _ in range(2):
        runmemo.registry(NOTHING, None, compute)
    assert len(calls) == 2
