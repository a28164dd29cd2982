"""The composer as the writer uses it: numbers are computed, Tab demotes, inserts land at the
cursor, hints are replaced by what is typed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from gui_helpers import heading_lines, visible_lines
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent, QTextCursor

from eduwriter.compose.report import Report, ReportBlock
from eduwriter.gui.editor.mime import item_to_mime

SKELETON = {
    "id": "sk1",
    "kind": "skeleton",
    "title": "工作计划",
    "text": "",
    "data": {
        "parts": [
            {"level": 1, "heading": "指导思想", "role": "指导思想", "hint": ""},
            {"level": 1, "heading": "主要任务", "role": "主要任务", "hint": "落实立德树人"},
            {"level": 2, "heading": "加强队伍建设", "role": "主要任务", "hint": ""},
            {"level": 2, "heading": "深化课程改革", "role": "主要任务", "hint": ""},
            {"level": 1, "heading": "保障措施", "role": "保障措施", "hint": ""},
        ]
    },
}


def _type(qtbot, widget, text: str) -> None:
    for ch in text:
        qtbot.keyClick(widget, ch) if ch.isascii() else _key_text(widget, ch)


def _key_text(widget, ch: str) -> None:
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(
        widget, QKeyEvent(QKeyEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
    )


def test_skeleton_insert_shows_official_numbers_and_grey_hints(window):
    composer, rd = window.composer, window.rd
    assert composer.insert_item(SKELETON)
    assert heading_lines(rd) == [
        "一、指导思想",
        "二、主要任务",
        "（一）加强队伍建设",
        "（二）深化课程改革",
        "三、保障措施",
    ]
    hints = [b for b in rd.to_report().blocks if b.hint]
    assert len(hints) == 5
    assert hints[1].text == "【在此概述主要任务，如：落实立德树人】"
    # the numbers are not part of the text the writer edits
    assert "一、" not in rd.doc.toPlainText()
    # the outline shows the same numbers
    assert window.outline.texts()[:3] == ["一、指导思想", "二、主要任务", "（一）加强队伍建设"]
    # one undo removes the whole insert
    rd.undo_stack.undo()
    assert heading_lines(rd) == []


def test_phrasing_inserts_at_the_cursor(window, demo_report):
    composer, rd = window.composer, window.rd
    rd.set_report(demo_report)
    block = next(b for b in _blocks(rd) if b.text().startswith("坚持以"))
    cur = QTextCursor(block)
    cur.setPosition(block.position() + len("坚持以"))
    composer.setTextCursor(cur)
    composer.insert_item({"id": "p1", "kind": "phrasing", "text": "马克思列宁主义、", "data": {}})
    assert block.text().startswith("坚持以马克思列宁主义、习近平新时代")
    assert rd.undo_stack.undoText() == "插入语句"


def test_tab_demotes_and_shift_tab_promotes_a_heading(window, qtbot, demo_report):
    composer, rd = window.composer, window.rd
    rd.set_report(demo_report)
    composer.go_to_block(_block_number(rd, "主要任务"))
    qtbot.keyClick(composer, Qt.Key.Key_Tab)
    # 二、主要任务 becomes the third sub-section of 一、总体要求, taking its own sub-section
    # with it (one level deeper); what followed it is renumbered
    assert heading_lines(rd)[:5] == [
        "一、总体要求",
        "（一）指导思想",
        "（二）工作目标",
        "（三）主要任务",
        "1.加强师资队伍建设",
    ]
    assert heading_lines(rd)[5].startswith("（1）完善教师培训体系。")
    assert heading_lines(rd)[-1] == "二、保障措施"
    qtbot.keyClick(composer, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert "二、主要任务" in heading_lines(rd)
    assert "三、保障措施" in heading_lines(rd)


def test_toolbar_buttons_demote_and_promote(window, demo_report):
    rd = window.rd
    rd.set_report(demo_report)
    window.composer.go_to_block(_block_number(rd, "工作目标"))
    window.act_demote.trigger()
    assert "1.工作目标" in heading_lines(rd)
    window.act_promote.trigger()
    window.act_promote.trigger()
    assert "二、工作目标" in heading_lines(rd)
    assert "四、保障措施" in heading_lines(rd)


def test_typing_into_a_hint_replaces_it(window, qtbot, demo_report):
    composer, rd = window.composer, window.rd
    rd.set_report(demo_report)
    n = next(i for i, b in enumerate(_blocks(rd)) if rd.is_hint(b))
    composer.go_to_block(n)
    for ch in "成立工作领导小组":
        _key_text(composer, ch)
    block = rd.block(n)
    assert block.text() == "成立工作领导小组"
    assert not rd.is_hint(block)


def test_enter_after_a_heading_starts_a_body_paragraph(window, qtbot, demo_report):
    composer, rd = window.composer, window.rd
    rd.set_report(demo_report)
    n = _block_number(rd, "保障措施")
    composer.go_to_block(n)
    qtbot.keyClick(composer, Qt.Key.Key_Return)
    _key_text(composer, "加")
    assert rd.kind_of(rd.block(n + 1)) == 0
    assert rd.block(n + 1).text() == "加"
    assert heading_lines(rd)[-1] == "三、保障措施"


def test_format_menu_turns_a_paragraph_into_a_heading(window, demo_report):
    rd = window.rd
    rd.set_report(demo_report)
    window.composer.go_to_block(_block_number(rd, "坚持以"))
    window.act_levels[3].trigger()  # 三级标题 1.
    assert any(line.startswith("1.坚持以") for line in heading_lines(rd))


def test_dropping_a_library_item_inserts_it_where_dropped(window, qtbot):
    composer, rd = window.composer, window.rd
    rd.set_report(Report(title="标题", blocks=[ReportBlock("paragraph", "第一段。")]))
    md = item_to_mime(SKELETON)
    pos = composer.cursorRect(QTextCursor(rd.block(1))).center()
    event = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        md,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    composer.dropEvent(event)
    assert heading_lines(rd)[0] == "一、指导思想"
    assert visible_lines(rd)[1] == "第一段。"


def test_plain_text_drop_is_inserted(window):
    composer, rd = window.composer, window.rd
    rd.set_report(Report(title="标题", blocks=[ReportBlock("paragraph", "")]))
    composer.go_to_block(1)
    md = QMimeData()
    md.setText("全面提升教育质量。")
    composer.insertFromMimeData(md)
    assert visible_lines(rd)[1] == "全面提升教育质量。"


def test_copy_carries_the_computed_numbers(window, demo_report):
    composer, rd = window.composer, window.rd
    rd.set_report(demo_report)
    cur = QTextCursor(rd.block(_block_number(rd, "总体要求")))
    cur.movePosition(QTextCursor.MoveOperation.NextBlock, QTextCursor.MoveMode.KeepAnchor, 1)
    cur.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    composer.setTextCursor(cur)
    assert composer.createMimeDataFromSelection().text() == "一、总体要求\n（一）指导思想"


def _viewport_image(composer):
    from PySide6.QtWidgets import QApplication

    composer.viewport().update()
    QApplication.processEvents()
    return composer.viewport().grab().toImage()


def _number_area(composer, block_number: int):
    """Viewport rectangle in front of a heading's text, where its number is painted."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    from eduwriter.gui.editor.report_format import heading_font

    rd = composer.rd
    block = rd.block(block_number)
    rect = rd.doc.documentLayout().blockBoundingRect(block)
    line = block.layout().lineAt(0)
    x_text = rect.left() + block.blockFormat().leftMargin() + line.x()
    width = QFontMetricsF(heading_font(rd.kind_of(block))).horizontalAdvance("（四）")
    dy = composer.verticalScrollBar().value()
    return QRectF(x_text - width, rect.top() + line.y() - dy, width, line.height()).toRect()


