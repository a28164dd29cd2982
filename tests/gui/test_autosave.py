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
