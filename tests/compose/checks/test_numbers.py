import pytest
from check_helpers import fired, notice

CASES = [
    ("number.year_short", "25年3月召开会议。", "2025年3月召开会议，建校25年来成绩显著。"),
    ("number.year_short", "25年度考核", "2025年度考核"),
    ("number.fullwidth_digit", "共有１２３所学校。", "共有123所学校。"),
    ("number.hao_date", "请于4月1号前报送。", "请于4月1日前报送，地点在3号楼。"),
    ("number.jiezhi", "截止目前，已完成85%。", "报名截止时间为5月10日。"),
    ("number.jiezhi", "截止2026年底，全市共有学校50所。", "截至2026年底，全市共有学校50所。"),
    ("number.percent_range", "优秀率控制在10～20%。", "优秀率控制在10%～20%。"),
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES)
def test_rule_fires_on_bad_and_not_on_good(rule: str, bad: str, good: str) -> None:
    assert fired(notice(bad), rule), bad
    assert not fired(notice(good), rule), good


def _closing(date: str) -> str:
    return f"关于开学工作的通知\n各学校：\n请认真落实。\n示范市教育局\n{date}\n"


def test_padded_date_in_the_document_date() -> None:
    found = fired(_closing("2026年01月05日"), "number.date_padding")
    assert [(f.text, f.replacement) for f in found] == [("01", "1"), ("05", "5")]
    assert not fired(_closing("2026年1月5日"), "number.date_padding")


def test_padded_date_in_the_body_is_left_to_the_writer() -> None:
    assert not fired(notice("数据统计到2026年01月。"), "number.date_padding")


def test_chinese_numeral_document_date() -> None:
    [f] = fired(_closing("二〇二六年一月五日"), "number.date_chinese")
    assert (f.replacement, f.safe, f.severity) == ("2026年1月5日", True, "error")
    assert not fired(_closing("2026年1月5日"), "number.date_chinese")


def test_chinese_numerals_in_the_body_are_not_a_document_date() -> None:
    assert not fired(notice("二〇二六年一月五日召开会议。"), "number.date_chinese")


def test_short_year_fix() -> None:
    [f] = fired(notice("25年3月召开会议。"), "number.year_short")
    assert (f.text, f.replacement, f.safe) == ("25", "2025", True)


def test_short_second_year_of_a_span() -> None:
    [f] = fired(notice("2025—26年度规划"), "number.year_short")
    assert f.replacement == "2026"


def test_print_date_line_is_a_date() -> None:
    text = _closing("2026年1月5日") + "示范市教育局办公室　　2026年01月06日印发\n"
    assert [f.text for f in fired(text, "number.date_padding")] == ["01", "06"]


def test_percent_range_fix() -> None:
    [f] = fired(notice("优秀率控制在10～20%。"), "number.percent_range")
    assert (f.text, f.replacement) == ("10", "10%")
