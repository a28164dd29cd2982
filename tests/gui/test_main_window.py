"""The window as a whole: library attached, counts in the status bar, export writes a .docx,
layout remembered, English UI."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

from gui_helpers import heading_lines
from PySide6.QtWidgets import QDialog, QFileDialog

from eduwriter.gui.dialogs.export_action import ExportOptionsDialog


def test_library_pane_inserts_into_the_composer(window, store, qtbot):
    window.attach_store(store)
    pane = window.library
    assert window.library_dock.widget() is pane
    skeleton = store.items(kind="skeleton")[0]
    from eduwriter.gui.models.library_items import item_payload

    window.composer.go_to_block(0)
    pane.insertRequested.emit(item_payload(skeleton))
    assert heading_lines(window.rd), "the skeleton's headings are in the report"
    assert heading_lines(window.rd)[0].startswith("一、") or window.rd.to_report().blocks[0].hint


def test_status_bar_counts_characters_and_unfilled_slots(window, demo_report, qtbot):
    window.rd.set_report(demo_report)
    qtbot.waitUntil(lambda: window.slots_label.text() == "待填要素：4", timeout=3000)
    assert window.count_label.text() == f"字数：{window.rd.char_count()}"
    assert window.rd.char_count() > 100
    from PySide6.QtGui import QTextCursor

    cur = QTextCursor(window.rd.block(0))
    cur.setPosition(4, QTextCursor.MoveMode.KeepAnchor)
    window.composer.setTextCursor(cur)
    qtbot.waitUntil(lambda: window.count_label.text().endswith("（选中 4）"), timeout=3000)


def test_export_button_writes_a_docx(window, demo_report, tmp_path: Path, monkeypatch, qtbot):
    window.rd.set_report(demo_report)
    out = tmp_path / "导出的方案.docx"
    monkeypatch.setattr(ExportOptionsDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.exporter.offer_open = False
    asked: list[int] = []  # the 检查 pane would ask about other errors (none here)
    window.check_pane.ask_export = lambda errors: asked.append(errors) or True
    # "still unfilled slots" answered 仍要导出 (the question has its own test)
    monkeypatch.setattr(type(window.exporter), "confirm_unfilled", lambda self: True)
    with qtbot.waitSignal(window.exporter.exported, timeout=30000) as blocker:
        window.exporter.action.trigger()
    assert asked == []  # unfilled slots are asked about once, by the export itself
    result = blocker.args[0]
    assert out.exists() and zipfile.is_zipfile(out)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "总体要求" in xml and "一、" in xml
    assert any("待填" in w for w in result.warnings)  # 【数量】… left empty
    assert not window.rd.is_modified()  # exporting does not touch the report


def test_layout_is_remembered(window, settings, qtbot):
    window.library_dock.hide()
    window.close()
    assert settings.window_state() is not None
    from eduwriter.gui.main_window import MainWindow

    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.show()
    assert again.library_dock.isHidden()
    assert not again.outline_dock.isHidden()


def test_english_interface(window, settings, qtbot):
    from eduwriter.gui.i18n import install_translator
    from eduwriter.gui.main_window import MainWindow

    assert install_translator("en")
    try:
        win = MainWindow(settings)
        qtbot.addWidget(win)
        menus = [a.text() for a in win.menuBar().actions()]
        assert menus[0] == "&File" and "&Help" in menus
        assert win.act_slots.text() == "&Fill in slots…"
        from gui_helpers import DEMO_MD

        from eduwriter.compose.markdown_io import report_from_markdown

        win.rd.set_report(report_from_markdown(DEMO_MD))
        n = win.rd.char_count()
        assert n > 100
        # the status bar follows the report by itself, in English
        qtbot.waitUntil(lambda: win.count_label.text() == f"Characters: {n}", timeout=3000)
        assert win.slots_label.text() == "Unfilled slots: 4"
    finally:
        install_translator("zh_CN")


def test_broken_template_offers_the_default_layout(
    window, demo_report, tmp_path, monkeypatch, qtbot
):
    from PySide6.QtWidgets import QMessageBox

    window.rd.set_report(demo_report)
    bad = tmp_path / "单位模板.docx"
    bad.write_text("这不是 Word 文件")
    out = tmp_path / "方案.docx"
    asked = []

    def yes(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)  # the "export finished" box
    with qtbot.waitSignal(window.exporter.exported, timeout=30000):
        window.exporter.export_to(str(out), {"fmt": "docx", "template": str(bad)})
    assert asked and "默认公文版式" in asked[0]
    assert zipfile.is_zipfile(out)


def test_dropping_a_sample_file_imports_it_into_the_library(window, store, tmp_path, qtbot):
    window.attach_store(store)
    before = store.count()
    sample = tmp_path / "新范文.txt"
    sample.write_text(
        "2026年学校安全工作计划\n一、指导思想\n坚持安全第一、预防为主，切实保障师生生命安全。\n"
        "二、主要任务\n（一）加强安全教育\n定期开展安全教育活动，提高师生安全意识。\n",
        encoding="gb18030",
    )
    window.open_or_import([str(sample)])
    dialog = window.library.active_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60000)
    assert store.count() > before
    assert window.rd.to_report().title == ""  # the report itself is untouched


def test_first_start_builds_the_library_in_the_background(
    window, isolated_data, qtbot, monkeypatch
):
    """The window is usable at once; the library arrives later. A damaged library file is set
    aside with a message, and a fresh one is built from the bundled samples."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from eduwriter.gui import app as app_module

    (isolated_data / "library.db").write_bytes(b"this is not a database" * 100)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    app_module._after_show(window, QApplication.instance(), [])
    assert window.library is None  # not yet: the window did not wait for it
    window.composer.insertPlainText("先写标题")  # and the writer can type meanwhile
    qtbot.waitUntil(lambda: window.library is not None, timeout=120000)
    assert window.store.count() > 100
    assert warnings and "已损坏" in warnings[0]
    assert window.rd.to_report().title == "先写标题"


