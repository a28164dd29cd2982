"""Numbered series judged as a whole: task lists are not headings, sections are."""

from __future__ import annotations

from eduwriter.core.importer import parse_outline
from eduwriter.core.markers import match_marker
from eduwriter.core.outline_series import bare_lists, series

BODY = "为全面落实学校工作部署，各部门要认真组织，确保各项工作按时完成，取得实效。"


def _heads(text: str) -> list[str]:
    return [b.marker + b.text for b in parse_outline(text).blocks if b.kind == "heading"]


def test_series_run_on_through_a_new_parent_and_restart_at_one():
    lines = ["一、甲", "1.a", "2.b", "二、乙", "3.c", "1.d", "2.e"]
    markers = [match_marker(x) for x in lines]
    assert [s for s in series(markers) if markers[s[0]].style == "arabic"] == [[1, 2, 4], [5, 6]]


def test_a_task_list_under_month_headings_is_not_a_series_of_headings():
    text = "\n".join(
        [
            "一、指导思想",
            BODY,
            "二、具体工作安排",
            "1、制订学校德育工作计划",
            "2、修订、完善德育制度",
            "3、更新德育管理系统",
            "4、召开高三家长会",
            BODY,
        ]
    )
    assert _heads(text) == ["一、指导思想", "二、具体工作安排"]


def test_sections_with_bodies_stay_headings_even_when_some_are_bare():
    text = "\n".join(
        [
            "1.组建自然资源部",
            BODY,
            "2.组建生态环境部",
            BODY,
            "3.组建农业农村部",
            BODY,
            "4.组建文化和旅游部",
            "5.组建国家卫生健康委员会",
            BODY,
        ]
    )
    assert len(_heads(text)) == 5


def test_label_value_items_are_not_bare():
    lines = ["1）评分人员：", "2)集合地点负责人:全体体育老师", "3)摄像"]
    markers = [match_marker(x) for x in lines]
    assert bare_lists(markers, {2}) == set()
