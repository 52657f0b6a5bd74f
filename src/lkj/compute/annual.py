"""The annual book's own values (params `kind: tahunan`), beside the TW IV values they build on.

The year's figure of an IKU is not computed again: it is `ikuNN.sd_tw4.realisasi` /
`.capaian` (the cumulative TW IV values), and the year's budget is `anggaran.*` at TW IV. Added
here, each with its lineage (docs/values.md, "Laporan tahunan"):

  tahunan.ikuNN.riwayat.YYYY          realisation of an earlier year (riwayat.csv)
  tahunan.ikuNN.selisih_lalu          this year − last year (numeric IKUs with a last year)
  tahunan.ikuNN.renstra.YYYY          Renstra target of plan year YYYY (renstra.csv)
  tahunan.ikuNN.renstra.akhir         the end-of-plan target (the last plan year's)
  tahunan.ikuNN.renstra.capaian       the year's realisation against this year's Renstra target
  tahunan.ikuNN.renstra.capaian_akhir the year's realisation against the end-of-plan target
  tahunan.ikuNN.renstra.posisi        this year's Renstra target as % of the end target (path)
  tahunan.ikuNN.standar(.capaian)     national standard of the year and the realisation against it
  tahunan.ssN.capaian                 mean capaian of a sasaran's IKUs (Ikhtisar chart)
  tahunan.kk.efisiensi, tahunan.total.efisiensi, tahunan.ssN.efisiensi
                                      efficiency index = mean capaian / % budget absorbed
"""

from __future__ import annotations

from lkj.compute import rules
from lkj.inputs.annual import AnnualInputs, figure, load_annual
from lkj.inputs.load import Inputs
from lkj.inputs.pk import Iku
from lkj.values.factory import ValueFactory
from lkj.values.registry import Registry, Source

YEAR_PREFIX = "tahunan"


def sd(iku: Iku, what: str, quarter: int = 4) -> str:
    """The id of the year's figure: TW IV's cumulative value (one computation, not two)."""
    return f"{iku.key}.sd_tw{quarter}.{what}"


def key(iku: Iku, *parts: str | int) -> str:
    return ".".join([YEAR_PREFIX, iku.key, *map(str, parts)])


def _rows(annual: AnnualInputs, name: str, iku: Iku) -> list[tuple[int, str, int, str]]:
    """(year, figure text, line, note) of one IKU in one annual file, by year."""
    df = annual.frame(name)
    if df is None:
        return []
    column = {"renstra": "target", "riwayat": "realisasi", "standar": "standar"}[name]
    note = {"riwayat": "keterangan", "standar": "sumber"}.get(name)
    mine = df[df["iku"] == iku.kode].sort_values("tahun")
    return [
        (
            int(r["tahun"]),
            str(r[column]),
            int(r["_row"]),
            str(r[note]) if note and isinstance(r[note], str) else "",
        )
        for _, r in mine.iterrows()
    ]


