"""The scoring functions of scripts/eval_corpus.py on tiny hand-made cases."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


@pytest.fixture(scope="module")
def ev():
    sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location("eval_corpus", SCRIPTS / "eval_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_corpus"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_head_key_ignores_run_in_body_width_and_trailing_punctuation(ev):
    assert ev.head_key("1．防疫场所设置。考点入口设置测温点") == ev.head_key("1.防疫场所设置")
    assert ev.head_key("一、推荐原则：") == ev.head_key("一、推荐原则")
    assert ev.head_key("一、推荐原则") != ev.head_key("二、推荐原则")


def test_heading_precision_recall_and_level(ev):
    ours = [("一、总体要求", 1), ("（一）指导思想。", 2), ("二、多余的标题", 1)]
    gold = [("一、总体要求", 1), ("（一）指导思想", 3), ("三、漏掉的标题", 1)]
    s = ev.score_headings(ours, gold)
    assert (s.tp, s.ours, s.gold) == (2, 3, 3)
    assert s.p == pytest.approx(2 / 3) and s.r == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 / 3)
    assert s.level == pytest.approx(0.5)
    assert s.fp == ["L1 二、多余的标题"] and s.fn == ["L1 三、漏掉的标题"]


def test_headings_are_matched_in_order(ev):
    # the same heading text twice: the second gold one is found only if predicted twice
    gold = [("一、工作目标", 1), ("一、工作目标", 1)]
    assert ev.score_headings([("一、工作目标", 1)], gold).tp == 1
    assert ev.score_headings([], gold).r == 0.0
    assert ev.score_headings([], []).f1 == 1.0


def test_boilerplate_removed_counts_lines_with_text_only(ev):
    output = ["学校召开全体教师大会，部署新学期工作。", "首页"]
    bp = ["首页", "网站地图", "|", "版权所有 Copyright 2020 某某学校"]
    assert ev.boilerplate_removed(output, bp) == (2, 3)
    # a long boilerplate line left inside a paragraph still counts as left
    assert ev.boilerplate_removed(["前文 版权所有 Copyright 2020 某某学校"], bp[3:]) == (0, 1)


def test_content_removed_skips_boilerplate_optional_and_markers(ev):
    ref = ["首页", "一、总体要求", "正文内容甲。", "（此件公开发布）", ""]
    bp, optional = ["首页"], ["（此件公开发布）"]
    assert ev.content_removed(ref, bp, optional, ["总体要求", "正文内容甲"]) == []
    assert ev.content_removed(ref, bp, optional, ["总体要求"]) == ["正文内容甲。"]


def test_documents_exact_needs_count_and_titles(ev):
    gold = [{"title": "关于做好X工作的通知"}, {"title": None}]
    assert ev.documents_exact(["关于做好 X 工作的通知", "随便"], gold)
    assert not ev.documents_exact(["关于做好X工作的通知"], gold)
    assert not ev.documents_exact(["别的标题", None], gold)
    alt = [{"title": "工作思路（征求意见稿）", "title_alt": ["造就健康发展的教师"]}]
    assert ev.documents_exact(["造就健康发展的教师"], alt)


def test_placeholders_found(ev):
    assert ev.placeholders_found(["20XX年", "XX学校"], ["20XX年", "X月X日"]) == (1, 2)


def test_naive_baseline_one_regex_levels_closed_up(ev):
    lines = ["一、甲", "（一）乙", "1.丙", "正文", "（1）丁", "2020.5 日期", "2．戊"]
    assert ev.baseline_headings(lines) == [
        ("一、甲", 1),
        ("（一）乙", 2),
        ("1.丙", 3),
        ("（1）丁", 4),
        ("2．戊", 3),
    ]
    assert ev.baseline_headings(["1.甲", "（1）乙"]) == [("1.甲", 1), ("（1）乙", 2)]
