"""Load and validate every input of a run; collect all problems before failing.

Reading order: reference lists → profil.yml and pk.yml → target.csv → every CSV dataset of the
year folder → rules across files. A broken file never stops the others from being checked, so
the analyst sees every problem in one `lkj check`.

Table.df dtypes are described in lkj.inputs.schemas; every table also has `_row` (line in the file,
header = 1) and, when data/README.md assigns records to quarters, `_quarter` (1–4). Both int64.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin

import pandas as pd
from pydantic import BaseModel, ValidationError

from lkj import paths
from lkj.errors import InputError, LkjError, Problem
from lkj.inputs import schemas as sc
from lkj.inputs.params import Run
from lkj.inputs.pk import PK, Iku, Profile
from lkj.inputs.yamlio import KeyPath, dotted, line_of, load_yaml

# --- the result --------------------------------------------------------------------------


@dataclass
class Table:
    """One validated CSV dataset of the year folder."""

    name: str
    path: Path
    shown: str
    df: pd.DataFrame


@dataclass
class Inputs:
    """Everything a run reads, validated."""

    run: Run
    profile: Profile
    pk: PK
    targets: pd.DataFrame  # iku, periode, target (text as written), _row
    tables: dict[str, Table]
    references: dict[str, pd.DataFrame]
    files: dict[str, Path] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    def table(self, name: str) -> Table:
        if name in self.tables:
            return self.tables[name]
        if name not in sc.TABLES:
            raise LkjError(
                f"dataset '{name}' tidak dikenal; dataset yang ada: {', '.join(sorted(sc.TABLES))}"
            )
        path = self.run.shown(self.run.year_dir / f"{name}.csv")
        raise LkjError(
            f"dataset '{name}' tidak tersedia: berkas {path} tidak ada "
            f"(buat berkas itu; tanpa data cukup baris header saja)"
        )


# --- reading CSV text --------------------------------------------------------------------


@dataclass
class RawCsv:
    """A CSV file as text cells, with the line each record starts on."""

    header: list[str]
    cells: pd.DataFrame
    lines: pd.Series


def _decode(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw  # Excel's BOM is fine
    try:
        return body.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        start = body.rfind(b"\n", 0, exc.start) + 1
        end = body.find(b"\n", exc.start)
        text = body[start : end if end >= 0 else len(body)].decode("utf-8", "replace").rstrip()
        header = body.split(b"\n", 1)[0].decode("utf-8", "replace").strip().split(",")
        prefix = body[start : exc.start].decode("utf-8", "replace")
        column_at = len(next(csv.reader([prefix]), [""])) - 1  # quoted commas do not count
        column = header[column_at] if line > 1 and column_at < len(header) else None
        return None, [
            Problem(
                shown,
                f"berkas bukan UTF-8: byte {body[exc.start]:#04x} tidak terbaca "
                "(biasanya huruf beraksen dari Excel 'CSV (dibatasi koma)' biasa)",
                fix="simpan ulang dari Excel sebagai 'CSV UTF-8 (dibatasi koma)'",
                row=line,
                column=column,
                value=text,
            )
        ]


def read_csv_text(path: Path, shown: str) -> tuple[RawCsv | None, list[Problem]]:
    """Every cell as text (nothing guessed), or the problems that stop the file being read."""
    raw = path.read_bytes()
    text, problems = _decode(raw, shown)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [
            Problem(
                shown,
                "berkas kosong (bahkan tanpa baris header)",
                fix="tulis setidaknya baris header; dataset tanpa data = berkas berisi header saja",
                row=1,
            )
        ]
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    records: list[list[str]] = []
    lines: list[int] = []
    last = 0  # physical line where the previous record ended
    try:
        for record in reader:
            start, last = last + 1, reader.line_num
            if not record or all(not c.strip() for c in record):
                continue  # blank lines and Excel's ",,,," rows carry nothing
            if header is None:
                header = [c.strip() for c in record]
                continue
            records.append(record)
            lines.append(start)
    except csv.Error as exc:
        return None, [
            Problem(
                shown,
                f"CSV tidak dapat dibaca: {exc}",
                fix="periksa tanda kutip pada baris ini: teks berkoma diapit tanda kutip ganda",
                row=reader.line_num,
            )
        ]
    if header is None:  # only separators, e.g. ",,,"
        return None, [
            Problem(
                shown,
                "berkas tidak berisi baris header",
                fix="tulis nama kolom di baris 1 (lihat data/README.md)",
                row=1,
            )
        ]
    delimiter = _foreign_delimiter(header)
    if delimiter:
        return None, [
            Problem(
                shown,
                f"pemisah kolom adalah {_DELIMITER_NAMES[delimiter]}, bukan koma",
                fix="simpan ulang dari Excel sebagai 'CSV UTF-8 (dibatasi koma)', atau ganti "
                f"setiap {_DELIMITER_NAMES[delimiter]} dengan koma",
                row=1,
                value=header[0],
            )
        ]
    problems = _header_problems(header, shown)
    if problems:
        return None, problems
    kept, kept_lines = [], []
    for record, line in zip(records, lines, strict=True):
        # Excel pads short rows with trailing empty cells; only real values count.
        while len(record) > len(header) and not record[-1].strip():
            record = record[:-1]
        if len(record) == len(header):
            kept.append(record)
            kept_lines.append(line)
            continue
        problems.append(
            Problem(
                shown,
                f"baris ini berisi {len(record)} sel, padahal header berisi {len(header)} kolom",
                fix=_ragged_fix(record, len(header)),
                row=line,
                value=",".join(record),
            )
        )
    cells = pd.DataFrame(kept, columns=header, dtype="str")
    if not kept:
        cells = pd.DataFrame({h: pd.Series([], dtype="str") for h in header})
    return RawCsv(header, cells, pd.Series(kept_lines, index=cells.index, dtype="int64")), problems


_DELIMITER_NAMES = {";": "titik koma (;)", "\t": "tab"}


def _ragged_fix(record: list[str], width: int) -> str:
    if len(record) < width:
        return "lengkapi sel yang kurang (sel kosong tetap ditulis, dipisah koma)"
    for left, right in itertools.pairwise(record):
        if re.fullmatch(r"\d+", left.strip()) and re.fullmatch(r"\d+", right.strip()):
            return (
                f"angka berkoma desimal memecah sel ({left},{right}): tulis {left}.{right} "
                "(titik sebagai pemisah desimal) atau hapus pemisah ribuan"
            )
    return 'apit teks yang mengandung koma dengan tanda kutip ganda, mis. "Kab. A, Kec. B"'


def _foreign_delimiter(header: list[str]) -> str | None:
    if len(header) == 1:
        if ";" in header[0]:
            return ";"
        if "\t" in header[0]:
            return "\t"
    return None


def _header_problems(header: list[str], shown: str) -> list[Problem]:
    found = []
    for i, name in enumerate(header):
        if not name:
            found.append(
                Problem(
                    shown,
                    f"kolom ke-{i + 1} tidak bernama",
                    fix="beri nama kolom di baris header atau hapus kolom kosong itu",
                    row=1,
                )
            )
        elif name in header[:i]:
            found.append(
                Problem(
                    shown,
                    "nama kolom muncul dua kali",
                    fix="hapus salah satu kolom atau perbaiki namanya",
                    row=1,
                    column=name,
                )
            )
    return found


# --- one CSV table -----------------------------------------------------------------------


def load_csv(
    spec: sc.Spec, path: Path, shown: str, year: int, references: dict[str, list[str]]
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Validated frame with `_row` (and `_quarter`), or None and the problems found."""
    raw, problems = read_csv_text(path, shown)
    if raw is None:
        return None, problems
    schema = sc.TableSchema(spec, year, references)
    df, found = sc.validate_table(schema, shown, raw.cells, raw.lines)
    problems += found
    if df is None or any(p.severity == "error" for p in problems):
        return None, problems
    df["_row"] = raw.lines.astype("int64")
    if spec.quarter_from:
        df["_quarter"] = _quarters(df[spec.quarter_from])
    return df.reset_index(drop=True), problems


