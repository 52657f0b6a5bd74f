"""render.outputs: when the assembly is skipped, and what a skipped or failed one leaves."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from lkj.errors import BuildError
from lkj.render import outputs
from lkj.render.outputs import assemble_outputs, input_key, stamp_text, up_to_date
from lkj.render.plan import plan
from lkj.render.progress import Silent
from lkj.render.stages import Executed

from .conftest import RUN


class Notes(Silent):
    def __init__(self) -> None:
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        self.warnings.append(message)


def _plan(project: Path, **options: object):
    settings = {"renderer": "pandoc", "workers": 2, "output_root": None, "validate": False}
    settings = {"force": False, **settings, **options}
    return plan(project / "params" / f"{RUN}.yml", report=Silent(), **settings)


def _executed(planned) -> Executed:
    return Executed([job.output for job in planned.jobs])


def test_built_book_is_up_to_date(built, tmp_path: Path) -> None:
    # A private build folder: other tests build this run into other output roots, which
    # rewrites the shared stamp.
    planned = dataclasses.replace(_plan(built.project), build_dir=tmp_path / "build")
    key = input_key(planned, _executed(planned).notebooks)
    stamp = planned.build_dir / "assembly.key"
    stamp.parent.mkdir()
    stamp.write_text(stamp_text(key, planned.final), encoding="utf-8")  # what publish wrote
    notes = Notes()
    assert up_to_date(planned, key, stamp, notes)
    assert notes.warnings == ["buku tidak berubah: penyusunan HTML/PDF dilewati"]
    assembled = assemble_outputs(planned, _executed(planned), Silent())
    assert assembled.folder is None and assembled.final == built.out
    assert sorted(p.name for p in built.out.parent.iterdir() if p.name.startswith(".")) == []


def test_other_inputs_or_force_are_not_up_to_date(built, tmp_path: Path) -> None:
    planned = _plan(built.project)
    stamp = planned.build_dir / "assembly.key"
    key = input_key(planned, _executed(planned).notebooks)
    assert not up_to_date(planned, "another key", stamp, Silent())
    assert not up_to_date(_plan(built.project, force=True), key, stamp, Silent())
    assert not up_to_date(planned, key, tmp_path / "no-stamp", Silent())


def test_an_edited_output_is_assembled_again(built, tmp_path: Path) -> None:
    planned = _plan(built.project)
    key = input_key(planned, _executed(planned).notebooks)
    stamp = tmp_path / "assembly.key"
    stamp.write_text(stamp_text(key, planned.final) + "0", encoding="utf-8")  # other output
    notes = Notes()
    assert not up_to_date(planned, key, stamp, notes)
    assert "diubah atau tidak lengkap sejak build terakhir" in notes.warnings[0]


def test_failed_assembly_removes_its_temporary_folder(
    built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planned = dataclasses.replace(_plan(built.project), final=tmp_path / "out" / RUN)

    def broken(*args: object, **kwargs: object) -> list[str]:
        raise BuildError("typst gagal: contoh")

    monkeypatch.setattr(outputs, "write_pdf", broken)
    with pytest.raises(BuildError, match="contoh"):
        assemble_outputs(planned, _executed(planned), Silent())
    assert list((tmp_path / "out").iterdir()) == []
