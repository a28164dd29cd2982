"""Background work for the GUI: one idiom, a ``QRunnable`` on a ``QThreadPool`` that reports
through a signals object living in the GUI thread.

* :class:`BackgroundJob` runs ``job(progress, cancelled)``: the job reports with
  ``progress(done, total, name)`` and polls ``cancelled()``; the GUI gets ``progress``,
  ``finished(result)`` or ``failed(message)``, then ``done``. Used to open the library (building
  it from the bundled samples on first start), to import 范文 and to load autocomplete phrasings.
* :class:`SearchRunner` is the same idiom for search as you type: a one-thread pool, so searches
  run in order, where a newer query cancels the older ones (their results are dropped).
* Export (``dialogs/export_action.py``) runs its own ``QRunnable`` on a one-thread pool too.

Why a thread pool and not ``QThread`` workers or ``threading.Thread``: the job body stays a
plain function (testable without Qt), the pool reuses threads, and signals emitted from the pool
thread reach the GUI thread queued, so no widget is touched off the GUI thread. Nothing here
touches widgets. The library store is safe to share between threads (one
``check_same_thread=False`` connection behind a re-entrant lock), so jobs call the same store
object the GUI uses: its in-memory search index sees every change at once.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from eduwriter.compose.suggest_rank import Candidate, is_offerable
from eduwriter.gui.messages import exception_message

if TYPE_CHECKING:
    from eduwriter.library.store import ImportReport, LibraryStore

#: ``progress(done, total, name)``: what a job calls to report.
Progress = Callable[..., None]
#: ``cancelled()``: what a job polls to stop early.
Cancelled = Callable[[], bool]
#: The body of a background job.
Job = Callable[[Progress, Cancelled], Any]


def failure_message(exc: BaseException) -> str:
    """What the writer reads when a job fails: the library's own message in the UI language,
    else the exception's one line."""
    if getattr(exc, "message_zh", None):
        return exception_message(exc)
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()


class _JobSignals(QObject):
    """Created in the GUI thread; emitted from the pool thread (delivered queued)."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class _JobTask(QRunnable):
    def __init__(self, job: Job, signals: _JobSignals, cancel: threading.Event) -> None:
        super().__init__()
        self._job = job
        self._signals = signals
        self._cancel = cancel
        self.ended = threading.Event()

    def run(self) -> None:  # pool thread
        def progress(done: int = 0, total: int = 0, name: object = "") -> None:
            self._signals.progress.emit(int(done), int(total), str(name or ""))

        try:
            result = self._job(progress, self._cancel.is_set)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI, never crashes the app
            self._emit(self._signals.failed, failure_message(exc))
        else:
            self._emit(self._signals.finished, result)
        finally:
            self.ended.set()  # BackgroundJob.wait() returns even while the GUI thread blocks

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the receiver went away while the job ran: nobody to tell
            pass


class BackgroundJob(QObject):
    """Run ``job(progress, cancelled)`` on a pool thread.

    Signals (GUI thread): ``progress(done, total, name)``, ``finished(result)``,
    ``failed(message)``, and ``done()`` after either of the last two.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    done = Signal()

    def __init__(
        self, job: Job, parent: QObject | None = None, pool: QThreadPool | None = None
    ) -> None:
        super().__init__(parent)
        self._job = job
        self._pool = pool or QThreadPool.globalInstance()
        self._cancel = threading.Event()
        self._signals = _JobSignals(self)
        self._signals.progress.connect(self.progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._task: _JobTask | None = None
        self._running = False

    def start(self) -> None:
        self._task = _JobTask(self._job, self._signals, self._cancel)
        self._task.setAutoDelete(False)  # kept until the job object goes: wait() reads it
        self._running = True
        self._pool.start(self._task)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self._running

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the job body has returned (True) or ``msecs`` passed (False)."""
        return self._task is None or self._task.ended.wait(msecs / 1000)

    def _on_finished(self, result: object) -> None:
        self._running = False
        self.finished.emit(result)
        self.done.emit()

    def _on_failed(self, message: str) -> None:
        self._running = False
        self.failed.emit(message)
        self.done.emit()


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
                return
        suggest = getattr(runner._store, "suggestions", None)
        if items or error or not callable(suggest) or self._gen != runner._latest:
            return
        try:
            nearest = list(suggest(self._query, kind=self._filters.get("kind")))
        except Exception:  # noqa: BLE001 - suggestions are a courtesy, never an error
            return
        if nearest and self._gen == runner._latest:
            try:
                runner.suggestionsReady.emit(self._gen, self._query, nearest)
            except RuntimeError:
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
    was overtaken by a newer one before it started is skipped (cancelled), and stale results are
    dropped.

    ``resultsReady(generation, query, items, error)`` is delivered in the GUI thread, then, when
    nothing was found, ``suggestionsReady(generation, query, words)``.
    """

    resultsReady = Signal(int, str, list, str)
    #: ``(generation, query, words)``: "did you mean" for a query that found nothing
    suggestionsReady = Signal(int, str, list)

    def __init__(self, store: LibraryStore, parent: QObject | None = None) -> None:
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


def import_job(store: LibraryStore, paths: Sequence[str]) -> Job:
    """A BackgroundJob body that runs ``ingest.import_files(store, paths)`` with progress and
    cancel."""
    from eduwriter.library import ingest

    def job(progress: Progress, cancelled: Cancelled) -> ImportReport:
        return ingest.import_files(store, list(paths), progress=progress, cancel=cancelled)

    return job


def open_store_job(path: Path | None) -> Job:
    """A BackgroundJob body that opens the library (setting a damaged one aside) and builds the
    built-in part from the bundled samples on first start, with progress and cancel."""

    def job(progress: Progress, cancelled: Cancelled) -> LibraryStore:
        from eduwriter.library import ingest  # the library loads off the GUI thread
        from eduwriter.library.store import LibraryStore

        store = LibraryStore.open(path, recover=True)
        if not store.has_builtin():
            ingest.ensure_builtin(store, progress=progress, cancel=cancelled)
        return store

    return job


def phrasings_job(store: LibraryStore) -> Job:
    """A BackgroundJob body that reads what autocomplete suggests (phrasings, snippets), the
    writer's own and the shared library's, with function, genre and uses for the ranking;
    items flagged stale or of another domain are left out."""

    def job(_progress: Progress, _cancelled: Cancelled) -> list[Candidate]:
        out: list[Candidate] = []
        sources = [(store, True)]
        if getattr(store, "shared", None) is not None:  # the unit's shared library (单位)
            sources.append((store.shared, False))
        for kind in ("phrasing", "snippet"):
            for source, own in sources:
                for it in source.items(kind=kind):
                    if is_offerable(it.data):
                        item_id = it.id if own else ""
                        out.append(Candidate(it.text, it.function, it.genre, it.usage, item_id))
        return out

    return job
