"""Tabel 1 (Ringkasan: the quarter's realisation per IKU) and Tabel 2 (the PK's targets)."""

from __future__ import annotations

from lkj.book.tables.base import Rows, centred
from lkj.book.tables.ikucolumns import Col, IkuColumns, cells_of, header
from lkj.book.tablespec import TableSpec
from lkj.inputs.pk import Iku


class SummaryTables(IkuColumns):
    """The tables of the Ringkasan Eksekutif and of BAB I."""

    def ringkasan(self) -> TableSpec:
        """Tabel 1: annual target, the quarter's (or with headline sd_triwulan the
        cumulative) realisation and its capaian per IKU; Kriteria where there are bands."""
        q, tw = self.q, self.tw
        if self.headline_sd:
            period, part, measure = f"s.d. {tw}", f"sd_tw{q}", "capaian"
            cumulative = [self.pk.cumulative_targets(i) for i in self.pk.iku]
            target_head = (
                f"Target s.d. {tw}"
                if all(cumulative)
                else "Target"
                if any(cumulative)
                else "Target Tahunan"
            )
            against = f"target s.d. {tw}" if all(cumulative) else "target tahunan"
            if any(cumulative) and not all(cumulative):
                against = f"target s.d. {tw} (IKU bertarget kumulatif) atau target tahunan"
            note = f"Capaian = realisasi kumulatif s.d. {tw} dibandingkan dengan {against}."
            basis = f"realisasi s.d. {tw}"
        else:
            period, part, measure = tw, f"tw{q}", "capaian_tahunan"
            target_head, basis = "Target Tahunan", f"realisasi {tw} terhadap target tahunan"
            note = f"Capaian = realisasi {tw} dibandingkan dengan target tahunan."

        def capaian(iku: Iku) -> str:
            return f"{iku.key}.{part}.{measure}"

        group = f"Realisasi Kinerja {period}"
        cols = [
            Col(group, target_head, 1.4, lambda i: self.cell(self._headline_target(i))),
            Col(
                group, f"Realisasi {period}", 1.4, lambda i: self.cell(f"{i.key}.{part}.realisasi")
            ),
            Col(group, "Capaian", 1.2, lambda i: self.cell(capaian(i))),
        ]
        if self.any_bands:
            cols.append(Col(group, "Kriteria", 1.2, lambda i: self.kriteria_cell(i, capaian(i))))
            note += f" {self.bands_note(self.pk.iku, basis)}"
        return self.spec(
            "tbl-ringkasan",
            header(["No", self.t.sasaran, "Indikator Kinerja"], cols),
            self.sasaran_rows(self.pk.iku, cells_of(cols)),
            widths=(0.5, 3, 4, *[c.width for c in cols]),
            align=("center", "left", "left", *centred(len(cols))),
            note=note,
        )

    def _headline_target(self, iku: Iku) -> str:
        """The target Tabel 1's capaian is against."""
        if self.headline_sd and self.pk.cumulative_targets(iku):
            return f"{iku.key}.tw{self.q}.target"
        return f"{iku.key}.target"

    def perjanjian(self) -> TableSpec:
        """Tabel 2: the PK itself (targets), as the BAB I presents it."""
        header_rows: Rows = [["No", self.t.sasaran, "Indikator Kinerja", "Target Tahunan"]]
        body = self.by_perspective(
            self.pk.iku,
            4,
            lambda ikus: self.sasaran_rows(ikus, lambda i: [self.cell(f"{i.key}.target")]),
        )
        return self.spec(
            "tbl-pk",
            header_rows,
            body,
            widths=(0.5, 3.5, 5, 1.5),
            align=("center", "left", "left", "center"),
        )
