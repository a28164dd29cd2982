"""Moving sections in the outline: the section moves with everything under it and every
number follows; undo puts it back."""

from __future__ import annotations

from gui_helpers import heading_lines, visible_lines
from PySide6.QtCore import Qt


def _select(outline, text: str) -> None:
    item = next(it for it in outline.items() if it.text(0).endswith(text))
    outline.setCurrentItem(item)
    outline.setFocus()


def test_outline_lists_headings_with_numbers(window, demo_report):
    window.rd.set_report(demo_report)
    assert window.outline.texts() == [
        "一、总体要求",
        "（一）指导思想",
        "（二）工作目标",
        "二、主要任务",
        "（一）加强师资队伍建设",
        "1.完善教师培训体系。",  # run-in body text is not part of the outline
        "三、保障措施",
    ]


def test_alt_down_moves_a_section_and_undo_restores_numbers(window, qtbot, demo_report):
    rd, outline = window.rd, window.outline
    rd.set_report(demo_report)
    before = visible_lines(rd)
    _select(outline, "总体要求")
    qtbot.keyClick(outline, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert heading_lines(rd) == [
        "一、主要任务",
        "（一）加强师资队伍建设",
        "1.完善教师培训体系。全年培训教师不少于【数量】人次。",
        "二、总体要求",
        "（一）指导思想",
        "（二）工作目标",
        "三、保障措施",
    ]
    # the body paragraphs moved with their headings
    lines = visible_lines(rd)
    assert lines[lines.index("二、总体要求") + 2].startswith("坚持以")
    assert outline.currentItem().text(0) == "二、总体要求"
    assert rd.undo_stack.undoText() == "移动章节"
    rd.undo_stack.undo()
    assert visible_lines(rd) == before
    rd.undo_stack.redo()
    assert heading_lines(rd)[0] == "一、主要任务"


def test_alt_up_in_the_composer_moves_the_cursor_section(window, qtbot, demo_report):
    rd, composer = window.rd, window.composer
    rd.set_report(demo_report)
    n = next(h.block for h in rd.headings() if h.text == "工作目标")
    composer.go_to_block(n + 1)  # in the paragraph under （二）工作目标
    qtbot.keyClick(composer, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert heading_lines(rd)[:3] == ["一、总体要求", "（一）工作目标", "（二）指导思想"]
    # nothing above the first sibling: no change
    qtbot.keyClick(composer, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert heading_lines(rd)[:3] == ["一、总体要求", "（一）工作目标", "（二）指导思想"]


def test_drop_on_a_heading_makes_it_a_subsection(window, demo_report):
    rd, outline = window.rd, window.outline
    rd.set_report(demo_report)
    src = next(h.block for h in rd.headings() if h.text == "保障措施")
    dst = next(h.block for h in rd.headings() if h.text == "主要任务")
    assert outline.drop_section(src, dst, "on")
    assert heading_lines(rd)[-2:] == [
        "1.完善教师培训体系。全年培训教师不少于【数量】人次。",
        "（二）保障措施",
    ]
    assert len(rd.headings()) == 7


def test_drop_above_a_heading_takes_its_level(window, demo_report):
    rd, outline = window.rd, window.outline
    rd.set_report(demo_report)
    src = next(h.block for h in rd.headings() if h.text == "工作目标")
    dst = next(h.block for h in rd.headings() if h.text == "总体要求")
    assert outline.drop_section(src, dst, "above")
    assert heading_lines(rd)[:3] == ["一、工作目标", "二、总体要求", "（一）指导思想"]
    assert window.outline.texts()[0] == "一、工作目标"


def test_a_section_cannot_be_dropped_into_itself(window, demo_report):
    rd, outline = window.rd, window.outline
    rd.set_report(demo_report)
    before = heading_lines(rd)
    src = next(h.block for h in rd.headings() if h.text == "主要任务")
    dst = next(h.block for h in rd.headings() if h.text == "加强师资队伍建设")
    assert not outline.drop_section(src, dst, "on")
    assert heading_lines(rd) == before


def test_clicking_a_heading_moves_the_composer_there(window, demo_report):
    rd, outline = window.rd, window.outline
    rd.set_report(demo_report)
    item = next(it for it in outline.items() if it.text(0) == "三、保障措施")
    outline.itemClicked.emit(item, 0)
    assert window.composer.textCursor().block().text() == "保障措施"


def test_a_drop_in_the_outline_moves_the_section(window, monkeypatch, demo_report):
    """The drop as Qt delivers it at the end of a drag inside the outline (a real drag needs a
    mouse and a window system): dropped on the upper edge of 一、总体要求."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QAbstractItemView

    rd, outline = window.rd, window.outline
    rd.set_report(demo_report)
    source = next(it for it in outline.items() if it.text(0) == "三、保障措施")
    target = next(it for it in outline.items() if it.text(0) == "一、总体要求")
    outline.setCurrentItem(source)
    mime = outline.model().mimeData([outline.indexFromItem(source)])
    rect = outline.visualItemRect(target)

    class InternalDrop(QDropEvent):
        def source(self):  # noqa: N802 - Qt name
            return outline

    pos = QPointF(rect.center().x(), rect.top() + 1)
    drop = InternalDrop(
        pos,
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    above = QAbstractItemView.DropIndicatorPosition.AboveItem
    monkeypatch.setattr(outline, "dropIndicatorPosition", lambda: above)
    outline.dropEvent(drop)
    assert heading_lines(rd)[:2] == ["一、保障措施", "二、总体要求"]
    assert outline.texts()[0] == "一、保障措施"
    assert len(outline.items()) == 7  # Qt did not move tree items behind our back


def test_outline_menu_deletes_a_section_and_undo_brings_it_back(window, demo_report):
    rd, outline = window.rd, window.outline
    rd.set_report(demo_report)
    before = visible_lines(rd)
    _select(outline, "主要任务")
    menu = outline.context_menu()
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels == ["章节上移 (Alt+↑)", "章节下移 (Alt+↓)", "升级", "降级", "删除章节"]
    menu.actions()[-1].trigger()
    assert heading_lines(rd) == ["一、总体要求", "（一）指导思想", "（二）工作目标", "二、保障措施"]
    assert not any("师资" in line for line in visible_lines(rd))
    rd.undo_stack.undo()
    assert visible_lines(rd) == before


def test_deleting_the_last_section_keeps_the_rest(window, demo_report):
    rd = window.rd
    rd.set_report(demo_report)
    n = next(h.block for h in rd.headings() if h.text == "保障措施")
    assert rd.delete_section(n)
    assert heading_lines(rd)[-1] == "1.完善教师培训体系。全年培训教师不少于【数量】人次。"
    assert visible_lines(rd)[-1].startswith("1.完善")


def test_outline_follows_the_section_moved_in_the_composer(window, qtbot, demo_report):
    rd, composer, outline = window.rd, window.composer, window.outline
    rd.set_report(demo_report)
    composer.go_to_block(next(h.block for h in rd.headings() if h.text == "指导思想") + 1)
    qtbot.wait(300)  # the outline has caught up with the cursor
    assert outline.currentItem().text(0) == "（一）指导思想"
    qtbot.keyClick(composer, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert heading_lines(rd)[1:3] == ["（一）工作目标", "（二）指导思想"]
    qtbot.wait(400)  # the delayed rebuild of the outline has run
    assert outline.currentItem().text(0) == "（二）指导思想"
    qtbot.keyClick(composer, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(400)
    assert outline.currentItem().text(0) == "（一）指导思想"
