"""Atomic file writes: a temporary file next to the target, flushed, fsynced, then os.replace.

A failed or interrupted write never leaves a partial file under the target name, and the
previous content of the target survives until the new content is complete. The one home of
atomic writes: reports (compose), exports, packs (library) and the window's files use it.

* A target that is a symbolic link is written through: the file it points to gets the new
  content and the link stays a link.
* A save killed half-way leaves a hidden ``.NAME.xxxxxxxx.tmp`` beside the target; the next save
  of the same name removes such leftovers once they are clearly abandoned (older than
  :data:`STALE_AFTER` seconds), never a file of any other shape.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from pathlib import Path

#: Age (seconds) after which a leftover temporary file of a save is abandoned, not in progress.
STALE_AFTER = 15 * 60


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and return the path.

    Raises ``OSError`` (e.g. ``PermissionError`` when the target is locked by Word) with the
    target left exactly as it was.
    """
    target = Path(path)
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    folder = real.parent if str(real.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if real.exists():
            # Keep the permissions of the file being replaced.
            with contextlib.suppress(OSError):
                os.chmod(tmp_name, real.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            with contextlib.suppress(OSError):
                os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(folder)
    remove_stale_temps(real)
    return target


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (UTF-8 by default, ``\\n`` line ends kept as is)."""
    return atomic_write_bytes(path, text.encode(encoding))


def remove_stale_temps(target: Path, older_than: float = STALE_AFTER) -> list[Path]:
    """Remove the abandoned temporary files of earlier saves of ``target`` (exactly
    ``.NAME.<8 characters>.tmp``, a regular file, not modified for ``older_than`` seconds).
    Returns what was removed; errors are ignored (a leftover is harmless)."""
    shape = re.compile(rf"^\.{re.escape(target.name)}\.[A-Za-z0-9_]{{8}}\.tmp$")
    folder = target.parent if str(target.parent) else Path(".")
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not shape.match(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime < older_than:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)
