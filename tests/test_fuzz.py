"""Fuzz: no input a user can make gives a traceback or a hang (issue 16).

Over the readers of what an analyst writes: the CSV reader with the dataset validation
behind it, the params and pk.yml YAML loaders, and the text renderer/checker of
`{{ id }}`. Each may only answer with its result or with lkj's own errors (InputError,
with file, line and fix); anything else is a bug. Bounded: inputs have a maximum size and
every example a deadline. Deterministic for CI: derandomize, a fixed number of examples
(a few seconds per target); FUZZ_EXAMPLES=2000 digs deeper by hand.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lkj.book import texts
from lkj.compute.engine import compute
from lkj.errors import InputError, Problem
from lkj.inputs import declarations
from lkj.inputs.load import load_inputs
from lkj.inputs.models import load_model
from lkj.inputs.params import load_run
from lkj.inputs.pk import PK
from lkj.inputs.validation import load_csv

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
RUN = "mini-2025-tw2"
DECL = declarations.default()  # the mini unit declares nothing: the BP3MI set

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
    derandomize=True,
    deadline=timedelta(seconds=5),  # a hang is a failure, not a slow example
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Reading a whole run takes ≈ 0,5 s: fewer examples keep this target to a few seconds too.
WHOLE_RUN = settings(FUZZ, max_examples=max(1, FUZZ.max_examples // 8))

# Characters that matter to the readers: separators, quotes, line ends, control
# characters, braces, Indonesian number marks, markup, and some ordinary text.
TRICKY = ",;\t\"'\n\r\x00\x0b\x1b{}[]:#&*!|>-=+@.\\/ 0123456789aAzZéü€\u200b\ufeff"
cells = st.text(alphabet=TRICKY, max_size=20) | st.sampled_from(
    ["", "2025-04", "L", "P", "12", "1.000", "87,5", "-5", "TRUE", "=1+1", "NaN", "1e309"]
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the mini project whose files the examples overwrite."""
    return Path(shutil.copytree(MINI, tmp_path_factory.mktemp("fuzz") / "mini"))


@pytest.fixture(scope="module")
def references(project: Path) -> dict[str, list[str]]:
    inputs = load_inputs(load_run(project / "params" / f"{RUN}.yml"))
    return {n: DECL.reference_values(n, df) for n, df in inputs.references.items()}


def problems_only(found: list[Problem]) -> None:
    """The answer of a reader that must not raise: every problem located in the file."""
    for problem in found:
        assert isinstance(problem, Problem) and problem.file and problem.message


# --- CSV ---------------------------------------------------------------------------------

SPEC = DECL.tables["penempatan"]
HEADER = ",".join(c.name for c in SPEC.columns)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    """A dataset file: the real header (mostly) and rows of tricky cells, or raw bytes."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=300))
    header = HEADER if draw(st.integers(0, 4)) else ",".join(draw(st.lists(cells, max_size=7)))
    width = st.integers(len(SPEC.columns) - 1, len(SPEC.columns) + 1)
    rows = draw(st.lists(st.lists(cells, min_size=1, max_size=8), max_size=6))
    rows = [r if draw(st.booleans()) else r[: draw(width)] for r in rows]
    quote = draw(st.sampled_from(["", '"']))
    lines = [header, *(",".join(quote + c + quote for c in row) for row in rows)]
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines).encode("utf-8")


@FUZZ
@given(data=csv_files())
def test_csv_reader_and_validation(project: Path, references, data: bytes) -> None:
    path = project / "fuzz.csv"  # not the project's own dataset: the other targets read it
    path.write_bytes(data)
    df, found = load_csv(SPEC, path, "data/mini/2025/penempatan.csv", 2025, references)
    problems_only(found)
    assert df is not None or any(p.severity == "error" for p in found)


YEAR = MINI / "data" / "mini" / "2025"
DATASETS = sorted(n for n in DECL.tables if (YEAR / f"{n}.csv").is_file())


@st.composite
def csv_mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real dataset of the mini project with a few cells, rows or quotes changed: near
    enough to valid that the checks behind parsing (rules, duplicates, quarters) run."""
    name = draw(st.sampled_from(DATASETS))
    rows = list(csv.reader(io.StringIO((YEAR / f"{name}.csv").read_text(encoding="utf-8"))))
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(rows) - 1))
        row = rows[i]
        action = draw(st.sampled_from(["cell", "cell", "drop", "add", "double", "quote"]))
        if action == "cell" and row:
            row[draw(st.integers(0, len(row) - 1))] = draw(cells)
        elif action == "drop" and row:
            row.pop(draw(st.integers(0, len(row) - 1)))
        elif action == "add":
            row.append(draw(cells))
        elif action == "double":
            rows.insert(i, list(row))
        elif row:
            j = draw(st.integers(0, len(row) - 1))
            row[j] = '"' + row[j]  # an unbalanced quote, written raw below
    text = "\n".join(",".join(row) for row in rows) + "\n"
    return name, text.encode("utf-8")


@FUZZ
@given(case=csv_mutations())
@example(  # found by this test: a key column renamed in the header (KeyError 'kode')
    case=(
        "ikpa",
        b"triwulan,0,komponen,aspek,bobot,nilai,berlaku\n"
        b"2,REVISI_DIPA,Revisi DIPA,Kualitas Perencanaan Anggaran,10,100.00,ya\n"
        b"2,PENYERAPAN,Penyerapan Anggaran,Kualitas Pelaksanaan Anggaran,20,81.5,ya\n",
    )
)
def test_csv_near_valid_datasets(project: Path, references, case: tuple[str, bytes]) -> None:
    name, data = case
    path = project / f"fuzz-{name}.csv"
    path.write_bytes(data)
    df, found = load_csv(DECL.tables[name], path, f"data/mini/2025/{name}.csv", 2025, references)
    problems_only(found)
    assert df is not None or any(p.severity == "error" for p in found)


