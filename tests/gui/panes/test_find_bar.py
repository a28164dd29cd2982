"""查找 / 替换: found text is selected; 全部替换 is one undo step; numbers are not text."""

from __future__ import annotations

from gui_helpers import heading_lines, visible_lines


def test_find_selects_the_next_occurrence_and_wraps(window, demo_report):
    window.rd.set_report(demo_report)
    window.act_find.trigger()
    bar = window.find_bar
    assert bar.isVisible() and not bar.replace_edit.isVisible()
    bar.find_edit.setText("教育")
    cur = window.composer.textCursor()
    assert cur.selectedText() == "教育"
    first = cur.selectionStart()
    n = bar.count("教育")
    for _ in range(n):
        bar.find_next()
    assert window.composer.textCursor().selectionStart() == first  # wrapped around
    bar.find_edit.setText("找不到的词")
    assert bar.status.text() == "没有找到"


def test_replace_all_is_one_undo_step(window, demo_report):
    rd = window.rd
    rd.set_report(demo_report)
    window.act_replace.trigger()
    bar = window.find_bar
    bar.find_edit.setText("【地区】")
    bar.replace_edit.setText("滨江区")
    assert bar.replace_all() == 2
    text = "\n".join(visible_lines(rd))
    assert "【地区】" not in text and text.count("滨江区") == 2
    assert rd.undo_stack.undoText() == "全部替换"
    rd.undo_stack.undo()
    assert "\n".join(visible_lines(rd)).count("【地区】") == 2


def test_heading_numbers_are_not_replaced(window, demo_report):
    rd = window.rd
    rd.set_report(demo_report)
    window.act_replace.trigger()
    window.find_bar.find_edit.setText("一、")
    window.find_bar.replace_edit.setText("X")
    assert window.find_bar.replace_all() == 0
    assert heading_lines(rd)[0] == "一、总体要求"
