"""Balanced lines for a long title: fewest lines that fit, even, at natural boundaries."""

from __future__ import annotations

import pytest

from eduwriter.export.title_lines import MAX_BALANCED_LINES, MIN_LINE_CHARS, split_title

CAPACITY = 20.1  # 2号 characters in the 156 mm 版心


def test_short_title_stays_one_line():
    assert split_title("关于做好2026年全市教育工作的实施方案", CAPACITY) == [
        "关于做好2026年全市教育工作的实施方案"
    ]


@pytest.mark.parametrize(
    "title",
    [
        "关于进一步加强全市中小学校园安全管理工作的实施意见",
        "XX市教育局关于开展2026年中小学生暑期安全教育专项活动的通知",
        "关于做好2026年全市中小学暑期安全工作的通知",
        "一二三四五六七八九十一二三四五六七八九十一",  # 21 characters: no word to go by
        "关于开展全区中小学校长及教师信息技术应用能力提升工程2.0整校推进考核评估工作的通知暨培训安排",
    ],
)
def test_long_titles_are_balanced_and_never_leave_a_short_line(title: str):
    lines = split_title(title, CAPACITY)
    assert "".join(lines) == title
    assert len(lines) >= 2
    assert min(len(x) for x in lines) >= MIN_LINE_CHARS
    widths = [sum(1 if ord(c) > 0x2000 else 0.5 for c in x) for x in lines]
    assert max(widths) <= CAPACITY
    assert max(widths) - min(widths) <= 5, lines


def test_break_prefers_a_natural_boundary_near_the_middle():
    assert split_title("关于做好2026年全市中小学暑期安全工作的通知", CAPACITY) == [
        "关于做好2026年全市",
        "中小学暑期安全工作的通知",
    ]
    # never inside a number, and never before closing punctuation
    lines = split_title(
        "关于公布2026年度XX区中小学（幼儿园）教育教学优秀成果评选结果的通知", CAPACITY
    )
    assert not any(x.startswith(("）", "，", "6")) for x in lines)
    assert not any(x.endswith(("（", "202")) for x in lines)


def test_text_too_long_for_a_title_is_left_whole_and_does_not_hang_the_export():
    # e.g. a long text pasted onto the title line: Word wraps it; balancing it line by line
    # took minutes and gigabytes (a 200 000-character title was killed for lack of memory).
    seven_lines = "正文" * int(CAPACITY * (MAX_BALANCED_LINES + 1) / 2)
    assert split_title(seven_lines, CAPACITY) == [seven_lines]
    huge = "关于工作的方案" + "正文" * 100_000
    assert split_title(huge, CAPACITY) == [huge]
