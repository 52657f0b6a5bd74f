"""The Ringkasan and "b. Evaluasi Kinerja" sentence of every IKU state, word for word."""

from __future__ import annotations

import re

import pytest
from iku_cases import BANDS, ratio_23_of_36, unit
from state_cases import CASES, Case

from lkj.book.narrative import Writer
from lkj.compute.engine import compute
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run

SPAN = re.compile(r"\[([^\]]*)\]\{\.lkj-value data-value-id=\"([^\"]+)\"\}")


def plain(text: str) -> str:
    return SPAN.sub(lambda m: m.group(1), text).replace("\\", "")


def sentences(project, code: str) -> tuple[str, str, dict[str, str]]:
    inputs = load_inputs(load_run(project.params))
    reg = compute(inputs)
    w = Writer(reg, inputs.pk, 2, 2025)
    iku = inputs.pk.iku_by_code(code)
    summary, evaluation = w.summary(iku), w.evaluation(iku)
    spans = dict((vid, shown) for shown, vid in SPAN.findall(summary + evaluation))
    return summary, evaluation, {vid: reg[vid].display for vid in spans}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_state_has_its_words_in_both_places(mini, case: Case):
    case.setup(mini)
    summary, evaluation, _ = sentences(mini, case.iku)
    for phrase in case.summary:
        assert phrase in plain(summary)
    for phrase in case.evaluation:
        assert phrase in plain(evaluation)
    for phrase in case.never:
        assert phrase not in plain(summary) and phrase not in plain(evaluation)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_figure_of_a_state_sentence_is_a_value_span(mini, case: Case):
    case.setup(mini)
    summary, evaluation, displays = sentences(mini, case.iku)
    for text in (summary, evaluation):
        for shown, value_id in SPAN.findall(text):
            assert shown.replace("\\", "").startswith(displays[value_id])
        rest = re.sub(r"\b20\d\d\b", "", SPAN.sub("", text))
        assert not re.search(r"\d", rest), rest


def test_a_capaian_with_bands_names_its_band(mini):
    ratio_23_of_36(mini)
    unit(mini, BANDS)
    summary, evaluation, _ = sentences(mini, "IKU01")
    # TW II 23 of 36 = 63,89 % against 80: 79,86 (Cukup); s.d. TW II 24 of 37: 81,08 (Baik)
    assert "atau mencapai 79,86% (Cukup) dari target tahun 2025 sebesar 80%" in plain(summary)
    assert "terhadap target Triwulan II sebesar 79,86% (Cukup) dan" in plain(evaluation)
    assert "atau 81,08% (Baik) dari target tahunan." in plain(evaluation)


def test_without_bands_no_band_is_named(mini):
    ratio_23_of_36(mini)
    summary, evaluation, _ = sentences(mini, "IKU01")
    assert "atau mencapai 79,86% dari target tahun 2025" in plain(summary)
    assert "(Cukup)" not in plain(summary + evaluation)


def test_cumulative_targets_are_named_in_the_sentences(mini):
    mini.replace(
        "data/mini/2025/pk.yml", "tahun: 2025\n", "tahun: 2025\ntarget_triwulan: kumulatif\n"
    )
    _, evaluation, _ = sentences(mini, "IKU02")
    # s.d. TW II 50 of the target s.d. TW II 50 = 100 %
    assert "dengan target s.d. Triwulan II sebesar 50 Orang." in plain(evaluation)
    assert (
        "atau 100% dari target s.d. Triwulan II. Target s.d. Triwulan II telah tercapai."
        in plain(evaluation)
    )


def test_the_mean_names_the_units_band(mini):
    ratio_23_of_36(mini)
    unit(mini, BANDS)
    inputs = load_inputs(load_run(mini.params))
    text = plain(Writer(compute(inputs), inputs.pk, 2, 2025).average())
    # 50,97 % (see tests/compute/test_kriteria.py): below 60 → Kurang
    assert "sampai dengan Triwulan II tahun 2025 sebesar 50,97% (Kurang), yaitu" in text
