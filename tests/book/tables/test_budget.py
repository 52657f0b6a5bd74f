"""Tabel 18: budget per kegiatan beside the performance of its IKUs."""


def test_tabel18_budget_cells_span_their_kegiatan(built):
    _, _, t = built
    spec = t.anggaran()
    pagu = [c for row in spec.body_rows for c in row if c.value_id == "anggaran.k1.pagu"]
    assert len(pagu) == 1 and pagu[0].rowspan == 10
    assert pagu[0].text == "Rp 4.826.057.000,00"


def test_tabel18_has_a_block_per_kegiatan_with_ikus_and_a_total_row(built):
    inputs, _, t = built
    spec = t.anggaran()
    heads = [row[0].text for row in spec.body_rows if row[0].text.startswith("Kegiatan: ")]
    with_ikus = [k for k in inputs.pk.kegiatan if any(i.kegiatan == k.kode for i in inputs.pk.iku)]
    assert heads == [f"Kegiatan: {k.nama}" for k in with_ikus]
    for kegiatan in with_ikus:
        kk = kegiatan.kode.lower()
        members = sum(i.kegiatan == kegiatan.kode for i in inputs.pk.iku)
        average = [
            c
            for row in spec.body_rows
            for c in row
            if c.value_id == f"kegiatan.{kk}.tw2.capaian_tahunan"
        ]
        assert len(average) == 1 and average[0].rowspan == members
    total = spec.body_rows[-1]
    assert total[0].text == "Jumlah" and total[-1].value_id == "rata2.tw2.capaian_tahunan"
    assert len(spec.body_rows) == len(with_ikus) + len(inputs.pk.iku) + 1
