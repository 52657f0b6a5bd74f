"""What each input column means, in the analyst's words (workbook headers and instructions).

The rules (type, required, allowed values, range) come from lkj.inputs.specs; this module
only adds the meaning, so a column documented here and in data/README.md says the same thing.
"""

from __future__ import annotations

from lkj.inputs import specs as sc
from lkj.inputs.hints import as_typed

# Meaning per column name; a (dataset, column) key overrides the shared one.
MEANING: dict[str | tuple[str, str], str] = {
    "id": "kode unik baris ini (tidak boleh sama dengan baris lain), mis. ADU-2025-001",
    "tanggal": "tanggal kejadian/kegiatan; menentukan triwulan",
    "bulan": "bulan data, ditulis sebagai teks YYYY-MM (mis. 2025-04); menentukan triwulan",
    "p3mi": "nama perusahaan penempatan (P3MI); boleh kosong",
    "negara": "negara tujuan/penempatan, sesuai daftar referensi negara",
    "jenis_masalah": "kode jenis masalah A–O (lihat daftar pada lembar Petunjuk)",
    "jenis_kelamin": "L (laki-laki) atau P (perempuan)",
    "difasilitasi": "ya bila pengaduan sudah difasilitasi penanganannya, selain itu tidak",
    "melalui_ssko": "ya bila pengaduan masuk melalui SSKO, selain itu tidak",
    "debarkasi": "rute/tempat debarkasi kepulangan, mis. Jakarta-Semarang",
    "nama": "nama orang (data pribadi: hanya tampil di edisi internal)",
    "no_paspor": "nomor paspor (data pribadi); boleh kosong",
    "kategori": "kategori, sesuai daftar yang berlaku",
    ("kepulangan", "kategori"): "kategori kasus kepulangan, sesuai daftar referensi",
    ("nilai", "kategori"): "predikat/kategori hasil penilaian, mis. Baik; boleh kosong",
    "keterangan": "keterangan singkat kasus; boleh kosong",
    "alamat": "alamat rumah (data pribadi); boleh kosong",
    "kabupaten_kota": "kabupaten/kota asal, mis. Kab. Kendal",
    "layanan": "tempat layanan (kantor unit, pos P4MI, LTSA/MPP), ditulis sama setiap bulan",
    "skema": "skema penempatan: Mandiri/Pelaut atau Reguler",
    "sektor": "sektor pekerjaan: Formal atau Informal",
    "jumlah": "jumlah orang (bilangan bulat, tanpa pemisah ribuan)",
    "program": "program/kelompok kegiatan",
    ("klaim_jaminan", "program"): "program jaminan: JKK, JKM atau JHT",
    "kelompok": "kelompok kegiatan: Verifikasi Dokumen, UBT atau Ujian Bahasa",
    "kegiatan": "nama kegiatan",
    ("pagu", "kegiatan"): "kode kegiatan anggaran dari Perjanjian Kinerja (pk.yml)",
    ("realisasi_anggaran", "kegiatan"): "kode kegiatan anggaran dari Perjanjian Kinerja (pk.yml)",
    "tanggal_mulai": "tanggal mulai kegiatan; menentukan triwulan",
    "tanggal_selesai": "tanggal selesai kegiatan (sama dengan tanggal_mulai bila satu hari)",
    "lokasi": "tempat kegiatan; boleh kosong",
    ("verifikasi", "jumlah"): "jumlah peserta terdaftar",
    "hadir": "jumlah peserta yang hadir; boleh kosong bila tidak dicatat",
    "tidak_hadir": "jumlah peserta yang tidak hadir; boleh kosong",
    "mitra": "mitra kerja sama",
    "judul": "judul dokumen",
    "status": "status peserta: purna (purna PMI) atau keluarga (keluarga PMI)",
    ("klaim_jaminan", "status"): "status klaim: selesai atau proses",
    "indikator": "nama indikator penilaian yang dibaca IKU, mis. kinerja_anggaran",
    "triwulan": "triwulan 1–4",
    "nilai": "nilai angka",
    ("nilai", "nilai"): "nilai angka 0–100; boleh kosong bila hanya ada kategori",
    ("ikpa", "nilai"): "nilai komponen 0–100 (untuk Pengurang: besar potongannya)",
    "sumber": "sumber nilai, mis. aplikasi penilai; boleh kosong",
    "kode": "kode komponen",
    "komponen": "nama komponen IKPA",
    "aspek": "aspek IKPA",
    "bobot": "bobot komponen (0 untuk Pengurang)",
    "berlaku": "ya bila komponen dihitung, tidak bila dikeluarkan (Konversi Bobot)",
    "nilai_aspek": "nilai aspek pada kartu IKPA",
    "pagu_awal": "pagu awal DIPA dalam rupiah (angka bulat tanpa titik)",
    "pagu_revisi": "pagu setelah revisi dalam rupiah (angka bulat tanpa titik)",
    "realisasi": "realisasi belanja bulan itu dalam rupiah (angka bulat tanpa titik)",
    "iku": "kode IKU dari Perjanjian Kinerja, mis. IKU01",
    "periode": "periode target: tahunan, TW1, TW2, TW3 atau TW4",
    "target": "target: angka, atau nama kategori untuk IKU berjenis kategori",
    ("nihil", "dataset"): "lembar data yang pada triwulan itu memang tidak punya kegiatan",
    ("nihil", "triwulan"): "triwulan 1–4 yang dinyatakan nihil (lembar datanya tanpa baris itu)",
    ("nihil", "keterangan"): "mengapa nihil, mis. tidak ada pengaduan masuk; boleh kosong",
}

