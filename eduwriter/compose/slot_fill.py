"""Unfilled 【slots】 of a report: where each one is, how many there are, which may be linked.

The one count of unfilled slots: the status bar, the 填写要素 form, the export dialog and the
command line all call :func:`unfilled_places` / :func:`count_unfilled`, so they never disagree.
Every occurrence is its own slot: ``【数量】`` in four sentences is four numbers to fill.
A *named* slot (【单位】, 【地区】, 【年份】, or any name the writer gave) may be *linked*: one
value for every occurrence of that name. The generic kinds in :data:`PER_PLACE_KINDS`
(【数量】, 【日期】, 【待填】) are never linked — a 总结 is full of different numbers and dates.
Hint paragraphs (greyed skeleton prompts) are not slots: export drops them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from eduwriter.compose.render import SLOT_RE, RenderedBlock, render
from eduwriter.compose.report import Report

__all__ = [
    "PER_PLACE_KINDS",
    "SlotPlace",
    "count_unfilled",
    "describe_places",
    "is_linkable",
    "slot_spans",
    "sentence_around",
    "unfilled_places",
]

#: Slot names whose occurrences are always separate values (never linked).
PER_PLACE_KINDS = frozenset({"数量", "日期", "待填"})

_SENTENCE_END = re.compile(r"[。！？；!?;]")
_CONTEXT_MAX = 60


@dataclass(frozen=True, slots=True)
class SlotPlace:
    """One unfilled slot occurrence.

    ``block`` is the index of the line in :func:`~eduwriter.compose.render.render`'s output,
    ``start``/``end`` the offsets of ``【name】`` in that line's :attr:`RenderedBlock.plain`,
    ``where`` the heading line (一、总体要求) the slot is under ("" before the first heading or
    for the title and the 主送/落款 blocks), ``context`` the sentence around the slot.
    """

    name: str
    block: int
    start: int
    end: int
    where: str
    context: str

    @property
    def label(self) -> str:
        return f"【{self.name}】"


def is_linkable(name: str) -> bool:
    """Whether every ``【name】`` may share one value (named slots yes, counts and dates no)."""
    return name not in PER_PLACE_KINDS


def slot_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, name)`` of every 【slot】 in ``text`` (one line)."""
    for m in SLOT_RE.finditer(text):
        yield m.start(), m.end(), m.group(0)[1:-1]


def sentence_around(text: str, start: int, end: int, limit: int = _CONTEXT_MAX) -> str:
    """The sentence of ``text`` holding ``text[start:end]``, cut to about ``limit`` characters
    around it (an ellipsis marks a cut)."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    right = m.end() if m else len(text)
    room = max(0, limit - (end - start)) // 2
    cut_left = max(left, start - room)
    cut_right = min(right, end + room)
    out = text[cut_left:cut_right].strip()
    if cut_left > left:
        out = "…" + out
    if cut_right < right:
        out += "…"
    return out


def places_in_blocks(blocks: Iterable[RenderedBlock]) -> list[SlotPlace]:
    """Unfilled slots of rendered output lines, in document order (hints left out)."""
    out: list[SlotPlace] = []
    where = ""
    for i, blk in enumerate(blocks):
        if blk.role == "heading":
            where = blk.heading_line
        if blk.hint:
            continue
        text = blk.plain
        for start, end, name in slot_spans(text):
            here = "" if blk.role in ("title", "recipient", "signer", "date") else where
            out.append(SlotPlace(name, i, start, end, here, sentence_around(text, start, end)))
    return out


def unfilled_places(report: Report) -> list[SlotPlace]:
    """Every unfilled slot of ``report`` as it will be exported, in document order."""
    return places_in_blocks(render(report))


def count_unfilled(report: Report) -> int:
    """How many slot occurrences are still unfilled (the one count shown everywhere)."""
    return len(unfilled_places(report))


def describe_places(places: list[SlotPlace], limit: int = 10) -> list[str]:
    """One line per place for messages and the command line: ``【数量】 二、主要成绩：…共【数量】所…``."""
    lines = []
    for p in places[:limit]:
        where = f"{p.where}：" if p.where else ""
        lines.append(f"{p.label}  {where}{p.context}")
    if len(places) > limit:
        lines.append(f"……另有 {len(places) - limit} 处")
    return lines
