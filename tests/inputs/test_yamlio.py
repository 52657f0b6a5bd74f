"""YAML read strictly: keys written twice, alias bombs, loops and control characters refused."""

from __future__ import annotations

import pytest
from conftest import Project

from lkj.inputs.yamlio import MAX_NODES, load_yaml

from .cases import PARAMS, PK, Case, assert_reported, edit, problems_of

# Nine levels of ten aliases each: 10**9 leaves from ten lines (the "billion laughs").
_LEVELS = ["a: &a [x, x, x, x, x, x, x, x, x, x]"] + [
    f"{name}: &{name} [{', '.join([f'*{below}'] * 10)}]"
    for below, name in zip("abcdefgh", "bcdefghi", strict=True)
]
_BOMB = "\n".join(_LEVELS)

CASES = [
    Case(
        "params-quarter-twice",
        edit(PARAMS, "quarter: 2", "quarter: 2\nquarter: 3"),
        "PARAMS",
        "quarter: 3",
        "quarter",
        "hapus salah satu dari baris 4 dan 5",
    ),
    Case(
        "params-edition-twice",
        edit(PARAMS, "quarter: 2", "quarter: 2\nedition: publik\nedition: internal"),
        "PARAMS",
        "edition: internal",
        "edition",
        "YAML diam-diam hanya memakai yang terakhir",
    ),
    Case(
        "pk-key-twice-inside-an-iku",
        edit(PK, "    batas_capaian: 100\n", "    batas_capaian: 100\n    batas_capaian: 90\n"),
        PK,
        "batas_capaian: 90",
        "iku[0].batas_capaian",
        "hapus salah satu",
    ),
    Case(
        "pk-top-level-key-twice",
        edit(PK, "kota_pk: Kota Mini\n", "kota_pk: Kota Mini\ntahun: 2024\n"),
        PK,
        "tahun: 2024",
        "tahun",
        "hapus salah satu dari baris 2 dan 5",
    ),
    Case(
        "params-alias-bomb",
        lambda p: p.write(PARAMS, _BOMB + "\n"),
        "PARAMS",
        None,
        None,
        "tanpa alias",
    ),
    Case(
        "params-alias-loop",
        lambda p: p.write(PARAMS, "unit: &u [*u]\nyear: 2025\nquarter: 2\n"),
        "PARAMS",
        None,
        None,
        "tanpa alias",
    ),
    Case(
        "params-nul-byte",
        edit(PARAMS, "quarter: 2", "quarter: 2\x00"),
        "PARAMS",
        "quarter: 2",
        None,
        "hapus karakter itu",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_reported_precisely(mini: Project, case: Case) -> None:
    assert_reported(mini, case)


def test_every_duplicate_key_is_reported_at_once(mini: Project) -> None:
    mini.replace(PARAMS, "quarter: 2", "quarter: 2\nquarter: 3\nyear: 2024")
    assert sorted(p.column for p in problems_of(mini)) == ["quarter", "year"]


def test_alias_bomb_names_the_bound(mini: Project) -> None:
    mini.write(PARAMS, _BOMB + "\n")
    (problem,) = problems_of(mini)
    assert f"lebih dari {MAX_NODES:,}".replace(",", ".") in problem.message


def test_plain_aliases_still_work(mini: Project) -> None:
    path = mini.path("params/alias.yml")
    path.write_text("a: &x {unit: mini}\nb: *x\n", encoding="utf-8")
    data, lines, problems = load_yaml(path, "alias.yml")
    assert problems == [] and data == {"a": {"unit": "mini"}, "b": {"unit": "mini"}}
    assert lines[("b",)] == 2


def test_oversized_file_is_refused_before_parsing(mini: Project) -> None:
    path = mini.path("params/big.yml")
    path.write_text("x: " + "a" * 1_100_000 + "\n", encoding="utf-8")
    _, _, (problem,) = load_yaml(path, "big.yml")
    assert problem.file == "big.yml" and "terlalu besar" in problem.message


@pytest.mark.parametrize(
    "text",
    ["unit: " + "[" * 5000 + "]" * 5000, "".join(f"{'  ' * i}k{i}:\n" for i in range(200))],
    ids=["flow", "block"],
)
def test_deep_nesting_is_refused(mini: Project, text: str) -> None:
    mini.write(PARAMS, text + "\n")
    (problem,) = problems_of(mini)
    assert problem.file == str(mini.params) and "bersarang terlalu dalam" in problem.message
    assert problem.fix == "tulis isinya lebih datar"
