"""Opening the SQLite file of a library: recognise it, migrate it, map SQLite's errors.

Damage is looked for in three steps, so that a healthy library opens in milliseconds:

* at every open, cheap structural checks: the SQLite header (magic, page size, and a file no
  shorter than the pages its header counts: a truncated copy), the schema version and the
  tables (reading them reads the schema pages);
* a full ``PRAGMA quick_check`` (every page: about 150 ms at 100,000 items) at open only when the
  last session may not have ended cleanly: a ``-wal`` file left beside the database (SQLite
  removes it when the last connection closes normally; a kill, a crash or a power cut leaves
  it, and so does another program still using the library, when a check is as well worth it);
* otherwise the full check runs later, off the critical path (:func:`full_check`, which the
  store runs on a background thread once the first query had its turn: see
  ``LibraryStore.open``). A damage it finds is kept: the store refuses to write
  from then on, and says why, so nothing is written over a damaged file.

Meanwhile a page that SQLite finds damaged when a query reads it raises "malformed", which
:func:`map_error` turns into the same :class:`LibraryCorruptError`.

Nothing is written to a file before it is known to be an EduWriter library (or a new, empty
file): the header, the schema version and the tables are read first, and only then is the file
switched to WAL mode or migrated. A file that cannot be written (read-only file or folder) is
opened for reading, so it can still be searched. SQLite's English errors become
:class:`~eduwriter.library.errors.LibraryError` with a message that says why.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from eduwriter.library import schema
from eduwriter.library.errors import (
    LibraryBusyError,
    LibraryCorruptError,
    LibraryError,
    LibraryLockedError,
    LibraryVersionError,
)

SQLITE_HEADER = b"SQLite format 3\x00"
#: bytes of the SQLite header read at open (magic, page size, change counters, page count)
_HEADER_BYTES = 100
#: How long a writer waits for another writer before giving up (seconds).
BUSY_TIMEOUT = 3.0


def can_write(db: Path) -> bool:
    """True when ``db`` (or, for a new library, its folder) can be written by this process."""
    if db.exists():
        return os.access(db, os.W_OK) and os.access(db.parent, os.W_OK)
    return os.access(db.parent, os.W_OK)


def connect(db: Path) -> tuple[sqlite3.Connection, bool]:
    """Open (creating or migrating when needed) the library at ``db``.

    Returns ``(connection, read_only)``. Raises :class:`LibraryCorruptError` for a damaged or
    foreign file, :class:`LibraryVersionError` for a newer schema, :class:`LibraryLockedError`
    when another program holds it, and :class:`LibraryError` when it cannot be opened at all.
    """
    exists = db.exists() and db.stat().st_size > 0
    unclean = exists and left_unclean(db)
    if exists:
        try:
            with open(db, "rb") as fh:
                head = fh.read(_HEADER_BYTES)
            size = db.stat().st_size
        except OSError as exc:
            raise cannot_open(db, exc) from exc
        problem = header_problem(head, size, wal=unclean)
        if problem:
            raise LibraryCorruptError(db, problem)
    read_only = exists and not can_write(db)
    try:
        if read_only:
            conn = _connect_read_only(db)
        else:
            conn = sqlite3.connect(
                db, timeout=BUSY_TIMEOUT, check_same_thread=False, isolation_level=None
            )
    except sqlite3.Error as exc:
        raise map_error(exc, db) from exc
    try:
        _check_and_prepare(conn, db, read_only, full=unclean)
    except sqlite3.OperationalError as exc:
        conn.close()
        raise map_error(exc, db) from exc
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LibraryCorruptError(db, str(exc)) from exc
    except LibraryError:
        conn.close()
        raise
    return conn, read_only


def _connect_read_only(db: Path) -> sqlite3.Connection:
    """A read-only connection; ``immutable`` when SQLite cannot even create its lock files (a
    WAL library in a read-only folder)."""
    uri = db.resolve().as_uri()
    conn = sqlite3.connect(
        f"{uri}?mode=ro", uri=True, check_same_thread=False, isolation_level=None
    )
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    return sqlite3.connect(
        f"{uri}?immutable=1", uri=True, check_same_thread=False, isolation_level=None
    )


def left_unclean(db: Path) -> bool:
    """Did the last session perhaps not end cleanly? True when a non-empty ``-wal`` file is left
    beside ``db`` (or another program has the library open right now)."""
    try:
        return db.with_name(db.name + "-wal").stat().st_size > 0
    except OSError:
        return False


def header_problem(head: bytes, size: int, wal: bool = False) -> str:
    """What is wrong with an SQLite file from its first 100 bytes and its size ("" when
    nothing is seen). With ``wal`` (a write-ahead log beside it) the page count of the header
    may lag behind the log and is not compared with the size."""
    if head[:16] != SQLITE_HEADER:
        return "not an SQLite file"
    if len(head) < _HEADER_BYTES:
        return "header cut short"
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    if page < 512 or page & (page - 1):
        return f"impossible page size {page}"
    pages = int.from_bytes(head[28:32], "big")
    valid = pages > 0 and head[24:28] == head[92:96]  # the count is kept up to date
    if valid and not wal and size < pages * page:
        return f"file cut short: {size} bytes for {pages} pages of {page}"
    return ""


def full_check(db: Path) -> LibraryCorruptError | None:
    """Every page of ``db`` checked (``PRAGMA quick_check``) on a connection of its own that
    only reads; the damage found, or None. Slow on a large library: run it off the critical
    path (a background thread); a library that cannot be opened is not judged here."""
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
    except sqlite3.Error:
        return None
    try:
        checks = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.OperationalError:
        return None  # busy or gone: not a sign of damage
    except sqlite3.DatabaseError as exc:
        return LibraryCorruptError(db, str(exc))
    finally:
        conn.close()
    return None if checks == ["ok"] else LibraryCorruptError(db, "\n".join(checks))


def check_later(
    db: Path, delay: float, stop: threading.Event, damaged: Callable[[LibraryCorruptError], None]
) -> threading.Thread:
    """Run :func:`full_check` on a background thread ``delay`` seconds from now (when the first
    queries had their turn) unless ``stop`` is set by then; ``damaged(error)`` on damage."""

    def run() -> None:
        if stop.wait(delay):
            return
        found = full_check(db)
        if found is not None and not stop.is_set():
            damaged(found)

    thread = threading.Thread(target=run, name="library-check", daemon=True)
    thread.start()
    return thread


def _check_and_prepare(
    conn: sqlite3.Connection, db: Path, read_only: bool, full: bool = False
) -> None:
    # reads only, until the file is known to be ours
    version = schema.current_version(conn)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if version > schema.SCHEMA_VERSION:
        raise LibraryVersionError(db, version, schema.SCHEMA_VERSION)
    if version == 0 and tables - {"sqlite_sequence"}:
        raise LibraryCorruptError(db, "an SQLite file of another program")
    if version > 0 and not {"items", "folders", "files"} <= tables:
        raise LibraryCorruptError(db, "tables missing")
    if full:  # the last session may have ended in the middle of a write
        checks = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
        if checks != ["ok"]:
            raise LibraryCorruptError(db, "\n".join(checks))
    conn.execute("PRAGMA foreign_keys=ON")
    if read_only:
        if version < schema.SCHEMA_VERSION:
            raise LibraryError(
                f"资料库文件是只读的，且需要升级到新格式后才能使用：{db}。请让该文件可写后重试。",
                f"The library is read-only and needs an upgrade to the new format: {db}. "
                "Make it writable and try again.",
            )
        return
    # ours (or new): now it may be written
    mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise in_use(db)
    conn.execute("PRAGMA synchronous=NORMAL")
    if version < schema.SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            schema.migrate(conn)
            conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_migrated', ?)",
                (str(time.time()),),
            )
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise


def in_use(db: Path, by_writer_lock: bool = False) -> LibraryLockedError:
    """The one message for a library another program or task is writing, whether SQLite's lock
    or the writer lock (:mod:`eduwriter.library.writer_lock`) said so: the writer cannot tell
    the two apart, and needs the same advice."""
    cls = LibraryBusyError if by_writer_lock else LibraryLockedError
    return cls(
        db,
        f"资料库正被另一个程序或任务使用（另一个 EduWriter 窗口，或正在进行的导入、构建）：{db}。"
        "请等它完成或关闭后重试（资料库未做任何改动）。",
        f"The library is in use by another program or task (another EduWriter window, or an "
        f"import or build under way): {db}. Try again when it has finished or is closed (the "
        "library is unchanged).",
    )


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open. SQLite ends some transactions itself on an
    error (disk full, I/O error); a second error from ROLLBACK must not hide the first."""
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def cannot_open(db: Path, exc: OSError | sqlite3.Error) -> LibraryError:
    """Why a library file cannot be opened, in words a writer understands."""
    folder = db.parent
    if not folder.exists():
        why_zh, why_en = f"文件夹不存在：{folder}", f"the folder {folder} does not exist"
    elif db.exists() and not os.access(db, os.R_OK):
        why_zh, why_en = "没有读取该文件的权限", "no permission to read the file"
    elif not os.access(folder, os.X_OK) or (not db.exists() and not os.access(folder, os.W_OK)):
        why_zh, why_en = f"没有访问文件夹的权限：{folder}", f"no permission on the folder {folder}"
    else:
        why_zh, why_en = str(exc), str(exc)
    return LibraryError(
        f"无法打开资料库：{db}（{why_zh}）。", f"Cannot open the library {db}: {why_en}."
    )


