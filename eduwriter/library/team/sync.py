"""Pull the shared library's changes into the writer's local copy.

At start and then every few minutes (the window does it in the background), :func:`pull`
asks the server for every row whose change number is above the last one seen, and applies them
to the :class:`~.cache.TeamCache` in one transaction.  Change numbers follow commit order (see
:mod:`.server_schema`), so nothing is missed.  The copy starts afresh when the server is
another one (``library_id``), when it was restored from an older backup, or when the writer's
unit memberships changed (rows that became visible have old change numbers).

Offline, :func:`sync_once` returns ``offline=True`` and the copy stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from eduwriter.library.team.cache import FOLDER_COLUMNS, ITEM_COLUMNS, TeamCache
from eduwriter.library.team.connection import TeamOffline, TeamServer, connect
from eduwriter.library.team.server_schema import SCHEMA

BATCH = 5000


@dataclass(slots=True)
class SyncResult:
    changed: int = 0
    removed: int = 0
    last_change: int = 0
    full: bool = False
    offline: bool = False
    message: str = ""


def pull(conn, cache: TeamCache, batch: int = BATCH) -> SyncResult:
    """Bring ``cache`` up to date from the server on ``conn`` (a psycopg connection)."""
    result = SyncResult()
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        library_id = conn.execute(
            f"SELECT value FROM {SCHEMA}.meta WHERE key = 'library_id'"
        ).fetchone()[0]
        units = conn.execute(
            f"SELECT coalesce(string_agg(unit, ',' ORDER BY unit), '') FROM {SCHEMA}.unit_members"
            " WHERE member = session_user"
        ).fetchone()[0]
        newest = conn.execute(
            f"SELECT greatest((SELECT coalesce(max(change_no), 0) FROM {SCHEMA}.items),"
            f" (SELECT coalesce(max(change_no), 0) FROM {SCHEMA}.folders))"
        ).fetchone()[0]
        if (
            cache.get_meta("library_id") != library_id
            or cache.get_meta("visibility") != units
            or newest < cache.last_change
        ):
            cache.reset(library_id, units)
            result.full = True
        since = cache.last_change
        items = _rows(conn, "items", ITEM_COLUMNS, since, batch)
        folders = _rows(conn, "folders", FOLDER_COLUMNS, since, batch)
        # Rows in one repeatable-read snapshot: the newest change number seen is a safe mark.
        last = max(since, newest)
        result.changed, result.removed = cache.apply(items, folders, last)
        live = conn.execute(f"SELECT count(*) FROM {SCHEMA}.items WHERE NOT deleted").fetchone()[0]
        if live != cache.count():
            ids = {r[0] for r in conn.execute(f"SELECT id FROM {SCHEMA}.items WHERE NOT deleted")}
            result.removed += cache.keep_only(ids)
    result.last_change = cache.last_change
    return result


def _rows(conn, table: str, columns: tuple[str, ...], since: int, batch: int):
    """The changed rows of ``table`` in change order, fetched in batches (server-side cursor)."""
    cur = conn.cursor(name=f"eduwriter_pull_{table}")
    cur.itersize = batch
    cur.execute(
        f"SELECT {', '.join(columns)} FROM {SCHEMA}.{table} WHERE change_no > %s ORDER BY change_no",
        (since,),
    )
    try:
        yield from cur
    finally:
        cur.close()


def sync_once(server: TeamServer, cache: TeamCache, password: str | None = None) -> SyncResult:
    """Connect, pull, disconnect.  Offline: the cache stays, ``offline`` is True."""
    try:
        conn = connect(server, password)
    except TeamOffline as exc:
        return SyncResult(offline=True, last_change=cache.last_change, message=str(exc))
    try:
        return pull(conn, cache)
    finally:
        conn.close()
