"""One writer at a time for a library: an advisory lock on ``<library>.lock`` beside the file.

A long write (building or importing: read the stored analyses, extract, replace the derived
items) holds the lock from its first read to its commit, so two processes importing into the
same library cannot each replace the other's items. A second writer waits briefly, then gets a
clear :class:`~eduwriter.library.errors.LibraryBusyError`, worded as SQLite's own lock is
(:func:`~eduwriter.library.database.in_use`: one message). Readers never take the lock (SQLite's
WAL mode lets them read while a writer works).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from eduwriter.library.database import in_use

#: How long a second writer waits for the first (seconds).
WAIT = 3.0

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


@contextlib.contextmanager
def writer_lock(db: Path, wait: float = WAIT) -> Iterator[None]:
    """Hold the library's writer lock; raise :class:`LibraryBusyError` after ``wait`` seconds.

    When the lock file cannot be created (a read-only folder), nothing is locked: the write
    itself will then fail with its own message.
    """
    try:
        fd = os.open(lock_path(db), os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        yield
        return
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise in_use(db, by_writer_lock=True)
            time.sleep(0.05)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
