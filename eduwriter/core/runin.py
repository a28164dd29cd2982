"""Run-in items: enumerations inside paragraphs (一是…二是…, 一要…二要…, 第一，…, 第一个是…).

They are recorded (marker + the text after it, up to the end of its clause group) but are
not headings. An enumerator counts only at the start of a paragraph or right after
punctuation, so 统一是… or 唯一是… inside a sentence are not taken.
"""

from __future__ import annotations

import re

from eduwriter.core.model import RunInItem

__all__ = ["RUN_IN_RE", "find_run_in"]

_CN = "[一二三四五六七八九十]"

RUN_IN_RE = re.compile(
    rf"(?:^|(?<=[。；;，,：:！？!?）)”\s]))"
    rf"(?P<marker>第{_CN}{{1,3}}个是|第{_CN}{{1,3}}\s?[，,、]|{_CN}{{1,3}}是(?!否|非|由|不)|"
    rf"{_CN}{{1,3}}要(?!求|素|点|害|件|领|么|不|是))"
)
_ITEM_END = re.compile(r"[。；;！？!?\n]")
#: Longest text kept for one item.
ITEM_MAX = 60


def find_run_in(paragraph: str) -> list[RunInItem]:
    """Run-in items in one paragraph, in order."""
    out: list[RunInItem] = []
    for m in RUN_IN_RE.finditer(paragraph):
        start = m.end()
        end_m = _ITEM_END.search(paragraph, start, start + ITEM_MAX + 1)
        end = end_m.start() if end_m else min(len(paragraph), start + ITEM_MAX)
        text = paragraph[start:end].strip()
        if text:
            out.append(RunInItem(re.sub(r"\s", "", m.group("marker")), text))
    return out
