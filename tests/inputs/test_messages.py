"""pydantic errors in Bahasa Indonesia: one translator for params and the YAML files of data/."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lkj.inputs.messages import error_text


class _Sample(BaseModel):
    model_config = ConfigDict(extra="forbid")
    tahun: int = Field(ge=2000)
    edisi: Literal["publik", "internal"] = "publik"
    nama: str = ""


def errors_of(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    with pytest.raises(ValidationError) as caught:
        _Sample.model_validate(data)
    return {str(e["loc"][-1]): dict(e) for e in caught.value.errors()}


def test_missing_key_names_an_example() -> None:
    message, fix = error_text(errors_of({})["tahun"], "tahun")
    assert message == "kunci wajib tidak ada"
    assert "tahun: 2025" in fix and "data/README.md" in fix


def test_wrong_types_and_ranges() -> None:
    assert error_text(errors_of({"tahun": "banyak"})["tahun"], "tahun")[0] == (
        "nilai harus bilangan bulat"
    )
    message, fix = error_text(errors_of({"tahun": 1999})["tahun"], "tahun")
    assert message == "nilai di luar rentang (minimal 2000)" and fix == "isi angka minimal 2000"
    assert error_text(errors_of({"tahun": 2025, "nama": 5})["nama"], "nama")[0] == (
        "nilai harus berupa teks"
    )


def test_literal_lists_the_allowed_values() -> None:
    message, fix = error_text(errors_of({"tahun": 2025, "edisi": "rahasia"})["edisi"], "edisi")
    assert message == "nilai tidak diizinkan" and fix == "pakai salah satu dari: publik, internal"


def test_unknown_key() -> None:
    message, fix = error_text(errors_of({"tahun": 2025, "edsi": "publik"})["edsi"], "edsi")
    assert message == "kunci tidak dikenal" and "perbaiki ejaannya" in fix


def test_an_untranslated_error_keeps_pydantic_text() -> None:
    message, _ = error_text({"type": "something_new", "msg": "Input is odd"}, "x")
    assert message == "nilai tidak sah (Input is odd)"
