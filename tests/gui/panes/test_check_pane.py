"""The 检查 pane: findings by severity, jump, one-step fixes, ignore, refresh as you type,
and the question before an export while errors remain."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

from eduwriter.compose.checks.userdict import FILE_NAME
from eduwriter.compose.report import Report, ReportBlock, ReportMeta
from eduwriter.gui.editor.composer import Composer
from eduwriter.gui.editor.report_model import ReportDocument
from eduwriter.gui.panes.check_pane import CheckPane


def _report() -> Report:
    return Report(
        "关于做好开学工作的通知",
        ReportMeta("各学校", [], "示范市教育局", "2026年01月05日"),
        [
            ReportBlock("heading", "总体要求", 1),
            ReportBlock("paragraph", "截止目前，各校已完成排查。"),
            ReportBlock("paragraph", "深入学习贯彻十九大精神。"),
        ],
    )


@pytest.fixture
def pane(qtbot, isolated_data: Path):
    rd = ReportDocument()
    composer = Composer(rd)  # the document reports its changes once a view lays it out
    qtbot.addWidget(composer)
    rd.set_report(_report())
    jumps: list[tuple[int, int, int]] = []
    p = CheckPane(rd, lambda b, s, e: jumps.append((b, s, e)), isolated_data)
    p.jumps = jumps
    qtbot.addWidget(p)
    p.refresh_now()
    yield p
    p.runner.wait()


def _rows(pane: CheckPane, group) -> list[tuple[str, str]]:
    return [(group.child(i).text(1), group.child(i).text(2)) for i in range(group.childCount())]


def _item(pane: CheckPane, text: str):
    for group in (pane.errors_item, pane.suggestions_item):
        for i in range(group.childCount()):
            if group.child(i).text(1) == text:
                return group.child(i)
    raise AssertionError(f"no finding on {text}")


def test_findings_are_listed_by_severity(pane: CheckPane) -> None:
    errors = _rows(pane, pane.errors_item)
    suggestions = _rows(pane, pane.suggestions_item)
    assert ("截止", "截至") in errors
    assert ("01", "1") in errors  # the 成文日期
    assert ("十九大精神", "党的二十大精神") in suggestions
    assert pane.errors_item.text(0) == f"错误（{len(errors)}）"
    assert "个错误" in pane.summary.text()


def test_double_click_jumps_to_the_paragraph(pane: CheckPane, qtbot) -> None:
    item = _item(pane, "截止")
    pane.tree.itemDoubleClicked.emit(item, 0)
    # text block 0 is the title, 1 the heading, 2 the paragraph
    assert pane.jumps == [(2, 0, 2)]


def test_fix_is_one_undo_step(pane: CheckPane) -> None:
    rd = pane.rd
    pane.tree.setCurrentItem(_item(pane, "截止"))
    assert pane.btn_fix.isEnabled()
    steps = rd.undo_stack.count()
    pane.btn_fix.click()
    assert rd.block(2).text() == "截至目前，各校已完成排查。"
    assert rd.undo_stack.count() == steps + 1
    assert ("截止", "截至") not in _rows(pane, pane.errors_item)
    rd.undo_stack.undo()
    assert rd.block(2).text() == "截止目前，各校已完成排查。"


def test_fix_of_the_document_date_goes_through_the_meta(pane: CheckPane) -> None:
    rd = pane.rd
    pane.tree.setCurrentItem(_item(pane, "01"))
    pane.btn_fix.click()
    assert rd.meta.date == "2026年1月05日"
    rd.undo_stack.undo()
    assert rd.meta.date == "2026年01月05日"


def test_unsafe_finding_cannot_be_fixed_with_one_click(pane: CheckPane) -> None:
    pane.tree.setCurrentItem(_item(pane, "十九大精神"))
    assert not pane.btn_fix.isEnabled()


def test_fix_refuses_a_paragraph_changed_since_the_check(pane: CheckPane) -> None:
    finding = _item(pane, "截止").data(0, 256)
    cur = QTextCursor(pane.rd.block(2))
    cur.insertText("目前")
    assert pane.fix(finding) is False
    assert pane.rd.block(2).text() == "目前截止目前，各校已完成排查。"


def test_ignore_once_hides_until_the_paragraph_changes(pane: CheckPane) -> None:
    pane.tree.setCurrentItem(_item(pane, "截止"))
    pane.btn_ignore.click()
    assert ("截止", "截至") not in _rows(pane, pane.errors_item)
    pane.refresh_now()
    assert ("截止", "截至") not in _rows(pane, pane.errors_item)
    QTextCursor(pane.rd.block(2)).insertText("现在，")
    pane.refresh_now()
    assert ("截止", "截至") in _rows(pane, pane.errors_item)


def test_ignore_always_writes_the_dictionary(pane: CheckPane, isolated_data: Path) -> None:
    pane.tree.setCurrentItem(_item(pane, "十九大精神"))
    pane.btn_always.click()
    text = (isolated_data / FILE_NAME).read_text(encoding="utf-8")
    assert "十九大精神" in text.split("[规则]")[0]
    assert ("十九大精神", "党的二十大精神") not in _rows(pane, pane.suggestions_item)


def test_disable_rule_writes_the_rule(pane: CheckPane, isolated_data: Path) -> None:
    pane.tree.setCurrentItem(_item(pane, "截止"))
    pane.btn_rule.click()
    text = (isolated_data / FILE_NAME).read_text(encoding="utf-8")
    assert "number.jiezhi" in text.split("[规则]")[1]
    again = CheckPane(pane.rd, lambda *a: None, isolated_data)
    again.refresh_now()
    assert ("截止", "截至") not in _rows(again, again.errors_item)


def test_findings_refresh_as_the_writer_types(pane: CheckPane, qtbot) -> None:
    cur = QTextCursor(pane.rd.block(2))
    cur.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cur.insertText("请于4月1号前报送。")
    qtbot.waitUntil(lambda: ("号", "日") in _rows(pane, pane.errors_item), timeout=5000)


def test_export_asks_while_errors_remain(pane: CheckPane) -> None:
    asked: list[int] = []
    pane.ask_export = lambda n: asked.append(n) or False
    assert pane.confirm_export() is False
    assert asked and asked[0] >= 2
    clean = Report("关于开学工作的通知", blocks=[ReportBlock("paragraph", "请认真落实。")])
    pane.rd.set_report(clean)
    asked.clear()
    assert pane.confirm_export() is True
    assert asked == []


def test_window_has_the_pane_on_f7_and_guards_export(window, qtbot) -> None:
    pane = window.check_pane
    assert window.check_dock.toggleViewAction().shortcut().toString() == "F7"
    window.rd.set_report(_report())
    asked: list[int] = []
    pane.ask_export = lambda n: asked.append(n) or False
    opened: list[bool] = []
    window.exporter.ask_and_export = lambda: opened.append(True) or True
    window.exporter.action.trigger()
    assert asked and opened == []


def test_dictionary_can_be_edited_and_is_reread(pane: CheckPane, isolated_data: Path) -> None:
    opened: list[Path] = []
    pane.open_file = opened.append
    pane.btn_dictionary.click()
    path = isolated_data / FILE_NAME
    assert opened == [path] and path.is_file()
    assert ("截止", "截至") in _rows(pane, pane.errors_item)
    import os

    path.write_text("[词语]\n截止\n", encoding="utf-8")
    os.utime(path, (1, 1))  # a different modification time, as an editor's save gives
    pane.refresh_now()
    assert ("截止", "截至") not in _rows(pane, pane.errors_item)


def test_pane_speaks_english(qtbot, isolated_data: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from eduwriter.gui import i18n

    translator = QTranslator()
    assert translator.load(str(i18n.qm_for("en")))
    QCoreApplication.installTranslator(translator)
    try:
        rd = ReportDocument()
        rd.set_report(_report())
        p = CheckPane(rd, lambda *a: None, isolated_data)
        qtbot.addWidget(p)
        p.refresh_now()
        assert p.errors_item.text(0).startswith("Errors (")
        assert p.btn_fix.text() == "Fix"
        messages = [p.errors_item.child(i).text(0) for i in range(p.errors_item.childCount())]
        assert any(m.startswith("截至 (up to)") for m in messages)
    finally:
        QCoreApplication.removeTranslator(translator)
        p.runner.wait()


def test_unfilled_slots_alone_do_not_ask_twice(pane: CheckPane) -> None:
    """Unfilled 【slots】 are errors in the pane, but the export asks about them itself (with
    where they are): the check pane's question is only for the other errors."""
    asked: list[int] = []
    pane.ask_export = lambda n: asked.append(n) or False
    slots_only = Report(
        "关于开学工作的通知",
        blocks=[ReportBlock("paragraph", "请于【日期】前报送【数量】份材料。")],
    )
    pane.rd.set_report(slots_only)
    assert any(f.rule == "slot.unfilled" for f in pane.refresh_now())
    assert pane.confirm_export() is True
    assert asked == []
