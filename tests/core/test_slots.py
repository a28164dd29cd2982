"""Placeholders become typed slots."""

from __future__ import annotations

import pytest

from eduwriter.core.slots import find_slots, replace_with_slots, slot_label


@pytest.mark.parametrize(
    ("text", "raw", "kind"),
    [
        ("20XX年工作计划", "20XX年", "年份"),
        ("20xx年", "20xx年", "年份"),
        ("20__年", "20__年", "年份"),
        ("201x-2020年度", "201x", "年份"),
        ("xxxx年下半年", "xxxx年", "年份"),
        ("X月X日开学", "X月X日", "日期"),
        ("x月xx日", "x月xx日", "日期"),
        ("X月投用", "X月", "日期"),
        ("XX省XX市XX区", "XX省", "地区"),
        ("在xx县召开", "xx县", "地区"),
        ("XX小学扩建", "XX", "单位"),
        ("XX中学重建", "XX", "单位"),
        ("组织XXX名职高生", "XXX名", "数量"),
        ("补贴*万元", "*万", "金额"),
        ("新增X所学校", "X所", "数量"),
        ("xx%的学生", "xx%", "百分比"),
        ("〔X〕X号文件", "X", "文号"),
        ("姓名：___", "___", "待填"),
        ("贯彻XX教育理念", "XX", "待填"),
    ],
)
def test_slot_kinds(text, raw, kind):
    slots = find_slots(text)
    assert (raw, kind) in [(s.raw, s.kind) for s in slots]


def test_latin_words_are_not_placeholders():
    assert find_slots("使用Excel和XML文件，访问www.example.com") == []


def test_distinct_in_order():
    slots = find_slots("X所学校，X所学校，20XX年")
    assert [(s.raw, s.kind) for s in slots] == [("X所", "数量"), ("20XX年", "年份")]


def test_replace_with_slots_keeps_units():
    assert (
        replace_with_slots("20XX年X月X日，XX区XXX名教师")
        == "【年份】年【日期】，【地区】区【数量】名教师"
    )
    assert replace_with_slots("没有占位符。") == "没有占位符。"


def test_slot_label():
    assert slot_label("年份") == "【年份】"


def test_one_marker_pattern_and_helpers():
    from eduwriter.core.slots import (
        SLOT_MAX,
        SLOT_RE,
        only_slots,
        slot_kinds,
        slot_spans,
        split_slots,
    )

    text = "【年份】年，【在此概述本节的主要内容和做法】。"
    assert slot_kinds(text) == ["年份", "在此概述本节的主要内容和做法"]
    assert slot_spans("甲【学校】乙") == [(1, 5, "学校")]
    assert split_slots("甲【学校】乙") == [("甲", False), ("【学校】", True), ("乙", False)]
    assert SLOT_RE.fullmatch("【" + "字" * SLOT_MAX + "】")
    assert not SLOT_RE.fullmatch("【" + "字" * (SLOT_MAX + 1) + "】")
    assert only_slots("【地区】【学校】：") and only_slots("第【数量】届")
    assert not only_slots("【地区】教育工作会议") and not only_slots("没有标记")


def test_compose_and_gui_use_the_core_pattern():
    from eduwriter.compose import render
    from eduwriter.core import slots

    assert render.SLOT_RE is slots.SLOT_RE
