"""A no-op `lkj build` stays cheap: it reads hashes and cache entries, not the run.

Issue 15 asks for a no-op ≤ 0,5 s. Its time is almost all imports (the work is ≈ 0,1 s), so
this checks the cause, not the seconds (no timed assertions; `make bench` measures them): a
fresh `lkj build` of an unchanged, built run imports none of the libraries that only a real
build needs (pandas alone is ≈ 0,8 s of imports).
"""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import Report

HEAVY = ("pandas", "numpy", "pandera", "nbformat", "nbclient", "papermill", "matplotlib")

PROBE = """
import json, sys
from lkj.cli.main import main
code = main(["build", sys.argv[1], "--renderer", "pandoc"])
print(json.dumps({"code": code, "loaded": sorted(set(sys.argv[2:]) & set(sys.modules))}))
"""


def test_a_noop_build_imports_no_data_or_notebook_library(public: Report) -> None:
    params = public.root / "params" / f"{public.run}.yml"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(params), *HEAVY],
        cwd=public.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "buku tidak berubah" in done.stderr  # it was a no-op
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "loaded": []}
