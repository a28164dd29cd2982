"""Autosave: every 30 s the report goes to a recovery file in the user data folder.

Each running window owns one session (``session-<id>.md`` + ``.json`` with the original path)
guarded by a :class:`QLockFile`. A clean exit removes the session; after a crash the files stay
and the lock is stale, so the next start finds them (:func:`find_orphans`) and offers to restore.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer

from eduwriter.compose.report import Report
from eduwriter.gui.settings import recovery_dir

INTERVAL_MS = 30_000


@dataclass(slots=True)
class Recovery:
    """A report left behind by a session that did not close cleanly."""

    report_path: Path  # the recovery .md
    original: str  # the file the writer was editing ("" for an unsaved report)
    saved_at: float
    session: str

    def discard(self) -> None:
        for suffix in (".md", ".json", ".lock"):
            try:
                self.report_path.with_suffix(suffix).unlink()
            except OSError:
                pass


def _write_report(report: Report, path: Path) -> None:
    from eduwriter.compose.markdown_io import write_report

    write_report(report, path)


def _atomic_json(path: Path, data: dict) -> None:
    from eduwriter.core.atomic import atomic_write_text

    atomic_write_text(path, json.dumps(data, ensure_ascii=False))


def _remove_stale_locks(folder: Path) -> None:
    """Remove the lock of every session whose process is gone and that left no report (it was
    killed before its first autosave): nothing to recover, and the lock would stay forever."""
    for lock_path in folder.glob("session-*.lock"):
        if lock_path.with_suffix(".md").exists():
            continue  # a report to offer: find_orphans handles it
        lock = QLockFile(str(lock_path))
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        if lock.tryLock(0):
            lock.unlock()  # removes the file
            lock_path.with_suffix(".json").unlink(missing_ok=True)


def find_orphans(folder: Path | None = None) -> list[Recovery]:
    """Recovery files of sessions that are not running any more, newest first.

    Locks left by sessions that died before their first autosave are removed on the way."""
    folder = folder or recovery_dir()
    _remove_stale_locks(folder)
    out: list[Recovery] = []
    for md in folder.glob("session-*.md"):
        lock = QLockFile(str(md.with_suffix(".lock")))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # another window is alive and owns it
        lock.unlock()
        meta: dict = {}
        try:
            meta = json.loads(md.with_suffix(".json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
        out.append(
            Recovery(
                md,
                str(meta.get("original", "")),
                float(meta.get("saved_at", md.stat().st_mtime)),
                md.stem.removeprefix("session-"),
            )
        )
    out.sort(key=lambda r: r.saved_at, reverse=True)
    return out


class Autosaver(QObject):
    """Writes ``get_report()`` to this session's recovery file when it changed."""

    def __init__(
        self,
        get_report: Callable[[], Report],
        is_dirty: Callable[[], bool],
        get_path: Callable[[], str],
        parent: QObject | None = None,
        folder: Path | None = None,
        interval_ms: int = INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._get_report = get_report
        self._is_dirty = is_dirty
        self._get_path = get_path
        self.folder = folder or recovery_dir()
        self.session = uuid.uuid4().hex[:12]
        self.path = self.folder / f"session-{self.session}.md"
        self._lock = QLockFile(str(self.path.with_suffix(".lock")))
        self._lock.setStaleLockTime(0)
        self._lock.tryLock(0)
        self._generation = 0
        self._saved_generation = -1
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.flush_now)
        self.timer.start()
        self.last_error = ""

    def touch(self) -> None:
        """Note that the report changed since the last autosave."""
        self._generation += 1

    def flush_now(self) -> bool:
        """Write the recovery file now if there is anything unsaved. Never raises."""
        if not self._is_dirty():
            self._remove_files()
            return False
        if self._saved_generation == self._generation and self.path.exists():
            return False
        try:
            _write_report(self._get_report(), self.path)
            _atomic_json(
                self.path.with_suffix(".json"),
                {"original": self._get_path(), "saved_at": time.time()},
            )
        except Exception as exc:  # noqa: BLE001 - autosave must never take the app down
            self.last_error = str(exc)
            return False
        self._saved_generation = self._generation
        return True

    def _remove_files(self) -> None:
        for suffix in (".md", ".json"):
            try:
                self.path.with_suffix(suffix).unlink()
            except OSError:
                pass

    def close(self) -> None:
        """Clean exit: nothing to recover."""
        self.timer.stop()
        self._remove_files()
        self._lock.unlock()
        try:
            self.path.with_suffix(".lock").unlink()
        except OSError:
            pass
