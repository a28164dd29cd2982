"""Ranking of autocomplete suggestions by the place being written."""

from __future__ import annotations

from eduwriter.compose.suggest_rank import (
    Candidate,
    WritingPlace,
    fit_score,
    is_offerable,
    place_of,
)

PLAN = Candidate("制定本年度工作计划", function="打算", genre="plan")
PROBLEM = Candidate("工作计划落实还不够到位", function="问题", genre="summary")
RESULT = Candidate("圆满完成年度工作计划", function="成效", genre="summary")


def test_the_heading_above_gives_the_section_role_and_the_title_the_genre():
    place = place_of("某区教育局2026年上半年工作总结", ["存在问题"])
    assert place == WritingPlace(genre="summary", role="存在问题")
    assert place_of("2026年工作计划", ["下一步打算"]).role == "下一步打算"
    # a sub-heading inherits its parent's role
    assert place_of("上半年工作总结", ["存在的不足", "一些具体方面"]).role == "存在问题"
    assert place_of("无题", []) == WritingPlace(genre=None, role=None)


def test_a_problems_section_of_a_summary_prefers_problems_and_pushes_plans_down():
    place = WritingPlace(genre="summary", role="存在问题")
    assert fit_score(PROBLEM, place) > fit_score(RESULT, place) > fit_score(PLAN, place)
    assert fit_score(PLAN, place) < 0


def test_a_plans_section_prefers_plans():
    place = WritingPlace(genre="summary", role="下一步打算")
    assert fit_score(PLAN, place) > fit_score(RESULT, place)
    assert fit_score(PLAN, place) > fit_score(PROBLEM, place)


def test_a_plan_report_accepts_plan_sentences_in_any_task_section():
    place = WritingPlace(genre="plan", role="主要任务")
    assert fit_score(PLAN, place) >= 0
    assert fit_score(PROBLEM, place) < 0


def test_uses_raise_a_phrasing_but_do_not_bury_a_better_fit():
    place = WritingPlace(genre="summary", role="主要成绩")
    used = Candidate(RESULT.text, function="措施", usage=1)
    fresh = Candidate("another", function="措施")
    assert fit_score(used, place) > fit_score(fresh, place)
    heavy = Candidate("heavy", function="措施", usage=1000)
    assert fit_score(heavy, place) < fit_score(RESULT, place)


def test_stale_and_other_domain_items_are_not_offered():
    assert is_offerable({"domain": "education", "flags": []})
    assert is_offerable({"domain": "government"})
    assert is_offerable({})
    assert not is_offerable({"domain": "education", "flags": ["stale"]})
    assert not is_offerable({"domain": "other"})
