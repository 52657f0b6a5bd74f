"""make bench: how processes of a build are told apart in the memory figures."""

from __future__ import annotations

import pytest

from lkj.bench import role


@pytest.mark.parametrize(
    ("cmdline", "expected"),
    [
        (["/v/bin/python", "/v/bin/lkj", "build", "p.yml", "--renderer", "pandoc"], "lkj"),
        (
            ["/v/bin/python", "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "c"],
            "kernel",
        ),
        (["/v/bin/python", "-m", "lkj.render.typst_worker"], "typst"),
        (["/v/site-packages/pypandoc/files/pandoc", "-f", "ipynb", "-t", "json"], "pandoc"),
        (["/v/bin/python", "/v/bin/papermill", "nb.ipynb", "out.ipynb"], "papermill"),
        (["/bin/sh", "-c", "true"], "lain"),
    ],
)
def test_role_names_the_kind_of_process(cmdline: list[str], expected: str) -> None:
    assert role(cmdline) == expected
