"""Outline drag and drop says what it will do: a line between rows moves the section as a
sibling, the middle of a row nests it (framed and marked before release), Esc or leaving
cancels, and a skeleton's closing part stays last."""

from __future__ import annotations

from gui_helpers import heading_lines, visible_lines
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragLeaveEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from eduwriter.compose.report import Report, ReportBlock


def _item(outline, text):
    return next(it for it in outline.items() if it.text(0) == text)


def _events(outline, source_text):
    source = _item(outline, source_text)
    outline.setCurrentItem(source)
    mime = outline.model().mimeData([outline.indexFromItem(source)])

    class Move(QDragMoveEvent):
        def source(self):  # noqa: N802 - Qt name
            return outline

    class Drop(QDropEvent):
        def source(self):  # noqa: N802 - Qt name
            return outline

    args = (
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )

    def move(point):
        ev = Move(point.toPoint(), *args)
        outline.dragMoveEvent(ev)
        return ev

    def drop(point):
        outline.dropEvent(Drop(point, *args))

    return move, drop


def _blue_pixels(outline, rect) -> int:
    image = outline.viewport().grab().toImage()
    return sum(
        1
        for x in range(rect.left(), rect.right(), 3)
        for y in range(rect.top(), rect.bottom() + 1)
        if image.pixelColor(x, y).blue() > 180 and image.pixelColor(x, y).red() < 80
    )


def test_middle_of_a_row_nests_and_is_shown_as_such_before_release(window, demo_report, qtbot):
    rd, outline = window.rd, window.outline
    rd.set_report(demo_report)
    hints: list[str] = []
    outline.dropHint.connect(hints.append)
    move, drop = _events(outline, "三、保障措施")
    target = _item(outline, "二、主要任务")
    rect = outline.visualItemRect(target)
    ev = move(QPointF(rect.center()))
    assert ev.isAccepted()
    assert hints[-1] == "放进“二、主要任务”，成为它的下级（最后一个小节）"
    assert window.statusBar().currentMessage() == hints[-1]
    assert _blue_pixels(outline, rect) > 10  # the row is framed
    drop(QPointF(rect.center()))
    assert heading_lines(rd)[-1] == "（二）保障措施"
    assert hints[-1] == ""


def test_a_line_between_rows_moves_as_a_sibling(window, demo_report, qtbot):
    rd, outline = window.rd, window.outline
    rd.set_report(demo_report)
    hints: list[str] = []
    outline.dropHint.connect(hints.append)
    move, drop = _events(outline, "三、保障措施")
    rect = outline.visualItemRect(_item(outline, "二、主要任务"))
    point = QPointF(rect.center().x(), rect.top() + 1)
    move(point)
    assert hints[-1] == "放在“二、主要任务”之前，成为同级章节"
    drop(point)
    assert [h for h in heading_lines(rd) if "、" in h] == [
        "一、总体要求",
        "二、保障措施",
        "三、主要任务",
    ]


def test_esc_or_leaving_cancels_the_drop(window, demo_report, qtbot):
    rd, outline = window.rd, window.outline
    rd.set_report(demo_report)
    before = visible_lines(rd)
    move, _drop = _events(outline, "三、保障措施")
    rect = outline.visualItemRect(_item(outline, "二、主要任务"))
    move(QPointF(rect.center()))
    assert outline._drop is not None
    QApplication.sendEvent(
        outline,
        QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    )
    assert outline._drop is None and _blue_pixels(outline, rect) == 0
    move(QPointF(rect.center()))
    outline.dragLeaveEvent(QDragLeaveEvent())
    assert outline._drop is None
    assert visible_lines(rd) == before


def test_a_section_cannot_be_dropped_into_itself(window, demo_report):
    rd, outline = window.rd, window.outline
    rd.set_report(demo_report)
    move, _drop = _events(outline, "一、总体要求")
    rect = outline.visualItemRect(_item(outline, "（一）指导思想"))
    assert not move(QPointF(rect.center())).isAccepted()


def test_the_closing_part_stays_last_when_the_last_section_moves(window):
    rd, outline = window.rd, window.outline
    rd.set_report(
        Report(
            title="讲话稿",
            blocks=[
                ReportBlock("paragraph", "【在此概述开头…】", hint=True),
                ReportBlock("heading", "主要成绩", 1),
                ReportBlock("paragraph", "【在此概述主要成绩…】", hint=True),
                ReportBlock("heading", "主要任务", 1),
                ReportBlock("paragraph", "【在此概述主要任务…】", hint=True),
                ReportBlock("paragraph", "【在此概述结尾…】", hint=True),
            ],
        )
    )
    move, drop = _events(outline, "二、主要任务")
    rect = outline.visualItemRect(_item(outline, "一、主要成绩"))
    point = QPointF(rect.center().x(), rect.top() + 1)
    move(point)
    drop(point)
    lines = visible_lines(rd)
    assert heading_lines(rd) == ["一、主要任务", "二、主要成绩"]
    assert lines[-1] == "【在此概述结尾…】"
    assert lines.index("【在此概述主要任务…】") < lines.index("二、主要成绩")
