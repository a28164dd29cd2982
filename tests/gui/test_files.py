"""Save, reopen, recent files, unsaved-changes question, failed saves lose nothing."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import DEMO_MD, heading_lines, visible_lines
from PySide6.QtWidgets import QFileDialog, QMessageBox

from eduwriter.gui.files import FileController


def test_save_and_reopen_gives_the_same_report(window, demo_report, tmp_path: Path, monkeypatch):
    rd = window.rd
    rd.set_report(demo_report)
    window.composer.go_to_block(2)
    window.act_demote.trigger()  # 一、总体要求 -> （一）
    before = visible_lines(rd)
    target = tmp_path / "我的方案"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.files.save()  # never saved: asks for a name, adds .md
    saved = tmp_path / "我的方案.md"
    assert saved.exists()
    assert not rd.is_modified()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("我的方案.md")
    assert window.files.path == str(saved.resolve())
    text = saved.read_text(encoding="utf-8")
    assert "（一）总体要求" in text  # the file reads well anywhere: numbers written out

    assert window.files.new()
    assert heading_lines(rd) == []
    assert window.files.open(str(saved))
    assert visible_lines(rd) == before
    assert [b.hint for b in rd.to_report().blocks] == [b.hint for b in demo_report.blocks]
    assert window.settings.recent_files()[0] == str(saved.resolve())
    assert window.recent_menu.actions()[0].text() == "我的方案.md"


def test_closing_with_unsaved_changes_asks(window, qtbot, monkeypatch):
    window.composer.insertPlainText("新的报告标题")
    assert window.rd.is_modified()
    answers = []

    def cancel(self):
        answers.append("asked")
        return "cancel"

    monkeypatch.setattr(FileController, "ask_save_changes", cancel)
    assert not window.close()
    assert answers == ["asked"]
    assert window.isVisible()
    monkeypatch.setattr(FileController, "ask_save_changes", lambda self: "discard")
    assert window.close()


def test_a_failed_save_keeps_the_report_and_says_so(window, tmp_path: Path, monkeypatch):
    window.composer.insertPlainText("报告")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert not window.files._write(str(blocker / "报告.md"))
    assert shown and "没有丢失" in shown[0]
    assert window.rd.is_modified()
    assert window.rd.to_report().title == "报告"


def test_opening_a_broken_file_says_so_and_keeps_the_current_report(window, tmp_path, monkeypatch):
    window.rd.set_report(window.rd.to_report())
    window.composer.insertPlainText("当前")
    window.rd.mark_saved()
    bad = tmp_path / "坏.md"
    bad.write_bytes(b"\x00\x01\x02binary\xff\xfe" * 100)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert not window.files.open(str(bad))
    assert shown
    assert window.rd.to_report().title == "当前"


def test_dropping_a_report_file_on_the_window_opens_it(window, tmp_path):
    path = tmp_path / "拖入.md"
    path.write_text(DEMO_MD, encoding="utf-8")
    window.open_or_import([str(path)])
    assert heading_lines(window.rd)[0] == "一、总体要求"
    assert window.files.display_name() == "拖入.md"


def test_recipient_and_signature_are_saved_and_undoable(window, demo_report, tmp_path):
    from eduwriter.compose.markdown_io import read_report
    from eduwriter.gui.dialogs.meta_dialog import MetaDialog

    window.rd.set_report(demo_report)
    dialog = MetaDialog(window.rd, window)
    dialog.recipient.setText("各区（县）教育局")
    dialog.attachments.setPlainText("任务分解表\n\n经费预算表")
    dialog.signer.setText("XX市教育局")
    dialog.date.setText("2026年11月22日")
    dialog.accept()
    assert window.rd.is_modified()
    out = tmp_path / "带落款.md"
    assert window.files._write(str(out))
    back = read_report(out)
    assert back.meta.recipient == "各区（县）教育局"
    assert back.meta.attachments == ["任务分解表", "经费预算表"]
    assert (back.meta.signer, back.meta.date) == ("XX市教育局", "2026年11月22日")
    window.rd.undo_stack.undo()
    assert window.rd.meta.signer == ""
    assert window.rd.is_modified()  # differs from the saved file again


def test_dropping_a_report_on_the_page_opens_it_instead_of_typing_its_path(window, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "页面拖入.md"
    path.write_text(DEMO_MD, encoding="utf-8")
    md = QMimeData()
    md.setUrls([QUrl.fromLocalFile(str(path))])
    md.setText(str(path))
    assert window.composer.canInsertFromMimeData(md)
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        md,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.composer.dropEvent(event)
    assert window.files.display_name() == "页面拖入.md"
    assert str(path) not in window.rd.doc.toPlainText()
    assert heading_lines(window.rd)[0] == "一、总体要求"
