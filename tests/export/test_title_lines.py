"""Balanced lines for a long title: fewest lines that fit, even, at natural boundaries."""

from __future__ import annotations

import pytest

from eduwriter.export.title_lines import MIN_LINE_CHARS, split_title

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
