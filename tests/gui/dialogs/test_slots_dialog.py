"""填写要素: each slot once; a value fills every occurrence; undoable; lands in the saved file."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import visible_lines

from eduwriter.gui.dialogs.slots_dialog import SlotsDialog


def test_form_lists_each_slot_once_and_fills_all_occurrences(
    window, demo_report, tmp_path: Path, qtbot
):
    rd = window.rd
    rd.set_report(demo_report)
    assert rd.unfilled_count() == 4  # 【地区】 twice, 【年份】, 【数量】; the hint is not a slot
    dialog = SlotsDialog(rd, window)
    assert list(dialog.edits) == ["地区", "年份", "数量"]
    dialog.set_value("地区", "滨江区")
    dialog.set_value("年份", "2026")
    dialog.accept()
    text = "\n".join(visible_lines(rd))
    assert "【地区】" not in text and "【年份】" not in text
    assert text.count("滨江区") == 2
    assert "到2026年底" in text
    assert rd.unfilled_count() == 1  # 【数量】 left empty stays
    # the status bar follows by itself
    qtbot.waitUntil(lambda: window.slots_label.text() == "待填要素：1", timeout=3000)

    out = tmp_path / "方案.md"
    window.files._write(str(out))
    saved = out.read_text(encoding="utf-8")
    assert "结合滨江区教育工作实际" in saved and "【数量】" in saved

    rd.undo_stack.undo()
    assert "\n".join(visible_lines(rd)).count("【地区】") == 2


def test_no_slots_means_no_form(window):
    dialog = SlotsDialog(window.rd, window)
    assert not dialog.has_slots()
