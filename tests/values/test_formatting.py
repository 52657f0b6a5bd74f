"""Indonesian number formats and both rounding modes."""

import datetime as dt

from lkj.values import formatting as fmt


def test_thousands_and_decimals_are_indonesian():
    assert fmt.number(7375, 0) == "7.375"
    assert fmt.number(31000) == "31.000"
    assert fmt.percent(23.790322) == "23,79%"
    assert fmt.percent(12.5) == "12,5%"
    assert fmt.percent(100.0) == "100%"


def test_truncate_reproduces_report_where_it_truncates():
    assert fmt.percent(16.96684, 2, "truncate") == "16,96%"
    assert fmt.percent(45.24794, 2, "truncate") == "45,24%"
    assert fmt.percent(44.74516, 2, "truncate") == "44,74%"
    assert fmt.percent(16.96684, 2, "half_up") == "16,97%"


def test_half_up_reproduces_report_where_it_rounds():
    assert fmt.percent(25.60543, 2, "half_up") == "25,61%"
    assert fmt.percent(25.60543, 2, "truncate") == "25,6%"  # trailing zeros dropped, as in "12,5%"
    assert fmt.number(94.478, 2, "half_up") == "94,48"
    assert fmt.number(0.125, 2, "half_up") == "0,13"  # half-up, not banker's rounding


def test_float_noise_does_not_leak_into_truncation():
    assert fmt.percent(0.57 * 100, 2, "truncate") == "57%"


def test_money_has_one_form():
    assert fmt.rupiah(1779201134) == "Rp 1.779.201.134,00"
    assert fmt.rupiah(None) == "-"


def test_dash_for_missing_values():
    assert fmt.number(None) == "-"
    assert fmt.percent(None) == "-"
    assert fmt.quantity(None, "Orang") == "-"
    assert fmt.quantity(7375, "Orang", 0) == "7.375 Orang"


def test_quarters_and_months():
    assert fmt.roman(2) == "II"
    assert fmt.roman(4) == "IV"
    assert fmt.quarter_label(3) == "Triwulan III"
    assert fmt.months_phrase(2, 2025) == "April–Juni 2025"
    assert fmt.month_name(5) == "Mei"
    assert fmt.long_date(dt.date(2025, 5, 20)) == "20 Mei 2025"


def test_fixed_decimals_and_a_spaced_percent_sign():
    assert fmt.percent(80) == "80%"  # the report's default: zeros dropped, no space
    assert fmt.percent(80, keep_zeros=True) == "80,00%"
    assert fmt.percent(79.861, keep_zeros=True, space=True) == "79,86\u00a0%"  # no-break
    assert fmt.percent(12.5, 1, keep_zeros=True) == "12,5%"
    assert fmt.percent(None, keep_zeros=True) == "-"
