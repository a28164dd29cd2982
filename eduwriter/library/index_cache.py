"""The search index persisted beside the library: built once, loaded by later starts.

Building the index of a large library (texts, pinyin readings of every character, the pair
postings) takes seconds; loading it back takes milliseconds, because everything in it is flat
(strings, bytes and arrays: :mod:`eduwriter.library.search_flat`) and no pinyin dictionary is read
(the reading tables travel with the index). The sidecar ``<library>.search-index`` sits next to the
database: a magic, a JSON header (format, the *content key* of the library it was built from, the
sections' offsets, lengths and CRC-32 checksums) and the raw sections. It holds no code and no
pickled objects; a file with another magic or format, a damaged header or section, or another
key is not used and the index is rebuilt.

The content key is read from the database with one aggregate query (count, sums and maxima of
the columns that change when an item is added, edited, deleted, used or moved). That query reads
every row (about 60 ms at 100,000 items, on the path of the first result), so the key found is
kept in a small stamp file ``<library>.search-index.stamp`` with the identity of the database
file it was read from (inode, size, modification and change times), taken while the file held
every write (no write-ahead log pending). A later start whose database file has the same stamp
and no pending log trusts that key without the query; any write changes the file or leaves a log,
and the key is then read again. The file is
written atomically (temporary file + rename) and holds nothing that is not in the database:
deleting it only costs one rebuild.

Word edges (where the shared segmenter puts word boundaries: pinyin matches must respect them)
are the slow part of a build. The index is saved and used without them first; they are computed
afterwards (:func:`complete_edges`, on a background thread of the store) and the file is written
again with them. Until then a pinyin query segments the few records it looks at.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from eduwriter.library import pinyin
from eduwriter.library.database import left_unclean, map_error
from eduwriter.library.pinyin_index import PinyinIndex
from eduwriter.library.search import SearchIndex, edges_of
from eduwriter.library.search_flat import (
    Columns,
    SidecarError,
    damaged_sections,
    read_header,
    read_sections,
    write,
)

SUFFIX = ".search-index"
_KEY_SQL = (
    "SELECT count(*), total(modified), max(modified), total(usage), total(favorite), "
    "total(coalesce(folder_id, 0)), total(quality), total(length(tags)), "
    "total(length(title)), total(length(text)) FROM items"
)
_log = logging.getLogger(__name__)


def cache_path(db: Path) -> Path:
    return db.with_name(db.name + SUFFIX)


def stamp_path(db: Path) -> Path:
    return db.with_name(db.name + SUFFIX + ".stamp")


def file_stamp(db: Path) -> list | None:
    """The identity of the database file while every write is in it (None while a write-ahead
    log is pending: the file alone does not say what the library holds)."""
    if left_unclean(db):
        return None
    try:
        st = db.stat()
    except OSError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def _stamped_key(db: Path, stamp: list | None) -> list | None:
    """The content key recorded for the database file ``stamp`` (None if another or none)."""
    if stamp is None:
        return None
    try:
        got = json.loads(stamp_path(db).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (
        not isinstance(got, dict)
        or got.get("stamp") != stamp
        or not isinstance(got.get("key"), list)
    ):
        return None
    return got["key"]


def _write_stamp(db: Path, stamp: list, key: list) -> None:
    path = stamp_path(db)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(json.dumps({"stamp": stamp, "key": list(key)}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:  # a read-only folder: the key is read from the database each time
        _log.info("search index stamp %s not written (%s)", path, exc)


def content_key(conn: sqlite3.Connection) -> list:
    """What identifies the searchable content of a library (cheap: one aggregate scan)."""
    return list(conn.execute(_KEY_SQL).fetchone())


def load(db: Path, key: list) -> SearchIndex | None:
    """The persisted index of ``db`` if it was built from content ``key``, else None (also for
    a missing, foreign or damaged file). The records' columns are read now; the pinyin
    structures when a query in letters first needs them (a character query does not wait)."""
    path = cache_path(db)
    try:
        with path.open("rb") as fh:
            head, base = read_header(fh)
            if head.get("key") != list(key):
                return None
            stamp = os.fstat(fh.fileno())
            pinyin.install_tables_text(lambda: _load_tables(path, head, base, stamp))
            py_loader = _prefetch_pinyin(path, head, base, stamp, int(head["columns"]["n"]))
            data = read_sections(fh, head, base, _COLUMNS, TEXTS)
        cols = Columns.from_sections(head["columns"], data)
    except FileNotFoundError:
        return None
    except (OSError, SidecarError, KeyError, TypeError, ValueError) as exc:
        _log.info("search index %s not used (%s): rebuilding", path, exc)
        return None
    index = SearchIndex.from_columns(cols, py_loader)
    index.checked = _check_texts_later(path, head, base, stamp, index)
    return index


#: sections whose damage can only make a search miss or find a wrong record, never fail: the
#: texts, readings and word edges. Their checksums are verified on a background thread after
#: loading (:func:`_check_texts_later`), off the path of the first result; the offsets, codes
#: and postings (whose damage could send a lookup out of range) are verified before use.
#: seconds after loading before the texts' checksums are verified
CHECK_DELAY = 1.0
TEXTS = frozenset(
    {"ids", "blob", "runs", "py_blob", "py_alt", "py_codes", "py_codes_alt", "py_edges"}
)


def _check_texts_later(
    path: Path, head: dict, base: int, stamp: os.stat_result, index: SearchIndex
) -> threading.Thread:
    """Verify the checksums of the :data:`TEXTS` sections on a background thread; a damaged
    one marks ``index`` damaged (the store then builds it again) and removes the file."""

    def run() -> None:
        time.sleep(CHECK_DELAY)  # let the first queries have the disk and the processor
        try:
            with path.open("rb") as fh:
                if not _same_file(fh, stamp):
                    return  # written again since: whoever wrote it had the texts
                bad = damaged_sections(fh, head, base, TEXTS)
        except OSError:
            return
        if bad:
            _log.warning("search index %s damaged (%s): rebuilding", path, ", ".join(bad))
            index.damaged = True
            with contextlib.suppress(OSError):
                with path.open("rb") as fh:
                    if _same_file(fh, stamp):
                        path.unlink()

    thread = threading.Thread(target=run, name="search-index-check", daemon=True)
    thread.start()
    return thread


def _prefetch_pinyin(
    path: Path, head: dict, base: int, stamp: os.stat_result, n: int
) -> Callable[[], PinyinIndex | None]:
    """Start reading the pinyin sections on a background thread, beside the columns being read
    and decoded (file reads and checksums release the GIL), then the reading tables; the
    loader returned waits for them. A query in letters right after the start then waits less
    for its structures."""
    box: list[PinyinIndex | None] = []

    def run() -> None:
        box.append(_load_pinyin(path, head, base, stamp, n))
        pinyin.tables()  # the reading tables stored beside them, parsed

    thread = threading.Thread(
        target=run,
        name="search-pinyin-load",
        daemon=True,
    )
    thread.start()

    def loader() -> PinyinIndex | None:
        thread.join()
        return box[0] if box else None

    return loader


def _same_file(fh, stamp: os.stat_result) -> bool:
    now = os.fstat(fh.fileno())
    return (now.st_ino, now.st_size, now.st_mtime_ns) == (
        stamp.st_ino,
        stamp.st_size,
        stamp.st_mtime_ns,
    )


def _load_tables(path: Path, head: dict, base: int, stamp: os.stat_result) -> str | None:
    """The reading tables stored in the sidecar (None when it changed since or is damaged)."""
    try:
        with path.open("rb") as fh:
            if not _same_file(fh, stamp):
                return None
            return read_sections(fh, head, base, {"py_tables"})["py_tables"].decode("utf-8")
    except (OSError, SidecarError, KeyError, UnicodeDecodeError):
        return None


_COLUMNS = frozenset(Columns.SECTIONS)


def _load_pinyin(
    path: Path, head: dict, base: int, stamp: os.stat_result, n: int
) -> PinyinIndex | None:
    """The pinyin sections of the sidecar read by :func:`load` (None when the file changed
    since or is damaged: they are then built from the texts)."""
    try:
        with path.open("rb") as fh:
            if not _same_file(fh, stamp):
                return None
            names = {s[0] for s in head["sections"]} - _COLUMNS - {"py_tables"}
            data = read_sections(fh, head, base, names, TEXTS)
        py = PinyinIndex.from_sections(head["pinyin"], data)
        if len(py.ini) != n:
            raise SidecarError("pinyin and columns of different sizes")
    except (OSError, SidecarError, KeyError, TypeError, ValueError) as exc:
        _log.info("pinyin of search index %s not used (%s): building them", path, exc)
        return None
    return py


def save(db: Path, key: list, index: SearchIndex) -> bool:
    """Persist ``index`` built from content ``key`` (atomically; its pinyin structures are built
    if they are not yet). False when the folder is not writable (a read-only library still
    searches, it only rebuilds each time)."""
    if index.checked is not None:
        index.checked.join()  # never write back texts read from a damaged file
    if index.damaged:
        return False
    seg = index.main
    if seg.overlay or seg.dead:
        return False  # changed since it was built: the columns are not the library any more
    cols_meta, data = seg.cols.sections()
    py_meta, py_data = seg.py.sections()
    data.update(py_data)
    data["py_tables"] = pinyin.tables_text().encode("utf-8")
    header = {"key": list(key), "columns": cols_meta, "pinyin": py_meta}
    path = cache_path(db)
    try:
        write(path, header, data)
        return True
    except (OSError, SidecarError) as exc:
        _log.info("search index %s not written (%s)", path, exc)
        return False


def has_edges(index: SearchIndex) -> bool:
    return index.main.py.has_edges


def complete_edges(
    db: Path, key: list, index: SearchIndex, lock, current: Callable[[], bool]
) -> bool:
    """Compute the word edges of ``index`` (slow: outside ``lock``), then, holding ``lock`` and
    if ``current()`` says the index is still the store's, install them and save the file again.
    Returns True when they were installed."""
    with lock:
        seg = index.main
        if seg.py.has_edges:
            return True
        cols = seg.cols
    edges = edges_of(cols)  # the texts never change in place: no lock needed
    with lock:
        if not current() or index.main.cols is not cols:
            return False
        index.complete_edges(edges)
        save(db, key, index)
    return True


def load_or_build(
    db: Path, conn: sqlite3.Connection, build: Callable[[], SearchIndex]
) -> SearchIndex:
    """The index of ``db``: loaded when the persisted one is current, else built with ``build``,
    prepared (pinyin without word edges) and persisted."""
    stamp = file_stamp(db)  # taken first: a write after it changes the file, not the stamp
    key = _stamped_key(db, stamp)
    if key is None:
        try:
            key = content_key(conn)
        except sqlite3.DatabaseError as exc:  # a damaged page of the items ("malformed")
            raise map_error(exc, db) from exc
        if stamp is not None:
            _write_stamp(db, stamp, key)
    index = load(db, key)
    if index is None:
        index = build()
        index.prepare()
        save(db, key, index)
    index.key = key
    return index
