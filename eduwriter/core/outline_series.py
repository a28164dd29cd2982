"""Numbered series judged as a whole: a list of short items, or a series of headings.

A series is the run of siblings of one marker style: 1. 2. 3. … with whatever lies between
them (their bodies, deeper items, new parents when the numbering runs on through them), ended
when the numbering starts again. A heading has something under it before
its next sibling; when most items of a series are a bare short line followed directly by the
next item (a task list, a list of conditions), the series is a list and none of its items is
a heading. A series where most items carry text of their own stays a series of headings,
bare items included (组建…委员会 / 组建…执法队伍 among sections with bodies).
"""

from __future__ import annotations

from eduwriter.core.markers import RANKS, Marker

__all__ = ["BARE_LIST_MIN", "bare_lists", "runin_not_headings", "runin_series", "series"]

#: A series shorter than this is never judged a list (two items tell too little).
BARE_LIST_MIN = 3
_STYLES = ("cn", "paren_cn", "arabic", "paren_arabic", "circled")


def series(markers: list[Marker | None]) -> list[list[int]]:
    """Sibling series (line indexes, in order) of the list styles."""
    open_: dict[str, list[int]] = {}
    done: list[list[int]] = []
    for i, m in enumerate(markers):
        if m is None or m.style not in RANKS:
            continue
        if m.style not in _STYLES:
            continue
        cur = open_.get(m.style)
        if cur is not None and markers[cur[-1]].ordinal + 1 == m.ordinal:
            cur.append(i)  # numbered on, under this parent or the next (1.…20. 21.…)
            continue
        if cur is not None:
            done.append(cur)
        open_[m.style] = [i]
    done.extend(open_.values())
    return sorted(done)


def bare_lists(markers: list[Marker | None], bare: set[int]) -> set[int]:
    """Items of the series that are lists, not headings. ``bare``: lines that are a marker
    and a short title with nothing after it on the line (no 标签：内容 either: an item that
    introduces what follows it is not bare)."""
    out: set[int] = set()
    for items in series(markers):
        if len(items) < BARE_LIST_MIN:
            continue
        listed = 0
        for t, i in enumerate(items):
            if i not in bare:
                continue
            if t + 1 < len(items):
                listed += items[t + 1] == i + 1  # the next item follows directly
            else:
                listed += t > 0 and items[t - 1] == i - 1 and items[t - 1] in bare
        if listed * 2 > len(items):
            out.update(items)
    return out


def _runin_family(marker: str) -> str:
    """一是 / 第一， / 第一个是 … reduced to their kind (the digits dropped)."""
    return "".join(c for c in marker if c not in "一二三四五六七八九十，,、 ")


def runin_series(markers: list[Marker | None]) -> list[list[int]]:
    """Series of run-in enumerators of one kind (一是 二是 …, 第一， 第二， …) at line starts,
    in order; a new series starts where the numbering starts again."""
    open_: dict[str, list[int]] = {}
    done: list[list[int]] = []
    for i, m in enumerate(markers):
        if m is None or m.style != "runin":
            continue
        fam = _runin_family(m.marker)
        cur = open_.get(fam)
        if cur is not None and markers[cur[-1]].ordinal + 1 == m.ordinal:
            cur.append(i)
            continue
        if cur is not None:
            done.append(cur)
        open_[fam] = [i]
    done.extend(open_.values())
    return sorted(done)


def runin_not_headings(
    markers: list[Marker | None], standalone: set[int], sentences: set[int]
) -> set[int]:
    """Standalone run-in lines (一是加强领导 on a line of its own) that are not headings, the
    series judged as a whole. ``sentences``: the standalone lines that end as a sentence
    (…候选人。). Not headings: a series listed line after line with nothing between its
    items (an outline of what a speech will say, a task list); and, where the series has one
    item or most of its items open a paragraph of body text, its standalone items that end
    as a sentence (a short sentence of the same enumeration). A standalone item with a
    title's profile (no end punctuation, its own body below) stays a heading there."""
    out: set[int] = set()
    for items in runin_series(markers):
        alone = [i for i in items if i in standalone]
        if not alone:
            continue
        listed = sum(
            1
            for t, i in enumerate(items)
            if i in standalone and t + 1 < len(items) and items[t + 1] == i + 1
        )
        if listed * 2 >= len(items) - 1 > 0:
            out.update(alone)
        elif len(items) < 2 or len(alone) * 2 <= len(items):
            out.update(i for i in alone if i in sentences)
    return out
