"""Crash safety: the autosave is flushed first, the report is logged, the dialog can copy it."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning
from PySide6.QtWidgets import QApplication

from eduwriter.gui import crash


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication):
    monkeypatch.setenv("EDUWRITER_LOG_DIR", str(tmp_path / "logs"))
    events: list[str] = []
    monkeypatch.setattr(
        crash, "present_crash", lambda text, path, saved: events.append(f"dialog:{saved}:{text}")
    )
    crash.install_crash_handler()
    yield tmp_path / "logs", events
    crash.uninstall_crash_handler()
    for callback in list(crash._flush_callbacks):
        crash.unregister_flush(callback)


def _raise_in_excepthook(message: str) -> None:
    try:
        raise RuntimeError(message)
    except RuntimeError:
        sys.excepthook(*sys.exc_info())


def _log_text(folder: Path) -> str:
    for handler in crash._logger().handlers:
        handler.flush()
    return (folder / "eduwriter.log").read_text(encoding="utf-8")


def test_uncaught_exception_flushes_autosave_before_logging_and_dialog(log_folder) -> None:
    folder, events = log_folder
    seen_log_at_flush: list[bool] = []

    def flush() -> None:
        events.append("flush")
        path = folder / "eduwriter.log"
        seen_log_at_flush.append(path.exists() and "boom-42" in path.read_text(encoding="utf-8"))

    crash.register_flush(flush)
    _raise_in_excepthook("boom-42")

    assert events[0] == "flush"
    assert events[1].startswith("dialog:True:")
    assert "RuntimeError: boom-42" in events[1]
    assert seen_log_at_flush == [False]  # flushed before anything else happened
    log = _log_text(folder)
    assert "RuntimeError: boom-42" in log
    assert "Traceback" in log


def test_failing_flush_is_reported_and_does_not_stop_the_report(log_folder) -> None:
    folder, events = log_folder

    def broken_flush() -> None:
        raise OSError("disk full")

    crash.register_flush(broken_flush)
    _raise_in_excepthook("second")

    assert len(events) == 1
    assert events[0].startswith("dialog:False:")  # the dialog says the autosave did not work
    log = _log_text(folder)
    assert "OSError: disk full" in log
    assert "RuntimeError: second" in log


def test_dialog_failure_never_escapes_or_recurses(log_folder, monkeypatch) -> None:
    folder, _events = log_folder
    calls = []

    def broken_dialog(text: str, path: Path, saved: bool) -> None:
        calls.append(text)
        raise RuntimeError("dialog exploded")

    monkeypatch.setattr(crash, "present_crash", broken_dialog)
    _raise_in_excepthook("original")  # must return normally

    assert len(calls) == 1
    log = _log_text(folder)
    assert "RuntimeError: original" in log
    assert "dialog exploded" in log


def test_the_same_failure_is_logged_every_time_but_shown_once(log_folder) -> None:
    folder, events = log_folder
    for _ in range(3):
        _raise_in_excepthook("repaint-loop")
    assert len(events) == 1
    assert _log_text(folder).count("RuntimeError: repaint-loop") == 3


def test_exception_in_a_thread_is_logged_with_the_thread_name(log_folder) -> None:
    folder, _events = log_folder

    def work() -> None:
        raise ValueError("in the worker")

    thread = threading.Thread(target=work, name="import-worker")
    thread.start()
    thread.join()
    log = _log_text(folder)
    assert "ValueError: in the worker" in log
    assert "import-worker" in log


def test_qt_warnings_go_to_the_same_log(log_folder) -> None:
    folder, _events = log_folder
    qWarning("qt-side warning 7")
    assert "Qt: qt-side warning 7" in _log_text(folder)


def test_uninstall_restores_previous_hooks(tmp_path, monkeypatch, qapp) -> None:
    monkeypatch.setenv("EDUWRITER_LOG_DIR", str(tmp_path))
    before = sys.excepthook, threading.excepthook
    crash.install_crash_handler()
    assert sys.excepthook is not before[0]
    crash.uninstall_crash_handler()
    assert (sys.excepthook, threading.excepthook) == before


def test_log_goes_to_the_isolated_data_folder(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("EDUWRITER_LOG_DIR", raising=False)
    monkeypatch.setenv("EDUWRITER_DATA_DIR", str(tmp_path))
    assert crash.log_path() == tmp_path / "logs" / "eduwriter.log"


def test_crash_dialog_copies_the_details(qtbot, tmp_path) -> None:
    details = crash.format_exception(ValueError, ValueError("bad slot"), None)
    dialog = crash.CrashDialog(details, tmp_path / "eduwriter.log", saved=True)
    qtbot.addWidget(dialog)
    dialog.show()

    assert "程序遇到了意外错误" in dialog.message.text()
    assert "您的文稿已自动保存" in dialog.message.text()
    assert str(tmp_path / "eduwriter.log") in dialog.path_label.text()
    assert dialog.copy_button.text() == "复制详细信息"

    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert "ValueError: bad slot" in copied
    assert str(tmp_path / "eduwriter.log") in copied
    assert dialog.copy_button.text() == "已复制"
    assert dialog.isVisible()  # copying does not close the dialog


def test_crash_dialog_warns_when_autosave_failed(qtbot, tmp_path) -> None:
    dialog = crash.CrashDialog("details", tmp_path / "x.log", saved=False)
    qtbot.addWidget(dialog)
    assert "自动保存没有成功" in dialog.message.text()
    assert "已自动保存" not in dialog.message.text()
