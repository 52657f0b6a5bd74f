"""The IKU engine: targets, realisations and the three comparisons of the report, per quarter.

Value ids (see docs/values.md):
  ikuNN.target                 annual target
  ikuNN.twQ.target             quarter target
  ikuNN.twQ.realisasi          realisation in quarter Q (with .pembilang / .penyebut for ratios)
  ikuNN.twQ.capaian            TW realisation vs TW target          (Tabel 3)
  ikuNN.twQ.capaian_tahunan    TW realisation vs annual target      (Tabel 1, Tabel 18)
  ikuNN.sd_twQ.realisasi       cumulative realisation up to quarter Q
  ikuNN.sd_twQ.capaian         cumulative realisation vs annual target (Tabel 4), or vs the
                               target "s.d. TW Q" when pk.yml says target_triwulan: kumulatif
  ikuNN.twQ.target_triwulan    with cumulative targets, a summed IKU's target of quarter Q alone
  ….kriteria, ….kriteria_tahunan  the criterion band of a capaian (IKUs with bands only)
A capped IKU also has the uncapped value under the same id + "_mentah".
"""

from __future__ import annotations

from pathlib import Path

from lkj.compute import annual, appendices, budget, nihil, rules
from lkj.compute.kriteria import add_kriteria
from lkj.compute.measure import Measurement, cumulative, measure
from lkj.inputs.load import Inputs, load_inputs, read_run
from lkj.inputs.pk import Iku
from lkj.values import formatting as fmt
from lkj.values.factory import ValueFactory
from lkj.values.registry import Registry, Source

PERIODS = ("tahunan", "TW1", "TW2", "TW3", "TW4")


def target_value(iku: Iku, raw: str) -> float | int | str:
    """Targets are stored as text; numbers for numeric IKUs, a category name otherwise."""
    if iku.jenis == "kategori":
        return raw.strip()
    number = float(raw)
    return int(number) if number.is_integer() else number


