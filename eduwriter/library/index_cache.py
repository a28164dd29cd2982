"""The search index persisted beside the library: built once, loaded by later starts.

Building the index of a large library (pinyin readings of every character, the pair postings,
the per-kind indexes) takes seconds; loading it back takes a fraction of that, and no pinyin
dictionary is read (the reading tables travel with the index). The file
``<library>.search-index`` sits next to the database and holds:

1. a header — the format version and the *content key* of the library it was built from;
2. the pinyin reading tables and the warmed :class:`SearchIndex`.

The content key is read from the database with one aggregate query (count, sums and maxima of
the columns that change when an item is added, edited, deleted, used or moved); a file whose key
differs is stale and is rebuilt. The file is written atomically (temporary file + rename) and
holds nothing that is not in the database: deleting it only costs one rebuild. It is written with
:mod:`pickle`, so it is trusted exactly as far as the database folder it lives in.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from eduwriter.library import pinyin
from eduwriter.library.search import SearchIndex

#: bump when the pickled structures change shape
FORMAT = 4
SUFFIX = ".search-index"
_KEY_SQL = (
    "SELECT count(*), total(modified), max(modified), total(usage), total(favorite), "
    "total(coalesce(folder_id, 0)), total(quality), total(length(tags)), "
    "total(length(title)), total(length(text)) FROM items"
)
_log = logging.getLogger(__name__)


def cache_path(db: Path) -> Path:
    return db.with_name(db.name + SUFFIX)


def content_key(conn: sqlite3.Connection) -> tuple:
    """What identifies the searchable content of a library (cheap: one aggregate scan)."""
    return tuple(conn.execute(_KEY_SQL).fetchone())


def load(db: Path, key: tuple) -> SearchIndex | None:
    """The persisted index of ``db`` if it was built from content ``key``, else None."""
    path = cache_path(db)
    collecting = gc.isenabled()
    try:
        with path.open("rb") as fh:
            header = pickle.load(fh)
            if header != (FORMAT, key):
                return None
            gc.disable()  # the collector would walk the new objects again and again
            tables, index = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001 - a damaged cache is rebuilt, never fatal
        _log.info("search index cache %s unreadable (%s): rebuilding", path, exc)
        return None
    finally:
        if collecting:
            gc.enable()
    if not isinstance(index, SearchIndex):
        return None
    pinyin.install_tables(tables)
    return index


def save(db: Path, key: tuple, index: SearchIndex) -> bool:
    """Persist a warmed ``index`` built from content ``key`` (atomically). False when the folder
    is not writable (a read-only library still searches, it only rebuilds each time)."""
    path = cache_path(db)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((FORMAT, key), fh, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump((pinyin.tables(), index), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        return True
    except OSError as exc:
        _log.info("search index cache %s not written (%s)", path, exc)
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False


def load_or_build(
    db: Path, conn: sqlite3.Connection, build: Callable[[], SearchIndex]
) -> SearchIndex:
    """The index of ``db``: loaded when the persisted one is current, else built with ``build``,
    warmed and persisted."""
    key = content_key(conn)
    index = load(db, key)
    if index is None:
        index = build()
        index.warm()
        save(db, key, index)
    return index
