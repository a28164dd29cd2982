"""Genre of a document from its title, then its body.

Genres (codes; labels in :data:`GENRE_LABELS`): ``plan`` 工作计划, ``scheme`` 实施方案 (方案 and
办法 such as 推荐办法 — a 工作方案 is a 方案, not a 计划), ``summary`` 工作总结 (a 总结报告 too), ``speech`` 讲话稿, ``exemplary`` 典型材料,
``notice`` 通知, ``report`` 报告, ``request`` 请示, ``letter`` 函, ``decision`` 决定 and ``article``
(其他).

A Chinese title ends with its document type (关于印发…实施方案的通知 is a 通知), so the type word
that ends last in the title decides; in a combined title (…总结暨…计划) the part before 暨 does.
The body overrides the title only when it clearly shows another genre: a speech opens with a
salutation such as 同志们：, a notice with an addressee line such as 各县（市、区）教体局：.
"""

from __future__ import annotations

import re

__all__ = ["GENRES", "GENRE_LABELS", "TITLE_WORDS", "genre_from_title", "guess_genre"]

#: Genre code -> Chinese label, in the order the library lists them.
GENRE_LABELS = {
    "plan": "工作计划",
    "scheme": "实施方案",
    "summary": "工作总结",
    "speech": "讲话稿",
    "exemplary": "典型材料",
    "notice": "通知",
    "report": "报告",
    "request": "请示",
    "letter": "函",
    "decision": "决定",
    "article": "其他",
}
GENRES = tuple(GENRE_LABELS)

#: The type words of each genre (a title's last one decides); earlier entries win a tie.
_TYPE_WORDS = [
    ("request", re.compile(r"请示")),
    ("letter", re.compile(r"(?:复函|的函|公函|函)$|(?:商请|邀请|征求意见)函")),
    ("decision", re.compile(r"决定")),
    ("notice", re.compile(r"通知|通报|公告|公示|通告")),
    ("speech", re.compile(r"讲话|发言|致辞|讲稿|演讲|致词|报告会上|动员会上")),
    ("exemplary", re.compile(r"典型材料|经验材料|事迹材料|先进事迹|典型经验|经验交流材料")),
    ("summary", re.compile(r"总结报告")),  # a summary reported: 工作总结, not a 报告
    ("report", re.compile(r"报告")),
    ("summary", re.compile(r"总结|汇报|述职|工作情况|经验交流|工作回顾")),
    # a 推荐办法 / 实施办法 lays out how a thing is done, as a 方案 does; a 管理办法 or
    # 暂行办法 is a regulation (其他, below)
    ("scheme", re.compile(r"方案|(?<!管理|暂行)办法")),
    ("plan", re.compile(r"计划|举措|规划|要点|安排|打算|思路|部署|行动")),
]
_OTHER_END = re.compile(
    r"(?:管理办法|暂行办法|意见|细则|制度|规定|章程|条例|守则|倡议书?|批复|纪要|简报|心得|体会|感想)$"
)
_TITLE_TAIL = re.compile(r"(?:范文|模板|范本|全文|精选|大全|\s|[（(【][^）)】]{0,12}[）)】])+$")

#: Words that make a short line look like a document title.
TITLE_WORDS = re.compile(
    r"计划|方案|举措|规划|要点|总结|汇报|典型材料|经验材料|述职|报告|讲话|发言|致辞|讲稿|演讲|"
    r"通知|通报|公告|办法|意见|决定|细则|制度|规定|倡议|纲要|心得|体会|范文|材料|摘要|请示|复函|批复"
)

_SALUTATION = re.compile(
    r"^(?:同志们|各位[^，,。：:！!]{1,10}|尊敬的[^。：:！!]{1,30}|老师们|同学们|女士们|先生们|朋友们|"
    r"亲爱的[^。：:！!]{1,20})[、，,:：!！]"
)
_SPEECH_BODY = re.compile(r"我(?:再|简要)?讲(?:几|两|三|四|五|六|以下几|以下)(?:点|个方面|方面)")
_ADDRESSEE = re.compile(r"^各(?!位)[^。！？]{1,60}[:：]$")


def genre_from_title(title: str | None) -> str | None:
    """Genre implied by the title, or ``None`` when the title names no document type."""
    if not title:
        return None
    t = _TITLE_TAIL.sub("", title.strip()).strip() or title.strip()
    t = t.split("暨", 1)[0]  # …总结暨…计划: the first part is the document's own type
    t = t.replace("《", "").replace("》", "")
    best: tuple[int, int, str] | None = None
    for rank, (genre, rx) in enumerate(_TYPE_WORDS):
        for m in rx.finditer(t):
            key = (m.end(), -rank, genre)
            if best is None or key > best:
                best = key
    other = _OTHER_END.search(t)
    if other and (best is None or other.end() > best[0]):
        return "article"
    return best[2] if best else None


def _genre_from_body(lines: list[str], titled: bool) -> str | None:
    """Genre the body clearly shows. With a title, a speech needs both a salutation and a
    speech phrase (我讲几点意见); without one, a salutation is enough."""
    head = lines[:6]
    if any(_ADDRESSEE.match(line) for line in head):
        return "notice"
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
    if from_body == "notice" and from_title not in (None, "plan", "scheme", "summary", "exemplary"):
        from_body = None  # an addressee line opens 意见, 请示, 函, 决定, 报告 too
    if from_body:
        return from_body
    if from_title:
        return from_title
    if fallback:
        return fallback
    return "article"
