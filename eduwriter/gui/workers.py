"""Background work for the GUI: library search as you type and document import.

Nothing here touches widgets. The library store is safe to share between threads (one
``check_same_thread=False`` connection behind a re-entrant lock), so the workers call the same
store object the GUI uses: its in-memory search index sees every change at once.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

from eduwriter.gui.library_model import exception_message


class _SearchTask(QRunnable):
    def __init__(self, runner: SearchRunner, gen: int, query: str, filters: dict) -> None:
        super().__init__()
        self._runner = runner
        self._gen = gen
        self._query = query
        self._filters = filters

    def run(self) -> None:  # worker thread
        runner = self._runner
        if self._gen != runner._latest:  # a newer query is waiting: skip this one
            return
        try:
            items = list(runner._store.search(self._query, **self._filters))
            error = ""
        except Exception as exc:  # noqa: BLE001 - reported to the pane, never crashes the app
            items, error = [], f"{type(exc).__name__}: {exc}"
        if self._gen == runner._latest:
            try:
                runner.resultsReady.emit(self._gen, self._query, items, error)
            except RuntimeError:  # the pane went away while this search ran: nobody to tell
                pass


class _CallTask(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._fn = fn

    def run(self) -> None:  # worker thread
        try:
            self._fn()
        except Exception:  # noqa: BLE001 - a failed warm-up only means a slower first search
            pass


class SearchRunner(QObject):
    """Runs ``store.search`` on one background thread; only the newest query's results arrive.

    Typing never waits for a search: queries are queued to a single worker thread, a query that
    was overtaken by a newer one before it started is skipped, and stale results are dropped.

    ``resultsReady(generation, query, items, error)`` is delivered in the GUI thread.
    """

    resultsReady = Signal(int, str, list, str)

    def __init__(self, store: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one thread -> one connection, searches in order
        self._pool.setExpiryTimeout(-1)  # keep the thread (and its connection) alive
        self._latest = 0

    def request(self, query: str, **filters: Any) -> int:
        """Queue a search; returns its generation number."""
        self._latest += 1
        self._pool.start(_SearchTask(self, self._latest, query, filters))
        return self._latest

    def warm_up(self) -> None:
        """Load the store's search index on the worker thread, so the first query is quick."""
        build = getattr(self._store, "build_index", None)
        if callable(build):
            self._pool.start(_CallTask(build))

    def cancel_pending(self) -> None:
        """Drop results of every search requested so far."""
        self._latest += 1

    def wait(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        self.cancel_pending()
        self._pool.waitForDone(5000)


class _JobWorker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Callable[..., Any], cancel_flag: threading.Event) -> None:
        super().__init__()
        self._job = job
        self._cancel = cancel_flag

    @Slot()
    def run(self) -> None:
        def progress(done: int = 0, total: int = 0, name: Any = "") -> None:
            self.progress.emit(int(done), int(total), str(name or ""))

        try:
            result = self._job(progress, self._cancel.is_set)
        except Exception as exc:  # noqa: BLE001 - shown in the dialog
            if getattr(exc, "message_zh", None):
                detail = exception_message(exc)  # in the UI language
            else:
                detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            self.failed.emit(detail)
        else:
            self.finished.emit(result)
        finally:
            # Stop this thread's event loop now, so BackgroundJob.wait() returns even while
            # the GUI thread is blocked in it (e.g. the window closing during an import).
            thread = QThread.currentThread()
            if thread is not None:
                thread.quit()


class BackgroundJob(QObject):
    """Run ``job(progress, cancelled)`` on its own QThread.

    ``job`` receives ``progress(done, total, name)`` to report and ``cancelled()`` to poll.
    Signals (GUI thread): ``progress(done, total, name)``, ``finished(result)``, ``failed(message)``,
    and ``done()`` after either of the last two once the thread has stopped.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    done = Signal()

    def __init__(self, job: Callable[..., Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread = QThread(self)
        self._worker = _JobWorker(job, self._cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._running = False

    def start(self) -> None:
        self._running = True
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self._running

    def wait(self, msecs: int = 30000) -> bool:
        return self._thread.wait(msecs)

    def _stop_thread(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self._running = False

    def _on_finished(self, result: object) -> None:
        self._stop_thread()
        self.finished.emit(result)
        self.done.emit()

    def _on_failed(self, message: str) -> None:
        self._stop_thread()
        self.failed.emit(message)
        self.done.emit()


def import_job(store: Any, paths: Sequence[str]) -> Callable[..., Any]:
    """A BackgroundJob body that runs ``ingest.import_files(store, paths)`` with progress and
    cancel."""
    from eduwriter.library import ingest

    def job(progress: Callable[..., None], cancelled: Callable[[], bool]) -> Any:
        return ingest.import_files(store, list(paths), progress=progress, cancel=cancelled)

    return job
