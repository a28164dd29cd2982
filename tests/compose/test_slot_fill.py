"""The one count of unfilled slots, where each one is, and which may be linked."""

from __future__ import annotations

from eduwriter.compose.report import Report, ReportBlock, ReportMeta
from eduwriter.compose.slot_fill import (
    count_unfilled,
    describe_places,
    is_linkable,
    sentence_around,
    unfilled_places,
)


def _report() -> Report:
    return Report(
        title="【单位】上半年工作总结",
        meta=ReportMeta(signer="【单位】"),
        blocks=[
            ReportBlock("heading", "主要成绩", level=1),
            ReportBlock(
                "paragraph", "组建教研组【数量】个。新建学校【数量】所，开展活动【数量】场。"
            ),
            ReportBlock("paragraph", "【在此概述】", hint=True),
            ReportBlock("heading", "存在问题", level=1),
            ReportBlock("paragraph", "新教师【数量】名。"),
        ],
    )


def test_every_occurrence_counts_once_hints_do_not():
    report = _report()
    places = unfilled_places(report)
    assert [p.label for p in places] == ["【单位】"] + ["【数量】"] * 4 + ["【单位】"]
    assert count_unfilled(report) == 6


def test_each_place_knows_its_heading_and_sentence():
    places = unfilled_places(_report())
    second = places[2]
    assert second.where == "一、主要成绩"
    assert second.context == "新建学校【数量】所，开展活动【数量】场。"
    assert places[4].where == "二、存在问题" and places[4].context == "新教师【数量】名。"
    assert places[0].where == "" and places[-1].where == ""  # title and 署名


def test_named_slots_link_counts_and_dates_do_not():
    assert is_linkable("单位") and is_linkable("地区") and is_linkable("学校名称")
    assert not is_linkable("数量") and not is_linkable("日期") and not is_linkable("待填")


def test_sentence_is_cut_round_the_slot_in_a_long_paragraph():
    text = "甲" * 100 + "【数量】" + "乙" * 100
    out = sentence_around(text, 100, 104, limit=20)
    assert out == "…" + "甲" * 8 + "【数量】" + "乙" * 8 + "…"


def test_description_lists_where_and_says_how_many_more():
    lines = describe_places(unfilled_places(_report()), limit=2)
    assert lines[1] == "【数量】  一、主要成绩：组建教研组【数量】个。"
    assert lines[-1] == "……另有 4 处"
