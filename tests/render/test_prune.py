"""render.prune: the cache is capped by age and size, whole entries, least recently used
first, never what a running build uses; `lkj clean --cache` prunes by hand."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from lkj.cli.main import main
from lkj.errors import LkjError
from lkj.render import lock, prune
from lkj.render.cache import read_verified, seal_of, write_verified
from lkj.render.progress import Silent

from .conftest import RUN

DAY = 24 * 3600


def entry(cache: Path, name: str, size: int, days_ago: float) -> Path:
    """A sealed notebook entry of `size` bytes, last used `days_ago`."""
    path = cache / "notebooks" / f"{name}.json"
    write_verified(path, b"x" * size)
    when = time.time() - days_ago * DAY
    for file in (path, seal_of(path)):
        os.utime(file, (when, when))
    return path


def pdf_entry(cache: Path, name: str, days_ago: float) -> Path:
    folder = cache / "pdf" / name
    write_verified(folder / "book.pdf", b"%PDF-1.7 " * 100)
    write_verified(folder / "warnings.json", b"[]")
    when = time.time() - days_ago * DAY
    for file in folder.iterdir():
        os.utime(file, (when, when))
    return folder


def names(cache: Path) -> list[str]:
    return sorted(str(p.relative_to(cache)) for p in cache.rglob("*") if p.is_file())


def test_entries_older_than_the_age_go_whole(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    entry(cache, "lama", 10, days_ago=40)
    entry(cache, "baru", 10, days_ago=1)
    pdf_entry(cache, "pdflama", days_ago=31)
    result = prune.prune(cache, None, 30 * DAY)
    assert names(cache) == ["notebooks/baru.json", "notebooks/baru.json.sha256"]
    assert not (cache / "pdf" / "pdflama").exists()
    assert (result.removed, result.kept) == (2, 1)


def test_over_the_size_the_least_recently_used_go_first(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for name, days in (("a", 5), ("b", 4), ("c", 3), ("d", 2)):
        entry(cache, name, 1000, days_ago=days)
    # Reading an entry counts as using it: "a" becomes the most recently used.
    assert read_verified(cache / "notebooks" / "a.json") == b"x" * 1000
    result = prune.prune(cache, 2200, None)  # room for two entries and their sidecars
    assert names(cache) == [
        "notebooks/a.json",
        "notebooks/a.json.sha256",
        "notebooks/d.json",
        "notebooks/d.json.sha256",
    ]
    assert result.removed == 2 and result.kept_bytes <= 2200


def test_an_entry_a_running_build_used_is_never_removed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    entry(cache, "lama", 10, days_ago=3)
    with prune.using(cache):  # a build is running from now on
        used = entry(cache, "dipakai", 10, days_ago=0)  # it wrote this one
        result = prune.prune(cache, 0, 0.0)
        assert used.is_file() and seal_of(used).is_file()
        assert not (cache / "notebooks" / "lama.json").exists()
        assert len(result.skipped) == 1
    # Once it has ended the entry is an ordinary one.
    assert prune.prune(cache, 0, None).removed == 1
    assert names(cache) == []


def test_a_killed_builds_registration_does_not_protect_anything(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    users = cache / prune.USERS
    users.mkdir(parents=True)
    (users / "4242-deadbeef").write_text(f"{time.time() - 10 * DAY}\n", encoding="utf-8")
    entry(cache, "lama", 10, days_ago=2)
    assert prune.live_since(cache) is None  # nobody holds it: removed
    assert list(users.iterdir()) == []
    assert prune.prune(cache, 0, None).removed == 1


def test_the_cap_applies_after_a_build(fresh_book: Path, monkeypatch) -> None:
    cache = fresh_book / "_build" / "cache"
    entry(cache, "lama", 10, days_ago=45)  # older than the default age
    monkeypatch.delenv("LKJ_CACHE_MAX_SIZE", raising=False)
    monkeypatch.delenv("LKJ_CACHE_MAX_AGE", raising=False)
    with lock.guard(fresh_book / "params" / f"{RUN}.yml", None, Silent()):
        kept = entry(cache, "build-ini", 10, days_ago=0)
    assert names(cache) == ["notebooks/build-ini.json", "notebooks/build-ini.json.sha256"]
    assert kept.is_file()


def test_the_environment_changes_the_automatic_cap(monkeypatch) -> None:
    monkeypatch.setenv("LKJ_CACHE_MAX_SIZE", "500MB")
    monkeypatch.setenv("LKJ_CACHE_MAX_AGE", "7d")
    assert prune.automatic_limits() == (500 * 10**6, 7 * DAY)


@pytest.mark.parametrize(
    ("text", "size"),
    [("2GB", 2 * 10**9), ("500 MB", 5 * 10**8), ("1,5G", 15 * 10**8), ("2GiB", 2 * 2**30)],
)
def test_sizes(text: str, size: int) -> None:
    assert prune.parse_size(text) == size


def test_unknown_size_and_age_are_refused_with_an_example() -> None:
    with pytest.raises(LkjError, match="2GB"):
        prune.parse_size("dua giga")
    with pytest.raises(LkjError, match="30d"):
        prune.parse_age("sebulan")
    assert prune.parse_age("12h") == 12 * 3600


def test_clean_command_prunes_by_hand(tmp_path: Path, capsys) -> None:
    cache = tmp_path / "_build" / "cache"
    entry(cache, "lama", 10, days_ago=10)
    entry(cache, "baru", 10, days_ago=0)
    args = ["clean", "--cache", "--max-age", "5d", "--root", str(tmp_path)]
    assert main(args) == 0
    assert "1 entri dihapus" in capsys.readouterr().out
    assert names(cache) == ["notebooks/baru.json", "notebooks/baru.json.sha256"]
    assert main(["clean", "--cache", "--root", str(tmp_path)]) == 0  # no limit: everything
    assert names(cache) == []
    assert main(["clean", "--root", str(tmp_path)]) == 1
    assert "lkj clean --cache" in capsys.readouterr().err
