"""Open a workbook for `lkj import`, or say in Indonesian what the file is instead.

A `.xlsx` is a zip archive; what analysts send instead is told apart by its first bytes:
a CSV or other text saved with the .xlsx name, an old `.xls` (an OLE2 compound file), a
password-protected workbook (also OLE2, holding an "EncryptedPackage"), a truncated or
damaged zip. None of them ends in a traceback.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from lkj.errors import LkjError

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"


def _what_it_is(path: Path) -> str:
    head = path.read_bytes()[:4096] if path.is_file() else b""
    if head.startswith(OLE2):
        data = path.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in data or b"EncryptedPackage" in data:
            return (
                "lembar kerja ini dilindungi kata sandi → buka di Excel, hapus kata sandinya "
                "(File › Info › Protect Workbook › Encrypt with Password: kosongkan), simpan, "
                "lalu impor lagi"
            )
        return (
            "ini berkas Excel lama (.xls) → buka di Excel lalu Simpan Sebagai "
            "'Excel Workbook (.xlsx)', atau buat templat baru dengan `lkj template`"
        )
    if head.startswith(ZIP):
        return (
            "berkas .xlsx ini rusak atau terpotong (mis. unduhan/salinan belum selesai) → "
            "salin ulang berkasnya atau simpan lagi dari Excel"
        )
    if head and b"\x00" not in head[:512]:
        return (
            "ini berkas teks (mis. CSV) yang diberi nama .xlsx, bukan lembar kerja Excel → "
            "salin isinya ke data/ sebagai .csv, atau buka di Excel dan simpan sebagai .xlsx"
        )
    return "bukan lembar kerja Excel (.xlsx) → buat templat dengan `lkj template`, isi, simpan"


def open_workbook(path: Path) -> Workbook:
    """The workbook with formulas kept as formulas (so import can refuse them)."""
    if not path.is_file():
        raise LkjError(f"{path}: berkas tidak ditemukan → periksa nama dan foldernya")
    try:
        return load_workbook(path, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, OSError, ValueError, KeyError, EOFError):
        raise LkjError(f"{path}: tidak dapat dibuka: {_what_it_is(path)}") from None
