"""Smoke check for built bundles: did the main window open, and did it close cleanly?

With ``EDUWRITER_SMOKE_QUIT_MS=<ms>`` in the environment, the packaged launcher calls
:func:`start_smoke_watch` before handing over to the normal entry point. The watch waits (in a
helper thread) until the app's ``QApplication`` exists, then runs on the GUI thread: once a
``QMainWindow`` is visible it prints ``EDUWRITER-SMOKE window-shown …``, waits the given time,
closes every window, prints ``EDUWRITER-SMOKE window-closed`` and quits with exit code 0. If no
window appears within ``EDUWRITER_SMOKE_TIMEOUT_MS`` (default 60 s) it quits with exit code 3.

The app itself knows nothing about this: no code path in the app changes.
"""

from __future__ import annotations

import os
import sys
import threading
import time

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QTimer, Slot

ENV_QUIT_MS = "EDUWRITER_SMOKE_QUIT_MS"
ENV_TIMEOUT_MS = "EDUWRITER_SMOKE_TIMEOUT_MS"
MARK = "EDUWRITER-SMOKE"
EXIT_NO_WINDOW = 3


def _say(text: str) -> None:
    for stream in (sys.stdout, sys.__stdout__):
        if stream is not None:
            try:
                stream.write(f"{MARK} {text}\n")
                stream.flush()
                return
            except (OSError, ValueError):
                continue


class _Watcher(QObject):
    def __init__(self, quit_after_ms: int, timeout_ms: int) -> None:
        super().__init__()
        self.quit_after_ms = quit_after_ms
        self.timeout_ms = timeout_ms
        self.clock = QElapsedTimer()
        self.shown_at: int | None = None
        self.closing = False
        self.timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        self.clock.start()
        self.timer = QTimer(self)
        self.timer.setInterval(50)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _main_windows(self) -> list:
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return []
        return [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]

    @Slot()
    def poll(self) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        now = self.clock.elapsed()
        windows = self._main_windows()
        if self.shown_at is None:
            if windows:
                self.shown_at = now
                w = windows[0]
                _say(
                    f"window-shown class={type(w).__name__} title={w.windowTitle()!r} "
                    f"after_ms={now}"
                )
            elif now > self.timeout_ms:
                _say(f"no-window after_ms={now}")
                app.exit(EXIT_NO_WINDOW)
            return
        if not self.closing and now - self.shown_at >= self.quit_after_ms:
            self.closing = True
            from PySide6.QtWidgets import QApplication

            QApplication.closeAllWindows()
            # (closing the last window may end the event loop before the next poll)
        if self.closing:
            if not self._main_windows():
                _say("window-closed")
                app.exit(0)
            elif now - self.shown_at > self.quit_after_ms + 10_000:
                _say("window-did-not-close")
                app.exit(4)


def _wait_for_app_then_start(quit_after_ms: int, timeout_ms: int) -> None:
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        app = QCoreApplication.instance()
        if app is not None and not QCoreApplication.startingUp():
            # Queue the watch onto the GUI thread; it starts when the app's event loop runs.
            QTimer.singleShot(0, app, lambda: _start_on_gui_thread(quit_after_ms, timeout_ms))
            return
        time.sleep(0.02)
    _say("no-application")


_watchers: list[_Watcher] = []


def _start_on_gui_thread(quit_after_ms: int, timeout_ms: int) -> None:
    watcher = _Watcher(quit_after_ms, timeout_ms)
    _watchers.append(watcher)  # keep it alive
    watcher.start()


def start_smoke_watch(quit_after_ms: int, timeout_ms: int | None = None) -> threading.Thread:
    """Watch for the main window, close it after ``quit_after_ms`` and quit (see module doc)."""
    if timeout_ms is None:
        timeout_ms = int(os.environ.get(ENV_TIMEOUT_MS, "60000"))
    thread = threading.Thread(
        target=_wait_for_app_then_start,
        args=(quit_after_ms, timeout_ms),
        name="smoke-watch",
        daemon=True,
    )
    thread.start()
    return thread


def start_from_environment() -> bool:
    """Start the watch when ``EDUWRITER_SMOKE_QUIT_MS`` is set; return whether it started."""
    value = os.environ.get(ENV_QUIT_MS, "").strip()
    if not value:
        return False
    start_smoke_watch(int(value))
    return True
