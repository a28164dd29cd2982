"""Pasting typed-numbered text (plain or Word/HTML) becomes structure with computed numbers."""

from __future__ import annotations

from gui_helpers import heading_lines, visible_lines
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

PASTED = """一、指导思想
坚持立德树人，办好人民满意的教育。
二、重点任务
（一）加强师德师风建设
1.完善师德考核。把师德表现作为评价教师的首要标准。
2.开展师德宣传
（二）提升课堂教学质量
三、保障措施
"""


def _empty(window):
    from eduwriter.compose.report import Report, ReportBlock

    window.rd.set_report(Report(title="2026年工作计划", blocks=[ReportBlock("paragraph", "")]))
    window.composer.go_to_block(1)


def test_pasting_numbered_text_makes_headings_without_typed_numbers(window):
    _empty(window)
    QApplication.clipboard().setText(PASTED)
    window.composer.paste()
    rd = window.rd
    assert heading_lines(rd) == [
        "一、指导思想",
        "二、重点任务",
        "（一）加强师德师风建设",
        "1.完善师德考核",
        "2.开展师德宣传",
        "（二）提升课堂教学质量",
        "三、保障措施",
    ]
    texts = [h.text for h in rd.headings()]
    assert texts[0] == "指导思想"  # the typed 一、 is gone: numbers are computed
    assert "坚持立德树人，办好人民满意的教育。" in visible_lines(rd)
    # the body text after a numbered heading stays, as the paragraph under it
    lines = visible_lines(rd)
    assert lines[lines.index("1.完善师德考核") + 1] == "把师德表现作为评价教师的首要标准。"
    assert rd.undo_stack.undoText() == "粘贴"
    rd.undo_stack.undo()
    assert heading_lines(rd) == []


def test_pasting_word_html_with_numbering(window):
    _empty(window)
    md = QMimeData()
    md.setHtml(
        "<html><body><p>一、总体要求</p><p>（一）目标任务</p><p>全面提高质量。</p>"
        "<p>二、工作措施</p></body></html>"
    )
    window.composer.insertFromMimeData(md)
    assert heading_lines(window.rd) == ["一、总体要求", "（一）目标任务", "二、工作措施"]


def test_pasting_plain_sentences_stays_text(window):
    _empty(window)
    md = QMimeData()
    md.setText("要进一步提高政治站位。")
    window.composer.insertFromMimeData(md)
    assert heading_lines(window.rd) == []
    assert visible_lines(window.rd)[1] == "要进一步提高政治站位。"


def test_a_pasted_title_fills_an_empty_report_title(window):
    from eduwriter.compose.report import Report

    window.rd.set_report(Report())
    window.composer.go_to_block(0)
    md = QMimeData()
    md.setText("2026年德育工作计划\n一、指导思想\n坚持立德树人。\n二、工作目标\n")
    window.composer.insertFromMimeData(md)
    rd = window.rd
    assert rd.to_report().title == "2026年德育工作计划"
    assert heading_lines(rd) == ["一、指导思想", "二、工作目标"]
    rd.undo_stack.undo()  # one step: the title and the structure
    assert rd.to_report().title == "" and heading_lines(rd) == []


def test_pasted_subsections_keep_their_depth_under_a_heading(window, demo_report):
    window.rd.set_report(demo_report)
    n = next(h.block for h in window.rd.headings() if h.text == "保障措施")
    window.composer.go_to_block(n + 1)
    md = QMimeData()
    md.setText("（一）加强组织领导\n成立领导小组。\n（二）强化经费保障\n")
    window.composer.insertFromMimeData(md)
    assert heading_lines(window.rd)[-3:] == [
        "三、保障措施",
        "（一）加强组织领导",
        "（二）强化经费保障",
    ]


def test_a_huge_paste_is_refused_with_a_message(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    _empty(window)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    md = QMimeData()
    md.setText("一、标题\n" + "很长的正文。" * 100_000)
    window.composer.insertFromMimeData(md)
    assert shown and "导入范文" in shown[0]
    assert heading_lines(window.rd) == []
    assert not window.rd.is_modified()


def test_pasted_placeholders_become_slots_counted_and_listed(window, qtbot):
    from eduwriter.gui.dialogs.slots_dialog import SlotsDialog

    _empty(window)
    qtbot.waitUntil(lambda: window.slots_label.text() == "待填要素：0", timeout=3000)
    QApplication.clipboard().setText("20XX年，我县共有XX所学校，教师xxx名。")
    window.composer.paste()
    rd = window.rd
    assert visible_lines(rd)[1] == "【年份】年，我县共有【数量】所学校，教师【数量】名。"
    qtbot.waitUntil(lambda: window.slots_label.text() == "待填要素：3", timeout=3000)
    assert [p.label for p in SlotsDialog(rd, window).places] == ["【年份】", "【数量】", "【数量】"]
    rd.undo_stack.undo()  # the paste and its slots are one step
    assert visible_lines(rd)[1] == ""
    qtbot.waitUntil(lambda: window.slots_label.text() == "待填要素：0", timeout=3000)
