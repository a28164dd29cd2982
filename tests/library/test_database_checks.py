"""Damage found without making every open pay for a full check: cheap structural checks at open,
every page checked at open only after an unclean end, else on a background thread; a damaged
library is never written."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from eduwriter.library import database
from eduwriter.library.errors import LibraryCorruptError
from eduwriter.library.store import LibraryStore


def _library_damaged_past_its_schema(db: Path) -> bytes:
    """A library whose item pages are damaged while its header and schema page are intact."""
    with LibraryStore.open(db) as s:
        for n in range(300):
            s.add_snippet(f"第{n}条素材" * 20)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    raw = bytearray(db.read_bytes())
    page = 4096
    for off in range(len(raw) - 8 * page, len(raw), page):  # the last pages: item data
        raw[off : off + 12] = b"\xff" * 12
    db.write_bytes(bytes(raw))
    for side in ("-wal", "-shm"):
        db.with_name(db.name + side).unlink(missing_ok=True)
    return bytes(raw)


def test_the_background_check_finds_damage_and_refuses_writes(db_path):
    damaged = _library_damaged_past_its_schema(db_path)
    store = LibraryStore.open(db_path)  # cheap checks only: header and schema are fine
    try:
        found: list[LibraryCorruptError] = []
        done = threading.Event()

        def damaged_cb(exc: LibraryCorruptError) -> None:
            found.append(exc)
            done.set()

        database.check_later(db_path, 0.0, threading.Event(), damaged_cb).join(timeout=30)
        assert found and "损坏" in found[0].message_zh
        store.damage = found[0]
        with pytest.raises(LibraryCorruptError):
            store.add_snippet("不能写进损坏的文件")
    finally:
        store.close()
    assert db_path.read_bytes() == damaged  # nothing written over the damaged file


def test_the_store_starts_the_background_check_itself(db_path, monkeypatch):
    damaged = _library_damaged_past_its_schema(db_path)
    monkeypatch.setattr("eduwriter.library.store.CHECK_DELAY", 0.0)
    store = LibraryStore.open(db_path)
    try:
        for _ in range(300):
            if store.damage is not None:
                break
            threading.Event().wait(0.1)
        assert isinstance(store.damage, LibraryCorruptError)
        with pytest.raises(LibraryCorruptError):
            store.add_snippet("不能写进损坏的文件")
    finally:
        store.close()
    assert db_path.read_bytes() == damaged


def test_a_healthy_library_passes_the_background_check(db_path):
    with LibraryStore.open(db_path) as s:
        s.add_snippet("完好的资料库")
    assert database.full_check(db_path) is None


def test_after_an_unclean_end_every_page_is_checked_at_open(db_path):
    damaged = _library_damaged_past_its_schema(db_path)
    # a writer killed in the middle of its work leaves its write-ahead log behind
    script = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA journal_mode=WAL')\n"
        "c.execute(\"INSERT OR REPLACE INTO meta(key, value) VALUES ('x', 'y')\")\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(db_path)], check=True)
    assert database.left_unclean(db_path)
    with pytest.raises(LibraryCorruptError):
        LibraryStore.open(db_path)
    # the damaged pages are as they were (SQLite itself may have moved the killed writer's
    # committed page from its log into the file: that write is the writer's, not ours)
    assert db_path.read_bytes()[-8 * 4096 :] == damaged[-8 * 4096 :]


def test_a_clean_close_leaves_no_sign_of_an_unclean_end(db_path):
    with LibraryStore.open(db_path) as s:
        s.add_snippet("好好关闭")
    assert not database.left_unclean(db_path)


def test_a_truncated_copy_is_refused_at_open_from_its_header(db_path):
    with LibraryStore.open(db_path) as s:
        for n in range(300):
            s.add_snippet(f"片段{n}" * 20)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])  # a copy cut off half way
    with pytest.raises(LibraryCorruptError) as info:
        LibraryStore.open(db_path)
    assert "cut short" in info.value.detail
    assert db_path.read_bytes() == data[: len(data) // 2]


@pytest.mark.parametrize(
    ("head", "why"),
    [
        (b"SQLite format 3\x00" + b"\x00" * 10, "header cut short"),
        (b"SQLite format 3\x00\x03\x00" + b"\x00" * 82, "impossible page size"),
        (b"not sqlite at all" + b"\x00" * 83, "not an SQLite file"),
    ],
)
def test_header_problems_are_named(head, why):
    assert why in database.header_problem(head, 1 << 20)