class Engine:
    """Computes every IKU value of one run into a registry."""

    def __init__(self, inputs: Inputs):
        self.inputs = inputs
        self.run = inputs.run
        self.params = inputs.run.params
        self.quarter = self.params.quarter
        self.year = self.params.year
        self.reg = Registry(inputs.unit.rounding(self.params.rounding), inputs.unit.desimal)
        self.targets_shown = self.run.shown(self.run.year_dir / "target.csv")
        self.values = ValueFactory.for_run(self.reg, self.params, self.compute)
        self.term = inputs.unit.istilah.iku  # the unit's word for IKU in labels (unit.yml)

    # --- targets -------------------------------------------------------------------------
    def _target(self, iku: Iku, period: str) -> str:
        key = iku.key + (".target" if period == "tahunan" else f".tw{period[2]}.target")
        df = self.inputs.targets
        row = df[(df["iku"] == iku.kode) & (df["periode"] == period)].iloc[0]
        upto = "s.d. " if self.inputs.pk.cumulative_targets(iku) else ""
        label = (
            "Target tahunan"
            if period == "tahunan"
            else f"Target {upto}{fmt.quarter_label(int(period[2]))}"
        ) + f" {self.term} {iku.nomor}: {iku.nama}"
        self.values.by(self._target).add(
            key,
            target_value(iku, str(row["target"])),
            kind=rules.KIND_OF_JENIS[iku.jenis],
            unit=iku.satuan,
            label=label,
            formula="ditetapkan dalam Perjanjian Kinerja",
            sources=[
                Source(
                    self.targets_shown, (int(row["_row"]),), f"iku = {iku.kode}, periode = {period}"
                )
            ],
        )
        return key

    def _quarter_target(self, iku: Iku, q: int) -> str:
        """The target of quarter q alone: itself, or for a summed IKU whose targets are
        cumulative ("s.d. TW q") the difference to the previous quarter's."""
        key = f"{iku.key}.tw{q}.target"
        if not self.inputs.pk.cumulative_targets(iku) or iku.kumulatif != "jumlah":
            return key
        inputs = [key] if q == 1 else [key, f"{iku.key}.tw{q - 1}.target"]
        now, before = self.reg[key].value, self.reg[inputs[-1]].value if q > 1 else 0
        self.values.by(self._quarter_target).add(
            f"{iku.key}.tw{q}.target_triwulan",
            now - before,
            kind=rules.KIND_OF_JENIS[iku.jenis],
            unit=iku.satuan,
            label=f"Target {fmt.quarter_label(q)} saja {self.term} {iku.nomor}: {iku.nama}",
            formula="target s.d. triwulan ini − target s.d. triwulan sebelumnya"
            if q > 1
            else "target s.d. Triwulan I",
            inputs=inputs,
        )
        return f"{iku.key}.tw{q}.target_triwulan"

    def _bands(self, iku: Iku, capaian_id: str) -> None:
        """The criterion label of a capaian, when the IKU (or the unit) has bands."""
        bands = self.inputs.pk.bands(iku, self.inputs.unit.kriteria)
        if not bands:
            return
        own = iku.kriteria is not None
        where = self.run.year_dir / "pk.yml" if own else self.run.unit_dir / "unit.yml"
        what = f"kriteria {iku.kode}" if own else "kriteria unit"
        source = Source(self.run.shown(where), (), what)
        add_kriteria(self.values, self.reg, capaian_id, bands, source)

    # --- one IKU ---------------------------------------------------------------------------
    def _realisation(
        self,
        iku: Iku,
        prefix: str,
        m: Measurement,
        label: str,
        inputs: tuple[str, ...] = (),
        nihil_at: tuple[int, int] | None = None,  # (quarter, nihil.csv line) when declared
    ) -> str:
        table = self.inputs.table(iku.sumber.dataset)
        kind = rules.KIND_OF_JENIS[iku.jenis]
        extra: list[str] = list(inputs)
        values = self.values.by(measure if not inputs else cumulative)
        if iku.sumber.aturan == "rasio":
            butir = iku.sumber.satuan_butir or ""
            self.values.by(measure).add(
                f"{prefix}.pembilang",
                m.numerator,
                kind="count",
                unit=butir,
                label=f"Pembilang {label}",
                formula=m.formula.split(" / ")[0],
                sources=[Source(table.shown, m.numerator_rows, m.selection)],
                inputs=[f"{i}.pembilang" for i in inputs],
            )
            self.values.by(measure).add(
                f"{prefix}.penyebut",
                m.denominator,
                kind="count",
                unit=butir,
                label=f"Penyebut {label}",
                formula=f"n(baris {iku.sumber.dataset})",
                sources=[Source(table.shown, m.rows, m.selection)],
                inputs=[f"{i}.penyebut" for i in inputs],
            )
            extra = [f"{prefix}.pembilang", f"{prefix}.penyebut"]
        key = f"{prefix}.realisasi"
        sources = [] if inputs else [Source(table.shown, m.rows, m.selection)]
        if nihil_at:
            sources.append(nihil.source(self.inputs, iku, *nihil_at))
            values = values.using(**{nihil.NIHIL: True})  # the mark lkj.compute.states reads
        values.add(
            key,
            m.value,
            kind=kind,
            unit=iku.satuan,
            label=label,
            formula=m.formula,
            sources=sources,
            inputs=extra if iku.sumber.aturan == "rasio" else [f"{i}.realisasi" for i in inputs],
            note="dinyatakan nihil"
            if nihil_at
            else ""
            if m.value is not None
            else "belum ada realisasi",
        )
        return key

    def _capaian(self, iku: Iku, key: str, real_key: str, target_key: str, label: str) -> str:
        real, target = self.reg[real_key].value, self.reg[target_key].value
        raw = rules.iku_capaian(iku, real, target)
        if iku.jenis == "kategori":
            formula = "100% bila kategori realisasi ≥ kategori target, selain itu 0%"
        elif iku.polaritas == "turun":
            formula = (
                "(2 − realisasi / target) × 100%"
                if iku.metode_turun == "selisih"
                else "target / realisasi × 100%"
            )
        else:
            formula = "realisasi / target × 100%"
        note = ""
        if raw is None and real is not None and target in (0, 0.0):
            note = "target nol: capaian tidak terdefinisi"
        values = self.values.by(rules.capaian, polaritas=iku.polaritas)
        if iku.batas_capaian is None:
            values.add(
                key,
                raw,
                kind="percent",
                unit="%",
                label=label,
                formula=formula,
                inputs=[real_key, target_key],
                note=note,
            )
            return key
        values.add(
            f"{key}_mentah",
            raw,
            kind="percent",
            unit="%",
            label=f"{label} (tanpa batas)",
            formula=formula,
            inputs=[real_key, target_key],
            note=note,
        )
        cap = iku.batas_capaian
        values.by(rules.apply_cap, batas_capaian=cap).add(
            key,
            rules.apply_cap(raw, cap),
            kind="percent",
            unit="%",
            label=label,
            formula=f"min(capaian tanpa batas, {fmt.number(cap)}%)",
            inputs=[f"{key}_mentah"],
        )
        return key

    def compute_iku(self, iku: Iku) -> None:
        k = iku.key
        name = f"{self.term} {iku.nomor}"
        annual = {p: self._target(iku, p) for p in PERIODS}
        df = self.inputs.table(iku.sumber.dataset).df
        parts: list[Measurement] = []
        for q in range(1, self.quarter + 1):
            tw = fmt.quarter_label(q)
            m = measure(iku, df, q, self.year)
            at = nihil.line(self.inputs, iku, q, m)
            m = m if at is None else nihil.measurement(iku, m, q)
            parts.append(m)
            real = self._realisation(
                iku,
                f"{k}.tw{q}",
                m,
                f"Realisasi {tw} {name}",
                nihil_at=None if at is None else (q, at),
            )
            for key, target, against in (
                (f"{k}.tw{q}.capaian", self._quarter_target(iku, q), tw),
                (f"{k}.tw{q}.capaian_tahunan", annual["tahunan"], "tahunan"),
            ):
                label = f"Capaian {tw} {name} terhadap target {against}"
                self._capaian(iku, key, real, target, label)
                self._bands(iku, key)
        for later in range(self.quarter + 1, 5):  # Tabel 3 shows every quarter's target
            self._quarter_target(iku, later)
        q = self.quarter
        sd = f"s.d. {fmt.quarter_label(q)}"
        quarters = tuple(f"{k}.tw{i}" for i in range(1, q + 1))
        real = self._realisation(
            iku, f"{k}.sd_tw{q}", cumulative(iku, parts), f"Realisasi {sd} {name}", inputs=quarters
        )
        upto = self.inputs.pk.cumulative_targets(iku)
        self._capaian(
            iku,
            f"{k}.sd_tw{q}.capaian",
            real,
            annual[f"TW{q}"] if upto else annual["tahunan"],
            f"Capaian {sd} {name} terhadap target {sd if upto else 'tahunan'}",
        )
        self._bands(iku, f"{k}.sd_tw{q}.capaian")

    # --- averages --------------------------------------------------------------------------
    def _average(self, key: str, members: list[str], label: str) -> None:
        how = self.params.averages.unrealised
        values = [self.reg[m].value for m in members]
        counted = len(values) if how == "zero" else sum(v is not None for v in values)
        rule = (
            f"{self.term} yang belum terealisasi dihitung 0%"
            if how == "zero"
            else f"{self.term} yang belum terealisasi tidak dihitung"
        )
        by_mean = self.values.by(rules.mean, **{"averages.unrealised": how})
        by_mean.add(
            key,
            rules.mean(values, how),
            kind="percent",
            unit="%",
            label=label,
            formula=f"rata-rata sederhana capaian {counted} {self.term} ({rule})",
            inputs=members,
        )
        by_mean.add(
            f"{key}.banyak_iku",
            counted,
            kind="count",
            unit=self.term,
            label=f"Banyaknya {self.term} dalam {label.lower()}",
            formula=rule,
            inputs=members,
        )

    def compute_averages(self) -> None:
        """Means of the annual-target comparisons: TW (Tabel 1, 18) and cumulative (Tabel 4)."""
        q, pk = self.quarter, self.inputs.pk
        comparisons = (
            (f"tw{q}.capaian_tahunan", f"{fmt.quarter_label(q)} terhadap target tahunan"),
            (f"sd_tw{q}.capaian", f"s.d. {fmt.quarter_label(q)}"),
        )
        bands = self.inputs.unit.kriteria
        for part, what in comparisons:
            self._average(
                f"rata2.{part}", [f"{i.key}.{part}" for i in pk.iku], f"Rata-rata capaian {what}"
            )
            if bands:  # the unit's bands judge the unit's mean too
                where = Source(self.run.shown(self.run.unit_dir / "unit.yml"), (), "kriteria unit")
                add_kriteria(self.values, self.reg, f"rata2.{part}", bands, where)
        for keg in pk.kegiatan:
            members = [i for i in pk.iku if i.kegiatan == keg.kode]
            for part, what in comparisons if members else ():
                self._average(
                    f"kegiatan.{keg.kode.lower()}.{part}",
                    [f"{i.key}.{part}" for i in members],
                    f"Rata-rata capaian {what} kegiatan {keg.nama}",
                )

    def compute_counts(self) -> None:
        """How many sasaran, IKUs, misi and tujuan: numbers the text states, so values too."""
        pk_file = self.run.shown(self.run.year_dir / "pk.yml")
        profile_file = self.run.shown(self.run.unit_dir / "profil.yml")
        pk, renstra = self.inputs.pk, self.inputs.profile.renstra
        for key, count, label, shown, what in (
            (
                "pk.banyak_sasaran",
                len(pk.sasaran),
                f"Banyaknya {self.inputs.unit.istilah.sasaran.lower()}",
                pk_file,
                "sasaran",
            ),
            ("pk.banyak_iku", len(pk.iku), f"Banyaknya {self.term}", pk_file, "iku"),
            (
                "renstra.banyak_misi",
                len(renstra.misi),
                "Banyaknya misi",
                profile_file,
                "renstra.misi",
            ),
            (
                "renstra.banyak_tujuan",
                len(renstra.tujuan),
                "Banyaknya tujuan",
                profile_file,
                "renstra.tujuan",
            ),
        ):
            self.values.by(self.compute_counts).add(
                key,
                count,
                kind="count",
                unit="",
                label=label,
                formula=f"n(daftar {what})",
                sources=[Source(shown, (), f"daftar {what}")],
            )

    def compute(self) -> Registry:
        self.compute_counts()
        for iku in self.inputs.pk.iku:
            self.compute_iku(iku)
        self.compute_averages()
        budget.compute(self.reg, self.inputs)
        appendices.compute(self.reg, self.inputs)
        if self.params.kind == "tahunan":  # the annual book's values (lkj.compute.annual)
            annual.compute(self.reg, self.inputs)
        return self.reg


def compute(inputs: Inputs) -> Registry:
    return Engine(inputs).compute()


def compute_run(params_path: str | Path) -> Registry:
    """Validate the inputs of a params file and compute every value."""
    return compute(load_inputs(read_run(params_path)))