def _dark_pixels(image, area) -> list[tuple[int, int]]:
    out = []
    for y in range(max(area.top(), 0), min(area.bottom() + 1, image.height())):
        for x in range(max(area.left(), 0), min(area.right() + 1, image.width())):
            if image.pixelColor(x, y).lightness() < 110:
                out.append((x, y))
    return out


def test_composer_paints_the_computed_numbers_in_front_of_headings(window, qtbot):
    composer, rd = window.composer, window.rd
    rd.set_report(
        Report(
            title="方案",
            blocks=[
                ReportBlock("heading", "主要任务", 1),
                ReportBlock("paragraph", "正文。"),
                ReportBlock("heading", "保障措施", 1),
            ],
        )
    )
    composer.resize(900, 600)
    qtbot.wait(50)
    n = _block_number(rd, "保障措施")
    area = _number_area(composer, n)
    second = _dark_pixels(_viewport_image(composer), area)
    assert len(second) > 20  # "二、" is drawn in front of 保障措施, not typed in the text
    assert rd.block(n).text() == "保障措施"
    rd.set_level(_block_number(rd, "主要任务"), 0)  # now 保障措施 is 一、
    first = _dark_pixels(_viewport_image(composer), _number_area(composer, n))
    assert len(first) > 20 and first != second  # a different number is painted
    rd.set_level(n, 0)  # no heading left: nothing is painted there
    assert _dark_pixels(_viewport_image(composer), _number_area(composer, n)) == []


