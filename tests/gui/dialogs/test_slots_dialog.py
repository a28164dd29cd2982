"""填写要素: each occurrence its own field, in document order, with its sentence; named slots
may be linked; undoable; the status bar and the saved file follow."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import visible_lines

from eduwriter.compose.markdown_io import report_from_markdown
from eduwriter.gui.dialogs.slots_dialog import SlotsDialog

SUMMARY_MD = """# 【单位】上半年工作总结

## 一、主要成绩

组建教研组【数量】个，新建学校【数量】所。【单位】开展活动【数量】场。

## 二、队伍建设

新招聘教师【数量】名，【单位】全部完成岗前培训。
"""


def test_every_slot_is_a_field_of_its_own_in_document_order(window, qtbot):
    rd = window.rd
    rd.set_report(report_from_markdown(SUMMARY_MD))
    dialog = SlotsDialog(rd, window)
    qtbot.addWidget(dialog)
    labels = [p.label for p in dialog.places]
    assert labels == [
        "【单位】",
        "【数量】",
        "【数量】",
        "【单位】",
        "【数量】",
        "【数量】",
        "【单位】",
    ]
    # the writer sees the sentence around each one and the heading it is under
    from PySide6.QtWidgets import QLabel

    shown = dialog.findChild(QLabel, "context:2").text()
    assert shown == "一、主要成绩 · 组建教研组【数量】个，新建学校【数量】所。"
    # four different numbers
    for i, value in ((1, "12"), (2, "3"), (4, "8"), (5, "46")):
        dialog.set_value(i, value)
    dialog.accept()
    text = "\n".join(visible_lines(rd))
    assert "组建教研组12个，新建学校3所。【单位】开展活动8场。" in text
    assert "新招聘教师46名" in text
    assert rd.unfilled_count() == 3  # the three 【单位】 left empty
    qtbot.waitUntil(lambda: window.slots_label.text() == "待填要素：3", timeout=3000)
    rd.undo_stack.undo()
    assert "\n".join(visible_lines(rd)).count("【数量】") == 4


def test_a_named_slot_can_be_linked_a_bare_count_cannot(window, qtbot, tmp_path: Path):
    rd = window.rd
    rd.set_report(report_from_markdown(SUMMARY_MD))
    dialog = SlotsDialog(rd, window)
    qtbot.addWidget(dialog)
    assert list(dialog.links) == ["单位"]
    assert "共 3 处" in dialog.links["单位"].text()
    dialog.link("单位")
    dialog.set_value(0, "滨江区教育局")
    assert dialog.edits[3].text() == "滨江区教育局" and not dialog.edits[3].isEnabled()
    dialog.accept()
    text = "\n".join(visible_lines(rd))
    assert text.count("滨江区教育局") == 3 and "【单位】" not in text
    assert text.count("【数量】") == 4
    out = tmp_path / "总结.md"
    window.files._write(str(out))
    assert out.read_text(encoding="utf-8").count("滨江区教育局") == 3


def test_hints_are_not_slots_and_no_slots_means_no_form(window, demo_report):
    rd = window.rd
    rd.set_report(demo_report)
    assert rd.unfilled_count() == 4  # 【地区】 twice, 【年份】, 【数量】; the hint is not a slot
    assert len(SlotsDialog(rd, window).places) == 4
    rd.set_report(report_from_markdown("# 标题\n\n正文。\n"))
    assert not SlotsDialog(rd, window).has_slots()
