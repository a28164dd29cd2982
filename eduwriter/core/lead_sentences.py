"""Lead-sentence headings: a series of paragraphs each opened by a short sentence that titles it.

政府工作报告 style (``坚持稳中求进，着力扩大内需。今年……``) and lists of cases (``某某违规收受礼金
问题。2019年……``): the first sentence of each paragraph of the series is a heading, the rest its
body. A paragraph qualifies when its first sentence is short (at most :data:`LEAD_MAX`
characters, no colon) and the paragraph goes on well beyond it. A series needs at least
:data:`SERIES_MIN` such paragraphs in a row, and they must be parallel: either their lead
sentences end with the same two characters (…问题。 …问题。), or all are very short
(at most :data:`SHORT_LEAD` characters, one clause, no comma). An enumerated opening (一要…, 第一阶段…, 首先…) is
a run-in item, not a lead sentence. Ordinary prose rarely opens three paragraphs in a row
so; a stray short first sentence never makes a series on its own.
"""

from __future__ import annotations

import re

__all__ = ["LEAD_MAX", "SERIES_MIN", "SHORT_LEAD", "lead_sentences"]

LEAD_MAX = 60
SHORT_LEAD = 20
SERIES_MIN = 3
_FIRST_END = re.compile(r"[。！？!?]")
_NOT_LEAD = re.compile(
    r"[：:；;]|——|^[“\"\d（(]|"
    # an enumerated opening (一要…, 第一阶段…, 首先…) is a run-in item, not a title
    r"^(?:[一二三四五六七八九十]{1,2}(?:是|要|方面|则)|第[一二三四五六七八九十]{1,3}|首先|其次|再次|最后|"
    r"其[一二三四五六七八九十])|"
    # a sentence that addresses the audience (同志们，… / 各位老师，…) is speech, not a title
    r"^(?:[\u4e00-\u9fff]{1,6}们[，,！!]|各位|尊敬的|亲爱的)"
)
_COMMA = re.compile(r"[，,、]")


def _lead(line: str) -> str | None:
    m = _FIRST_END.search(line)
    if m is None:
        return None
    lead = line[: m.start()].strip()
    rest = line[m.end() :].strip()
    if not 4 <= len(lead) <= LEAD_MAX or _NOT_LEAD.search(lead):
        return None
    if len(rest) < max(30, len(lead)):
        return None
    return lead


def lead_sentences(lines: list[str], eligible: list[bool]) -> dict[int, tuple[str, str]]:
    """Line index -> (lead sentence, rest of the paragraph) for the paragraphs of lead-sentence
    series. ``eligible[i]`` is False for lines that are headings or numbered already."""
    leads = [(_lead(line) if ok else None) for line, ok in zip(lines, eligible, strict=True)]
    out: dict[int, tuple[str, str]] = {}
    i, n = 0, len(lines)
    while i < n:
        if leads[i] is None:
            i += 1
            continue
        j = i
        while j + 1 < n and leads[j + 1] is not None:
            j += 1
        for run in _parallel_runs(list(range(i, j + 1)), leads):
            for k in run:
                cut = _FIRST_END.search(lines[k])
                out[k] = (leads[k], lines[k][cut.end() :].strip())
        i = j + 1
    return out


def _parallel_runs(run: list[int], leads: list[str | None]) -> list[list[int]]:
    """The stretches of ``run`` (at least SERIES_MIN long) whose lead sentences are parallel:
    all very short, or all ending with the same two characters."""
    out: list[list[int]] = []
    for same in (_both_short, _same_ending):
        k = 0
        while k < len(run):
            m = k
            while m + 1 < len(run) and same(leads[run[m]], leads[run[m + 1]]):
                m += 1
            if m - k + 1 >= SERIES_MIN and not any(run[k] in r for r in out):
                out.append(run[k : m + 1])
            k = m + 1
    return out


def _both_short(a: str, b: str) -> bool:
    """Both very short titles of one clause (静心思考。 准确定位。): a short sentence with a
    comma (秋风送爽，丹桂飘香。 过去的一年，是不平凡的一年。) is how prose opens a paragraph."""
    return (
        len(a) <= SHORT_LEAD
        and len(b) <= SHORT_LEAD
        and _COMMA.search(a) is None
        and _COMMA.search(b) is None
    )


def _same_ending(a: str, b: str) -> bool:
    return a[-2:] == b[-2:]
