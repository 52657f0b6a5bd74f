"""lkj: reproducible quarterly performance reports (Laporan Kinerja) from data and params."""

__version__ = "0.1.0"
