"""Run-in items: enumerations inside paragraphs (一是…二是…, 一要…二要…, 第一，…, 第一个是…).

They are recorded (marker + the text after it, up to the end of its clause group) but are
not headings. An enumerator counts only at the start of a paragraph or right after
punctuation, so 统一是… or 唯一是… inside a sentence are not taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eduwriter.core.model import RunInItem

__all__ = ["RUN_IN_RE", "find_run_in"]

_CN = "[一二三四五六七八九十]"

_ENUMERATOR = (
    rf"(?P<marker>第{_CN}{{1,3}}个是|第{_CN}{{1,3}}\s?[，,、]|{_CN}{{1,3}}是(?!否|非|由|不)|"
    rf"{_CN}{{1,3}}要(?!求|素|点|害|件|领|么|不|是))"
)
RUN_IN_RE = re.compile(rf"(?:^|(?<=[。；;，,：:！？!?）)”\s])){_ENUMERATOR}")
#: The enumerator alone: the search starts from it, so the engine skips to the next 第 or
#: numeral instead of trying the look-behind of :data:`RUN_IN_RE` at every character.
_MARKER = re.compile(_ENUMERATOR)
_OPENERS = frozenset("。；;，,：:！？!?）)”")
_ITEM_END = re.compile(r"[。；;！？!?\n]")
#: Longest text kept for one item.
ITEM_MAX = 60


def find_run_in(paragraph: str) -> list[RunInItem]:
    """Run-in items in one paragraph, in order."""
    out: list[RunInItem] = []
    for m in _run_in_markers(paragraph):
        start = m.end()
        end_m = _ITEM_END.search(paragraph, start, start + ITEM_MAX + 1)
        end = end_m.start() if end_m else min(len(paragraph), start + ITEM_MAX)
        text = paragraph[start:end].strip()
        if text:
            out.append(RunInItem(re.sub(r"\s", "", m.group("marker")), text))
    return out


def _run_in_markers(paragraph: str) -> Iterator[re.Match[str]]:
    """The matches :data:`RUN_IN_RE`'s ``finditer`` gives: an enumerator at the start or
    right after punctuation or a space."""
    pos = 0
    while (m := _MARKER.search(paragraph, pos)) is not None:
        s = m.start()
        before = paragraph[s - 1] if s else ""
        if not before or before in _OPENERS or before.isspace():
            yield m
            pos = m.end()
        else:
            pos = s + 1
