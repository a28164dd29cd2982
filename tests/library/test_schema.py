"""Opening databases: fresh, migrated, damaged, foreign, too new, locked."""

from __future__ import annotations

import sqlite3

import pytest

from eduwriter.library import schema
from eduwriter.library.errors import (
    LibraryCorruptError,
    LibraryLockedError,
    LibraryVersionError,
)
from eduwriter.library.store import LibraryStore
from eduwriter.library.writer_lock import writer_lock


def test_new_database_is_versioned_and_in_wal_mode(db_path):
    with LibraryStore.open(db_path) as s:
        assert s.count() == 0
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_garbage_file_is_refused_and_never_overwritten(db_path):
    garbage = b"\x00\xffnot a database at all" * 100
    db_path.write_bytes(garbage)
    with pytest.raises(LibraryCorruptError) as info:
        LibraryStore.open(db_path)
    assert "损坏" in info.value.message_zh
    assert db_path.read_bytes() == garbage


def test_recover_moves_the_damaged_file_aside(db_path):
    garbage = b"garbage" * 1000
    db_path.write_bytes(garbage)
    with LibraryStore.open(db_path, recover=True) as s:
        assert s.recovered_from is not None
        assert s.recovered_from.name.startswith("library.db.corrupt-")
        assert s.recovered_from.read_bytes() == garbage
        s.add_snippet("新的开始")
    with LibraryStore.open(db_path) as s:
        assert s.count() == 1


def test_truncated_database_is_reported(db_path):
    with LibraryStore.open(db_path) as s:
        for n in range(300):
            s.add_snippet(f"片段{n}" * 20)
    data = db_path.read_bytes()
    for side in ("-wal", "-shm"):
        p = db_path.with_name(db_path.name + side)
        if p.exists():
            p.unlink()
    db_path.write_bytes(data[:100] + b"\x13" * 4000 + data[4100:])
    with pytest.raises(LibraryCorruptError):
        s = LibraryStore.open(db_path)
        s.search("片段")  # damage found at the latest when the pages are read


def test_foreign_sqlite_file_is_not_taken_over(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE contacts(name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryCorruptError):
        LibraryStore.open(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("contacts",)]
    conn.close()


def test_newer_schema_is_refused(db_path):
    LibraryStore.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryVersionError) as info:
        LibraryStore.open(db_path)
    assert "更新版本" in info.value.message_zh


def test_migrations_run_from_version_zero():
    conn = sqlite3.connect(":memory:")
    assert schema.migrate(conn) == 0
    assert schema.current_version(conn) == schema.SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"items", "folders", "tags", "files", "meta"} <= tables


def test_locked_database_gives_a_clear_message(db_path):
    with LibraryStore.open(db_path) as s:
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            s._conn.execute("PRAGMA busy_timeout = 100")
            with pytest.raises(LibraryLockedError) as info:
                s.add_snippet("写不进去")
            assert "另一个程序" in info.value.message_zh
            # SQLite's lock and the writer lock say the same thing, in one place
            with writer_lock(db_path), pytest.raises(LibraryLockedError) as by_lock:
                with writer_lock(db_path, wait=0.05):
                    pass
            assert by_lock.value.message_zh == info.value.message_zh
            assert by_lock.value.message_en == str(info.value)
        finally:
            other.execute("ROLLBACK")
            other.close()
        s.add_snippet("现在可以了")
        assert s.count() == 1


def test_a_version_1_library_is_migrated_and_keeps_its_items(db_path):
    conn = sqlite3.connect(db_path)
    for statement in schema._statements(schema.MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO items(id, kind, text, origin, created, modified) "
        "VALUES ('snip-old', 'snippet', '旧版本里的片段', 'personal', 0, 0)"
    )
    conn.commit()
    conn.close()
    with LibraryStore.open(db_path) as s:
        assert s.get("snip-old").text == "旧版本里的片段"
        assert [i.id for i in s.search("旧版本")] == ["snip-old"]
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION >= 2
    assert conn.execute("SELECT COUNT(*) FROM deleted").fetchone()[0] == 0
    conn.close()


def test_unusable_paths_give_a_message(tmp_path):
    from eduwriter.library.errors import LibraryError

    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(LibraryError) as info:
        LibraryStore.open(blocker / "library.db")  # parent is a file
    assert "文件夹" in info.value.message_zh
    with pytest.raises(LibraryError):
        LibraryStore.open(tmp_path)  # a folder
    assert blocker.read_text(encoding="utf-8") == "x"


def test_database_locked_while_opening(db_path, monkeypatch):
    import eduwriter.library.store as store_mod

    original = sqlite3.connect

    def quick(*args, **kwargs):  # do not wait the full busy timeout in a test
        kwargs["timeout"] = 0.1
        return original(*args, **kwargs)

    monkeypatch.setattr(store_mod.sqlite3, "connect", quick)
    other = original(db_path, isolation_level=None)
    other.execute("CREATE TABLE t(x)")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(LibraryLockedError) as info:
            LibraryStore.open(db_path, recover=True)  # a locked file is never set aside
        assert "另一个程序" in info.value.message_zh
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not list(db_path.parent.glob("*.corrupt-*"))


def test_a_version_4_library_gets_the_index_of_rows_by_file(db_path):
    from eduwriter.library import derived_rows

    conn = sqlite3.connect(db_path)
    for migration in schema.MIGRATIONS[:4]:
        for statement in schema._statements(migration):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 4")
    conn.execute(
        "INSERT INTO items(id, kind, title, data, origin, created, modified) "
        "VALUES ('doc-old', 'document', '旧文件', '{\"file\": \"旧.txt\"}', 'imported', 0, 0)"
    )
    conn.commit()
    conn.close()
    with LibraryStore.open(db_path) as s:
        assert s.get("doc-old").title == "旧文件"
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION >= 5
    cond, params = derived_rows._scope(["旧.txt"], extracted=False)
    plan = conn.execute(f"EXPLAIN QUERY PLAN SELECT id FROM items WHERE {cond}", params)
    assert "items_file" in " ".join(str(row) for row in plan)  # one file's rows, not a scan
    assert conn.execute(f"SELECT id FROM items WHERE {cond}", params).fetchall() == [("doc-old",)]
    conn.close()
