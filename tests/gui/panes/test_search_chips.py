"""The search box's chips (filters the query was understood to mean) and "did you mean"."""

from __future__ import annotations

import library_fixtures as fx
from PySide6.QtCore import Qt

from eduwriter.gui.models.library_items import ItemRole

wait_for_search = fx.wait_for_search


def _shown(pane) -> list:
    model = pane.results_model
    return [model.index(r, 0).data(ItemRole) for r in range(model.rowCount())]


def test_understood_filters_show_as_chips_and_removing_one_searches_without_it(qtbot, pane):
    count = wait_for_search(qtbot, pane, "总结 打算")
    assert count > 0
    assert pane.chips.isVisible()
    labels = [chip.text() for chip in pane.chips.chips()]
    assert labels == ["总结 ✕", "打算 ✕"]
    assert all(it.function == "打算" for it in _shown(pane)), "only 打算 phrasings are listed"
    # removing the 打算 chip searches again: 打算 is now looked for as a word
    chip = pane.chips.chips()[1]
    with qtbot.waitSignal(pane.searchFinished, timeout=5000) as blocker:
        qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == '总结 "打算"'
    assert pane.search_edit.text() == '总结 "打算"'
    assert [chip.text() for chip in pane.chips.chips()] == ["总结 ✕"]
    assert all("打算" in it.text + it.title for it in _shown(pane))


def test_a_plain_query_shows_no_chips(qtbot, pane):
    assert wait_for_search(qtbot, pane, "安全") > 0
    assert pane.chips.chips() == []
    assert not pane.chips.isVisible()
    pane.search_edit.clear()
    assert not pane.chips.isVisible()


def test_did_you_mean_is_offered_and_clickable_when_nothing_is_found(qtbot, pane):
    assert wait_for_search(qtbot, pane, "lsdsr") == 0
    qtbot.waitUntil(lambda: bool(pane.chips.suggestion_buttons()), timeout=5000)
    assert pane.chips.isVisible()
    words = [b.text() for b in pane.chips.suggestion_buttons()]
    assert "立德树人" in words
    button = pane.chips.suggestion_buttons()[words.index("立德树人")]
    with qtbot.waitSignal(pane.searchFinished, timeout=5000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["立德树人", blocker.args[1]] and blocker.args[1] > 0
    assert pane.chips.suggestion_buttons() == []
