"""Sentences of the annual book from the registry: analyses (1)–(4) and (6) of BAB III A, the
Ikhtisar Eksekutif and the budget (PermenPAN-RB 53/2014). Every number is a value span.

What is true of an IKU is decided by lkj.compute.states (the year = TW IV cumulative against
the PK target) and lkj.compute.annual_states (against last year, the Renstra path, a
standard); this module only words it. The analyst's own words (analyses 5 and 7) are texts.
"""

from __future__ import annotations

from lkj.book.display import escape_markdown as e
from lkj.book.narrative import Writer
from lkj.book.statements import REACHED
from lkj.compute.annual import key, sd
from lkj.compute.annual_states import Plan, Trend, YearState, year_state
from lkj.compute.states import Presence, Standing
from lkj.inputs.pk import PK, Iku, Sasaran
from lkj.inputs.unit import Terms
from lkj.values.registry import Registry


class AnnualWriter:
    """Writes the annual sentences of one run (quarter 4 of `year`)."""

    def __init__(self, reg: Registry, pk: PK, year: int, terms: Terms | None = None):
        self.reg, self.pk, self.year = reg, pk, year
        self.t = terms or Terms()  # the unit's words for IKU, Sasaran Strategis (unit.yml)
        self.sasaran = self.t.sasaran.lower()  # mid-sentence: "sasaran strategis"
        self.w = Writer(reg, pk, 4, year, self.t)  # value spans and realisation clauses

    def v(self, value_id: str, with_unit: bool = True) -> str:
        return self.w.v(value_id, with_unit)

    def state(self, iku: Iku) -> YearState:
        return year_state(self.reg, iku, self.year)

    def _real(self, iku: Iku) -> str:
        return self.w.realisation_clause(iku, "sd_tw4")

    # --- (1) target against realisation ------------------------------------------------
    def target_vs_realisation(self, iku: Iku) -> str:
        s = self.state(iku).year
        how = "adalah kategori" if iku.jenis == "kategori" else "sebesar"
        head = (
            f"Target {self.t.iku} ini dalam Perjanjian Kinerja Tahun {self.year} {how} "
            f"{self.v(iku.key + '.target')}."
        )
        if s.presence is Presence.NO_DATA:
            return (
                f"{head} Sampai dengan akhir tahun {self.year} {self.t.iku} ini belum terealisasi."
            )
        if s.presence is Presence.ZERO and s.standing is Standing.NONE:
            return f"{head} Realisasi tahun {self.year} nihil, sehingga capaiannya tidak dihitung."
        verdict = {
            Standing.AT_TARGET: "Target tahun ini tercapai.",
            Standing.CAPPED: "",  # below: the uncapped value exists only for a capped IKU
            Standing.BELOW_TARGET: "Target tahun ini belum tercapai.",
            Standing.LOWER_BETTER: (
                f"Untuk {self.t.iku} ini nilai yang makin rendah makin baik; realisasi tidak "
                "melebihi target, sehingga target tercapai."
            ),
            Standing.LOWER_WORSE: (
                f"Untuk {self.t.iku} ini nilai yang makin rendah makin baik; realisasi melebihi "
                "target, sehingga target belum tercapai."
            ),
            Standing.CATEGORY_MET: "Kategori tersebut memenuhi kategori target.",
            Standing.CATEGORY_NOT_MET: "Kategori tersebut belum memenuhi kategori target.",
            Standing.ZERO_TARGET: "Karena targetnya nol, capaian tidak dihitung.",
            Standing.NONE: "",
        }[s.standing]
        if s.standing is Standing.CAPPED:
            verdict = (
                f"Target tahun ini terlampaui; capaian sebelum dibatasi sebesar "
                f"{self.v(s.capaian_id + '_mentah')}, yang dicatat adalah batas capaian "
                f"{self.t.iku} ini."
            )
        return " ".join(
            filter(
                None,
                [
                    head,
                    f"Realisasi tahun {self.year} (kumulatif sampai dengan Triwulan IV) "
                    f"{self._real(iku)}, dengan capaian {self.v(sd(iku, 'capaian'))}.",
                    verdict,
                ],
            )
        )

    # --- (2) + (3) last year and the plan, in one sentence ------------------------------
    def _last_year(self, st: YearState) -> str:
        iku, last = st.iku, self.year - 1
        shown = self.v(key(iku, "riwayat", last))
        diff = key(iku, "selisih_lalu")
        by = f"; selisih {self.v(diff)}" if diff in self.reg else ""
        word = {
            Trend.BETTER: "lebih baik daripada",
            Trend.WORSE: "lebih rendah daripada",
            Trend.SAME: "sama dengan",
        }[st.trend]
        return f"realisasi tahun {self.year} {word} tahun {last} ({shown}{by})"

    def _plan(self, st: YearState) -> str:
        iku = st.iku
        target = f"target Renstra tahun {self.year} ({self.v(key(iku, 'renstra', self.year))})"
        if st.plan is Plan.AHEAD:
            return f"sudah memenuhi {target}"
        return f"masih di bawah {target}"

    def trend_and_plan(self, iku: Iku) -> str:
        """'Lebih baik daripada tahun lalu, tetapi masih di bawah jalur Renstra' in one."""
        st = self.state(iku)
        parts = []
        if st.trend is not Trend.NONE:
            parts.append(self._last_year(st))
        if st.plan is not Plan.NONE:
            parts.append(self._plan(st))
        if not parts:
            return (
                f"Belum ada realisasi tahun sebelumnya maupun target Renstra tahun {self.year} "
                "untuk dibandingkan."
            )
        if len(parts) == 1:
            text = parts[0]
            if st.trend is Trend.NONE:
                text = (
                    f"belum ada realisasi tahun {self.year - 1} untuk dibandingkan; realisasi "
                    f"tahun {self.year} " + text
                )
        else:
            good_trend = st.trend in (Trend.BETTER, Trend.SAME)
            joint = "dan" if good_trend == (st.plan is Plan.AHEAD) else "tetapi"
            text = f"{parts[0]}, {joint} {parts[1]}"
        history = self._history(iku)
        return text[0].upper() + text[1:] + "." + (f" {history}" if history else "")

    def _history(self, iku: Iku) -> str:
        earlier = sorted(
            int(i.rsplit(".", 1)[1])
            for i in self.reg.ids(f"tahunan.{iku.key}.riwayat.*")
            if int(i.rsplit(".", 1)[1]) < self.year - 1
        )
        if not earlier:
            return ""
        shown = ", ".join(f"tahun {y} {self.v(key(iku, 'riwayat', y))}" for y in earlier)
        return f"Sebelumnya: {shown}."

    def renstra_end(self, iku: Iku) -> str:
        """(3) the end-of-plan target and the year's place on the path toward it."""
        end_id = key(iku, "renstra", "akhir")
        if end_id not in self.reg:
            return f"Target Renstra untuk {self.t.iku} ini belum dicatat."
        st = self.state(iku)
        end_year = max(
            int(i.rsplit(".", 1)[1]) for i in self.reg.ids(f"tahunan.{iku.key}.renstra.2*")
        )
        text = (
            f"Terhadap target akhir Renstra (tahun {end_year}) sebesar {self.v(end_id)}, "
            f"realisasi tahun {self.year} telah mencapai "
            f"{self.v(key(iku, 'renstra', 'capaian_akhir'))}"
        )
        position = key(iku, "renstra", "posisi")
        if position in self.reg:
            text += (
                f"; menurut jalur rencana, target tahun {self.year} berada pada "
                f"{self.v(position)} dari target akhir"
            )
        if st.end_reached:
            text += ". Target akhir periode Renstra sudah tercapai"
        return text + "."

    # --- (4) national standard ---------------------------------------------------------
    def standard(self, iku: Iku) -> str:
        st = self.state(iku)
        if st.standard is None:
            return f"Belum ada standar nasional yang ditetapkan untuk {self.t.iku} ini."
        verdict = "memenuhi" if st.standard else "belum memenuhi"
        return (
            f"Standar nasional {self.t.iku} ini sebesar {self.v(key(iku, 'standar'))}; "
            f"realisasi tahun {self.year} {verdict} standar tersebut (capaian "
            f"{self.v(key(iku, 'standar', 'capaian'))})."
        )

    # --- (6) efficiency ------------------------------------------------------------------
    def efficiency(self, sasaran: Sasaran) -> str:
        ss = sasaran.kode.lower()
        kegiatan = {i.kegiatan for i in self.pk.iku if i.sasaran == sasaran.kode}
        if f"tahunan.{ss}.efisiensi" not in self.reg or len(kegiatan) != 1:
            return (
                "Sasaran ini didukung lebih dari satu kegiatan; efisiensinya dibaca pada tabel "
                "efisiensi per kegiatan."
            )
        kk = next(iter(kegiatan)).lower()
        name = next(k.nama for k in self.pk.kegiatan if k.kode.lower() == kk)
        return (
            f"Sasaran ini didukung kegiatan {e(name)}, yang menyerap "
            f"{self.v(f'anggaran.{kk}.persen')} pagunya. Dengan rata-rata capaian sasaran "
            f"{self.v(f'tahunan.{ss}.capaian')}, indeks efisiensinya "
            f"{self.v(f'tahunan.{ss}.efisiensi')} "
            "(rata-rata capaian dibagi persentase penyerapan anggaran; di atas 1 berarti "
            "capaian melampaui penyerapan)."
        )

    # --- Ikhtisar ------------------------------------------------------------------------
    def _listed(self, ikus: list[Iku]) -> str:
        return ", ".join(f"{self.t.iku} {i.nomor}" for i in ikus) if ikus else "tidak ada"

    def overview(self, unit_name: str) -> str:
        return (
            f"Pada tahun {self.year} {e(unit_name)} mengukur {self.w.counted('pk.banyak_iku')} "
            f"{self.t.iku} pada {self.w.counted('pk.banyak_sasaran')} {self.sasaran}. Rata-rata "
            f"capaian seluruh {self.t.iku} sebesar {self.v('rata2.sd_tw4.capaian')}."
        )

    def highlights(self) -> str:
        states = [self.state(i) for i in self.pk.iku]
        met = [s.iku for s in states if s.year.standing in REACHED]
        missed = [s.iku for s in states if s.year.standing not in REACHED]
        better = [s.iku for s in states if s.trend is Trend.BETTER]
        worse = [s.iku for s in states if s.trend is Trend.WORSE]
        ahead = [s.iku for s in states if s.plan is Plan.AHEAD]
        behind = [s.iku for s in states if s.plan is Plan.BEHIND]
        return "\n".join(
            [
                f"- **Target Perjanjian Kinerja tercapai:** {self._listed(met)}; "
                f"**belum tercapai:** {self._listed(missed)}.",
                f"- **Dibandingkan tahun {self.year - 1}, membaik:** {self._listed(better)}; "
                f"**menurun:** {self._listed(worse)}.",
                f"- **Terhadap jalur Renstra tahun {self.year}, sesuai atau di depan:** "
                f"{self._listed(ahead)}; **tertinggal:** {self._listed(behind)}.",
            ]
        )

    def budget(self) -> str:
        return (
            f"Anggaran tahun {self.year} (pagu setelah revisi) sebesar "
            f"{self.v('anggaran.total.pagu')} terealisasi {self.v('anggaran.total.realisasi')} "
            f"({self.v('anggaran.total.persen')}); sisa anggaran "
            f"{self.v('anggaran.total.sisa')}. Indeks efisiensi seluruh kegiatan "
            f"{self.v('tahunan.total.efisiensi')}: rata-rata capaian {self.t.iku} dibagi "
            "persentase penyerapan anggaran."
        )

    def sasaran_capaian(self, number: int, sasaran: Sasaran) -> str:
        return (
            f"Rata-rata capaian {self.t.iku} {self.sasaran} {number} pada tahun {self.year} "
            f"sebesar {self.v(f'tahunan.{sasaran.kode.lower()}.capaian')}."
        )

    def chart_alt_sasaran(self) -> str:
        return (
            f"Diagram batang mendatar: rata-rata capaian {self.t.iku} per {self.sasaran} tahun "
            f"{self.year}, dengan garis target 100%."
        )

    def chart_alt_riwayat(self) -> str:
        return f"Diagram kecil per {self.t.iku}: realisasi tiap tahun, tahun laporan ditandai."

    def chart_alt_renstra(self) -> str:
        return (
            f"Diagram batang mendatar per {self.t.iku}: persentase target akhir Renstra yang "
            f"dicapai, dengan penanda posisi jalur rencana tahun {self.year}."
        )
