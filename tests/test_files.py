"""lkj.files.write_verified / read_verified: how cache entries are stored and checked."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from lkj import files as files_module
from lkj.files import read_verified, seal_of, write_verified

PAYLOAD = b"%PDF-1.7\n" + bytes(range(256)) * 4


def test_round_trip_and_layout(tmp_path: Path) -> None:
    entry = tmp_path / "pdf" / "kunci" / "book.pdf"
    write_verified(entry, PAYLOAD)
    assert read_verified(entry) == PAYLOAD
    assert seal_of(entry) == entry.with_name("book.pdf.sha256")
    assert seal_of(entry).read_text(encoding="ascii") == hashlib.sha256(PAYLOAD).hexdigest()
    assert sorted(p.name for p in entry.parent.iterdir()) == ["book.pdf", "book.pdf.sha256"]


@pytest.mark.parametrize(
    "damage",
    ["truncated", "one bit", "appended", "empty", "no payload", "no sidecar", "bad sidecar"],
)
def test_damage_reads_as_missing(tmp_path: Path, damage: str) -> None:
    entry = tmp_path / "kunci.docx"
    write_verified(entry, PAYLOAD)
    if damage == "truncated":
        entry.write_bytes(PAYLOAD[:100])
    elif damage == "one bit":
        entry.write_bytes(PAYLOAD[:500] + bytes([PAYLOAD[500] ^ 1]) + PAYLOAD[501:])
    elif damage == "appended":
        entry.write_bytes(PAYLOAD + b"\n")
    elif damage == "empty":
        entry.write_bytes(b"")
    elif damage == "no payload":
        entry.unlink()
    elif damage == "no sidecar":
        seal_of(entry).unlink()
    else:
        seal_of(entry).write_bytes(b"\xff\xfe bukan hash")
    assert read_verified(entry) is None
    write_verified(entry, PAYLOAD)  # what the build does after the miss
    assert read_verified(entry) == PAYLOAD


def test_killed_between_payload_and_sidecar_leaves_no_trusted_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = tmp_path / "kunci.json"
    real = files_module.write_atomic

    def killed_at_sidecar(path: Path, data: bytes) -> None:
        if path.name.endswith(".sha256"):
            raise KeyboardInterrupt  # stands for SIGKILL after the payload's rename
        real(path, data)

    monkeypatch.setattr(files_module, "write_atomic", killed_at_sidecar)
    with pytest.raises(KeyboardInterrupt):
        write_verified(entry, PAYLOAD)
    assert entry.read_bytes() == PAYLOAD  # the payload is complete, yet not trusted
    assert read_verified(entry) is None

    # Rewriting an entry whose payload was replaced: the old sidecar no longer matches.
    monkeypatch.setattr(files_module, "write_atomic", real)
    write_verified(entry, PAYLOAD)
    monkeypatch.setattr(files_module, "write_atomic", killed_at_sidecar)
    with pytest.raises(KeyboardInterrupt):
        write_verified(entry, b"isi lain")
    assert read_verified(entry) is None
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
