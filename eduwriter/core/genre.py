"""Genre of a document (plan, summary, speech, article) from its title, then its body.

The title decides (计划/方案/举措 -> plan; 总结/汇报/典型材料 -> summary; 讲话/发言 -> speech;
a notice-type ending such as 通知/办法 -> article). The body overrides the title only when it
is clearly another genre: a speech opens with a salutation such as 同志们：, a notice with an
addressee line such as 各县（市、区）教体局，…：.
"""

from __future__ import annotations

import re

__all__ = ["TITLE_WORDS", "genre_from_title", "guess_genre"]

_SPEECH = re.compile(r"讲话|发言|致辞|讲稿|演讲|致词|报告会上")
_SUMMARY = re.compile(
    r"总结|汇报|典型材料|经验材料|述职|工作报告|情况报告|自查报告|工作情况|经验交流"
)
_PLAN = re.compile(r"计划|方案|举措|规划|要点|安排|打算|思路|部署|行动")
_NOTICE_END = re.compile(
    r"(?:通知|通报|公告|公示|办法|意见|决定|细则|制度|规定|章程|条例|守则|倡议书?|函|批复)$"
)

#: Words that make a short line look like a document title.
TITLE_WORDS = re.compile(
    r"计划|方案|举措|规划|要点|总结|汇报|典型材料|经验材料|述职|报告|讲话|发言|致辞|讲稿|演讲|"
    r"通知|通报|公告|办法|意见|决定|细则|制度|规定|倡议|纲要|心得|体会|范文|材料|摘要"
)

_SALUTATION = re.compile(
    r"^(?:同志们|各位领导|各位代表|各位来宾|各位专家|老师们|同学们|女士们|先生们)[、，,:：!！]"
)
_SPEECH_BODY = re.compile(
    r"(?:我|今天我)讲(?:几|两|三|四|五|以下几)?(?:点|个方面)意见|下面，?我讲|下面，?我就"
)
_ADDRESSEE = re.compile(r"^各[^。！？]{1,60}[:：]$")


def genre_from_title(title: str | None) -> str | None:
    """Genre implied by the title, or ``None`` when the title says nothing."""
    if not title:
        return None
    t = title.strip().removesuffix("范文").strip()
    if _NOTICE_END.search(t):
        return "article"
    if _SPEECH.search(t):
        return "speech"
    if _SUMMARY.search(t):
        return "summary"
    if _PLAN.search(t):
        return "plan"
    return None


def _genre_from_body(lines: list[str]) -> str | None:
    head = lines[:6]
    for line in head:
        if _ADDRESSEE.match(line):
            return "article"
    for line in head:
        if _SALUTATION.match(line):
            return "speech"
    for line in lines[:15]:
        if _SPEECH_BODY.search(line):
            return "speech"
    return None


def guess_genre(title: str | None, lines: list[str], fallback: str | None = None) -> str:
    """Genre for a document with ``title`` and body ``lines``.

    ``fallback`` is used for an untitled document whose body gives no clue (the genre of
    the previous document in the same file, typically).
    """
    from_title = genre_from_title(title)
    from_body = _genre_from_body(lines)
    if from_body and from_body != from_title and (from_title != "speech" or from_body != "speech"):
        return from_body
    if from_title:
        return from_title
    if fallback:
        return fallback
    return "article"
