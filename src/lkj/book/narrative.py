"""Sentences of the report generated from the value registry (every number is a value span).

The analyst's own words (reasons, obstacles) come from text files; these sentences carry the
figures, so no number is ever typed into a text.
"""

from __future__ import annotations

from num2words import num2words  # type: ignore[import-untyped]

from lkj.book import statements
from lkj.book.display import escape_markdown
from lkj.book.display import escape_markdown as e  # every string from data/ in a sentence
from lkj.book.display import value as value_span
from lkj.compute.kriteria import kriteria_id
from lkj.inputs.pk import PK, Iku, Profile
from lkj.inputs.unit import Terms
from lkj.values import formatting as fmt
from lkj.values.registry import Registry

LETTERS = "abcdefghijklmnopqrstuvwxyz"


class Writer:
    """Writes the sentences of one run; `quarter` and `year` fix the period."""

    def __init__(self, reg: Registry, pk: PK, quarter: int, year: int, terms: Terms | None = None):
        self.reg, self.pk, self.q, self.year = reg, pk, quarter, year
        self.tw = fmt.quarter_label(quarter)
        self.t = terms or Terms()  # the unit's words for IKU, Sasaran Strategis … (unit.yml)

    def v(self, value_id: str, with_unit: bool = True) -> str:
        return value_span(self.reg[value_id], unit=with_unit)

    def realisation_clause(self, iku: Iku, part: str) -> str:
        """'sebanyak 7.375 Orang' / 'sebesar 87,5% (7 dari 8 Klaim)' / 'berkategori Baik'."""
        k = f"{iku.key}.{part}"
        if iku.sumber.aturan == "rasio":
            return (
                f"sebesar {self.v(k + '.realisasi')} ({self.v(k + '.pembilang', with_unit=False)} "
                f"dari {self.v(k + '.penyebut')})"
            )
        if iku.jenis == "kategori":
            return f"berkategori {self.v(k + '.realisasi')}"
        if iku.jenis == "skor":
            return f"bernilai {self.v(k + '.realisasi')}"
        if iku.jenis == "persentase":
            return f"sebesar {self.v(k + '.realisasi')}"
        return f"sebanyak {self.v(k + '.realisasi')}"

    def summary(self, iku: Iku) -> str:
        """One paragraph for the Ringkasan Eksekutif (lkj.book.statements, from the state)."""
        return statements.summary(self, iku)

    def evaluation(self, iku: Iku) -> str:
        """Figures of 'b. Evaluasi Kinerja' (lkj.book.statements, from the state)."""
        return statements.evaluation(self, iku)

    def average(self) -> str:
        key = f"rata2.sd_tw{self.q}.capaian"
        rule = (
            f"{self.t.iku} yang belum terealisasi dihitung nol"
            if self.reg[key].params.get("averages.unrealised") == "zero"
            else f"{self.t.iku} yang belum terealisasi tidak diikutkan"
        )
        band = kriteria_id(key)
        named = f" ({self.v(band)})" if band in self.reg and self.reg[band].value else ""
        return (
            f"Capaian kinerja sampai dengan {self.tw} tahun {self.year} sebesar "
            f"{self.v(key)}{named}, yaitu rata-rata sederhana capaian "
            f"{self.v(key + '.banyak_iku')} terhadap target tahunan ({rule})."
        )

    def budget(self, unit_name: str) -> str:
        return (
            f"Dalam pelaksanaan kegiatan untuk mencapai kinerja, {e(unit_name)} tahun {self.year} "
            f"didukung dengan alokasi anggaran sebesar {self.v('anggaran.total.pagu')}. "
            f"Sampai dengan akhir {self.tw} tahun {self.year} realisasi anggaran adalah sebesar "
            f"{self.v('anggaran.total.realisasi')} ({self.v('anggaran.total.persen')})."
        )

    def budget_revision(self, unit_name: str) -> str:
        return (
            f"Dalam melaksanakan kegiatan guna pencapaian sasaran tahun {self.year}, "
            f"{e(unit_name)} "
            f"didukung dengan anggaran sebesar {self.v('anggaran.total.pagu_awal')} yang "
            f"kemudian direvisi menjadi {self.v('anggaran.total.pagu')}. Sampai dengan {self.tw} "
            f"telah terealisasi anggaran sebesar {self.v('anggaran.total.realisasi')} "
            f"({self.v('anggaran.total.persen')})."
        )

    def kegiatan(self) -> str:
        q = self.q
        sentences = []
        for keg in self.pk.kegiatan:
            kk = keg.kode.lower()
            if f"kegiatan.{kk}.tw{q}.capaian_tahunan" not in self.reg:
                continue
            sentences.append(
                f"Pada kegiatan “{e(keg.nama)}” rata-rata capaian kinerja {self.tw} terhadap "
                f"target tahunan sebesar {self.v(f'kegiatan.{kk}.tw{q}.capaian_tahunan')} dengan "
                f"penyerapan anggaran sebesar {self.v(f'anggaran.{kk}.persen')}."
            )
        return " ".join(sentences)

    # --- counts and lists ----------------------------------------------------------------
    def counted(self, value_id: str) -> str:
        """'13 (tiga belas)': a count with its Indonesian words, as official letters write it."""
        value = self.reg[value_id]
        return f"{value_span(value)} ({num2words(value.value, lang='id')})"

    def overview(self, unit_name: str) -> str:
        return (
            f"{e(unit_name)} telah menetapkan {self.counted('pk.banyak_sasaran')} {self.t.sasaran} "
            f"dan {self.counted('pk.banyak_iku')} {self.t.iku_panjang} ({self.t.iku}). "
            f"Berikut ringkasan capaian kinerja {self.tw} berdasarkan Perjanjian Kinerja "
            f"Tahun {self.year}."
        )

    def renstra(self, profile: Profile) -> str:
        r = profile.renstra
        misi = "\n".join(f"{LETTERS[i]}) {e(m)}" for i, m in enumerate(r.misi))
        tujuan = "\n".join(f"{LETTERS[i]}) {e(t)}" for i, t in enumerate(r.tujuan))
        return (
            f"**1. Visi**\n\nVisi {e(profile.nama_singkat)} untuk periode {e(r.periode)}:\n\n"
            f"> **“{e(r.visi)}”**\n\n"
            f"**2. Misi**\n\nUntuk mewujudkan visi tersebut ditetapkan "
            f"{self.counted('renstra.banyak_misi')} misi:\n\n{misi}\n\n"
            f"**3. Tujuan**\n\nBerdasarkan visi dan misi tersebut ditetapkan "
            f"{self.counted('renstra.banyak_tujuan')} tujuan:\n\n{tujuan}"
        )

    def evaluation_intro(self, unit_name: str) -> str:
        return (
            f"Hasil evaluasi dan analisis capaian kinerja {e(unit_name)} {self.tw} tahun "
            f"{self.year} per {self.t.sasaran.lower()} adalah sebagai berikut."
        )

    def pk_intro(self, unit_name: str) -> str:
        return (
            f"Sebagai penjabaran tujuan yang akan dicapai pada tahun {self.year}, {e(unit_name)} "
            f"telah menetapkan {self.t.sasaran} dan {self.t.iku} yang tertuang dalam Perjanjian "
            f"Kinerja Tahun {self.year} sebagai berikut."
        )

    def kegiatan_budget(self) -> str:
        rows = [
            f"{n}. {e(k.nama)}: {self.v(f'anggaran.{k.kode.lower()}.pagu')}"
            for n, k in enumerate(self.pk.kegiatan, start=1)
        ]
        return (
            "Perjanjian Kinerja tersebut didukung anggaran (pagu setelah revisi) per "
            "kegiatan sebagai berikut:\n\n" + "\n".join(rows)
        )

    def pk_statement(self) -> str:
        return (
            "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
            "akuntabel serta berorientasi pada hasil, pihak pertama berjanji akan mewujudkan "
            "target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka "
            "mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam "
            "dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja "
            "tersebut menjadi tanggung jawab pihak pertama. Pihak kedua akan melakukan "
            "supervisi yang diperlukan serta evaluasi terhadap capaian kinerja dari "
            "perjanjian ini."
        )

    def reconciliation_intro(self) -> str:
        return (
            "Buku ini menghitung setiap angka satu kali dari data. Di beberapa tempat "
            "laporan terbitan memuat angka yang saling bertentangan atau tidak dapat "
            "diperoleh dari datanya; tabel berikut mencantumkan angka tersebut, nilai yang "
            "dipakai buku ini, dan alasannya."
        )

    def verification_recap(self, cap: int, workbook: str, sheet: str) -> str:
        """Under a capped Lampiran V: why it shows a recap and where the full list is."""
        return (
            f"Pada {self.tw} Tahun {self.year} tercatat "
            f"{self.v('verifikasi.total.kegiatan', with_unit=False)} kegiatan verifikasi "
            f"dokumen dan ujian, lebih banyak daripada batas {fmt.number(cap)} baris daftar "
            "lampiran yang ditetapkan dalam params (`appendix_max_rows`). Karena itu lampiran "
            "ini menyajikan rekap per program dan kelompok; daftar lengkap per kegiatan "
            f"terdapat dalam berkas XLSX yang menyertai buku ini ({escape_markdown(workbook)}), "
            f"lembar “{escape_markdown(sheet)}”."
        )

    # --- alt texts of the charts (plain text: screen readers read them) --------------------
    def chart_alt_capaian(self) -> str:
        q = self.q
        parts = []
        for iku in self.pk.iku:
            tw = self.reg[f"{iku.key}.tw{q}.capaian_tahunan"].display
            sd = self.reg[f"{iku.key}.sd_tw{q}.capaian"].display
            parts.append(f"{self.t.iku} {iku.nomor}: {tw} ({self.tw}), {sd} (kumulatif)")
        head = f"Diagram batang capaian per {self.t.iku} terhadap target tahunan. "
        return head + "; ".join(parts) + "."

    def chart_alt_penempatan(self) -> str:
        months = fmt.quarter_months(self.q)
        parts = [
            f"{fmt.month_name(m)} {self.reg[f'penempatan.m{m:02d}.total'].display} orang"
            for m in months
            if f"penempatan.m{m:02d}.total" in self.reg
        ]
        return "Diagram batang penempatan PMI per bulan: " + ", ".join(parts) + "."

    def chart_alt_anggaran(self) -> str:
        q = self.q
        parts = []
        for keg in self.pk.kegiatan:
            kk = keg.kode.lower()
            if f"kegiatan.{kk}.sd_tw{q}.capaian" in self.reg:
                parts.append(
                    f"{keg.nama}: penyerapan {self.reg[f'anggaran.{kk}.persen'].display}, "
                    f"capaian {self.reg[f'kegiatan.{kk}.sd_tw{q}.capaian'].display}"
                )
        return (
            f"Diagram batang penyerapan anggaran dan capaian kinerja per kegiatan s.d. {self.tw}. "
            + "; ".join(parts)
            + "."
        )
