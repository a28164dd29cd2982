"""Crash safety: uncaught exceptions and Qt warnings go to a log file; the writer sees a dialog.

Call :func:`install_crash_handler` once, right after the ``QApplication`` exists (it also works
before; the dialog then waits for a running application). Components that hold unsaved work
register a flush callable with :func:`register_flush` (the autosave); on an uncaught exception
every registered callable runs *first*, so the report is on disk before anything else can go
wrong. Then the traceback is written to ``user_log_dir("EduWriter")/eduwriter.log`` (rotating)
and a dialog in Chinese shows the log path with a button that copies the details.

The handler never raises and never recurses: an exception raised while a crash is being handled
(in a flush callable, in the dialog, in the logging) is only written to the log and stderr.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, Qt, QTimer, QtMsgType, QUrl, qInstallMessageHandler
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

LOGGER_NAME = "eduwriter"
LOG_FILE_NAME = "eduwriter.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3

_flush_callbacks: list[Callable[[], object]] = []
_lock = threading.RLock()
_handling = threading.local()
_state: dict[str, object] = {}
_shown_signatures: set[str] = set()


# --------------------------------------------------------------------------- log file


def log_dir() -> Path:
    """The user's log folder for EduWriter.

    ``EDUWRITER_LOG_DIR`` overrides it; with ``EDUWRITER_DATA_DIR`` (isolated runs: tests, smoke
    test of the bundle) the log goes to its ``logs`` sub-folder, like everything else the app writes.
    """
    override = os.environ.get("EDUWRITER_LOG_DIR")
    if override:
        return Path(override)
    data = os.environ.get("EDUWRITER_DATA_DIR")
    if data:
        return Path(data) / "logs"
    from platformdirs import user_log_dir

    return Path(user_log_dir("EduWriter", appauthor=False))


def log_path() -> Path:
    """The current log file (``eduwriter.log``; older ones are ``eduwriter.log.1`` …)."""
    return log_dir() / LOG_FILE_NAME


def _logger() -> logging.Logger:
    return logging.getLogger(LOGGER_NAME)


def _attach_file_handler() -> Path | None:
    """Add the rotating file handler once; return the log path, or None if it cannot be written."""
    path = log_path()
    logger = _logger()
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
        )
    except OSError as exc:
        _stderr(f"EduWriter: 无法写入日志文件 {path}: {exc}")
        return None
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s")
    )
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    _state["file_handler"] = handler
    return path


def _stderr(text: str) -> None:
    stream = sys.__stderr__ or sys.stderr
    if stream is None:  # windowed build: no console
        return
    try:
        stream.write(text.rstrip("\n") + "\n")
        stream.flush()
    except Exception:  # noqa: BLE001 - last resort, must not raise
        pass


# --------------------------------------------------------------------------- flush callbacks


def register_flush(callback: Callable[[], object]) -> None:
    """Run ``callback`` (e.g. the autosave flush) before an uncaught exception is reported."""
    with _lock:
        if callback not in _flush_callbacks:
            _flush_callbacks.append(callback)


def unregister_flush(callback: Callable[[], object]) -> None:
    """Forget a callable given to :func:`register_flush` (e.g. when its window closes)."""
    with _lock:
        if callback in _flush_callbacks:
            _flush_callbacks.remove(callback)


def _run_flush_callbacks() -> list[str]:
    """Call every flush callable; return the errors (as text) of those that failed."""
    with _lock:
        callbacks = list(_flush_callbacks)
    errors = []
    for callback in callbacks:
        try:
            callback()
        except BaseException as exc:  # noqa: BLE001 - a failing flush must not stop the report
            text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
            errors.append(text)
            try:
                _logger().error("自动保存失败 / autosave flush failed:\n%s", text)
            except Exception:  # noqa: BLE001
                _stderr(text)
    return errors


# --------------------------------------------------------------------------- handlers


def format_exception(
    exc_type: type[BaseException],
    exc: BaseException | None,
    tb: TracebackType | None,
    thread_name: str | None = None,
) -> str:
    """The report text: program version, platform, thread and the traceback."""
    from eduwriter import __version__

    lines = [
        f"EduWriter {__version__}",
        f"Python {sys.version.split()[0]} · {sys.platform}",
    ]
    if thread_name:
        lines.append(f"线程 / thread: {thread_name}")
    lines.append("")
    lines.extend(traceback.format_exception(exc_type, exc, tb))
    return "\n".join(line.rstrip("\n") for line in lines)


def _signature(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    frames = traceback.extract_tb(tb) if tb is not None else []
    last = frames[-1] if frames else None
    where = f"{last.filename}:{last.lineno}" if last else "?"
    return f"{exc_type.__name__}@{where}"


def handle_exception(
    exc_type: type[BaseException],
    exc: BaseException | None,
    tb: TracebackType | None,
    thread_name: str | None = None,
) -> None:
    """Flush, log and report one uncaught exception. Never raises."""
    if getattr(_handling, "active", False):
        # An exception while handling a crash: only record it, never start another round.
        try:
            _logger().error(
                "处理错误时又发生错误 / error while handling a crash:\n%s",
                format_exception(exc_type, exc, tb, thread_name),
            )
        except Exception:  # noqa: BLE001
            _stderr("".join(traceback.format_exception(exc_type, exc, tb)))
        return
    _handling.active = True
    try:
        flush_errors = _run_flush_callbacks()
        text = format_exception(exc_type, exc, tb, thread_name)
        if flush_errors:
            text += "\n\n自动保存失败 / autosave flush failed:\n" + "\n".join(flush_errors)
        try:
            _logger().critical("未处理的异常 / uncaught exception:\n%s", text)
        except Exception:  # noqa: BLE001
            pass
        _stderr(text)
        signature = _signature(exc_type, tb)
        if signature in _shown_signatures:
            return  # the same failure again (e.g. in every repaint): logged, not shown again
        _shown_signatures.add(signature)
        if _state.get("show_dialog", True):
            _present_safely(text, saved=not flush_errors)
    except BaseException as inner:  # noqa: BLE001 - the handler itself must never crash
        _stderr(f"EduWriter: crash handler failed: {inner!r}")
    finally:
        _handling.active = False


def _present_safely(text: str, saved: bool) -> None:
    app = QApplication.instance()
    if app is None or not isinstance(app, QApplication):
        return  # no window system: the log and stderr carry the report
    path = log_path()
    if threading.current_thread() is threading.main_thread():
        _call_presenter(text, path, saved)
    else:
        # Widgets live on the GUI thread: queue the dialog there.
        QTimer.singleShot(0, app, lambda: _call_presenter(text, path, saved))


def _call_presenter(text: str, path: Path, saved: bool) -> None:
    was_active = getattr(_handling, "active", False)
    _handling.active = True
    try:
        present_crash(text, path, saved)
    except BaseException as exc:  # noqa: BLE001
        try:
            _logger().error("错误对话框无法显示 / crash dialog failed: %r", exc)
        except Exception:  # noqa: BLE001
            pass
        _stderr(f"EduWriter: crash dialog failed: {exc!r}")
    finally:
        _handling.active = was_active


def present_crash(text: str, path: Path, saved: bool) -> None:
    """Show the crash dialog modally (replaced in tests that only check the order of events)."""
    CrashDialog(text, path, saved=saved, parent=QApplication.activeWindow()).exec()


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    handle_exception(exc_type, exc, tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else None
    handle_exception(args.exc_type, args.exc_value, args.exc_traceback, thread_name=name)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message_handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    try:
        level = _QT_LEVELS.get(mode, logging.WARNING)
        where = ""
        if context is not None and context.category and context.category != "default":
            where = f"[{context.category}] "
        _logger().log(level, "Qt: %s%s", where, message)
        if level >= logging.WARNING and os.environ.get("EDUWRITER_QT_STDERR", "1") != "0":
            _stderr(f"Qt: {where}{message}")
    except Exception:  # noqa: BLE001 - called from C++: must not raise
        pass


def install_crash_handler(*, show_dialog: bool = True) -> Path | None:
    """Route uncaught exceptions (main and other threads) and Qt messages to the log.

    Returns the log file path (None if the log folder cannot be written; the dialog and stderr
    still work). Safe to call more than once.
    """
    with _lock:
        path = _attach_file_handler()
        _state["show_dialog"] = show_dialog
        if "installed" not in _state:
            _state["prev_excepthook"] = sys.excepthook
            _state["prev_thread_excepthook"] = threading.excepthook
            _state["prev_qt_handler"] = qInstallMessageHandler(_qt_message_handler)
            sys.excepthook = _excepthook
            threading.excepthook = _thread_excepthook
            _state["installed"] = True
            _logger().info("EduWriter 启动 / started; log: %s", path)
        return path


def uninstall_crash_handler() -> None:
    """Restore the hooks that were in place before :func:`install_crash_handler` (for tests)."""
    with _lock:
        if "installed" in _state:
            sys.excepthook = _state.pop("prev_excepthook")  # type: ignore[assignment]
            threading.excepthook = _state.pop("prev_thread_excepthook")  # type: ignore[assignment]
            qInstallMessageHandler(_state.pop("prev_qt_handler"))  # type: ignore[arg-type]
            del _state["installed"]
        handler = _state.pop("file_handler", None)
        if isinstance(handler, logging.Handler):
            _logger().removeHandler(handler)
            handler.close()
        _shown_signatures.clear()


# --------------------------------------------------------------------------- dialog


class CrashDialog(QDialog):
    """程序遇到了意外错误 — with the log path, the details, and 复制详细信息."""

    def __init__(
        self, details: str, log_file: Path, *, saved: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.details = details
        self.log_file = log_file
        self.setWindowTitle(self.tr("EduWriter — 意外错误"))
        self.setMinimumWidth(560)

        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48)
        )
        saved_line = (
            self.tr("您的文稿已自动保存，重新启动后可以恢复。")
            if saved
            else self.tr("自动保存没有成功，请尽快用“另存为”保存您的文稿。")
        )
        headline = self.tr("程序遇到了意外错误。")
        helpline = self.tr("如需帮助，请把下面的详细信息发给技术支持人员。")
        self.message = QLabel(f"<b>{headline}</b><br>{saved_line}<br>{helpline}")
        self.message.setWordWrap(True)
        self.path_label = QLabel(self.tr("错误记录已写入：%1").replace("%1", str(log_file)))
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setMinimumHeight(180)

        self.copy_button = QPushButton(self.tr("复制详细信息"))
        self.copy_button.clicked.connect(self.copy_details)
        self.open_button = QPushButton(self.tr("打开日志文件夹"))
        self.open_button.clicked.connect(self.open_log_folder)
        self.quit_button = QPushButton(self.tr("退出程序"))
        self.quit_button.clicked.connect(self._quit)
        self.continue_button = QPushButton(self.tr("继续使用"))
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)

        top = QHBoxLayout()
        top.addWidget(icon, 0)
        top.addWidget(self.message, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.path_label)
        layout.addWidget(self.details_view, 1)
        layout.addLayout(buttons)

    def copy_details(self) -> None:
        """Put the full report (log path + traceback) on the clipboard."""
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(f"{self.details}\n\n日志 / log: {self.log_file}")
        self.copy_button.setText(self.tr("已复制"))

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))

    def _quit(self) -> None:
        self.done(QDialog.DialogCode.Rejected)
        app = QApplication.instance()
        if app is not None:
            app.exit(1)
