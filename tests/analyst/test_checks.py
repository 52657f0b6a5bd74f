"""lkj check: warnings about valid but doubtful data, in the terminal and as HTML."""

from __future__ import annotations

from pathlib import Path

from lkj.analyst.checks import plausibility
from lkj.cli.main import main
from lkj.compute.engine import compute
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run


def _warnings(mini) -> list[str]:
    inputs = load_inputs(load_run(mini.params))
    return [p.render() for p in plausibility(inputs, compute(inputs))]


def test_jump_between_quarters(mini) -> None:
    warnings = _warnings(mini)
    assert any("IKU 2: realisasi Triwulan II (38)" in w and "(12)" in w for w in warnings)
    # 30 → 38 is ordinary: no warning for IKU 2 any more.
    mini.replace(
        "data/mini/2025/penempatan.csv",
        "2025-03,P4MI,Reguler,Formal,L,12",
        "2025-03,P4MI,Reguler,Formal,L,30",
    )
    assert all("IKU 2: realisasi" not in w for w in _warnings(mini))


def test_quarter_without_data(mini) -> None:
    text = mini.read("data/mini/2025/penempatan.csv")
    kept = [line for line in text.splitlines() if not line.startswith("2025-0" + "3")]
    mini.write("data/mini/2025/penempatan.csv", "\n".join(kept) + "\n")
    assert any("belum ada data Triwulan I untuk IKU 2" in w for w in _warnings(mini))


def test_value_far_from_earlier_quarters(mini) -> None:
    mini.replace(
        "data/mini/2025/penempatan.csv",
        "2025-04,P4MI,Reguler,Formal,L,10",
        "2025-04,P4MI,Reguler,Formal,L,1000",
    )
    assert any("IKU 2: realisasi Triwulan II" in w and "jauh dari" in w for w in _warnings(mini))


def test_later_target_zero(mini) -> None:
    text = mini.read("data/mini/2025/target.csv")
    line = next(x for x in text.splitlines() if x.startswith("IKU02,TW4,"))
    mini.replace("data/mini/2025/target.csv", line + "\n", "IKU02,TW4,0\n")
    assert any("target TW4 masih 0" in w for w in _warnings(mini))


def test_html_page_and_exit_codes(mini, tmp_path: Path) -> None:
    page = tmp_path / "cek.html"
    assert main(["check", str(mini.params), "--html", str(page)]) == 0
    assert "Semua data masukan sah" in page.read_text(encoding="utf-8")
    mini.replace(
        "data/mini/2025/penempatan.csv",
        "2025-04,P4MI,Reguler,Formal,L,10",
        "2025-04,P4MI,Reguler,Formal,L,sepuluh",
    )
    assert main(["check", str(mini.params), "--html", str(page)]) == 2
    html = page.read_text(encoding="utf-8")
    assert "Kesalahan" in html and "sepuluh" in html and "penempatan.csv" in html
