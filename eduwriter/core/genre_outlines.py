"""The canonical outline of each 文种: the order a merged skeleton follows.

A writer expects a 工作总结 to run 基本情况 → 主要做法/成绩 → 经验体会 → 存在问题 → 下一步打算, an
实施方案 指导思想 → 工作目标 → 主要任务 → 实施步骤 → 保障措施.  The 文种 (*form*) of a document
comes from its title (实施方案, 典型材料, 通知 are forms of the genres plan, summary, article),
else from its genre.  A merged skeleton lists the roles of its form's canonical outline in that
order — roles the samples lack are still offered, marked as taken from the outline — with the
other roles the samples have placed where :data:`~eduwriter.core.items.ROLES` puts them.
"""

from __future__ import annotations

import re

from eduwriter.core.items import ROLES

__all__ = [
    "CANONICAL",
    "FORM_GENRE",
    "OUTLINE_ONLY_FORMS",
    "ROLE_HINTS",
    "canonical_order",
    "form_of",
]

#: Form -> its canonical outline (roles in order).
CANONICAL: dict[str, tuple[str, ...]] = {
    "工作总结": ("开头", "基本情况", "主要成绩", "经验体会", "存在问题", "下一步打算", "结尾"),
    "工作计划": ("开头", "指导思想", "工作目标", "主要任务", "保障措施", "结尾"),
    "讲话稿": ("开头", "主要成绩", "存在问题", "主要任务", "工作要求", "结尾"),
    "实施方案": ("开头", "指导思想", "工作目标", "主要任务", "实施步骤", "保障措施"),
    "典型材料": ("开头", "基本情况", "主要成绩", "经验体会", "结尾"),
    "通知": ("开头", "主要任务", "工作要求", "结尾"),
}
#: The genre (``Document.genre``) each form belongs to.
FORM_GENRE = {
    "工作总结": "summary",
    "工作计划": "plan",
    "讲话稿": "speech",
    "实施方案": "scheme",
    "典型材料": "exemplary",
    "通知": "notice",
    "报告": "report",
    "请示": "request",
    "函": "letter",
    "决定": "decision",
    "其他文章": "article",
}
#: Genre code -> its form (the importer's genre codes; an unknown code is 其他文章).
_GENRE_FORM = {genre: form for form, genre in FORM_GENRE.items()}
#: Forms a title names inside a broader genre (a 方案 the importer filed as a plan).
_FORM_TITLE = (
    ("实施方案", re.compile(r"方案"), ("plan",)),
    ("典型材料", re.compile(r"典型材料|经验材料|经验交流|典型经验|先进事迹"), ("summary",)),
    ("通知", re.compile(r"通知$"), ("article", "plan", "summary", "speech")),
)
#: Forms offered as a merged skeleton from their canonical outline even when no sample has one.
OUTLINE_ONLY_FORMS = ("实施方案", "典型材料")

#: What a writer puts under each role.
ROLE_HINTS = {
    "开头": "交代依据和目的（为…，根据…，结合实际），或概述背景、总体情况",
    "基本情况": "概述单位规模、工作背景和总体进展，用几个关键数据说明",
    "指导思想": "以…为指导，全面贯彻…，坚持…，以…为目标",
    "基本原则": "列出工作遵循的几条原则（坚持…，坚持…）",
    "工作目标": "写总体目标和可量化的具体目标",
    "主要任务": "分条写重点工作，每条以动宾短语作小标题，下写具体措施",
    "实施步骤": "按阶段写时间安排和各阶段任务",
    "保障措施": "写组织领导、制度、经费、督查考核等保障",
    "工作要求": "对各单位提出落实要求（高度重视、加强领导、按时报送）",
    "主要成绩": "分条写主要做法和取得的成效，用数据和事例说明",
    "经验体会": "提炼几条规律性认识（只有…才能…；必须始终坚持…）",
    "存在问题": "实事求是写存在的问题和不足",
    "下一步打算": "写今后的工作思路和重点举措",
    "结尾": "总结全文，表态或号召（总之…；让我们…）",
    "其他": "",
}


def form_of(title: str | None, genre: str) -> str:
    """The form (文种) of a document: its genre's own form (scheme → 实施方案, exemplary → 典型材料,
    notice → 通知 …), else the form its title names within the genre, else the genre's form."""
    base = _GENRE_FORM.get(genre, "其他文章")
    t = (title or "").strip()
    for form, pattern, within in _FORM_TITLE:
        if genre in within and pattern.search(t):
            return form
    return base


def canonical_order(form: str, present: list[str]) -> list[tuple[str, bool]]:
    """The roles of a merged skeleton of ``form``: ``(role, seen)`` in canonical order.

    ``present`` are the roles the samples have; canonical roles they lack come with ``seen``
    False; roles outside the outline are placed after the nearest canonical role that comes
    before them in :data:`ROLES` (开头 first, 结尾 last).
    """
    outline = list(CANONICAL.get(form, ()))
    order = [r for r in outline] or [r for r in ROLES if r in present]
    for extra in sorted((r for r in present if r not in order and r != "其他"), key=_rank):
        at = 0
        for i, r in enumerate(order):
            if _rank(r) < _rank(extra) and r != "结尾":
                at = i + 1
        order.insert(at, extra)
    return [(r, r in present) for r in order]


def _rank(role: str) -> int:
    return ROLES.index(role) if role in ROLES else len(ROLES)