def test_title_hint_is_drawn_whole(window, qtbot):
    from PySide6.QtGui import QFontMetricsF

    from eduwriter.gui.editor.report_format import TITLE, heading_font

    composer, rd = window.composer, window.rd
    composer.title_hint = "(Type the title here)"  # the English hint: descenders and brackets
    rd.set_report(Report(title="", blocks=[ReportBlock("paragraph", "正文。")]))
    composer.resize(900, 600)
    qtbot.wait(50)
    image = _viewport_image(composer)
    title = rd.doc.documentLayout().blockBoundingRect(rd.block(0))
    body_top = int(rd.doc.documentLayout().blockBoundingRect(rd.block(1)).top())
    rows = [
        y
        for y in range(0, body_top)
        if any(
            abs(image.pixelColor(x, y).red() - 176) < 40
            and image.pixelColor(x, y).red() == image.pixelColor(x, y).blue()
            for x in range(int(title.left()), int(title.right()), 2)
        )
    ]
    assert rows, "the title hint is shown"
    ink = QFontMetricsF(heading_font(TITLE)).tightBoundingRect(composer.title_hint).height()
    assert rows[-1] - rows[0] + 1 >= 0.85 * ink  # not cut off at the top or bottom


def _blocks(rd):
    out, b = [], rd.doc.begin()
    while b.isValid():
        out.append(b)
        b = b.next()
    return out


def _block_number(rd, starts: str) -> int:
    return next(b.blockNumber() for b in _blocks(rd) if b.text().startswith(starts))


