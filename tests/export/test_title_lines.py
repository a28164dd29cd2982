"""Title lines (GB/T 9704 §7.3.1): fewest lines, broken only between words, 梯形 or 菱形."""

from __future__ import annotations

from pathlib import Path

import pytest

from eduwriter.core import words
from eduwriter.export.title_lines import (
    MAX_BALANCED_LINES,
    MIN_LINE_CHARS,
    shape_ok,
    split_title,
    text_width,
)

CAPACITY = 20.1  # 2号 characters in the 156 mm 版心
DATA = Path(__file__).parent / "data" / "real_titles.tsv"


def _real_titles() -> list[tuple[str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            title, origin = line.split("\t")
            rows.append((title, origin))
    return rows


def _breaks(lines: list[str]) -> list[int]:
    out, at = [], 0
    for line in lines[:-1]:
        at += len(line)
        out.append(at)
    return out


def test_the_data_file_holds_50_real_titles_of_16_to_60_characters_with_their_origin():
    rows = _real_titles()
    assert len(rows) == 50
    assert len({t for t, _ in rows}) == 50
    for title, origin in rows:
        assert 16 <= len(title) <= 60, title
        assert origin.startswith("http"), title


@pytest.mark.parametrize("title", [t for t, _ in _real_titles()])
def test_real_titles_break_between_words_in_a_trapezoid_or_diamond(title: str):
    lines = split_title(title, CAPACITY)
    assert "".join(lines) == title
    widths = [text_width(x) for x in lines]
    assert max(widths) <= CAPACITY, lines
    # the fewest lines that can hold the title
    assert len(lines) <= int(text_width(title) // CAPACITY) + 2, lines
    if text_width(title) <= CAPACITY:
        assert lines == [title]
        return
    assert len(lines) >= 2
    edges = words.boundaries(title)
    for k in _breaks(lines):
        assert k in edges, f"break inside a word at {k}: {lines}"
        assert not (title[k - 1].isdigit() and title[k].isdigit()), lines
        assert title[k] not in "，。、；：）》”〉", lines
        assert title[k - 1] not in "（《“〈", lines
    assert min(len(x) for x in lines) >= MIN_LINE_CHARS, lines
    assert shape_ok(widths), f"neither 梯形 nor 菱形: {lines} {widths}"


@pytest.mark.parametrize(
    ("title", "whole"),
    [
        ("关于进一步深化中小学课后服务提质增效推动教育高质量发展的实施方案", "提质增效"),
        ("关于进一步深化中小学课后服务提质增效推动教育高质量发展的实施方案", "高质量发展"),
        # 2026 falls in the middle of the title: a break inside it must not happen
        ("XX市教育局XX区中小学2026年暑期安全教育专项活动方案", "2026年"),
        ("关于全面加强和改进新时代学校美育工作的意见", "新时代"),
        ("关于开展全区教师信息技术应用能力提升工程2.0整校推进工作的通知", "2.0"),
    ],
)
def test_named_words_stay_on_one_line(title: str, whole: str):
    lines = split_title(title, CAPACITY)
    assert len(lines) >= 2
    assert any(whole in line for line in lines), lines


def test_shape_rule():
    assert shape_ok([10, 12, 14])  # 正梯形
    assert shape_ok([14, 12, 10])  # 倒梯形
    assert shape_ok([10, 14, 11])  # 菱形
    assert not shape_ok([14, 9, 14])  # 沙漏形
    assert not shape_ok([16, 12, 16, 12])


def test_a_three_line_title_is_never_an_hourglass():
    title = (
        "关于印发《XX市推进义务教育优质均衡发展和城乡一体化建设三年行动计划（2026—2028年）》的通知"
    )
    lines = split_title(title, CAPACITY)
    assert len(lines) == 3
    assert shape_ok([text_width(x) for x in lines]), lines


def test_short_title_stays_one_line():
    assert split_title("关于做好2026年全市教育工作的实施方案", CAPACITY) == [
        "关于做好2026年全市教育工作的实施方案"
    ]


def test_break_prefers_a_seam_near_the_middle():
    assert split_title("关于做好2026年全市中小学暑期安全工作的通知", CAPACITY) == [
        "关于做好2026年全市",
        "中小学暑期安全工作的通知",
    ]


def test_text_too_long_for_a_title_is_left_whole_and_does_not_hang_the_export():
    # e.g. a long text pasted onto the title line: Word wraps it
    seven_lines = "正文" * int(CAPACITY * (MAX_BALANCED_LINES + 1) / 2)
    assert split_title(seven_lines, CAPACITY) == [seven_lines]
    huge = "关于工作的方案" + "正文" * 100_000
    assert split_title(huge, CAPACITY) == [huge]
