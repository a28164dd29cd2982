import pytest
from check_helpers import fired, notice

CASES = [
    ("punct.halfwidth", "各校要高度重视,认真落实。", "各校要高度重视，认真落实。"),
    ("punct.halfwidth", "如何化解焦虑?我们从五个方面入手。", "如何化解焦虑？我们从五个方面入手。"),
    ("punct.halfwidth", "报送材料(纸质版)一份。", "报送材料（纸质版）一份。"),
    ("punct.halfwidth", "联系人:张老师。", "会议于8:30开始，网址https://example.org/a.html。"),
    ("punct.halfwidth", '开展"双减"督导。', "开展“双减”督导。"),
    ("punct.repeat", "各校要高度重视，，认真落实。", "各校要高度重视，认真落实。"),
    ("punct.ellipsis_dash", "语文、数学...各科", "语文、数学……各科"),
    ("punct.ellipsis_dash", "语文、数学……等等学科", "语文、数学等学科"),
    ("punct.ellipsis_dash", "每班配备2-3名教师。", "每班配备2～3名教师，电话0571-88886666。"),
    ("punct.ellipsis_dash", "2025-2026学年第一学期", "2025—2026学年第一学期，三(2)班"),
    ("punct.pairs", "学习《义务教育法，提高认识。", "学习《义务教育法》，提高认识。"),
    ("punct.pairs", "开展“双减督导。", "开展“双减”督导。"),
    ("punct.pairs", "报送材料（纸质版一份。", "报送材料（纸质版）一份。"),
    ("punct.heading_end", "一、总体要求，\n正文。", "一、总体要求\n正文。"),
    ("punct.heading_end", "一、总体要求。\n正文。", "1.总体要求。\n正文。"),
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES)
def test_rule_fires_on_bad_and_not_on_good(rule: str, bad: str, good: str) -> None:
    assert fired(notice(bad), rule), bad
    assert not fired(notice(good), rule), good


def test_title_ending_with_a_full_stop() -> None:
    bad = notice("正文。", title="关于开学工作的通知。")
    [f] = fired(bad, "punct.heading_end")
    assert (f.severity, f.replacement, f.safe) == ("error", "", True)
    assert not fired(notice("正文。", title="关于开学工作的通知"), "punct.heading_end")


def test_halfwidth_fix_is_the_full_width_mark() -> None:
    found = fired(notice("重视,落实;检查!"), "punct.halfwidth")
    assert [(f.text, f.replacement, f.safe) for f in found] == [
        (",", "，", True),
        (";", "；", True),
        ("!", "！", True),
    ]


def test_typed_heading_number_is_not_a_halfwidth_full_stop() -> None:
    assert not fired(notice("一、总体要求\n（一）提高认识\n1.加强领导"), "punct.halfwidth")


def test_straight_quotes_become_opening_and_closing() -> None:
    found = fired(notice('开展"双减"督导。'), "punct.halfwidth")
    assert [f.replacement for f in found] == ["“", "”"]


def test_doubled_mark_is_replaced_by_one() -> None:
    [f] = fired(notice("高度重视。。认真落实。"), "punct.repeat")
    assert (f.text, f.replacement) == ("。。", "。")


def test_a_quotation_of_several_paragraphs_opens_each_paragraph() -> None:
    text = notice("“第一段引文。\n“第二段引文。”")
    assert not fired(text, "punct.pairs")


def test_run_in_heading_may_end_its_first_sentence() -> None:
    assert not fired(notice("一、加强领导。各校要成立领导小组。"), "punct.heading_end")


def test_headline_ending_with_a_mark_is_still_a_title() -> None:
    text = (
        "市教育局专题学习全会精神。\n10月27日，市教育局召开会议，专题学习全会精神，部署落实工作。\n"
    )
    [f] = fired(text, "punct.heading_end")
    assert f.line == 1


def test_a_short_first_sentence_is_not_taken_for_a_title() -> None:
    text = "会议强调了三点。\n一是提高认识。\n"
    assert not fired(text, "punct.heading_end")