# --- YAML: params and pk.yml -------------------------------------------------------------

scalars = st.none() | st.booleans() | st.integers(-10, 3000) | cells | st.floats(-1e3, 1e3)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(cells, inner, max_size=3),
    max_leaves=12,
)
PARAM_KEYS = ["unit", "year", "quarter", "edition", "data_dir", "title", "rounding", "x"]


@st.composite
def yaml_texts(draw: st.DrawFn, keys: list[str]) -> str:
    """A mapping of known (and unknown) keys to odd values, or odd YAML text."""
    if draw(st.integers(0, 3)) == 0:
        return draw(st.text(alphabet=TRICKY, max_size=200))
    mapping = draw(st.dictionaries(st.sampled_from(keys) | cells, values, max_size=6))
    return yaml.safe_dump(mapping, allow_unicode=draw(st.booleans()))


@st.composite
def params_texts(draw: st.DrawFn) -> str:
    """The mini params with keys replaced, added or removed, or any mapping of its keys."""
    if draw(st.booleans()):
        return draw(yaml_texts(PARAM_KEYS))
    data = yaml.safe_load((MINI / "params" / f"{RUN}.yml").read_text(encoding="utf-8"))
    changes = st.dictionaries(st.sampled_from(PARAM_KEYS), values | st.just(None), max_size=3)
    for key, value in draw(changes).items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return yaml.safe_dump(data, allow_unicode=True)


@FUZZ
@given(text=params_texts())
def test_params_loader(project: Path, text: str) -> None:
    path = project / "params" / "fuzz-2025-tw2.yml"
    path.write_text(text, encoding="utf-8")
    try:
        run = load_run(path)
    except InputError as exc:
        problems_only(exc.problems)
        return
    assert run.name == "fuzz-2025-tw2"


def _pk_keys(project: Path) -> list[str]:
    data = yaml.safe_load((project / "data/mini/2025/pk.yml").read_text(encoding="utf-8"))
    keys: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            keys.update(str(k) for k in node)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(data)
    return sorted(keys)


PK_KEYS = _pk_keys(MINI)


@FUZZ
@given(text=yaml_texts(PK_KEYS))
def test_pk_loader(project: Path, text: str) -> None:
    path = project / "data" / "mini" / "2025" / "fuzz-pk.yml"
    path.write_text(text, encoding="utf-8")
    found, _, _, problems = load_model(PK, path, "data/mini/2025/pk.yml")
    problems_only(problems)
    assert (found is None) == bool(problems)


@st.composite
def pk_mutations(draw: st.DrawFn) -> str:
    """The mini project's pk.yml with a few values replaced, keys dropped or items doubled."""
    data = yaml.safe_load((MINI / "data/mini/2025/pk.yml").read_text(encoding="utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        node: object = data
        while isinstance(node, (dict, list)) and node and draw(st.integers(0, 2)):
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            parent, key = node, draw(st.sampled_from(keys))
            node = parent[key]  # type: ignore[index]
        if isinstance(node, (dict, list)) and node:
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            key = draw(st.sampled_from(keys))
            action = draw(st.sampled_from(["replace", "drop", "double"]))
            if action == "replace":
                node[key] = draw(values)  # type: ignore[index]
            elif action == "drop":
                del node[key]  # type: ignore[arg-type]
            elif isinstance(node, list):
                node.append(node[key])
    return yaml.safe_dump(data, allow_unicode=True)


@WHOLE_RUN
@given(text=pk_mutations())
def test_pk_in_the_whole_validation(project: Path, text: str) -> None:
    # pk.yml is read together with the datasets it names: the cross-file checks run too.
    path = project / "data" / "mini" / "2025" / "pk.yml"
    original = (MINI / "data/mini/2025/pk.yml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    try:
        load_inputs(load_run(project / "params" / f"{RUN}.yml"))
    except InputError as exc:
        problems_only(exc.problems)
    finally:
        path.write_text(original, encoding="utf-8")


# --- texts: {{ id }} ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def registry(project: Path):
    return compute(load_inputs(load_run(project / "params" / f"{RUN}.yml")))


@st.composite
def analyst_texts(draw: st.DrawFn, known: list[str]) -> str:
    pieces = st.text(alphabet=TRICKY, max_size=12) | st.sampled_from(
        ["{{", "}}", "{", "}", "{{ ", " }}", "\n", "{{}}", "{{ x.y }", "{{{", "}}}"]
    )
    ids = st.sampled_from(known) | st.text(alphabet="abc._-09 {}", max_size=12)
    parts = draw(st.lists(pieces | ids.map(lambda i: "{{ " + i + " }}") | ids, max_size=20))
    return "".join(parts)


@FUZZ
@given(data=st.data())
def test_text_renderer(registry, data: st.DataObject) -> None:
    known = sorted(registry.ids())[:50]
    text = data.draw(analyst_texts(known))
    try:
        out = texts.render(text, registry, "data/mini/2025/teks/tw2/ringkasan.md")
    except InputError as exc:
        problems_only(exc.problems)
        assert all(p.row is not None and p.row >= 1 for p in exc.problems)
        return
    # Accepted: then every well-formed {{ id }} in it names a known value.
    assert all(m.group(1) in registry for m in texts.PLACEHOLDER.finditer(text))
    assert isinstance(out, str)
