"""导出 from the window: the suggested file name, the report's own file is never overwritten,
a report without a title is exported with a warning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from eduwriter.compose.report import Report, ReportBlock
from eduwriter.gui.dialogs.export_action import ExportOptionsDialog


def _ask(window, monkeypatch, answer: str = ""):
    """Run 导出 with the file dialog answering ``answer``; returns the suggested path."""
    asked: list[str] = []

    def dialog(_parent, _caption, start, _filter):
        asked.append(start)
        return answer, ""

    monkeypatch.setattr(ExportOptionsDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    monkeypatch.setattr(type(window.exporter), "confirm_unfilled", lambda self: True)
    window.exporter.ask_and_export()
    return Path(asked[0])


def _answer_unfilled(qtbot, button_text: str, seen: list[str]) -> None:
    """Answer the "unfilled slots" question with the button labelled ``button_text``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        for b in box.buttons():
            if b.text() == button_text:
                b.click()

    QTimer.singleShot(0, click)


def test_export_asks_before_writing_unfilled_slots_and_says_where(
    window, demo_report, monkeypatch, qtbot
):
    window.rd.set_report(demo_report)
    opened: list[bool] = []
    monkeypatch.setattr(ExportOptionsDialog, "exec", lambda self: opened.append(True) or 0)
    seen: list[str] = []
    _answer_unfilled(qtbot, "先填写", seen)
    filled: list[bool] = []
    window.exporter.fill_slots = lambda: filled.append(True)
    assert window.exporter.ask_and_export() is False
    # the same count as the status bar, and where each one is
    qtbot.waitUntil(lambda: window.slots_label.text() == "待填要素：4", timeout=3000)
    assert "还有 4 处要素没有填写" in seen[0]
    assert "【年份】  一、总体要求" not in seen[0]
    assert "【年份】  （二）工作目标：到【年份】年底" in seen[0]
    assert filled == [True] and not opened
    _answer_unfilled(qtbot, "仍要导出", seen)
    window.exporter.ask_and_export()
    assert opened == [True]


def test_export_suggests_the_saved_file_name(window, demo_report, tmp_path, monkeypatch):
    window.rd.set_report(demo_report)
    report = tmp_path / "report1.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    assert window.files.save_as()
    assert _ask(window, monkeypatch).name == "report1.docx"


def test_export_suggests_the_title_then_a_default(window, monkeypatch):
    window.rd.set_report(
        Report(title="秋季开学工作方案", blocks=[ReportBlock("paragraph", "正文")])
    )
    assert _ask(window, monkeypatch).name == "秋季开学工作方案.docx"
    window.rd.set_report(Report(title="", blocks=[ReportBlock("paragraph", "正文")]))
    assert _ask(window, monkeypatch).name == "未命名报告.docx"


def test_exporting_onto_the_report_file_itself_is_refused(
    window, demo_report, tmp_path, monkeypatch, qtbot
):
    window.rd.set_report(demo_report)
    report = tmp_path / "report1.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    assert window.files.save_as()
    saved = report.read_text(encoding="utf-8")
    window.rd.set_report(Report(title="另一份", blocks=[ReportBlock("paragraph", "覆盖了")]))
    asked: list[str] = []

    def no(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    with qtbot.waitSignal(window.exporter.failed, timeout=30000):
        window.exporter.export_to(str(report), {"fmt": "md"})
    assert asked and "原文件" in asked[0]
    assert report.read_text(encoding="utf-8") == saved  # the report file is untouched


def test_export_without_a_title_warns(window, tmp_path, monkeypatch, qtbot):
    window.rd.set_report(Report(title="", blocks=[ReportBlock("paragraph", "只有正文。")]))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.informativeText()))
    with qtbot.waitSignal(window.exporter.exported, timeout=30000) as blocker:
        window.exporter.export_to(str(tmp_path / "无题.docx"), {"fmt": "docx"})
    assert any("没有标题" in w for w in blocker.args[0].warnings)
    assert shown and "没有标题" in shown[0]
