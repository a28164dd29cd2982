"""The enclosing section as evidence for a sentence's function.

A sentence's own strong cues decide first (:mod:`eduwriter.core.functions`); where they decide
nothing, the role of the nearest heading above it (the skeleton role,
:func:`eduwriter.core.skeletons.heading_role`) and the document's genre say what it most likely
does: under 工作目标 a target (打算), under 工作要求 a requirement, under 存在问题 a problem.

The table is data, ``resources/dictionaries/section_functions.tsv`` (genre, role, function), so a
writer can add a row; a row for the genre wins over the ``*`` row. Genres that look back over work
done (:data:`RETROSPECTIVE_GENRES`: a summary, a work report, an exemplary account) report their
work in the past: a task-like section there is work done, and its past-tense sentences results.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eduwriter.core.items import FUNCTIONS
from eduwriter.resources_path import resources_dir

__all__ = [
    "RETROSPECTIVE_GENRES",
    "sentence_genre",
    "ROLE_FUNCTION",
    "load_section_functions",
    "parse_section_functions",
    "role_function",
]

#: Genres whose body reports work done (总结, 工作报告, 典型材料).
RETROSPECTIVE_GENRES = frozenset({"summary", "report", "exemplary"})

#: A title that names work done before the plan it adds (2022年工作总结及2023年工作计划,
#: “双减”工作落实情况报告及下步工作打算).
_LOOKS_BACK_FIRST = re.compile(r"^[^计规打要]*?(?:总结|工作回顾|述职|情况报告|情况汇报|工作汇报)")


def sentence_genre(genre: str, title: str) -> str:
    """The genre a document's sentences are read in: a 总结及计划 (work done, then next year's
    plan; filed as a plan) reports work done first — its sentences look back like a summary's,
    and its plan part says so itself (下一步，… / …将… / its 打算 headings)."""
    if genre == "plan" and _LOOKS_BACK_FIRST.search(title):
        return "summary"
    return genre


#: The table's rows for every genre, built in (used when the data file is missing).
_BUILT_IN: dict[tuple[str, str], str] = {
    ("*", "开头"): "开头",
    ("*", "指导思想"): "措施",
    ("*", "基本原则"): "措施",
    ("*", "工作目标"): "打算",
    ("*", "主要任务"): "措施",
    ("*", "实施步骤"): "措施",
    ("*", "保障措施"): "措施",
    ("*", "工作要求"): "工作要求",
    ("*", "主要成绩"): "成效",
    ("*", "存在问题"): "问题",
    ("*", "下一步打算"): "打算",
    ("*", "结尾"): "结尾",
}


def parse_section_functions(text: str) -> dict[tuple[str, str], str]:
    """Read the table (tab-separated GENRE, ROLE, FUNCTION[, NOTE]); bad lines skipped."""
    table: dict[tuple[str, str], str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 3 or not cols[0] or not cols[1] or cols[2] not in FUNCTIONS:
            continue
        table[(cols[0], cols[1])] = cols[2]
    return table


@lru_cache(maxsize=1)
def load_section_functions() -> dict[tuple[str, str], str]:
    """The shipped table (read once; the built-in rows when the file cannot be read)."""
    try:
        path = resources_dir() / "dictionaries" / "section_functions.tsv"
        table = parse_section_functions(path.read_text(encoding="utf-8-sig"))
    except OSError:
        table = {}
    return table or dict(_BUILT_IN)


def role_function(role: str, genre: str = "*") -> str | None:
    """The function a sentence with no strong cue of its own gets under a section of ``role``
    in a document of ``genre`` (None when the role says nothing, e.g. 其他)."""
    table = load_section_functions()
    return table.get((genre, role)) or table.get(("*", role))


#: Role -> function for every genre (the ``*`` rows), for callers that know no genre.
ROLE_FUNCTION: dict[str, str] = {
    role: fn for (genre, role), fn in load_section_functions().items() if genre == "*"
}
