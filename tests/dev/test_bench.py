"""make bench: how processes of a build are told apart in the memory figures."""

from __future__ import annotations

import pytest

from lkj.dev.bench import role


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


def test_added_record_is_a_copy_of_the_last_with_a_new_id(tmp_path) -> None:
    from lkj.dev.bench import add_record

    path = tmp_path / "kepulangan.csv"
    path.write_text("id,negara,kategori\nPLG-1,Taiwan,DEPORTASI\nPLG-2,Malaysia,SAKIT\n", "utf-8")
    add_record(path)
    assert path.read_text("utf-8").splitlines()[-2:] == [
        "PLG-2,Malaysia,SAKIT",
        "PLG-2-B1,Malaysia,SAKIT",
    ]


def test_added_record_is_one_of_the_reports_quarter_with_an_unused_id(tmp_path) -> None:
    from lkj.dev.bench import add_record

    path = tmp_path / "kepulangan.csv"
    rows = ["PLG-1,2025-05-02,Taiwan", "PLG-2,2025-06-30,Malaysia", "PLG-3,2025-12-31,Taiwan"]
    path.write_text("id,tanggal,negara\n" + "\n".join(rows) + "\n", "utf-8")
    add_record(path, 2)  # TW II: the December row would change no TW II value
    add_record(path, 2)  # the preview adds a second one
    assert path.read_text("utf-8").splitlines()[-2:] == [
        "PLG-2-B1,2025-06-30,Malaysia",
        "PLG-2-B2,2025-06-30,Malaysia",
    ]
