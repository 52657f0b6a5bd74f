"""Analysts' texts keep Markdown formatting; markup of any target is refused with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj.inputs.textcheck import check_text, check_texts, without_comments

ROOT = Path(__file__).resolve().parents[2]

FORMATTED = """# Judul

Paragraf dengan *miring*, **tebal**, `kode`, 3 < 5 dan 7 > 2, tautan
[situs](https://bp2mi.go.id), <https://bp2mi.go.id> dan <humas@bp2mi.go.id>,
[surel](mailto:humas@bp2mi.go.id), [bagian lain](#bab-1) dan \\<b\\> tertulis apa adanya.

- butir satu
- butir dua

1. pertama
2. kedua

> kutipan

Nilai {{ iku07.tw2.realisasi }} orang.
<!-- Tulis di sini; <b> di dalam komentar tidak tampil -->
"""

# (text, line of the problem, words the message must contain, the offending text)
HOSTILE = [
    ("Halo\n<script>alert(1)</script>", 2, "tag HTML", "<script>"),
    ("a\nb\n<img src=x onerror=alert(1)>", 3, "tag HTML", "<img src=x onerror=alert(1)>"),
    ('<iframe src="javascript:alert(1)"></iframe>', 1, "tag HTML", "<iframe"),
    ("x\n```{=html}\n<b>x</b>\n```", 2, "blok mentah", "{=html}"),
    ("```{=typst}\n#set page(fill: red)\n```", 1, "blok mentah", "{=typst}"),
    ("teks `#set text(red)`{=typst} lagi", 1, "blok mentah", "{=typst}"),
    ("``` {=latex}\n\\x\n```", 1, "blok mentah", "{=latex}"),
    ("[klik](javascript:alert(1))", 1, "javascript:", "javascript:alert(1"),
    ("[klik]( JaVaScRiPt:alert(1))", 1, "javascript:", "JaVaScRiPt:alert(1"),
    ("[klik](java&#115;cript:alert(1))", 1, "javascript:", "java&#115;cript:alert(1"),
    (
        "[klik](data:text/html;base64,PHNjcmlwdD4=)",
        1,
        "data:",
        "data:text/html;base64,PHNjcmlwdD4=",
    ),
    ("![gambar](file:///etc/passwd)", 1, "file:", "file:///etc/passwd"),
    ("<javascript:alert(1)>", 1, "javascript:", "<javascript:alert(1)>"),
    ("lihat [a]\n\n[a]: javascript:alert(1)", 3, "javascript:", "javascript:alert(1)"),
    ('[x]{onclick="alert(1)"}', 1, "atribut", '{onclick="alert(1)"}'),
    ('[99]{.lkj-value data-value-id="iku01.tw2.realisasi"}', 1, "atribut", "{.lkj-value"),
    ("::: peringatan\nx\n:::", 1, "div", "::: peringatan"),
    ("\\\\<b>tebal</b>", 1, "tag HTML", "<b>"),  # an escaped backslash, then a real tag
    ("<!-- a --><script>x</script>", 1, "tag HTML", "<script>"),
    ("<!-- tidak ditutup\n<script>x</script>", 1, "tag HTML", "<!--"),
]


def test_markdown_formatting_links_and_comments_are_fine():
    assert check_text(FORMATTED, "teks.md") == []


@pytest.mark.parametrize(("text", "line", "words", "value"), HOSTILE)
def test_markup_is_refused_with_file_line_value_and_fix(text, line, words, value):
    problems = check_text(text, "data/x/2025/teks/tw2/ringkasan.md")
    assert problems, text
    first = problems[0]
    assert (first.file, first.row) == ("data/x/2025/teks/tw2/ringkasan.md", line)
    assert words in first.message
    assert str(first.value).startswith(value)
    assert first.fix and first.severity == "error"


def test_every_problem_of_a_text_at_once():
    text = "<b>a</b>\n[x](javascript:y)\n`z`{=html}\n"
    rows = sorted({p.row for p in check_text(text, "t.md")})
    assert rows == [1, 2, 3]


def test_comments_are_removed_keeping_line_numbers():
    assert without_comments("a <!-- x\ny --> b\nc") == "a \n b\nc"


def test_check_texts_reads_every_md_below_the_folder(tmp_path):
    (tmp_path / "iku").mkdir()
    (tmp_path / "ringkasan.md").write_text("baik", encoding="utf-8")
    (tmp_path / "iku" / "IKU01.md").write_text("x\n<script>y</script>", encoding="utf-8")
    (problem, *_) = check_texts(tmp_path, {tmp_path / "iku" / "IKU01.md": "teks/IKU01.md"})
    assert (problem.file, problem.row) == ("teks/IKU01.md", 2)
    assert check_texts(tmp_path / "tidak-ada") == []


def test_shipped_texts_pass():
    for folder in sorted((ROOT / "data").glob("*/*/teks/*")):
        assert check_texts(folder) == [], folder


def test_lkj_check_refuses_the_texts_with_file_and_line(mini, capsys):
    from lkj.cli.main import main

    folder = mini.path("data/mini/2025/teks/tw2/iku")
    folder.mkdir(parents=True)
    mini.write("data/mini/2025/teks/tw2/ringkasan.md", "Pembuka.\n\n<script>alert(1)</script>\n")
    mini.write("data/mini/2025/teks/tw2/iku/IKU01.md", "[klik](javascript:alert(1))\n")
    mini.replace("data/mini/2025/pengaduan.csv", "Hongkong,E,P", "Hongkong,E,X")  # and data
    assert main(["check", str(mini.params)]) == 2
    err = " ".join(capsys.readouterr().err.split())  # undo the console's line wrapping
    assert "data/mini/2025/teks/tw2/ringkasan.md, baris 3: tag HTML tidak boleh" in err
    assert "data/mini/2025/teks/tw2/iku/IKU01.md, baris 1: tautan 'javascript:'" in err
    assert "data/mini/2025/pengaduan.csv, baris 4" in err  # all problems at once
