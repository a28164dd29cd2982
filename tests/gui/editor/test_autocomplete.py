"""Autocomplete offers phrasings after committed text, never during an IME composition."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from eduwriter.compose.report import Report, ReportBlock
from eduwriter.gui.editor.autocomplete import PhrasingIndex

PHRASINGS = [
    "全面贯彻党的教育方针，落实立德树人根本任务",
    "坚持以人民为中心发展教育",
    "凝心聚力、蹄疾步稳",
]


def _ready(window):
    window.rd.set_report(Report(title="计划", blocks=[ReportBlock("paragraph", "")]))
    window.composer.go_to_block(1)
    window.autocomplete.set_phrasings(PHRASINGS)
    window.composer.setFocus()


def _type(widget, text: str) -> None:
    for ch in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QKeyEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        )


def _ime(widget, preedit: str = "", commit: str = "") -> None:
    event = QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QApplication.sendEvent(widget, event)


def test_index_finds_continuations_of_the_last_characters():
    index = PhrasingIndex(PHRASINGS)
    found = index.suggest("我们要全面贯彻")
    assert found[0].phrasing == PHRASINGS[0]
    assert found[0].insert == "党的教育方针，落实立德树人根本任务"
    assert index.suggest("好好") == []
    assert index.suggest("我们全面") == []  # two characters are too common to suggest on
    assert index.suggest("要全面贯彻。") == []  # after a full stop Enter starts a paragraph


def test_typing_shows_the_popup_and_tab_accepts(window):
    _ready(window)
    _type(window.composer, "要全面贯彻")
    ac = window.autocomplete
    assert ac.is_visible()
    assert ac.popup.item(0).text() == PHRASINGS[0]
    QApplication.sendEvent(
        window.composer,
        QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
    )
    assert window.rd.block(1).text() == "要全面贯彻党的教育方针，落实立德树人根本任务"
    assert not ac.is_visible()
    assert window.rd.undo_stack.undoText() == "自动补全"


def test_escape_dismisses_and_enter_does_not_split_then(window):
    _ready(window)
    _type(window.composer, "蹄疾步")
    assert window.autocomplete.is_visible()
    QApplication.sendEvent(
        window.composer,
        QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    )
    assert not window.autocomplete.is_visible()
    assert window.rd.block(1).text() == "蹄疾步"


def test_no_popup_while_the_input_method_is_composing(window):
    _ready(window)
    _type(window.composer, "全面")
    window.autocomplete.dismiss()
    _ime(window.composer, preedit="guanche")  # pinyin being composed
    assert window.composer.preedit == "guanche"
    assert not window.autocomplete.is_visible()
    _ime(window.composer, preedit="", commit="贯彻")  # the writer picks 贯彻
    assert window.composer.preedit == ""
    assert window.rd.block(1).text() == "全面贯彻"
    assert window.autocomplete.is_visible()
    assert window.autocomplete.popup.item(0).text() == PHRASINGS[0]


def test_autocomplete_can_be_switched_off(window):
    _ready(window)
    window.act_autocomplete.setChecked(False)
    _type(window.composer, "全面贯彻")
    assert not window.autocomplete.is_visible()
    assert window.settings.autocomplete_enabled() is False


def test_phrasings_load_from_the_library(window, store, qtbot):
    window.attach_store(store)
    qtbot.waitUntil(lambda: len(window.autocomplete.index) > 0, timeout=10000)
    texts = {it.text for it in store.items(kind="phrasing")}
    assert set(window.autocomplete.index.texts) <= texts | {
        it.text for it in store.items(kind="snippet")
    }


def test_popup_closes_when_the_composer_loses_focus(window, qtbot):
    from PySide6.QtCore import Qt as _Qt
    from PySide6.QtGui import QFocusEvent

    _ready(window)
    _type(window.composer, "全面贯彻")
    assert window.autocomplete.is_visible()
    QApplication.sendEvent(
        window.composer, QFocusEvent(QFocusEvent.Type.FocusOut, _Qt.FocusReason.OtherFocusReason)
    )
    assert not window.autocomplete.is_visible()


def test_phrasings_that_start_with_the_typed_text_come_first():
    index = PhrasingIndex(["要全面加强党的建设工作", "全面加强教师队伍建设"])
    found = index.suggest("我们全面加强")
    assert [s.phrasing for s in found] == ["全面加强教师队伍建设", "要全面加强党的建设工作"]
    assert found[0].insert == "教师队伍建设"


def _key(widget, key) -> None:
    QApplication.sendEvent(
        widget, QKeyEvent(QKeyEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)
    )


BODY = [
    "全面加强教师队伍建设，认真组织、督查各校扎实开展师德师风建设",
    "按照上级的实施方案，认真组织、督查各校扎实开展",
]


def test_enter_in_the_title_starts_a_new_block_without_suggestions(window):
    window.rd.set_report(Report(title="", blocks=[ReportBlock("paragraph", "已有正文。")]))
    window.composer.go_to_block(0)
    window.autocomplete.set_phrasings(BODY)
    window.composer.setFocus()
    _type(window.composer, "关于全面加强教师队伍建设的实施方案")
    assert not window.autocomplete.is_visible()
    _key(window.composer, Qt.Key.Key_Return)
    assert window.rd.block(0).text() == "关于全面加强教师队伍建设的实施方案"
    assert window.rd.block(1).text() == ""
    assert window.rd.block(2).text() == "已有正文。"


def test_enter_at_the_end_of_a_heading_starts_a_paragraph(window):
    window.rd.set_report(
        Report(
            title="计划",
            blocks=[ReportBlock("heading", "基本情况", 1), ReportBlock("paragraph", "正文。")],
        )
    )
    window.composer.go_to_block(1)
    window.autocomplete.set_phrasings(BODY)
    window.composer.setFocus()
    _type(window.composer, "和教师队伍建设")
    assert not window.autocomplete.is_visible()
    _key(window.composer, Qt.Key.Key_Return)
    lines = window.rd.plain_text().split("\n")
    assert lines[1] == "一、基本情况和教师队伍建设"
    assert lines[2] == ""
    assert lines[3] == "正文。"


def test_enter_in_body_text_starts_a_paragraph_unless_a_suggestion_was_chosen(window):
    _ready(window)
    _type(window.composer, "要全面贯彻")
    assert window.autocomplete.is_visible()
    _key(window.composer, Qt.Key.Key_Return)  # typed fast, wants a new paragraph
    assert not window.autocomplete.is_visible()
    assert window.rd.block(1).text() == "要全面贯彻"
    assert window.rd.block(2).text() == ""
    _type(window.composer, "坚持以人民")
    assert window.autocomplete.is_visible()
    _key(window.composer, Qt.Key.Key_Down)  # moved into the popup: Enter accepts now
    _key(window.composer, Qt.Key.Key_Return)
    assert window.rd.block(2).text() == "坚持以人民为中心发展教育"
    assert window.rd.doc.blockCount() == 3


def test_popup_stays_on_a_1024_pixel_screen():
    from PySide6.QtCore import QPoint, QRect, QSize

    from eduwriter.gui.editor.autocomplete import popup_position

    screen = QRect(0, 0, 1024, 768)
    size = QSize(560, 200)
    # the cursor near the right edge: the popup moves left, its right edge on the screen
    pos = popup_position(QRect(900, 300, 2, 20), size, screen)
    assert pos.x() + size.width() <= 1024 and pos == QPoint(1024 - 560, 324)
    # near the bottom: above the line instead of below it
    pos = popup_position(QRect(100, 700, 2, 20), size, screen)
    assert pos.y() + size.height() <= 700 and pos.x() == 100
    # room enough: just under the cursor
    assert popup_position(QRect(100, 100, 2, 20), size, screen) == QPoint(100, 124)


def _summary_with_problems(window, candidates) -> None:
    window.rd.set_report(
        Report(
            title="某区教育局2026年上半年工作总结",
            blocks=[
                ReportBlock("heading", "主要成绩", 1),
                ReportBlock("paragraph", "各项工作稳步推进。"),
                ReportBlock("heading", "存在问题", 1),
                ReportBlock("paragraph", ""),
            ],
        )
    )
    window.composer.go_to_block(4)
    window.autocomplete.set_phrasings(candidates)
    window.composer.setFocus()


def test_a_plan_sentence_is_not_offered_first_in_a_summarys_problems_section(window):
    from eduwriter.compose.suggest_rank import Candidate

    plan = Candidate("制定本年度工作计划，明确责任分工", function="打算", genre="plan")
    problem = Candidate("本年度工作中还存在一些不足", function="问题", genre="summary")
    _summary_with_problems(window, [plan, problem])
    _type(window.composer, "制定本年度工作")
    ac = window.autocomplete
    assert ac.is_visible()
    shown = [ac.popup.item(i).text() for i in range(ac.popup.count())]
    assert shown[0] == problem.text
    assert plan.text in shown  # still offered, only further down
    # the same text under 主要成绩 in a plan offers the plan sentence first (longer match)
    window.rd.set_report(
        Report(
            title="2026年工作计划",
            blocks=[ReportBlock("heading", "主要任务", 1), ReportBlock("paragraph", "")],
        )
    )
    window.composer.go_to_block(2)
    _type(window.composer, "制定本年度工作")
    assert ac.popup.item(0).text() == plan.text


def test_an_accepted_phrasing_ranks_higher_and_its_use_is_recorded(window, store, qtbot):
    window.attach_store(store)
    ac = window.autocomplete
    qtbot.waitUntil(lambda: len(ac.index) > 0, timeout=10000)
    target = next(
        c
        for c in ac.index.candidates
        if c.item_id and len(c.text) >= 12 and all(ch.isalnum() for ch in c.text[:8])
    )
    usage_before = store.get(target.item_id).usage
    window.rd.set_report(Report(title="", blocks=[ReportBlock("paragraph", "")]))
    window.composer.go_to_block(1)
    window.composer.setFocus()
    _type(window.composer, target.text[:8])
    assert ac.is_visible()
    shown = [ac.popup.item(i).text() for i in range(ac.popup.count())]
    assert target.text in shown
    ac.accept(shown.index(target.text))
    assert window.rd.block(1).text() == target.text
    assert store.get(target.item_id).usage == usage_before + 1
    assert ac.index.candidates[ac.index.texts.index(target.text)].usage == target.usage + 1


def test_stale_and_other_domain_items_are_not_loaded(window, store, qtbot):
    window.attach_store(store)
    qtbot.waitUntil(lambda: len(window.autocomplete.index) > 0, timeout=10000)
    loaded = set(window.autocomplete.index.texts)
    bad, good = set(), set()
    for it in store.items(kind="phrasing"):
        data = it.data or {}
        stale = "stale" in (data.get("flags") or [])
        (bad if stale or data.get("domain") == "other" else good).add(it.text.strip())
    assert bad - good  # the sample library has some of each
    assert not loaded & (bad - good)
