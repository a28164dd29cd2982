import pytest
from check_helpers import fired, notice

from eduwriter.compose.checks import check_report
from eduwriter.compose.report import Report, ReportBlock

CASES = [
    # (rule, text that must trigger, close text that must not)
    (
        "structure.skip",
        "一、总体要求\n1.提高认识\n2.加强领导",
        "一、总体要求\n（一）提高认识\n1.加强领导",
    ),
    (
        "structure.gap",
        "一、总体要求\n三、主要任务",
        "一、总体要求\n二、主要任务",
    ),
    (
        "structure.gap",
        "一、总体要求\n（二）提高认识",
        "一、总体要求\n（一）提高认识",
    ),
    (
        "structure.mixed",
        "一、总体要求\n（一）提高认识\n1、加强领导\n2.落实责任",
        "一、总体要求\n（一）提高认识\n1.加强领导\n2.落实责任",
    ),
    (
        "structure.mixed",
        "一、总体要求\n(一)提高认识\n（二）加强领导",
        "一、总体要求\n（一）提高认识\n（二）加强领导",
    ),
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES)
def test_rule_fires_on_bad_and_not_on_good(rule: str, bad: str, good: str) -> None:
    assert fired(notice(bad), rule), bad
    assert not fired(notice(good), rule), good


def test_skip_points_at_the_number_and_offers_no_fix() -> None:
    text = notice("一、总体要求\n（一）提高认识\n二、主要任务\n1.加强领导")
    [f] = fired(text, "structure.skip")
    assert (f.text, f.replacement, f.severity) == ("1.", None, "error")


def test_a_two_level_text_may_go_from_yi_to_one_as_a_suggestion() -> None:
    # GB/T 9704 §7.3.3 says the four numbers *may* be used in order: 一、 then 1. with no
    # （一） anywhere is a common two-level layout, reported as a suggestion only
    [f] = fired(notice("一、总体要求\n1.提高认识"), "structure.skip")
    assert f.severity == "suggestion"


def test_gap_suggests_the_expected_number_in_the_same_form() -> None:
    [f] = fired(notice("一、总体要求\n二、主要任务\n四、保障措施"), "structure.gap")
    assert (f.text, f.replacement, f.safe) == ("四、", "三、", False)


def test_a_second_list_in_one_section_may_start_again_at_one() -> None:
    text = notice(
        "一、总体要求\n（一）提高认识\n1.加强领导\n2.落实责任\n正文。\n1.再一项\n2.又一项"
    )
    assert not fired(text, "structure.gap")


def test_mixed_fix_uses_the_standard_form() -> None:
    found = fired(
        notice("一、总体要求\n（一）提高认识\n1、加强领导\n2.落实责任"), "structure.mixed"
    )
    assert [(f.text, f.replacement, f.safe) for f in found] == [("1、", "1.", True)]


def test_one_non_standard_form_throughout_is_a_suggestion() -> None:
    found = fired(
        notice("一、总体要求\n（一）提高认识\n1、加强领导\n2、落实责任"), "structure.mixed"
    )
    assert {f.severity for f in found} == {"suggestion"}
    assert [f.replacement for f in found] == ["1.", "2."]


def test_report_with_a_skipped_level() -> None:
    report = Report(
        "关于开学工作的通知",
        blocks=[ReportBlock("heading", "总体要求", 1), ReportBlock("heading", "提高认识", 3)],
    )
    found = [f for f in check_report(report) if f.rule == "structure.skip"]
    assert [(f.block, f.part, f.severity) for f in found] == [(1, "text", "suggestion")]


def test_report_numbers_are_computed_so_no_gap() -> None:
    report = Report(
        "关于开学工作的通知",
        blocks=[ReportBlock("heading", "总体要求", 1), ReportBlock("heading", "主要任务", 1)],
    )
    assert not [f for f in check_report(report) if f.category.startswith("structure")]


def test_numbers_after_the_signature_start_a_new_run() -> None:
    text = notice("一、总体要求\n二、主要任务") + "附件1\n一、名单\n二、说明\n"
    assert not fired(text, "structure.gap")


def test_a_skipped_level_is_reported_once_per_run() -> None:
    found = fired(
        notice("一、总体要求\n1.提高认识\n2.加强领导\n二、主要任务\n1.落实责任"), "structure.skip"
    )
    assert [f.line for f in found] == [4, 7]