KIND_WORDS = {
    "text": "teks",
    "date": "tanggal (YYYY-MM-DD)",
    "month": "bulan (teks YYYY-MM)",
    "int": "bilangan bulat",
    "number": "angka (desimal boleh)",
}

# What each sheet holds (the workbook's sheets are named after the CSV files).
SHEET_MEANING = {
    "target": "target setiap IKU: tahunan dan TW1–TW4 (lima baris per IKU)",
    "pagu": "pagu anggaran per kegiatan",
    "realisasi_anggaran": "realisasi belanja per bulan dan kegiatan",
    "pengaduan": "pengaduan/kasus PMI yang ditangani",
    "kepulangan": "kepulangan PMI bermasalah",
    "penempatan": "penempatan PMI per bulan (rekap)",
    "verifikasi": "kegiatan verifikasi dokumen dan ujian",
    "kerjasama": "dokumen kerja sama",
    "pemberdayaan": "peserta pemberdayaan purna PMI dan keluarga",
    "rehabilitasi": "peserta rehabilitasi/reintegrasi",
    "klaim_jaminan": "klaim jaminan sosial PMI",
    "data_supply": "dokumen data yang disampaikan",
    "nilai": "nilai/predikat penilaian per triwulan",
    "ikpa": "komponen IKPA per triwulan",
    "ikpa_aspek": "nilai aspek IKPA per triwulan",
    "nihil": (
        "triwulan yang memang tanpa kegiatan (realisasi 0, bukan 'belum diisi'): satu baris "
        "per lembar data dan triwulan"
    ),
}


def meaning(dataset: str, column: str) -> str:
    return MEANING.get((dataset, column)) or str(MEANING.get(column, ""))


def rule_words(col: sc.Col, choices: list[str] | tuple[str, ...] | None) -> str:
    """The column's rules in one line: type, required or not, allowed values or range."""
    parts = [KIND_WORDS[col.kind], "boleh kosong" if col.nullable else "wajib diisi"]
    if col.unique:
        parts.append("tidak boleh berulang")
    if choices:
        shown = list(choices)
        parts.append(
            "pilihan: " + ", ".join(shown)
            if len(shown) <= 8
            else f"pilihan dari daftar ({len(shown)} nilai)"
        )
    if col.min is not None and col.max is not None:
        parts.append(f"{as_typed(col.min)}–{as_typed(col.max)}")
    elif col.min is not None:
        parts.append(f"minimal {as_typed(col.min)}")
    if col.in_year:
        parts.append("harus dalam tahun PK")
    return "; ".join(parts)
