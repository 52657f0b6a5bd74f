"""Personal data: which files and columns, and the redacted inputs a public run leaves on disk."""

from __future__ import annotations

from lkj.inputs import declarations
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run
from lkj.inputs.personal import REDACTED, is_personal_file, quasi_identifiers, redacted


def test_personal_files_and_quasi_identifiers(tmp_path):
    (tmp_path / "data/x/2025").mkdir(parents=True)
    (tmp_path / "data/x/2025/baru.csv").write_text("id,nama,kota\n", encoding="utf-8")
    (tmp_path / "data/x/2025/lain.csv").write_text("id,kota\n", encoding="utf-8")
    assert is_personal_file(tmp_path, "data/x/2025/kepulangan.csv")
    assert is_personal_file(tmp_path, "data/x/2025/baru.csv")  # a column named "nama"
    assert not is_personal_file(tmp_path, "data/x/2025/lain.csv")
    assert not is_personal_file(tmp_path, "data/referensi/negara.csv")  # negara.nama
    columns = ["id", "tanggal", "nama", "no_paspor", "kabupaten_kota", "jenis_kelamin"]
    assert quasi_identifiers("kepulangan", columns, declarations.default()) == [
        "tanggal",
        "kabupaten_kota",
        "jenis_kelamin",
    ]


def test_redacted_blanks_personal_columns_of_a_public_run_only(mini):
    inputs = load_inputs(load_run(mini.params))
    names = set(inputs.tables["kepulangan"].df["nama"])
    out = redacted(inputs)
    assert set(out.tables["kepulangan"].df["nama"]) == {REDACTED}
    assert set(inputs.tables["kepulangan"].df["nama"]) == names  # the original is untouched
    assert (
        out.tables["kepulangan"]
        .df["kabupaten_kota"]
        .equals(inputs.tables["kepulangan"].df["kabupaten_kota"])
    )


def test_the_internal_edition_keeps_everything(mini):
    mini.write(mini.params_name, mini.read(mini.params_name) + "edition: internal\n")
    inputs = load_inputs(load_run(mini.params))
    assert redacted(inputs) is inputs
