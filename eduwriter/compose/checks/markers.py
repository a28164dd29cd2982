"""Typed outline numbers (一、 （一） 1. （1）) as written, standard or not.

The report model never stores numbers; a text file and a pasted draft do.  :func:`match_marker`
recognises a number at the start of a line in any of the forms writers type (``1、``, ``1．``,
``(一)``, ``（1)``…), tells its level, its ordinal and its *style* (the marker with the number
replaced by ``N``), so the structure rules can compare what was typed with GB/T 9704 §7.3.3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eduwriter.compose.numbering import cjk_numeral

_CJK = "一二三四五六七八九十百零〇"
_CJK_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CJK_VALUE["〇"] = 0

#: The standard style of each level.
STANDARD_STYLE = {1: "N、", 2: "（N）", 3: "N.", 4: "（N）"}

_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"^([{_CJK}]{{1,4}})\s*([、，,．.])(?![{_CJK}]+(?:年级|[、，]))(?=\s*\S)"), 1),
    (re.compile(rf"^([（(])\s*([{_CJK}]{{1,4}})\s*([）)])(?=\s*\S)"), 2),
    (re.compile(r"^(\d{1,3})\s*([.．、，,])(?![\d%％])(?=\s*\S)"), 3),
    (re.compile(r"^([（(])\s*(\d{1,3})\s*([）)])(?=\s*\S)"), 4),
)


@dataclass(frozen=True, slots=True)
class Marker:
    text: str  # as typed, e.g. "1、"
    level: int
    ordinal: int
    style: str  # e.g. "N、", "（N）", "(N)"

    @property
    def standard_number(self) -> str:
        """The ordinal as its level writes it: 3 or 三."""
        return str(self.ordinal) if self.level in (3, 4) else cjk_numeral(self.ordinal)

    @property
    def standard(self) -> str:
        """The marker written in the standard style of its level."""
        return STANDARD_STYLE[self.level].replace("N", self.standard_number)


def cjk_value(text: str) -> int | None:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十三 -> 23, 一百零五 -> 105; None when not a numeral."""
    if not text or any(c not in _CJK for c in text):
        return None
    total = 0
    if "百" in text:
        head, _, text = text.partition("百")
        total += 100 * (_CJK_VALUE.get(head, 0) if head else 1)
        text = text.lstrip("零〇")
    if "十" in text:
        head, _, tail = text.partition("十")
        total += 10 * (_CJK_VALUE.get(head, 0) if head else 1)
        text = tail
    if text:
        if len(text) != 1 or text not in _CJK_VALUE:
            return None
        total += _CJK_VALUE[text]
    return total or None


def match_marker(text: str) -> Marker | None:
    """The outline number at the start of ``text``, or None."""
    for pattern, level in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        if level in (1, 3):
            number, sep = m.group(1), m.group(2)
            style = "N" + sep
        else:
            number = m.group(2)
            style = m.group(1) + "N" + m.group(3)
        ordinal = int(number) if level in (3, 4) else cjk_value(number)
        if not ordinal:
            return None
        return Marker(m.group(0), level, ordinal, style)
    return None
