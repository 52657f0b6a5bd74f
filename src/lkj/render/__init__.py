"""Book toolchain: executed notebooks → HTML book and PDF (see build.build)."""
