"""Opening library files safely: nothing written to a foreign file, the first error reported on a
full disk, read-only libraries searchable, reasons given, older schemas migrated."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from eduwriter.library import database, schema
from eduwriter.library.errors import LibraryCorruptError, LibraryError
from eduwriter.library.store import LibraryStore


def test_a_foreign_sqlite_file_is_not_written_before_it_is_refused(db_path):
    conn = sqlite3.connect(db_path)  # another program's database, rollback journal
    conn.execute("CREATE TABLE contacts(name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('张三')")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(LibraryCorruptError):
        LibraryStore.open(db_path)
    assert db_path.read_bytes() == before  # not even switched to WAL (header bytes 18-19)
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_disk_full_reports_the_first_error_and_keeps_the_library(db_path):
    with LibraryStore.open(db_path) as store:
        store.add_snippet("磁盘满之前的片段")
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # a nearly full disk
        with pytest.raises(LibraryError) as info:
            with store.transaction():
                for n in range(500):
                    store.add_snippet("很长的片段" * 200 + str(n))
        assert "磁盘空间不足" in info.value.message_zh
        assert "cannot rollback" not in str(info.value)
        assert [i.text for i in store.items()] == ["磁盘满之前的片段"]
        store._conn.execute("PRAGMA max_page_count = 1073741823")
        store.add_snippet("磁盘清理之后")  # the store still works
        assert store.count() == 2


@pytest.fixture
def read_only_library(db_path, monkeypatch):
    with LibraryStore.open(db_path) as store:
        store.add_snippet("只读资料库里的片段")
    os.chmod(db_path, 0o444)
    if getattr(os, "geteuid", lambda: 1)() == 0:
        # root may write anything: make the store see what a normal user sees
        monkeypatch.setattr(database, "can_write", lambda db: False)
    yield db_path
    os.chmod(db_path, 0o644)


def test_a_read_only_library_can_be_searched(read_only_library):
    before = read_only_library.read_bytes()
    with LibraryStore.open(read_only_library) as store:
        assert store.read_only
        assert [i.text for i in store.search("只读")] == ["只读资料库里的片段"]
        with pytest.raises(LibraryError) as info:
            store.add_snippet("写不进去")
        assert "只读" in info.value.message_zh
    assert read_only_library.read_bytes() == before


def test_a_library_that_cannot_be_opened_says_why(tmp_path):
    with pytest.raises(LibraryError) as info:
        database.connect(tmp_path / "no-such-folder" / "library.db")
    assert "文件夹不存在" in info.value.message_zh
    assert "unable to open" not in info.value.message_zh


# The schema of version 2 as the released code created it (kept here verbatim: the migration
# must work on real files of that version, whatever MIGRATIONS becomes).
_V2_DDL = """
CREATE TABLE folders (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,
    parent_id INTEGER REFERENCES folders(id) ON DELETE CASCADE, created REAL NOT NULL);
CREATE UNIQUE INDEX folders_name ON folders(COALESCE(parent_id, 0), name);
CREATE TABLE items (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('skeleton','phrasing','document','section','snippet')),
    function TEXT NOT NULL DEFAULT '', genre TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL DEFAULT '{}', tags TEXT NOT NULL DEFAULT '[]',
    folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL, parent_id TEXT,
    position INTEGER NOT NULL DEFAULT 0, favorite INTEGER NOT NULL DEFAULT 0,
    usage INTEGER NOT NULL DEFAULT 0,
    origin TEXT NOT NULL CHECK (origin IN ('builtin','imported','personal')),
    sources TEXT NOT NULL DEFAULT '[]', quality REAL NOT NULL DEFAULT 0,
    touched INTEGER NOT NULL DEFAULT 0, history TEXT NOT NULL DEFAULT '[]',
    created REAL NOT NULL, modified REAL NOT NULL);
CREATE INDEX items_kind ON items(kind);
CREATE INDEX items_origin ON items(origin);
CREATE INDEX items_parent ON items(parent_id, position);
CREATE INDEX items_folder ON items(folder_id);
CREATE TABLE tags (name TEXT PRIMARY KEY);
CREATE TABLE files (name TEXT PRIMARY KEY,
    origin TEXT NOT NULL CHECK (origin IN ('builtin','imported')),
    result TEXT NOT NULL, imported REAL NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE deleted (id TEXT PRIMARY KEY, deleted REAL NOT NULL);
PRAGMA user_version = 2;
"""


def _version_2_library(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.executescript(_V2_DDL)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("INSERT INTO folders(id, name, parent_id, created) VALUES (1, '常用', NULL, 0)")
    conn.execute(
        "INSERT INTO items(id, kind, text, tags, folder_id, origin, touched, created, modified) "
        "VALUES ('snip-a', 'snippet', '我的旧片段', '[\"安全\"]', 1, 'personal', 1, 0, 0)"
    )
    conn.execute(
        "INSERT INTO items(id, kind, text, favorite, usage, origin, touched, created, modified) "
        "VALUES ('ph-a', 'phrasing', '坚持立德树人', 1, 7, 'builtin', 1, 0, 0)"
    )
    conn.execute("INSERT INTO tags VALUES ('安全')")
    conn.execute(
        "INSERT INTO files VALUES ('/s/计划.txt', 'builtin', '{\"path\": \"计划.txt\"}', 0)"
    )
    conn.commit()
    conn.close()


def test_a_version_2_library_migrates_and_keeps_favourites_snippets_and_folders(db_path):
    _version_2_library(db_path)
    with LibraryStore.open(db_path) as store:
        snippet = store.get("snip-a")
        assert snippet.text == "我的旧片段" and snippet.tags == ["安全"]
        assert store.folder_path(snippet.folder) == "常用"
        fav = store.get("ph-a")
        assert fav.favorite and fav.usage == 7
        assert [i.id for i in store.search("立德树人")] == ["ph-a"]
        assert [(f.name, f.hash) for f in store.stored_files()] == [("/s/计划.txt", "")]
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 6
    conn.close()