def _quarters(values: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(values):
        months = values.dt.month
    elif pd.api.types.is_integer_dtype(values):  # triwulan is the quarter itself
        return values.astype("int64")
    else:  # "YYYY-MM"
        months = values.str[5:7].astype("int64")
    return ((months - 1) // 3 + 1).astype("int64")


# --- YAML through pydantic ---------------------------------------------------------------

_TAG = re.compile(r"(str|int|float|bool|none|date|datetime|(list|dict|union|function-\w+)\[.*\])")
_KEY_EXAMPLES = {
    "kepala": 'kepala: {nama: "NAMA, S.H.", nip: "19671011 199103 1 001", jabatan: Kepala ...}',
    "atasan": "atasan: {nama: ..., jabatan: ...}",
    "renstra": "renstra: {periode: 2025-2029, visi: ..., misi: [...], tujuan: [...]}",
    "tahun": "tahun: 2025",
    "sumber": "sumber: {dataset: pengaduan, aturan: hitung}",
}
_TYPE_WORDS = {
    "string_type": "harus berupa teks",
    "int_type": "harus bilangan bulat",
    "int_parsing": "harus bilangan bulat",
    "int_from_float": "harus bilangan bulat",
    "float_type": "harus angka",
    "float_parsing": "harus angka",
    "bool_type": "harus true atau false",
    "list_type": "harus berupa daftar",
    "dict_type": "harus berupa pemetaan (kunci: nilai)",
    "model_type": "harus berupa pemetaan (kunci: nilai)",
    "model_attributes_type": "harus berupa pemetaan (kunci: nilai)",
}


def _clean_loc(loc: tuple[Any, ...], data: Any) -> KeyPath:
    """Drop pydantic's union-member tags ('str', 'list[str]', …) that are not keys of the file."""
    out: list[str | int] = []
    node = data
    for part in loc:
        is_key = isinstance(node, dict) and part in node
        is_item = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if not (is_key or is_item) and isinstance(part, str) and _TAG.fullmatch(part):
            continue
        out.append(part)
        node = node[part] if (is_key or is_item) else None
    return tuple(out)


def _fields_at(model: type[BaseModel], loc: KeyPath) -> list[str]:
    """Field names of the model found at loc (for 'maksudnya ...?' on unknown keys)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(str(part))
        if info is None:
            return []
        current = _model_in(info.annotation)
    return (
        list(current.model_fields)
        if isinstance(current, type) and issubclass(current, BaseModel)
        else []
    )


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation) if get_origin(annotation) else ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _error_text(err: dict[str, Any], key: str) -> tuple[str, str]:
    """(message, fix) in Bahasa Indonesia for one pydantic error."""
    kind = err["type"]
    if kind == "missing":
        example = _KEY_EXAMPLES.get(key, f"{key}: ...")
        return "kunci wajib tidak ada", f"tambahkan {example} (lihat data/README.md)"
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
        return "nilai tidak diizinkan", f"pakai salah satu dari: {', '.join(options)}"
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, "), ""
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type"):
        return "tanggal tidak sah", "gunakan format tanggal YYYY-MM-DD, mis. 2025-01-02"
    if kind == "string_pattern_mismatch":
        return "bentuk kode tidak sah", "pakai huruf besar dan angka saja, mis. IKU01"
    if kind in ("too_short", "string_too_short"):
        return "tidak boleh kosong", "isi setidaknya satu butir/huruf"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next(iter(err.get("ctx", {}).values()), "")
        word = "minimal" if kind.startswith("greater") else "maksimal"
        return f"nilai di luar rentang ({word} {bound})", f"isi angka {word} {bound}"
    if kind in _TYPE_WORDS:
        return _TYPE_WORDS[kind], "perbaiki nilai ini sesuai contoh di data/README.md"
    return f"nilai tidak sah ({err['msg']})", "perbaiki nilai ini sesuai contoh di data/README.md"


# Model validators report a whole IKU; point at the key the message is about.
_RULE_KEYS: tuple[tuple[str, KeyPath, KeyPath, str], ...] = (
    # (message pattern, key the fix adds or changes, key whose line to show, fix)
    (r"memerlukan 'pembilang'", ("pembilang",), ("aturan",), "tambahkan pembilang: {kolom: nilai}"),
    (r"memerlukan 'kolom'", ("kolom",), ("aturan",), "tambahkan kolom: nama kolom yang dibaca"),
    (
        r"memerlukan daftar 'kategori'",
        ("kategori",),
        ("jenis",),
        "tambahkan kategori: daftar kategori urut naik, mis. [Kurang, Cukup, Baik]",
    ),
    (r"memerlukan sumber.aturan", ("sumber", "aturan"), (), "isi sumber.aturan: kategori"),
    (r"^sumber.aturan 'kategori' hanya", ("sumber", "aturan"), (), "ganti aturan atau jenis IKU"),
    (r"^kumulatif 'rasio' hanya", ("kumulatif",), (), "pakai kumulatif jumlah atau terakhir"),
)


def _refine(
    loc: KeyPath, message: str, lines: dict[KeyPath, int]
) -> tuple[KeyPath, int | None, str]:
    """(key path, line, fix) for a model validator's message about the object at loc."""
    for pattern, sub, row_sub, fix in _RULE_KEYS:
        if re.search(pattern, message):
            return (*loc, *sub), line_of(lines, (*loc, *(row_sub or sub))), fix
    return loc, line_of(lines, loc), "perbaiki sesuai data/README.md"


def model_problems(
    exc: ValidationError, model: type[BaseModel], data: Any, lines: dict[KeyPath, int], shown: str
) -> list[Problem]:
    """Every pydantic error as a Problem: column = dotted key path, row = its YAML line."""
    grouped: dict[KeyPath, list[dict[str, Any]]] = {}
    for err in exc.errors():
        grouped.setdefault(_clean_loc(tuple(err["loc"]), data), []).append(err)
    found = []
    for loc, errs in grouped.items():
        err = errs[0]
        key = str(loc[-1]) if loc else ""
        if len(errs) > 1 and all(e["type"] != "missing" for e in errs):
            message, fix = "jenis nilai tidak sah", _union_fix(key, loc)
        else:
            message, fix = _error_text(err, key)
        where, row = loc, line_of(lines, loc)
        if err["type"] == "value_error":
            where, row, fix = _refine(loc, message, lines)
        if err["type"] == "extra_forbidden":
            message = "kunci tidak dikenal"
            hint = sc.suggest(key, _fields_at(model, loc[:-1]))
            fix = "hapus kunci ini atau perbaiki ejaannya" + (
                f" (maksudnya '{hint}'?)" if hint else ""
            )
        value = err.get("input")
        shown_value = value if err["type"] != "missing" and _is_scalar(value) else None
        found.append(
            Problem(
                shown,
                message,
                fix=fix,
                row=row,
                column=dotted(where) or None,
                value=shown_value,
            )
        )
    return found


def _union_fix(key: str, loc: KeyPath) -> str:
    if "saring" in loc or "pembilang" in loc:
        return "isi teks, angka, atau daftar nilai, mis. {difasilitasi: ya}"
    if key == "kolom":
        return "isi satu nama kolom atau daftar nama kolom, mis. [hadir, jumlah]"
    return "perbaiki nilai ini sesuai contoh di data/README.md"


def _is_scalar(value: object) -> bool:
    return isinstance(value, (str, int, float, bool)) or hasattr(value, "isoformat")


def _pk_reference_problems(
    data: dict[str, Any], lines: dict[KeyPath, int], shown: str
) -> list[Problem]:
    """All broken references of pk.yml (the model stops at the first one)."""
    found: list[Problem] = []

    def codes(key: str) -> list[str]:
        items = data.get(key)
        return (
            [str(i.get("kode")) for i in items if isinstance(i, dict)]
            if isinstance(items, list)
            else []
        )

    known = {"sasaran": codes("sasaran"), "kegiatan": codes("kegiatan")}
    items = data.get("iku") if isinstance(data.get("iku"), list) else []
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        kode = str(item.get("kode"))
        if kode in seen:
            found.append(
                Problem(
                    shown,
                    f"kode IKU {kode} dipakai dua kali (pertama di iku[{seen[kode]}])",
                    fix="beri kode lain yang belum dipakai",
                    row=line_of(lines, ("iku", i, "kode")),
                    column=f"iku[{i}].kode",
                    value=kode,
                )
            )
        seen.setdefault(kode, i)
        for key, options in known.items():
            value = item.get(key)
            if value is None or not options or str(value) in options:
                continue
            found.append(
                Problem(
                    shown,
                    f"{kode}: {key} '{value}' tidak ada di daftar {key}",
                    fix=f"pakai salah satu kode {key}: {', '.join(options)}",
                    row=line_of(lines, ("iku", i, key)),
                    column=f"iku[{i}].{key}",
                    value=value,
                )
            )
    return found


def _empty_loc_problem(
    err: dict[str, Any], data: Any, lines: dict[KeyPath, int], shown: str
) -> Problem:
    """A model-level error: find the IKU its message names, else the top of the file."""
    message = str(err["msg"]).removeprefix("Value error, ")
    loc: KeyPath = ()
    items = data.get("iku") if isinstance(data, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict) and re.search(
            rf"\b{re.escape(str(item.get('kode')))}\b", message
        ):
            loc = ("iku", i)
            break
    return Problem(
        shown,
        message,
        fix="perbaiki pk.yml sesuai data/README.md",
        row=line_of(lines, loc),
        column=dotted(loc) or None,
    )


def load_model(
    model: type[BaseModel], path: Path, shown: str
) -> tuple[Any, Any, dict[KeyPath, int], list[Problem]]:
    """(model or None, raw data, key lines, problems) for one YAML file."""
    data, lines, problems = load_yaml(path, shown)
    if problems:
        return None, data, lines, problems
    if not isinstance(data, dict):
        return (
            None,
            data,
            lines,
            [
                Problem(
                    shown,
                    "isi berkas harus berupa pemetaan kunci: nilai",
                    row=1,
                    fix="lihat contoh di data/README.md",
                )
            ],
        )
    try:
        return model.model_validate(data), data, lines, []
    except ValidationError as exc:
        found = model_problems(exc, model, data, lines, shown)
        if model is PK:
            refs = _pk_reference_problems(data, lines, shown)
            whole = [e for e in exc.errors() if not e["loc"]]
            # The model's own reference check is subsumed by the complete one above.
            found = [p for p in found if p.column is not None] + refs
            if whole and not refs:
                found += [_empty_loc_problem(e, data, lines, shown) for e in whole]
        return None, data, lines, found


def _with_hint(text: str, hint: str | None) -> str:
    return f"{text} (maksudnya '{hint}'?)" if hint else text


# --- rules across files ------------------------------------------------------------------


def _target_problems(pk: PK, targets: pd.DataFrame, shown: str) -> list[Problem]:
    found: list[Problem] = []
    codes = {i.kode: i for i in pk.iku}
    for _, row in targets.iterrows():
        line, code, text = int(row["_row"]), row["iku"], str(row["target"])
        iku = codes.get(code)
        if iku is None:
            hint = sc.suggest(code, list(codes))
            found.append(
                Problem(
                    shown,
                    "target untuk IKU yang tidak ada di pk.yml",
                    fix=f"perbaiki kode IKU{f' (maksudnya {hint!r}?)' if hint else ''} atau hapus "
                    "baris ini; kode yang sah: " + ", ".join(codes),
                    row=line,
                    column="iku",
                    value=code,
                )
            )
            continue
        if iku.jenis == "kategori":
            if text not in (iku.kategori or []):
                hint = sc.suggest(text, iku.kategori or [])
                found.append(
                    Problem(
                        shown,
                        f"kategori target tidak ada di daftar kategori {code}",
                        fix=f"isi salah satu dari: {', '.join(iku.kategori or [])}"
                        + (f" (maksudnya {hint!r}?)" if hint else ""),
                        row=line,
                        column="target",
                        value=text,
                    )
                )
            continue
        number = _target_number(text)
        if isinstance(number, tuple):
            message, fix = number
            found.append(Problem(shown, message, fix=fix, row=line, column="target", value=text))
        elif number < 0:
            found.append(
                Problem(
                    shown,
                    "target tidak boleh negatif",
                    fix="isi angka 0 atau lebih",
                    row=line,
                    column="target",
                    value=text,
                )
            )
    for iku in pk.iku:
        have = targets[targets["iku"] == iku.kode]
        first = int(have["_row"].min()) if len(have) else None
        for periode in sc.PERIODE:
            if not (have["periode"] == periode).any():
                found.append(
                    Problem(
                        shown,
                        f"{iku.kode} tidak punya target untuk periode {periode}",
                        fix=f"tambahkan baris: {iku.kode},{periode},<target> "
                        "(setiap IKU perlu tahunan, TW1, TW2, TW3 dan TW4)",
                        row=first,
                        column="periode",
                        value=periode,
                    )
                )
    return found


def _target_number(text: str) -> float | tuple[str, str]:
    """The number, or (message, fix) explaining why the text is not one."""
    try:
        return float(text)
    except ValueError:
        pass
    if re.fullmatch(r"[+-]?\d+,\d+", text):
        fixed = text.replace(",", ".")
        return "koma dipakai sebagai pemisah desimal", (
            f"pakai titik sebagai pemisah desimal, mis. {fixed}"
        )
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        plain = text.replace(".", "")
        return "angka memakai pemisah ribuan", f"tulis tanpa pemisah ribuan, mis. {plain}"
    if text.endswith("%"):
        return "target ditulis dengan tanda %", f"tulis angkanya saja, mis. {text.rstrip('% ')}"
    return "target bukan angka", "isi dengan angka, mis. 70 atau 87.5"


@dataclass(frozen=True)
class _PkFile:
    """pk.yml as validated model plus what points back into the file (lines, raw values)."""

    pk: PK
    lines: dict[KeyPath, int]
    data: Any
    shown: str

    def path(self, iku: Iku, *keys: str | int) -> KeyPath:
        return ("iku", self.pk.iku.index(iku), *keys)

    def problem(self, iku: Iku, keys: KeyPath, message: str, fix: str, value: object) -> Problem:
        path = self.path(iku, *keys)
        return Problem(
            self.shown,
            f"{iku.kode}: {message}",
            fix=fix,
            row=line_of(self.lines, path),
            column=dotted(path),
            value=value,
        )

    def raw(self, path: KeyPath) -> object:
        node = self.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return None
        return node


def _source_problems(pkf: _PkFile, references: dict[str, list[str]]) -> list[Problem]:
    """sumber.dataset and every column named in saring / pembilang / kolom must exist."""
    found: list[Problem] = []
    for iku in pkf.pk.iku:
        src = iku.sumber
        spec = sc.TABLES.get(src.dataset)
        if spec is None:
            fix = _with_hint("pakai salah satu dataset", sc.suggest(src.dataset, list(sc.TABLES)))
            found.append(
                pkf.problem(
                    iku,
                    ("sumber", "dataset"),
                    f"dataset '{src.dataset}' tidak dikenal",
                    f"{fix}: {', '.join(sc.TABLES)}",
                    src.dataset,
                )
            )
            continue
        for part in ("saring", "pembilang"):
            for column, wanted in (getattr(src, part) or {}).items():
                found += _filter_problems(pkf, spec, iku, (part, column), wanted, references)
        for column in src.columns:
            col = spec.col(column)
            if col is None:
                found.append(_unknown_column(pkf, spec, iku, ("sumber", "kolom"), column))
            elif src.aturan in ("jumlah", "nilai") and not col.is_numeric:
                numeric = ", ".join(c.name for c in spec.columns if c.is_numeric)
                found.append(
                    pkf.problem(
                        iku,
                        ("sumber", "kolom"),
                        f"kolom '{column}' berisi teks, padahal aturan '{src.aturan}' perlu angka",
                        f"pilih kolom angka dari dataset {spec.name}: {numeric}",
                        column,
                    )
                )
    return found


def _unknown_column(pkf: _PkFile, spec: sc.Spec, iku: Iku, keys: KeyPath, column: str) -> Problem:
    fix = _with_hint("pakai kolom yang ada", sc.suggest(column, spec.names))
    return pkf.problem(
        iku,
        keys,
        f"kolom '{column}' tidak ada di dataset {spec.name}",
        f"{fix}: {', '.join(spec.names)}",
        column,
    )


def _filter_problems(
    pkf: _PkFile,
    spec: sc.Spec,
    iku: Iku,
    keys: tuple[str, str],
    wanted: object,
    references: dict[str, list[str]],
) -> list[Problem]:
    """A filter on an unknown column, or for a value the column can never hold, is a typo."""
    keys = ("sumber", *keys)
    col = spec.col(keys[-1])
    if col is None:
        return [_unknown_column(pkf, spec, iku, keys, keys[-1])]
    choices = col.choices or (tuple(references[col.ref]) if col.ref in references else None)
    if choices is None:
        return []
    raw = pkf.raw(pkf.path(iku, *keys))
    raws = raw if isinstance(raw, list) else [raw]
    found = []
    for i, value in enumerate(wanted if isinstance(wanted, list) else [wanted]):
        if str(value) in choices:
            continue
        written = raws[i] if i < len(raws) else value
        if isinstance(written, bool):  # YAML 1.1 reads yes/no/on/off as true/false
            message = (
                f"nilai {str(written).lower()} (YAML membaca yes/no/on/off sebagai true/false)"
            )
            fix = f"tulis salah satu dari: {', '.join(choices)}, mis. {keys[-1]}: ya"
        else:
            message = f"nilai '{value}' tidak mungkin ada di kolom {keys[-1]}"
            fix = _with_hint("pakai salah satu dari", sc.suggest(value, choices))
            fix += ": " + ", ".join(choices)
        found.append(pkf.problem(iku, keys, message, fix, written))
    return found


def _budget_problems(pk: PK, tables: dict[str, Table]) -> list[Problem]:
    """Budget rows name kegiatan of pk.yml, and every kegiatan has a pagu."""
    codes = [k.kode for k in pk.kegiatan]
    found: list[Problem] = []
    for name in ("pagu", "realisasi_anggaran"):
        table = tables.get(name)
        if table is None:
            continue
        for _, row in table.df[~table.df["kegiatan"].isin(codes)].iterrows():
            hint = sc.suggest(row["kegiatan"], codes)
            found.append(
                Problem(
                    table.shown,
                    "kegiatan tidak ada di pk.yml",
                    fix=_with_hint("pakai kode kegiatan dari pk.yml", hint)
                    + ": "
                    + ", ".join(codes),
                    row=int(row["_row"]),
                    column="kegiatan",
                    value=row["kegiatan"],
                )
            )
    pagu = tables.get("pagu")
    if pagu is not None:
        for code in codes:
            if not (pagu.df["kegiatan"] == code).any():
                found.append(
                    Problem(
                        pagu.shown,
                        f"kegiatan {code} dari pk.yml tidak punya baris pagu",
                        fix=f"tambahkan baris: {code},<pagu_awal>,<pagu_revisi>",
                        column="kegiatan",
                        value=code,
                    )
                )
    return found


def _value_problems(pk: PK, tables: dict[str, Table]) -> list[Problem]:
    """IKUs that read one value per quarter: at most one matching row, categories from the list."""
    found: list[Problem] = []
    for iku in pk.iku:
        src = iku.sumber
        table = tables.get(src.dataset)
        if src.aturan not in ("nilai", "kategori") or table is None:
            continue
        rows = _matching(table.df, src.saring)
        if rows is None:
            continue
        for _, group in rows.groupby("_quarter"):
            for _, extra in group.iloc[1:].iterrows():
                found.append(
                    Problem(
                        table.shown,
                        f"{iku.kode} membaca satu nilai per triwulan, tetapi baris ini juga cocok "
                        f"(pertama di baris {int(group['_row'].iloc[0])})",
                        fix="hapus baris duplikat atau perjelas saring di pk.yml",
                        row=int(extra["_row"]),
                        column=src.columns[0] if src.columns else None,
                    )
                )
        if iku.jenis == "kategori" and src.columns:
            column = src.columns[0]
            if column not in rows.columns:
                continue
            for _, row in rows[
                rows[column].notna() & ~rows[column].isin(iku.kategori or [])
            ].iterrows():
                found.append(
                    Problem(
                        table.shown,
                        f"kategori tidak ada di daftar kategori {iku.kode} (pk.yml)",
                        fix=f"isi salah satu dari: {', '.join(iku.kategori or [])}",
                        row=int(row["_row"]),
                        column=column,
                        value=row[column],
                    )
                )
    return found


def _matching(df: pd.DataFrame, saring: dict[str, Any]) -> pd.DataFrame | None:
    mask = pd.Series(True, index=df.index)
    for column, wanted in saring.items():
        if column not in df.columns:
            return None  # reported by _source_problems
        values = wanted if isinstance(wanted, list) else [wanted]
        mask &= df[column].astype("str").isin([str(v) for v in values])
    return df[mask]


def _ikpa_warnings(tables: dict[str, Table]) -> list[Problem]:
    aspek, ikpa = tables.get("ikpa_aspek"), tables.get("ikpa")
    if aspek is None or ikpa is None:
        return []
    known = set(zip(ikpa.df["triwulan"], ikpa.df["aspek"], strict=True))
    return [
        Problem(
            aspek.shown,
            f"aspek ini tidak punya komponen di ikpa.csv untuk triwulan {row['triwulan']}",
            fix="periksa triwulan dan aspek, atau lengkapi ikpa.csv",
            row=int(row["_row"]),
            column="aspek",
            value=row["aspek"],
            severity="warning",
        )
        for _, row in aspek.df.iterrows()
        if (row["triwulan"], row["aspek"]) not in known
    ]


# --- putting it together -----------------------------------------------------------------


def _referenced_datasets(pk: PK | None, pk_data: Any) -> dict[str, list[str]]:
    """dataset → IKU codes using it (from the raw YAML when pk.yml itself is invalid)."""
    used: dict[str, list[str]] = {}
    if pk is not None:
        for iku in pk.iku:
            used.setdefault(iku.sumber.dataset, []).append(iku.kode)
        return used
    items = pk_data.get("iku") if isinstance(pk_data, dict) else None
    for item in items if isinstance(items, list) else []:
        src = item.get("sumber") if isinstance(item, dict) else None
        if isinstance(src, dict) and isinstance(src.get("dataset"), str):
            used.setdefault(src["dataset"], []).append(str(item.get("kode")))
    return used


def _missing(shown: str, spec: sc.Spec, why: str) -> Problem:
    return Problem(
        shown,
        f"berkas tidak ditemukan ({why})",
        fix=f"buat berkas ini; tanpa data cukup baris header: {','.join(spec.names)}",
    )


def _unknown_files(run: Run, known: Iterable[str]) -> list[Problem]:
    found = []
    for path in sorted(run.year_dir.glob("*.csv")):
        name = path.stem
        if name in known:
            continue
        hint = sc.suggest(name, list(known))
        found.append(
            Problem(
                run.shown(path),
                "berkas CSV tidak dikenal; tidak dibaca",
                fix=f"ganti namanya menjadi {hint}.csv"
                if hint
                else "hapus atau pindahkan berkas ini; dataset yang dikenal: " + ", ".join(known),
                severity="warning",
            )
        )
    return found


def load_inputs(run: Run) -> Inputs:
    """Read and validate every input of the run; raise InputError listing every problem."""
    problems: list[Problem] = []
    files: dict[str, Path] = {run.shown(run.params_path): run.params_path}
    year = run.params.year

    def read(spec: sc.Spec, path: Path, refs: dict[str, list[str]]) -> pd.DataFrame | None:
        shown = run.shown(path)
        files[shown] = path
        df, found = load_csv(spec, path, shown, year, refs)
        problems.extend(found)
        return df

    # Reference lists first: other files are checked against them.
    references: dict[str, pd.DataFrame] = {}
    ref_dir = paths.reference_dir(run.data_root)
    for name, spec in sc.REFERENCES.items():
        path = ref_dir / f"{name}.csv"
        if not path.is_file():
            if name in sc.REQUIRED_REFERENCES:
                problems.append(_missing(run.shown(path), spec, "daftar referensi wajib"))
            continue
        df = read(spec, path, {})
        if df is not None:
            references[name] = df
    ref_values = {name: sc.reference_values(name, df) for name, df in references.items()}

    profile_path, pk_path = run.unit_dir / "profil.yml", run.year_dir / "pk.yml"
    profile, _, profile_lines, found = load_model(Profile, profile_path, run.shown(profile_path))
    problems += found
    pk, pk_data, pk_lines, found = load_model(PK, pk_path, run.shown(pk_path))
    problems += found
    for path in (profile_path, pk_path):
        if path.is_file():
            files[run.shown(path)] = path

    target_path = run.year_dir / "target.csv"
    targets = None
    if target_path.is_file():
        targets = read(sc.TARGET, target_path, ref_values)
    else:
        problems.append(_missing(run.shown(target_path), sc.TARGET, "target setiap IKU"))

    used = _referenced_datasets(pk, pk_data)
    tables: dict[str, Table] = {}
    for name, spec in sc.TABLES.items():
        path = run.year_dir / f"{name}.csv"
        if not path.is_file():
            if name in ("pagu", "realisasi_anggaran"):
                problems.append(_missing(run.shown(path), spec, "anggaran untuk Tabel 18"))
            elif name in used:
                problems.append(
                    _missing(
                        run.shown(path), spec, f"dipakai oleh {', '.join(used[name])} di pk.yml"
                    )
                )
            continue
        df = read(spec, path, ref_values)
        if df is not None:
            tables[name] = Table(name, path, run.shown(path), df)
    problems += _unknown_files(run, [*sc.TABLES, "target"])

    if pk is not None:
        problems += _pk_problems(run, pk, pk_lines, pk_data, ref_values)
        if targets is not None:
            problems += _target_problems(pk, targets, run.shown(target_path))
        problems += _budget_problems(pk, tables)
        problems += _value_problems(pk, tables)
    if profile is not None and profile.kode != run.params.unit:
        problems.append(
            Problem(
                run.shown(profile_path),
                f"kode unit '{profile.kode}' tidak sama dengan nama foldernya '{run.params.unit}'",
                fix=f"isi kode: {run.params.unit}",
                row=line_of(profile_lines, ("kode",)),
                column="kode",
                value=profile.kode,
            )
        )
    problems += _ikpa_warnings(tables)

    if any(p.severity == "error" for p in problems):
        raise InputError(problems)
    assert profile is not None and pk is not None and targets is not None
    return Inputs(
        run=run,
        profile=profile,
        pk=pk,
        targets=targets,
        tables=tables,
        references=references,
        files=files,
        warnings=[p for p in problems if p.severity != "error"],
    )


def _pk_problems(
    run: Run, pk: PK, lines: dict[KeyPath, int], data: Any, refs: dict[str, list[str]]
) -> list[Problem]:
    shown = run.shown(run.year_dir / "pk.yml")
    found: list[Problem] = []
    if pk.tahun != run.params.year:
        found.append(
            Problem(
                shown,
                f"tahun PK {pk.tahun} tidak sama dengan year {run.params.year} di "
                f"{run.shown(run.params_path)}",
                fix=f"isi tahun: {run.params.year} di pk.yml, atau perbaiki year di params",
                row=line_of(lines, ("tahun",)),
                column="tahun",
                value=pk.tahun,
            )
        )
    found += _source_problems(_PkFile(pk, lines, data, shown), refs)
    return found
