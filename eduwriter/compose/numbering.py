"""Official outline numbering computed from heading levels (GB/T 9704 §7.3.3).

Level 1 一、 · level 2 （一） · level 3 1. · level 4 （1）. Counters of deeper levels restart
under each new heading of a higher level.
"""

from __future__ import annotations

from collections.abc import Iterable

_CJK_DIGITS = "零一二三四五六七八九"


def cjk_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 11 -> 十一, 20 -> 二十, 99 -> 九十九, 100 -> 一百."""
    if n <= 0:
        raise ValueError("numerals start at 1")
    if n < 10:
        return _CJK_DIGITS[n]
    if n < 20:
        return "十" + (_CJK_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _CJK_DIGITS[tens] + "十" + (_CJK_DIGITS[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        tail = ""
    elif rest < 10:
        tail = "零" + _CJK_DIGITS[rest]
    elif rest < 20:
        tail = "一" + cjk_numeral(rest)
    else:
        tail = cjk_numeral(rest)
    return cjk_numeral(hundreds) + "百" + tail


def marker_for(level: int, ordinal: int) -> str:
    """The marker written before a heading of ``level`` that is the ``ordinal``-th of its parent."""
    if level <= 1:
        return f"{cjk_numeral(ordinal)}、"
    if level == 2:
        return f"（{cjk_numeral(ordinal)}）"
    if level == 3:
        return f"{ordinal}."
    return f"（{ordinal}）"


def compute_markers(levels: Iterable[int | None]) -> list[str | None]:
    """Markers for a sequence of blocks: an int level for a heading, None for anything else.

    >>> compute_markers([1, None, 2, 2, 1, 3])
    ['一、', None, '（一）', '（二）', '二、', '1.']
    """
    counters = [0, 0, 0, 0, 0]
    out: list[str | None] = []
    for level in levels:
        if level is None:
            out.append(None)
            continue
        lv = min(max(level, 1), 4)
        counters[lv] += 1
        for deeper in range(lv + 1, 5):
            counters[deeper] = 0
        out.append(marker_for(lv, counters[lv]))
    return out
