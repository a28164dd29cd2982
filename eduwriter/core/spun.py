"""Repair text that went through a synonym spinner (伪原创 tools).

Web 范文 are often "rewritten" by tools that swap words for near-synonyms, leaving wording an
office writer would never use: 效劳 for 服务, 根底 for 基础, 第一个是 for 一是, 不间断 for 持续,
标准 (as a verb) for 规范.  :func:`repair_spun` undoes the swaps it can recognise with confidence
and reports each change so the original wording can be kept next to the repaired text.

Every rule is written for the context the spun word appears in, so that genuine uses are left
alone: 课程标准, 标准化建设 and 评价标准 keep 标准; 岗位晋升 keeps 晋升.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class SpunChange:
    """One repaired spot: ``before`` as written, ``after`` as repaired, at ``start`` in the input."""

    before: str
    after: str
    start: int


_CN_ORD = "一二三四五六七八九十"

#: (pattern, replacement) pairs; a replacement may use groups.  Order matters: longer first.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        # 服务 / 基础
        (r"(?<!有)效劳(?!动)", "服务"),  # not 有效劳动
        (r"根底", "基础"),
        # 第一个是 -> 一是 (the run-in enumerator)
        (rf"第([{_CN_ORD}]{{1,2}})个是", r"\1是"),
        # 持续
        # (24小时不间断值守 is genuine)
        (r"(?<!小时)(?<!全天)(?<!昼夜)(?<!天候)(?:一直|始终)?不间断地?(?:去)?", "持续"),
        # 标准 used as a verb (= 规范): 进一步标准教师职业行为, 严格标准办学行为
        (
            r"(进一步|严格|不断|切实|依法|着力|加强)标准(?=[^化，。；、,;]{0,8}?(?:行为|管理|办学|招生|收费|秩序|程序|流程|运作|使用))",
            r"\1规范",
        ),
        (r"标准(?=(?:办学|从教|招生|收费|教育教学|教师职业|职业)行为)", "规范"),
        # 部署 -> 安排 makes 安排部署 into 安排安排
        (r"安排安排", "安排部署"),
        # 师生 -> 老师和学生
        (r"老师和学生", "师生"),
        # 激励 -> 鼓励 in fixed terms
        (r"鼓励机制", "激励机制"),
        # 氛围 -> 气氛 in fixed terms
        (r"(?<=[好厚极谐])气氛", "氛围"),
        # 提升 -> 晋升 when a level or quality is raised
        (r"晋升(?=[^，。；,;]{0,6}?(?:水平|质量|能力|素养|素质|品质))", "提升"),
        # 疏导 -> 疏通 after 引导
        (r"引导疏通", "引导疏导"),
    )
)


def repair_spun(text: str) -> tuple[str, list[SpunChange]]:
    """Return ``text`` with spinner artefacts repaired, and the list of changes made.

    The input is never modified; when nothing is found the text comes back unchanged with an
    empty list.
    """
    changes: list[SpunChange] = []
    for pattern, replacement in _RULES:
        if not pattern.search(text):
            continue
        out: list[str] = []
        pos = 0
        for m in pattern.finditer(text):
            after = m.expand(replacement)
            if after == m.group(0):
                continue
            out.append(text[pos : m.start()])
            out.append(after)
            changes.append(SpunChange(m.group(0), after, m.start()))
            pos = m.end()
        out.append(text[pos:])
        text = "".join(out)
    return text, changes


def has_spun(text: str) -> bool:
    """True when ``text`` holds at least one recognised spinner artefact."""
    return any(p.search(text) for p, _ in _RULES)
