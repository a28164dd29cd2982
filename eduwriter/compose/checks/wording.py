"""Genre and wording rules (党政机关公文处理工作条例 第八条、第十五条; common 公文 practice).

``genre.conflict`` 请示报告, 妥否，请批示 in a 通知 or 报告, 特此通知 in a 函, a 函 that commands ·
``wording.direction`` 你局 / 贵局 against the direction of the document · ``wording.spun`` words
left by a synonym spinner (the importer's own repair list, ``core/spun.py``) · ``wording.stale``
superseded 提法 (the shared lexicon, ``core/stale_terms.py``) · ``wording.repeat`` a word
typed twice (found with the shared segmenter, ``core/words.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eduwriter.compose.checks.finding import CheckDoc
from eduwriter.compose.checks.registry import Hit, rule
from eduwriter.compose.checks.text import HAN
from eduwriter.core import words
from eduwriter.core.spun import has_spun, repair_spun
from eduwriter.core.stale_terms import find_stale

_UPWARD = {"请示", "报告"}
_DOWNWARD = {"通知", "批复", "决定", "通报", "命令"}


@rule(
    "genre.conflict:qingshi_baogao",
    "genre.conflict",
    "error",
    "“请示报告”混用",
    "请示 and 报告 mixed",
)
def qingshi_baogao(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        if p.role == "title":
            at = p.text.find("请示报告")
            if at != -1:
                yield Hit(
                    pi,
                    at,
                    at + 4,
                    "请示和报告是两个文种：要上级批准用“请示”，汇报工作用“报告”，不能合用“请示报告”。",
                    "请示 (asking approval) and 报告 (reporting) are two genres; do not combine them.",
                )


_ASK = re.compile(r"[妥当]否[，,]?\s*请(?:批示|批复|审批)|请予?(?:批示|批复|审批)")


@rule(
    "genre.conflict:ask",
    "genre.conflict",
    "error",
    "非请示文种请求批示",
    "A request for approval outside a 请示",
)
def ask_outside_qingshi(doc: CheckDoc) -> Iterator[Hit]:
    if doc.genre not in ("通知", "报告", "通报"):
        return
    for pi, p in enumerate(doc.paragraphs):
        if p.role == "title":
            continue
        for m in _ASK.finditer(p.text):
            yield Hit(
                pi,
                m.start(),
                m.end(),
                f"{doc.genre}不写“{m.group(0)}”：请求批准的事项应另行用“请示”行文。",
                f"A {doc.genre} does not ask for approval (“{m.group(0)}”); send a 请示.",
            )


#: Closing formula -> genres it does not belong in.
_CLOSINGS = {
    "特此通知": {"函", "报告", "请示", "批复", "通报"},
    "特此报告": {"通知", "请示", "函", "批复"},
    "特此请示": {"通知", "报告", "函", "批复"},
    "特此函告": {"通知", "报告", "请示"},
    "特此函复": {"通知", "报告", "请示"},
    "特此批复": {"通知", "报告", "请示", "函"},
    "特此通报": {"通知", "报告", "请示", "函"},
}
_CLOSING_RE = re.compile("|".join(_CLOSINGS))


@rule(
    "genre.conflict:closing",
    "genre.conflict",
    "error",
    "结束语与文种不符",
    "Closing formula of another genre",
)
def closing(doc: CheckDoc) -> Iterator[Hit]:
    if not doc.genre:
        return
    for pi, p in enumerate(doc.paragraphs):
        if p.role == "title":
            continue
        for m in _CLOSING_RE.finditer(p.text):
            if doc.genre in _CLOSINGS[m.group(0)]:
                yield Hit(
                    pi,
                    m.start(),
                    m.end(),
                    f"“{m.group(0)}”是其他文种的结束语，与本文文种“{doc.genre}”不符。",
                    f"“{m.group(0)}” closes another genre, not a {doc.genre}.",
                )


_COMMAND = re.compile(r"务必|必须|一律|严禁|不得|责令|限期|坚决")


@rule(
    "genre.conflict:command",
    "genre.conflict",
    "suggestion",
    "函用了指令性语气",
    "A 函 in a commanding tone",
)
def letter_commands(doc: CheckDoc) -> Iterator[Hit]:
    if doc.genre != "函":
        return
    for pi, p in enumerate(doc.paragraphs):
        if p.role not in ("paragraph", "heading"):
            continue
        for m in _COMMAND.finditer(p.text):
            yield Hit(
                pi,
                m.start(),
                m.end(),
                f"函用于不相隶属机关之间，语气应平和商洽，“{m.group(0)}”是指令性用语。",
                f"A 函 goes between bodies with no authority over each other; “{m.group(0)}” "
                "commands.",
            )


_UNIT = "局|校|厅|委|院|处|单位|部|办|所|中心|公司|园|室|司|科"
_NI = re.compile(rf"你(?:{_UNIT})(?![长])")
_GUI = re.compile(rf"贵(?:{_UNIT})(?![长])")


@rule(
    "wording.direction",
    "wording.direction",
    "error",
    "称谓与行文方向不符",
    "Form of address against the direction",
)
def direction(doc: CheckDoc) -> Iterator[Hit]:
    genre = doc.genre
    for pi, p in enumerate(doc.paragraphs):
        if p.role == "title":
            continue
        if genre in _UPWARD:
            for m in _NI.finditer(p.text):
                yield Hit(
                    pi,
                    m.start(),
                    m.end(),
                    f"{genre}是上行文，不能称上级机关为“{m.group(0)}”，用机关全称或规范简称。",
                    f"A {genre} goes upward; do not address the superior as “{m.group(0)}”.",
                )
        elif genre in _DOWNWARD:
            for m in _GUI.finditer(p.text):
                yield Hit(
                    pi,
                    m.start(),
                    m.end(),
                    f"{genre}是下行文，对下级称“你{m.group(0)[1:]}”或机关名称，不称“{m.group(0)}”。",
                    f"A {genre} goes downward; “{m.group(0)}” is the form for equals.",
                    "你" + m.group(0)[1:],
                    False,
                    "suggestion",
                )
        elif genre == "函":
            for m in _NI.finditer(p.text):
                yield Hit(
                    pi,
                    m.start(),
                    m.end(),
                    f"函是平行文，对不相隶属的机关称“贵{m.group(0)[1:]}”，不称“{m.group(0)}”。",
                    f"A 函 goes to an equal; write “贵{m.group(0)[1:]}”, not “{m.group(0)}”.",
                    "贵" + m.group(0)[1:],
                    False,
                    "suggestion",
                )


@rule("wording.spun", "wording.spun", "suggestion", "伪原创改写的词语", "Machine-spun wording")
def spun(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        if not has_spun(p.text):
            continue
        _, changes = repair_spun(p.text)
        cursor: dict[str, int] = {}
        for ch in changes:
            at = p.text.find(ch.before, cursor.get(ch.before, 0))
            if at == -1:
                continue
            cursor[ch.before] = at + len(ch.before)
            yield Hit(
                pi,
                at,
                at + len(ch.before),
                f"“{ch.before}”像是伪原创工具替换的词，原文应为“{ch.after}”。",
                f"“{ch.before}” looks machine-spun; the usual wording is “{ch.after}”.",
                ch.after,
                True,
            )


@rule("wording.stale", "wording.stale", "suggestion", "过时提法", "Superseded wording")
def stale(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        for hit in find_stale(p.text):
            e = hit.entry
            current = e.current
            single = current if current and "/" not in current and "（" not in current else None
            advice_zh = f"现行表述：{current}。" if current else "相关工作已结束，请改写这句话。"
            advice_en = f"Current wording: {current}." if current else "Rewrite the sentence."
            note = f"（{e.note}）" if e.note else ""
            yield Hit(
                pi,
                hit.start,
                hit.end,
                f"“{hit.text}”自{e.superseded}年起已不再使用{note}。{advice_zh}",
                f"“{hit.text}” has been superseded since {e.superseded}. {advice_en}",
                single,
                False,
            )


#: Single-character words that are never meant twice in a row.
_FUNCTION = set("的了在是和与及对把被为将从向按以并而或也都又就地得之其")
_DOUBLED_FUNCTION = re.compile(f"([{''.join(sorted(_FUNCTION))}])\\1")
_DOUBLE = re.compile(f"([{HAN}]{{1,4}})\\1")


@rule("wording.repeat", "wording.repeat", "error", "词语重复", "Word typed twice")
def repeat(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        if not _DOUBLE.search(p.text):
            continue  # cheap filter: the segmenter runs only where a doubling is possible
        toks = words.tagged(p.text)
        for m in _DOUBLED_FUNCTION.finditer(p.text):
            # 的的 is a slip unless the segmenter reads a longer word over it (的的确确)
            if any(t.start <= m.start() and m.end() <= t.end and len(t.text) > 2 for t in toks):
                continue
            yield Hit(
                pi,
                m.start() + 1,
                m.end(),
                f"“{m.group(1)}”连写了两遍，删去一个。",
                f"“{m.group(1)}” is written twice; remove one.",
                "",
                True,
            )
        for a, b in zip(toks, toks[1:], strict=False):
            if (
                a.text != b.text
                or a.tag.startswith(("x", "m", "q"))
                or not _DOUBLE.match(a.text + b.text)
            ):
                continue
            if len(a.text) == 1:
                continue  # 看看, 天天: reduplication; doubled function words are found above
            function_word = False
            yield Hit(
                pi,
                b.start,
                b.end,
                f"“{a.text}”连写了两遍，删去一个。",
                f"“{a.text}” is written twice; remove one.",
                "",
                function_word,
                None if function_word else "suggestion",
            )
