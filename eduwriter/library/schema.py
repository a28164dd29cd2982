"""The library database schema, versioned with ``PRAGMA user_version``.

``MIGRATIONS[n]`` brings a database from version ``n`` to ``n + 1``; a new database runs them all.
A database with a version newer than :data:`SCHEMA_VERSION` (written by a newer EduWriter) is
refused rather than guessed at. Each migration runs inside the caller's transaction.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 0 -> 1: the first schema
    """
    CREATE TABLE folders (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        parent_id INTEGER REFERENCES folders(id) ON DELETE CASCADE,
        created REAL NOT NULL
    );
    CREATE UNIQUE INDEX folders_name ON folders(COALESCE(parent_id, 0), name);

    CREATE TABLE items (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('skeleton','phrasing','document','section','snippet')),
        function TEXT NOT NULL DEFAULT '',
        genre TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL DEFAULT '{}',
        tags TEXT NOT NULL DEFAULT '[]',
        folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,
        parent_id TEXT,
        position INTEGER NOT NULL DEFAULT 0,
        favorite INTEGER NOT NULL DEFAULT 0,
        usage INTEGER NOT NULL DEFAULT 0,
        origin TEXT NOT NULL CHECK (origin IN ('builtin','imported','personal')),
        sources TEXT NOT NULL DEFAULT '[]',
        quality REAL NOT NULL DEFAULT 0,
        touched INTEGER NOT NULL DEFAULT 0,
        history TEXT NOT NULL DEFAULT '[]',
        created REAL NOT NULL,
        modified REAL NOT NULL
    );
    CREATE INDEX items_kind ON items(kind);
    CREATE INDEX items_origin ON items(origin);
    CREATE INDEX items_parent ON items(parent_id, position);
    CREATE INDEX items_folder ON items(folder_id);

    CREATE TABLE tags (
        name TEXT PRIMARY KEY
    );

    CREATE TABLE files (
        name TEXT PRIMARY KEY,
        origin TEXT NOT NULL CHECK (origin IN ('builtin','imported')),
        result TEXT NOT NULL,
        imported REAL NOT NULL
    );

    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 1 -> 2: remember built-in/imported items the writer deleted, so a rebuild does not bring
    # them back
    """
    CREATE TABLE deleted (
        id TEXT PRIMARY KEY,
        deleted REAL NOT NULL
    );
    """,
    # 2 -> 3: the SHA-256 of each analysed file's bytes, so that importing a file again whose
    # content has not changed reuses its stored analysis (incremental import)
    """
    ALTER TABLE files ADD COLUMN hash TEXT NOT NULL DEFAULT '';
    CREATE INDEX files_hash ON files(hash);
    """,
    # 3 -> 4: each file's extraction results (phrasing candidates and skeleton per document,
    # the place names it teaches), so an import extracts only new or changed files and the
    # library is assembled from the stored results. Filled on the first import after the
    # migration, from the stored analyses (the files are not read again).
    """
    CREATE TABLE extractions (
        file TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        places TEXT NOT NULL DEFAULT '[]',
        data TEXT NOT NULL
    );
    """,
    # 4 -> 5: the derived rows of one file found by an index, not by reading every row: an
    # import replaces each file's document and section rows, which made a build O(N²)
    """
    CREATE INDEX items_file ON items(json_extract(data, '$.file'));
    """,
    # 5 -> 6: the merge state (see ``library.merge_state``), so an import re-merges only what
    # the changed files touch. Candidates and skeletons move out of ``extractions.data``: the
    # stored results are made again, once, from the stored analyses on the next import.
    """
    CREATE TABLE cfiles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        sources TEXT NOT NULL
    );
    CREATE TABLE cands (id INTEGER PRIMARY KEY, key TEXT NOT NULL, data TEXT NOT NULL);
    CREATE INDEX cands_key ON cands(key);
    CREATE TABLE ckeys (
        key TEXT PRIMARY KEY,
        pos TEXT NOT NULL,
        cluster TEXT NOT NULL,
        phrasing TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE INDEX ckeys_cluster ON ckeys(cluster);
    CREATE TABLE sketch (
        bucket INTEGER NOT NULL,
        key TEXT NOT NULL,
        PRIMARY KEY (bucket, key)
    ) WITHOUT ROWID;
    CREATE TABLE skels (
        file TEXT NOT NULL,
        seq INTEGER NOT NULL,
        id TEXT NOT NULL,
        form TEXT NOT NULL,
        pos TEXT NOT NULL,
        data TEXT NOT NULL,
        slim TEXT NOT NULL,
        PRIMARY KEY (file, seq)
    );
    CREATE INDEX skels_id ON skels(id);
    CREATE INDEX skels_form ON skels(form);
    CREATE TABLE phr (id TEXT PRIMARY KEY, family TEXT NOT NULL, data TEXT NOT NULL);
    CREATE TABLE phr_family (id TEXT PRIMARY KEY, family_id TEXT NOT NULL);
    CREATE TABLE fam_ids (id TEXT PRIMARY KEY);
    CREATE TABLE skel_ids (id TEXT PRIMARY KEY);
    CREATE TABLE merge_dirty (what TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (what, name))
        WITHOUT ROWID;
    DELETE FROM extractions;
    """,
]

#: The schema version this code writes.
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the missing migrations (the caller holds a write transaction). Returns the old version."""
    old = current_version(conn)
    for version in range(old, SCHEMA_VERSION):
        for statement in _statements(MIGRATIONS[version]):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version + 1}")
    return old


def _statements(script: str) -> list[str]:
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
