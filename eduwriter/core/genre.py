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
    r"^(?:同志们|各位[^，,。：:！!]{1,10}|尊敬的[^。：:！!]{1,30}|老师们|同学们|女士们|先生们|朋友们|"
    r"亲爱的[^。：:！!]{1,20})[、，,:：!！]"
)
_SPEECH_BODY = re.compile(r"我(?:再|简要)?讲(?:几|两|三|四|五|六|以下几|以下)(?:点|个方面|方面)")
_ADDRESSEE = re.compile(r"^各(?!位)[^。！？]{1,60}[:：]$")


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


def _genre_from_body(lines: list[str], titled: bool) -> str | None:
    """Genre the body clearly shows. With a title, a speech needs both a salutation and a
    speech phrase (我讲几点意见); without one, a salutation is enough."""
    head = lines[:6]
    if any(_ADDRESSEE.match(line) for line in head):
        return "article"
    salutation = any(_SALUTATION.match(line) for line in head)
    phrase = any(_SPEECH_BODY.search(line) for line in lines[:15])
    if salutation and (phrase or not titled):
        return "speech"
    if phrase and not titled:
        return "speech"
    return None


def guess_genre(title: str | None, lines: list[str], fallback: str | None = None) -> str:
    """Genre for a document with ``title`` and body ``lines``.

    A subtitle line (——…工作汇报) right after the title counts as part of the title.
    ``fallback`` is used for an untitled document whose body gives no clue (the genre of
    the previous document in the same file, typically).
    """
    full_title = title
    if title and lines and lines[0].startswith("——"):
        full_title = f"{title}{lines[0]}"
    from_title = genre_from_title(full_title)
    from_body = _genre_from_body(lines, titled=from_title is not None)
    if from_body:
        return from_body
    if from_title:
        return from_title
    if fallback:
        return fallback
    return "article"