def test_ctrl_z_in_the_composer_undoes_through_the_report_history(window, qtbot, demo_report):
    composer, rd = window.composer, window.rd
    rd.set_report(demo_report)
    composer.go_to_block(_block_number(rd, "主要任务"))
    qtbot.keyClick(composer, Qt.Key.Key_Tab)
    for ch in "和要求":
        _key_text(composer, ch)
    assert "（三）主要任务和要求" in heading_lines(rd)
    qtbot.keyClick(composer, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "（三）主要任务" in heading_lines(rd)
    qtbot.keyClick(composer, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "二、主要任务" in heading_lines(rd)
    assert not rd.is_modified()
    window.act_redo.trigger()
    assert "（三）主要任务" in heading_lines(rd)


def test_undo_button_names_the_step_it_undoes(window, demo_report):
    rd = window.rd
    rd.set_report(demo_report)
    assert not window.act_undo.isEnabled()
    window.composer.go_to_block(_block_number(rd, "工作目标"))
    window.act_demote.trigger()
    assert window.act_undo.isEnabled()
    assert window.act_undo.toolTip() == "撤销：降级"
    window.act_undo.trigger()
    assert "（二）工作目标" in heading_lines(rd)
    assert window.act_redo.toolTip() == "重做：降级"


def test_double_click_on_a_slot_selects_it_for_typing(window, qtbot, demo_report):
    composer, rd = window.composer, window.rd
    rd.set_report(demo_report)
    block = rd.block(_block_number(rd, "到【年份】"))
    cur = QTextCursor(block)
    cur.setPosition(block.position() + 3)
    point = composer.cursorRect(cur).center()
    qtbot.mouseDClick(composer.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert composer.textCursor().selectedText() == "【年份】"
    for ch in "二〇二六":
        _key_text(composer, ch)
    assert block.text().startswith("到二〇二六年底")


def test_shift_enter_starts_a_paragraph_not_a_soft_break(window, qtbot, demo_report):
    composer, rd = window.composer, window.rd
    rd.set_report(demo_report)
    n = _block_number(rd, "坚持以")
    composer.go_to_block(n)
    count = rd.doc.blockCount()
    qtbot.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert rd.doc.blockCount() == count + 1
    assert all("\u2028" not in b.text for b in rd.to_report().blocks)


def test_backspace_in_a_hint_removes_the_whole_hint(window, qtbot, demo_report):
    composer, rd = window.composer, window.rd
    rd.set_report(demo_report)
    n = next(i for i, b in enumerate(_blocks(rd)) if rd.is_hint(b))
    composer.go_to_block(n)
    qtbot.keyClick(composer, Qt.Key.Key_Backspace)
    assert rd.block(n).text() == ""
    assert not rd.is_hint(rd.block(n))
    rd.undo_stack.undo()
    assert rd.is_hint(rd.block(n)) and rd.block(n).text().startswith("【在此")


def test_input_method_composition_in_a_hint_replaces_the_hint(window, demo_report):
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    composer, rd = window.composer, window.rd
    rd.set_report(demo_report)
    n = next(i for i, b in enumerate(_blocks(rd)) if rd.is_hint(b))
    composer.go_to_block(n)
    QApplication.sendEvent(composer, QInputMethodEvent("chengli", []))
    assert composer.preedit == "chengli"
    assert rd.block(n).text() == ""  # the hint made room; the pinyin is only preedit
    commit = QInputMethodEvent("", [])
    commit.setCommitString("成立")
    QApplication.sendEvent(composer, commit)
    assert rd.block(n).text() == "成立"
    assert not rd.is_hint(rd.block(n))


def _outline_report(levels_texts):
    return Report(
        title="方案",
        blocks=[ReportBlock("heading", t, lv) for lv, t in levels_texts]
        + [ReportBlock("paragraph", "正文。")],
    )


def test_tab_carries_the_sub_headings_and_undoes_in_one_step(window, qtbot):
    rd, composer = window.rd, window.composer
    rd.set_report(_outline_report([(1, "总体要求"), (1, "主要做法"), (2, "加强管理")]))
    composer.go_to_block(_block_number(rd, "主要做法"))
    qtbot.keyClick(composer, Qt.Key.Key_Tab)
    assert heading_lines(rd) == ["一、总体要求", "（一）主要做法", "1.加强管理"]
    qtbot.keyClick(composer, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert heading_lines(rd) == ["一、总体要求", "二、主要做法", "（一）加强管理"]
    rd.undo_stack.undo()
    assert heading_lines(rd) == ["一、总体要求", "（一）主要做法", "1.加强管理"]
    rd.undo_stack.undo()
    assert heading_lines(rd) == ["一、总体要求", "二、主要做法", "（一）加强管理"]


def test_tab_is_refused_when_a_sub_heading_would_go_below_level_four(window, qtbot):
    rd, composer = window.rd, window.composer
    rd.set_report(_outline_report([(1, "总体要求"), (2, "目标"), (3, "指标"), (4, "细则")]))
    composer.go_to_block(_block_number(rd, "指标"))
    qtbot.keyClick(composer, Qt.Key.Key_Tab)
    assert heading_lines(rd) == ["一、总体要求", "（一）目标", "1.指标", "（1）细则"]
    assert "不能降级" in window.statusBar().currentMessage()
    composer.go_to_block(_block_number(rd, "总体要求"))
    qtbot.keyClick(composer, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert heading_lines(rd)[0] == "一、总体要求"
    assert "一级标题" in window.statusBar().currentMessage()


COPY_THEN_EXIT = """
from PySide6.QtWidgets import QApplication
from eduwriter.compose.report import Report, ReportBlock
from eduwriter.gui.editor.composer import Composer
from eduwriter.gui.editor.report_model import ReportDocument

app = QApplication([])
rd = ReportDocument()
composer = Composer(rd)
rd.set_report(Report(title="标题", blocks=[ReportBlock("heading", "总体要求", 1)]))
composer.selectAll()
composer.{command}()
print(QApplication.clipboard().text().replace("\\n", "|"), flush=True)
"""


@pytest.mark.parametrize("command", ["copy", "cut"])
def test_copying_from_the_composer_does_not_crash_the_process_at_exit(command):
    """Issue 14.19: after a copy the process died at exit with a segfault (rc 139)."""
    root = Path(__file__).resolve().parents[3]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    for _round in range(2):  # it crashed every time; twice rules out luck
        proc = subprocess.run(
            [sys.executable, "-c", COPY_THEN_EXIT.format(command=command)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0, (proc.returncode, proc.stderr[-2000:])
        assert proc.stdout.strip() == "标题|一、总体要求"  # copied as it prints