def map_error(exc: sqlite3.Error, db: Path) -> LibraryError:
    """A :class:`LibraryError` for an SQLite error (Chinese first)."""
    msg = str(exc).lower()
    if "locked" in msg or "busy" in msg:
        return in_use(db)
    if "malformed" in msg or "not a database" in msg or "corrupt" in msg:
        return LibraryCorruptError(db, str(exc))
    if "disk is full" in msg or "disk full" in msg:
        return LibraryError(
            f"磁盘空间不足，资料库未做任何改动：{db}。请清理磁盘后重试。",
            f"The disk is full; the library is unchanged: {db}.",
        )
    if "readonly" in msg or "read-only" in msg:
        return LibraryError(
            f"资料库文件是只读的，只能搜索和浏览，不能修改：{db}",
            f"The library is read-only (search and browse only): {db}",
        )
    if "unable to open" in msg:
        return cannot_open(db, exc)
    return LibraryError(f"资料库操作失败：{exc}", f"Library operation failed: {exc}")


def set_aside(db: Path) -> Path:
    """Rename a damaged database (and its -wal/-shm files) to ``<name>.corrupt-<time>``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = db.with_name(f"{db.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        target = db.with_name(f"{db.name}.corrupt-{stamp}-{n}")
        n += 1
    os.replace(db, target)
    for suffix in ("-wal", "-shm"):
        side = db.with_name(db.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target