class Annual:
    """Adds the annual values of one run to its registry."""

    def __init__(self, reg: Registry, inputs: Inputs, annual: AnnualInputs):
        self.reg, self.inputs, self.annual = reg, inputs, annual
        self.year = inputs.run.params.year
        self.values = ValueFactory.for_run(reg, inputs.run.params, compute)
        self.term = inputs.unit.istilah.iku  # the unit's word for IKU in labels (unit.yml)

    def _figure(
        self,
        iku: Iku,
        value_id: str,
        name: str,
        row: tuple[int, str, int, str],
        label: str,
        formula: str,
    ) -> None:
        year, text, line, note = row
        self.values.add(
            value_id,
            figure(iku, text),
            kind=rules.KIND_OF_JENIS[iku.jenis],
            unit=iku.satuan,
            label=f"{label} {self.term} {iku.nomor}: {iku.nama}",
            formula=formula,
            sources=[Source(self.annual.shown[name], (line,), f"iku = {iku.kode}, tahun = {year}")],
            note=note,
        )

    def _capaian(self, iku: Iku, value_id: str, target_id: str, label: str) -> None:
        real = self.reg[sd(iku, "realisasi")].value
        target = self.reg[target_id].value
        raw = rules.iku_capaian(iku, real, target)
        self.values.by(rules.capaian, polaritas=iku.polaritas).add(
            value_id,
            raw,
            kind="percent",
            unit="%",
            label=f"{label} {self.term} {iku.nomor}",
            formula="realisasi tahun ini dibandingkan dengan target itu, dengan rumus capaian "
            f"{self.term} ini (tanpa batas capaian)",
            inputs=[sd(iku, "realisasi"), target_id],
        )

    def history(self, iku: Iku) -> None:
        rows = [r for r in _rows(self.annual, "riwayat", iku) if r[0] < self.year]
        for row in rows:
            self._figure(
                iku,
                key(iku, "riwayat", row[0]),
                "riwayat",
                row,
                f"Realisasi tahun {row[0]}",
                "realisasi tahun sebelumnya, dicatat dalam riwayat.csv",
            )
        last = key(iku, "riwayat", self.year - 1)
        now = self.reg[sd(iku, "realisasi")].value
        if iku.jenis == "kategori" or last not in self.reg or now is None:
            return
        points = iku.jenis == "persentase"  # a difference of percentages: percentage points
        self.values.add(
            key(iku, "selisih_lalu"),
            now - self.reg[last].value,
            kind="number" if points else rules.KIND_OF_JENIS[iku.jenis],
            unit="poin persen" if points else iku.satuan,
            label=f"Selisih realisasi {self.year} terhadap {self.year - 1} {self.term} {iku.nomor}",
            formula=f"realisasi {self.year} − realisasi {self.year - 1}",
            inputs=[sd(iku, "realisasi"), last],
        )

    def renstra(self, iku: Iku) -> None:
        rows = _rows(self.annual, "renstra", iku)
        for row in rows:
            self._figure(
                iku,
                key(iku, "renstra", row[0]),
                "renstra",
                row,
                f"Target Renstra tahun {row[0]}",
                "ditetapkan dalam Rencana Strategis",
            )
        if not rows:
            return
        end = rows[-1][0]
        self.values.add(
            key(iku, "renstra", "akhir"),
            self.reg[key(iku, "renstra", end)].value,
            kind=rules.KIND_OF_JENIS[iku.jenis],
            unit=iku.satuan,
            label=f"Target akhir Renstra ({end}) {self.term} {iku.nomor}",
            formula=f"target Renstra tahun terakhir periode ({end})",
            inputs=[key(iku, "renstra", end)],
        )
        if key(iku, "renstra", self.year) in self.reg:
            self._capaian(
                iku,
                key(iku, "renstra", "capaian"),
                key(iku, "renstra", self.year),
                f"Capaian {self.year} terhadap target Renstra tahun {self.year}",
            )
        self._capaian(
            iku,
            key(iku, "renstra", "capaian_akhir"),
            key(iku, "renstra", "akhir"),
            f"Capaian {self.year} terhadap target akhir Renstra ({end})",
        )
        this_year = key(iku, "renstra", self.year)
        if this_year in self.reg and iku.jenis != "kategori":
            # Where the plan itself stands this year on the way to its end target.
            plan = rules.iku_capaian(
                iku, self.reg[this_year].value, self.reg[key(iku, "renstra", "akhir")].value
            )
            self.values.by(rules.capaian, polaritas=iku.polaritas).add(
                key(iku, "renstra", "posisi"),
                plan,
                kind="percent",
                unit="%",
                label=f"Posisi jalur Renstra {self.year} terhadap target akhir ({end}) {self.term} "
                f"{iku.nomor}",
                formula=f"target Renstra {self.year} dibandingkan dengan target akhir Renstra, "
                f"dengan rumus capaian {self.term} ini",
                inputs=[this_year, key(iku, "renstra", "akhir")],
            )

    def standard(self, iku: Iku) -> None:
        rows = [r for r in _rows(self.annual, "standar", iku) if r[0] == self.year]
        for row in rows:
            self._figure(
                iku,
                key(iku, "standar"),
                "standar",
                row,
                f"Standar nasional tahun {row[0]}",
                "standar nasional, dicatat dalam standar.csv",
            )
            self._capaian(
                iku,
                key(iku, "standar", "capaian"),
                key(iku, "standar"),
                "Capaian terhadap standar nasional",
            )

    def sasaran(self) -> None:
        how = self.inputs.run.params.averages.unrealised
        for number, ss in enumerate(self.inputs.pk.sasaran, start=1):
            members = [sd(i, "capaian") for i in self.inputs.pk.iku if i.sasaran == ss.kode]
            if not members:
                continue
            self.values.by(rules.mean, **{"averages.unrealised": how}).add(
                f"{YEAR_PREFIX}.{ss.kode.lower()}.capaian",
                rules.mean([self.reg[m].value for m in members], how),
                kind="percent",
                unit="%",
                label=f"Rata-rata capaian tahun {self.year} sasaran {number}: {ss.uraian}",
                formula=f"rata-rata sederhana capaian s.d. Triwulan IV {len(members)} {self.term} "
                "sasaran ini",
                inputs=members,
            )

    def _efficiency(self, value_id: str, capaian_id: str, absorbed_id: str, what: str) -> None:
        capaian, absorbed = self.reg[capaian_id].value, self.reg[absorbed_id].value
        index = None if capaian is None or not absorbed else efficiency_index(capaian, absorbed)
        self.values.by(efficiency_index).add(
            value_id,
            index,
            kind="number",
            label=f"Indeks efisiensi {what}",
            formula="rata-rata capaian kinerja (%) dibagi persentase penyerapan anggaran (%)",
            inputs=[capaian_id, absorbed_id],
            keep_zeros=True,  # an index reads 1,00 / 1,50, not 1 / 1,5
        )

    def efficiency(self) -> None:
        pk = self.inputs.pk
        for keg in pk.kegiatan:
            kk = keg.kode.lower()
            if f"kegiatan.{kk}.sd_tw4.capaian" in self.reg:
                self._efficiency(
                    f"{YEAR_PREFIX}.{kk}.efisiensi",
                    f"kegiatan.{kk}.sd_tw4.capaian",
                    f"anggaran.{kk}.persen",
                    f"kegiatan {keg.nama}",
                )
        self._efficiency(
            f"{YEAR_PREFIX}.total.efisiensi",
            "rata2.sd_tw4.capaian",
            "anggaran.total.persen",
            "seluruh kegiatan",
        )
        for ss in pk.sasaran:
            kegiatan = {i.kegiatan for i in pk.iku if i.sasaran == ss.kode}
            capaian_id = f"{YEAR_PREFIX}.{ss.kode.lower()}.capaian"
            if len(kegiatan) == 1 and capaian_id in self.reg:  # one kegiatan funds the sasaran
                kk = kegiatan.pop().lower()
                self._efficiency(
                    f"{YEAR_PREFIX}.{ss.kode.lower()}.efisiensi",
                    capaian_id,
                    f"anggaran.{kk}.persen",
                    f"sasaran {ss.uraian}",
                )


def efficiency_index(capaian: float, absorbed: float) -> float:
    """Capaian (%) per percent of the budget absorbed: 1 = performance in step with spending."""
    return capaian / absorbed


def compute(reg: Registry, inputs: Inputs) -> None:
    """Add the annual values of an annual run (its quarter is 4: TW IV values exist)."""
    annual = Annual(reg, inputs, load_annual(inputs.run, inputs.pk))
    for iku in inputs.pk.iku:
        annual.history(iku)
        annual.renstra(iku)
        annual.standard(iku)
    annual.sasaran()
    annual.efficiency()
