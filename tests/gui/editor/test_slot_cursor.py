"""A 【slot】 is one unit for the cursor; Tab / Shift+Tab go from one unfilled slot to the next."""

from __future__ import annotations

from gui_helpers import heading_lines
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from eduwriter.compose.markdown_io import report_from_markdown

MD = """# 【单位】工作总结

## 一、主要成绩

组建教研组【数量】个，新建学校【数量】所。

## 二、下一步打算

继续推进。
"""


def _text(ch: str, widget) -> None:
    QApplication.sendEvent(
        widget, QKeyEvent(QKeyEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
    )


def _block(rd, starts: str):
    block = rd.doc.begin()
    while block.isValid():
        if block.text().startswith(starts):
            return block
        block = block.next()
    raise AssertionError(starts)


def _setup(window):
    window.rd.set_report(report_from_markdown(MD))
    return window.composer, window.rd


def test_click_inside_a_slot_selects_it_and_typing_replaces_it(window, qtbot):
    composer, rd = _setup(window)
    block = _block(rd, "组建")
    cur = QTextCursor(block)
    cur.setPosition(block.position() + 7)  # between 【数 and 量】
    qtbot.mouseClick(
        composer.viewport(), Qt.MouseButton.LeftButton, pos=composer.cursorRect(cur).center()
    )
    assert composer.textCursor().selectedText() == "【数量】"
    _text("8", composer)
    assert block.text() == "组建教研组8个，新建学校【数量】所。"  # not 【数8量】


def test_typing_with_the_cursor_inside_a_slot_replaces_the_whole_slot(window):
    composer, rd = _setup(window)
    block = _block(rd, "组建")
    cur = QTextCursor(block)
    cur.setPosition(block.position() + 7)
    composer.setTextCursor(cur)
    _text("8", composer)
    assert block.text() == "组建教研组8个，新建学校【数量】所。"


def test_backspace_and_delete_remove_a_slot_as_one(window, qtbot):
    composer, rd = _setup(window)
    block = _block(rd, "组建")
    cur = QTextCursor(block)
    cur.setPosition(block.position() + len("组建教研组【数量】"))
    composer.setTextCursor(cur)
    qtbot.keyClick(composer, Qt.Key.Key_Backspace)
    assert block.text() == "组建教研组个，新建学校【数量】所。"
    cur = composer.textCursor()
    cur.setPosition(block.position() + len("组建教研组个，新建学校"))
    composer.setTextCursor(cur)
    qtbot.keyClick(composer, Qt.Key.Key_Delete)
    assert block.text() == "组建教研组个，新建学校所。"
    rd.undo_stack.undo()
    assert block.text() == "组建教研组个，新建学校【数量】所。"


def test_arrow_keys_step_over_a_slot_as_one(window, qtbot):
    composer, rd = _setup(window)
    block = _block(rd, "组建")
    cur = QTextCursor(block)
    cur.setPosition(block.position() + len("组建教研组"))
    composer.setTextCursor(cur)
    qtbot.keyClick(composer, Qt.Key.Key_Right)
    assert composer.textCursor().selectedText() == "【数量】"


def test_input_method_commit_inside_a_slot_replaces_it(window):
    composer, rd = _setup(window)
    block = _block(rd, "组建")
    cur = QTextCursor(block)
    cur.setPosition(block.position() + 7)
    composer.setTextCursor(cur)
    QApplication.sendEvent(composer, QInputMethodEvent("shi", []))
    ev = QInputMethodEvent("", [])
    ev.setCommitString("十")
    QApplication.sendEvent(composer, ev)
    assert block.text() == "组建教研组十个，新建学校【数量】所。"


def test_tab_goes_to_the_next_unfilled_slot_and_shift_tab_back(window, qtbot):
    composer, rd = _setup(window)
    composer.go_to_block(0)  # the title, which has a slot
    cur = composer.textCursor()
    cur.setPosition(0)
    composer.setTextCursor(cur)
    qtbot.keyClick(composer, Qt.Key.Key_Tab)
    assert composer.textCursor().selectedText() == "【单位】"
    qtbot.keyClick(composer, Qt.Key.Key_Tab)
    sel = composer.textCursor()
    assert sel.selectedText() == "【数量】" and sel.block().text().startswith("组建")
    assert sel.selectionStart() - sel.block().position() == len("组建教研组")
    for ch in "12":
        _text(ch, composer)
    qtbot.keyClick(composer, Qt.Key.Key_Tab)
    sel = composer.textCursor()
    assert sel.selectionStart() - sel.block().position() == len("组建教研组12个，新建学校")
    qtbot.keyClick(composer, Qt.Key.Key_Tab)  # wraps round to the title
    assert composer.textCursor().block().blockNumber() == 0
    qtbot.keyClick(composer, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    sel = composer.textCursor()
    assert sel.selectedText() == "【数量】" and sel.block().text().endswith("【数量】所。")
    assert heading_lines(rd) == ["一、主要成绩", "二、下一步打算"]  # nothing demoted


def test_tab_in_a_heading_without_a_slot_still_demotes_it(window, qtbot):
    composer, rd = _setup(window)
    composer.go_to_block(_block(rd, "下一步打算").blockNumber())
    qtbot.keyClick(composer, Qt.Key.Key_Tab)
    assert heading_lines(rd) == ["一、主要成绩", "（一）下一步打算"]
    qtbot.keyClick(composer, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert heading_lines(rd) == ["一、主要成绩", "二、下一步打算"]
