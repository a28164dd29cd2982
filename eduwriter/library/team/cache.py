"""The writer's local copy of the shared library: a small SQLite file beside library.db.

Search, the tree and the autocomplete read this copy, so they stay local and instant, and the
app keeps working offline.  :mod:`.sync` fills it by change number; nothing else writes it.
Rows keep the server's ``version`` so that an editor's publish can say which version it edits.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

ITEM_COLUMNS = (
    "id",
    "kind",
    "function",
    "genre",
    "title",
    "text",
    "tags",
    "folder",
    "sources",
    "data",
    "unit",
    "deleted",
    "version",
    "change_no",
    "updated_by",
)
FOLDER_COLUMNS = ("path", "unit", "deleted", "version", "change_no", "updated_by")

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, function TEXT NOT NULL, genre TEXT NOT NULL,
    title TEXT NOT NULL, text TEXT NOT NULL, tags TEXT NOT NULL, folder TEXT,
    sources TEXT NOT NULL, data TEXT NOT NULL, unit TEXT, version INTEGER NOT NULL,
    change_no INTEGER NOT NULL, updated_by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS folders (
    path TEXT PRIMARY KEY, unit TEXT, version INTEGER NOT NULL, change_no INTEGER NOT NULL,
    updated_by TEXT NOT NULL
);
"""
_CACHE_ID = "eduwriter-team-cache-1"
#: rows written per ``executemany`` when a sync is applied
APPLY_BATCH = 5000


class TeamCache:
    """The local copy.  Open with :meth:`open`; every write is one transaction."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, path: str | os.PathLike) -> TeamCache:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if have and "meta" not in have:
                raise sqlite3.DatabaseError("not a team cache")
            if "meta" in have:
                row = conn.execute("SELECT value FROM meta WHERE key='cache'").fetchone()
                if not row or row[0] != _CACHE_ID:
                    raise sqlite3.DatabaseError("not a team cache")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_DDL)
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('cache', ?)", (_CACHE_ID,))
        except sqlite3.DatabaseError:
            conn.close()
            # A damaged copy is only a cache: set it aside and start afresh (nothing is lost,
            # the server has everything).
            if path.exists():
                path.replace(path.with_name(f"{path.name}.damaged-{int(time.time())}"))
            return cls.open(path)
        return cls(conn, path)

    def close(self) -> None:
        self._conn.close()

    # -- meta ---------------------------------------------------------------------------------
    def get_meta(self, key: str, default: str = "") -> str:
        row = self._conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    @property
    def last_change(self) -> int:
        return int(self.get_meta("last_change", "0"))

    @property
    def last_sync(self) -> float:
        return float(self.get_meta("last_sync", "0"))

    # -- writes -------------------------------------------------------------------------------
    def reset(self, library_id: str, visibility: str) -> None:
        """Forget everything (another server, a restored server, or new unit memberships)."""
        with self._tx():
            self._conn.execute("DELETE FROM items")
            self._conn.execute("DELETE FROM folders")
            self._set("library_id", library_id)
            self._set("visibility", visibility)
            self._set("last_change", "0")

    def apply(
        self, items: Iterable[tuple], folders: Iterable[tuple], last_change: int
    ) -> tuple[int, int]:
        """Upsert live rows and drop retired ones (rows in server column order), then record
        ``last_change``: batched (``executemany`` per :data:`APPLY_BATCH` rows), in one
        transaction.  Returns (changed, removed)."""
        changed = removed = 0
        with self._tx():
            live: list[tuple] = []
            gone: list[tuple] = []
            for row in items:
                rec = dict(zip(ITEM_COLUMNS, row, strict=True))
                if rec["deleted"]:
                    gone.append((rec["id"],))
                else:
                    live.append(_item_row(rec))
                if len(live) + len(gone) >= APPLY_BATCH:
                    changed, removed = self._flush(live, gone, changed, removed)
            changed, removed = self._flush(live, gone, changed, removed)
            for row in folders:
                rec = dict(zip(FOLDER_COLUMNS, row, strict=True))
                if rec["deleted"]:
                    self._conn.execute("DELETE FROM folders WHERE path=?", (rec["path"],))
                    continue
                self._conn.execute(
                    "INSERT OR REPLACE INTO folders VALUES (?,?,?,?,?)",
                    (rec["path"], rec["unit"], rec["version"], rec["change_no"], rec["updated_by"]),
                )
            self._set("last_change", str(max(last_change, self.last_change)))
            self._set("last_sync", str(time.time()))
        return changed, removed

    def _flush(
        self, live: list[tuple], gone: list[tuple], changed: int, removed: int
    ) -> tuple[int, int]:
        """Write one batch (a pull brings each id once, in its latest state, so the order of
        upserts and deletes within a batch does not matter)."""
        if live:
            self._conn.executemany(
                "INSERT OR REPLACE INTO items VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", live
            )
            changed += len(live)
        if gone:
            before = self._conn.total_changes
            self._conn.executemany("DELETE FROM items WHERE id=?", gone)
            removed += self._conn.total_changes - before
        live.clear()
        gone.clear()
        return changed, removed

    def keep_only(self, ids: set[str]) -> int:
        """Drop rows the server no longer shows this writer (e.g. moved to another unit)."""
        have = {r[0] for r in self._conn.execute("SELECT id FROM items")}
        gone = have - ids
        with self._tx():
            self._conn.executemany("DELETE FROM items WHERE id=?", [(i,) for i in gone])
        return len(gone)

    def touch(self) -> None:
        with self._tx():
            self._set("last_sync", str(time.time()))

    # -- reads --------------------------------------------------------------------------------
    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM items").fetchone()[0])

    def versions(self) -> dict[str, int]:
        """Item id → the server version this copy holds (an editor's base for publishing)."""
        return dict(self._conn.execute("SELECT id, version FROM items"))

    def items(self) -> Iterator[dict]:
        """Every shared item as a dict (``tags``, ``sources``, ``data`` decoded)."""
        cols = [c for c in ITEM_COLUMNS if c != "deleted"]
        for row in self._conn.execute(f"SELECT {','.join(cols)} FROM items ORDER BY folder, id"):
            rec = dict(zip(cols, row, strict=True))
            for key in ("tags", "sources", "data"):
                raw = rec[key]
                rec[key] = [] if raw == "[]" else {} if raw == "{}" else json.loads(raw)
            yield rec

    def folders(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT path FROM folders ORDER BY path")]

    # -- helpers ------------------------------------------------------------------------------
    def _set(self, key: str, value: str) -> None:
        self._conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def _tx(self):
        return _Transaction(self._conn)


class _Transaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        self._conn.execute("COMMIT" if exc_type is None else "ROLLBACK")


def _item_row(rec: dict) -> tuple:
    return (
        rec["id"],
        rec["kind"],
        rec["function"],
        rec["genre"],
        rec["title"],
        rec["text"],
        _json(rec["tags"]),
        rec["folder"],
        _json(rec["sources"]),
        _json(rec["data"]),
        rec["unit"],
        rec["version"],
        rec["change_no"],
        rec["updated_by"],
    )


def _json(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
