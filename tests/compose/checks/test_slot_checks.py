from check_helpers import fired, notice

from eduwriter.compose.checks import check_report
from eduwriter.compose.report import Report, ReportBlock


def test_unfilled_slot() -> None:
    [f] = fired(notice("请于【日期】前报送。"), "slot.unfilled")
    assert (f.text, f.severity) == ("【日期】", "error")
    assert not fired(notice("请于5月10日前报送。"), "slot.unfilled")


def test_docno_in_square_brackets_is_not_a_slot() -> None:
    text = notice("按照示教发【2026】3号文件")
    assert not [f for f in fired(text, "slot.unfilled") if f.rule == "slot.unfilled"]
    assert fired(text, "docno.format")


def test_placeholder_is_a_suggestion() -> None:
    found = fired(notice("XX区教育局于X月X日召开会议。"), "slot.unfilled:placeholder")
    assert [f.text for f in found] == ["XX", "X", "X"]
    assert {f.severity for f in found} == {"suggestion"}
    assert not fired(
        notice("示范区教育局于5月6日召开会议，XXL码校服。"), "slot.unfilled:placeholder"
    )


def test_hint_paragraph_left_in_a_report() -> None:
    report = Report(
        "关于开学工作的通知",
        blocks=[ReportBlock("paragraph", "【在此概述工作背景】", hint=True)],
    )
    found = [f for f in check_report(report) if f.category == "slot.unfilled"]
    assert [(f.block, f.start, f.severity) for f in found] == [(0, 0, "error")]
