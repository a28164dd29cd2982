"""Autosave writes a recovery file; after a crash the next start offers to restore it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from gui_helpers import heading_lines
from PySide6.QtWidgets import QMessageBox

from eduwriter.gui.app import offer_recovery
from eduwriter.gui.autosave import find_orphans


def test_flush_writes_the_report_and_a_clean_close_removes_it(window, demo_report):
    window.rd.set_report(demo_report)
    assert not window.autosaver.flush_now()  # nothing unsaved: nothing written
    window.composer.go_to_block(2)
    window.act_demote.trigger()
    assert window.autosaver.flush_now()
    assert window.autosaver.path.exists()
    assert "（一）总体要求" in window.autosaver.path.read_text(encoding="utf-8")
    assert find_orphans() == []  # this window is alive: not an orphan
    window.close()
    assert not window.autosaver.path.exists()


def test_after_a_crash_the_next_start_offers_to_restore(window, isolated_data: Path, monkeypatch):
    # A separate process edits a report, autosaves, then dies without cleaning up.
    script = textwrap.dedent(
        """
        import os
        from PySide6.QtWidgets import QApplication
        from eduwriter.compose.report import Report, ReportBlock
        from eduwriter.gui.main_window import MainWindow
        app = QApplication([])
        w = MainWindow()
        w.rd.set_report(Report(title="未保存的总结", blocks=[ReportBlock("heading", "主要成绩", 1)]))
        w.composer.go_to_block(1)
        w.composer.insertPlainText("与不足")
        assert w.autosaver.flush_now()
        os._exit(3)  # crash
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 3, proc.stderr
    orphans = find_orphans()
    assert len(orphans) == 1
    asked = []

    def yes(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    assert offer_recovery(window)
    assert "没有正常关闭" in asked[0]
    assert window.rd.to_report().title == "未保存的总结"
    assert heading_lines(window.rd) == ["一、主要成绩与不足"]
    assert window.rd.is_modified()  # the writer still has to save it
    assert find_orphans() == []  # offered once


def test_declining_recovery_discards_it(window, monkeypatch, isolated_data):
    from eduwriter.compose.markdown_io import write_report
    from eduwriter.compose.report import Report
    from eduwriter.gui.settings import recovery_dir

    write_report(Report(title="旧"), recovery_dir() / "session-dead.md")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not offer_recovery(window)
    assert window.rd.to_report().title == ""
    assert find_orphans() == []


def _crashed_session(name: str, title: str, saved_at: float) -> None:
    """The files a session leaves behind when its process dies after an autosave."""
    import json

    from eduwriter.compose.markdown_io import write_report
    from eduwriter.compose.report import Report
    from eduwriter.gui.settings import recovery_dir

    md = recovery_dir() / f"session-{name}.md"
    write_report(Report(title=title), md)
    md.with_suffix(".json").write_text(
        json.dumps({"original": "", "saved_at": saved_at}), encoding="utf-8"
    )


def test_every_crashed_session_is_offered_and_none_is_deleted_unoffered(window, monkeypatch):
    """Issue 14.2: two windows crashed; the older report was deleted without being offered."""
    from PySide6.QtCore import QProcess

    _crashed_session("older", "第一份", 1000.0)
    _crashed_session("newer", "第二份", 2000.0)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No
    )
    assert not offer_recovery(window)
    assert len(asked) == 2 and "第二份" in asked[0] and "第一份" in asked[1]  # newest first
    assert find_orphans() == []  # declined after being offered

    _crashed_session("older", "第一份", 1000.0)
    _crashed_session("newer", "第二份", 2000.0)
    started: list[list[str]] = []
    monkeypatch.setattr(
        QProcess, "startDetached", lambda program, args, *a: started.append(list(args)) or True
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert offer_recovery(window)
    assert window.rd.to_report().title == "第二份"  # this window shows the newest
    # the other report is kept and offered again in a new window (a process of its own)
    assert [r.session for r in find_orphans()] == ["older"]
    assert len(started) == 1 and "gui" in started[0]


def test_a_session_killed_before_its_first_autosave_leaves_no_lock(isolated_data: Path):
    """Issue 14.15: the lock of a session that never autosaved stayed in recovery/ forever."""
    from eduwriter.gui.settings import recovery_dir

    script = textwrap.dedent(
        """
        import os
        from PySide6.QtWidgets import QApplication
        from eduwriter.gui.main_window import MainWindow
        app = QApplication([])
        w = MainWindow()
        print(w.autosaver.path.with_suffix(".lock"), flush=True)
        os._exit(3)  # killed before the first autosave
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 3, proc.stderr
    lock = Path(proc.stdout.strip().splitlines()[-1])
    assert lock.exists() and lock.parent == recovery_dir()
    assert find_orphans() == []
    assert not lock.exists()
    assert list(recovery_dir().glob("session-*")) == []


def test_the_lock_of_a_running_session_is_left_alone(window):
    lock = window.autosaver.path.with_suffix(".lock")
    assert lock.exists()
    assert find_orphans() == []
    assert lock.exists()