def test_selected_text_goes_to_my_snippets(window, store, demo_report, qtbot):
    from PySide6.QtGui import QTextCursor

    window.attach_store(store)
    window.rd.set_report(demo_report)
    block = next(
        window.rd.block(n)
        for n in range(window.rd.doc.blockCount())
        if window.rd.block(n).text().startswith("坚持以")
    )
    cur = QTextCursor(block)
    cur.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    window.composer.setTextCursor(cur)
    before = store.count(kind="snippet")
    window.act_snippet.trigger()
    dialog = window.library.active_dialog
    assert dialog.text_edit.toPlainText() == block.text()
    dialog.accept()
    qtbot.waitUntil(lambda: store.count(kind="snippet") == before + 1, timeout=10000)
    assert any(it.text == block.text() for it in store.items(kind="snippet"))
    # the new snippet is offered while typing too
    qtbot.waitUntil(lambda: block.text() in window.autocomplete.index.texts, timeout=10000)


def test_export_to_a_file_open_in_word_offers_another_name(
    window, demo_report, tmp_path, monkeypatch, qtbot
):
    from PySide6.QtWidgets import QMessageBox

    window.rd.set_report(demo_report)
    out = tmp_path / "方案.docx"
    out.write_bytes(b"old")
    (tmp_path / ".~lock.方案.docx#").write_text("locked")  # open in another program
    asked = []

    def yes(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    with qtbot.waitSignal(window.exporter.exported, timeout=30000) as blocker:
        window.exporter.export_to(str(out), {"fmt": "docx"})
    assert asked and "方案(1).docx" in asked[0]
    assert out.read_bytes() == b"old"  # the open file was not touched
    assert blocker.args[0].path.name == "方案(1).docx"
    assert zipfile.is_zipfile(blocker.args[0].path)


def test_preview_shows_the_official_layout_with_signature(window, demo_report, qtbot):
    from eduwriter.compose.report import ReportMeta

    window.rd.set_report(demo_report)
    window.rd.set_meta(
        ReportMeta(recipient="各区教育局", signer="XX市教育局", date="2026年11月22日")
    )
    window.act_preview.trigger()
    dialog = window._preview_dialog
    qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=5000)
    text = dialog.text()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # the recipient (主送机关) stands on its own line after the title, ending with a colon
    assert lines[1] == "各区教育局：", lines[:3]
    assert "一、总体要求" in text and "（一）指导思想" in text
    assert text.rstrip().endswith("2026年11月22日")


def test_switching_language_can_restart_with_the_same_report(window, tmp_path, monkeypatch):
    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from eduwriter.gui.i18n import install_translator

    window.composer.insertPlainText("语言切换测试")
    out = tmp_path / "切换.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.files.save()
    started = []
    monkeypatch.setattr(QProcess, "startDetached", lambda prog, args: started.append(args) or True)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda self: self.buttons()[0])
    try:
        window.act_lang["en"].trigger()
    finally:
        install_translator("zh_CN")
    assert window.settings.language == "en"
    assert started and started[0][-2:] == ["gui", str(out.resolve())]
    assert not window.isVisible()


def test_shortcut_list_matches_the_real_shortcuts(window):
    """Every key the list names for a command is that command's real shortcut, and every
    command with a shortcut is in the list (issue 14: the list was a hard-coded string)."""
    from PySide6.QtGui import QKeySequence

    window.act_keys.trigger()
    text = window._keys_box.text()
    native = QKeySequence.SequenceFormat.NativeText
    commands = [
        *window.act_levels,
        window.act_insert,
        window.act_slots,
        window.act_find,
        window.act_replace,
        window.act_preview,
        window.exporter.action,
        window.act_undo,
        window.act_redo,
        window.act_save,
    ]
    real = {action.shortcut().toString(native) for action in commands}
    assert "" not in real
    listed = {
        key.strip()
        for cell in re.findall(r"<b>(.*?)</b>", text)
        for key in html.unescape(cell).split("/")
    }
    assert real <= listed, real - listed  # every command's real key is in the list
    # keys the composer handles itself (no QAction) are listed as typed; nothing else is
    typed = {"Tab", "Shift+Tab", "Alt+↑", "Alt+↓", "Esc", "Tab 或 Enter"}
    assert listed <= real | typed, listed - real - typed
