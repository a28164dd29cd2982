"""Numbering markers at the start of a line: 第一章, 第一条, 一、, （一）, 1., （1）, ①, 1别想太多, 一是.

:func:`match_marker` parses one (cached for short lines); :data:`RANKS` orders the styles,
outermost first, as GB/T 9704 §7.3.3 lays them out with a chapter level above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "CN_DIGITS",
    "MARKER_RE",
    "RANKS",
    "Marker",
    "cn_to_int",
    "match_marker",
    "parse_marker",
    "strip_marker",
]

CN_DIGITS = "一二三四五六七八九十百零〇两"
_CN = f"[{CN_DIGITS}]"

#: Rank of each marker style (smaller = outer).
RANKS = {
    "chapter": 0,
    "article": 1,
    "cn": 2,
    "paren_cn": 3,
    "arabic": 4,
    "glued": 4,
    "paren_arabic": 5,
    "circled": 5,
}

# Each alternative is a named group; all quantifiers are bounded, so matching is linear.
MARKER_RE = re.compile(
    "|".join(
        [
            rf"(?P<chapter>第\s?(?P<chapter_n>{_CN}{{1,4}}|\d{{1,3}})\s?(?:章|部分|编))(?P<chapter_sep>\s?[:：、.．]?)",
            rf"(?P<article>第(?P<article_n>{_CN}{{1,4}}|\d{{1,3}})条)",
            rf"(?P<cn>(?P<cn_n>{_CN}{{1,3}})\s?(?:[、．]|\.(?![\d.])))",
            rf"(?P<paren_cn>[（(〔【［\[]\s?(?P<paren_cn_n>{_CN}{{1,3}})\s?[）)〕】］\]])",
            r"(?P<arabic>(?P<arabic_n>\d{1,2})\s?[.．、](?!\d))",
            r"(?P<paren_arabic>[（(]\s?(?P<paren_arabic_n>\d{1,2})\s?[.．]?\s?[）)]|"
            r"(?P<half_paren_n>\d{1,2})[）)](?!\d))",
            r"(?P<circled>(?P<circled_n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]))",
            # a digit glued to a short title (1别想太多) - checked further by the caller
            r"(?P<glued>(?P<glued_n>\d{1,2})(?=[\u4e00-\u9fff])(?![年月日号时分秒个名所人次万亿元岁届期天周项条件家户位节班批场轮篇幅])"
            r"(?!\d))",
            rf"(?P<runin>第(?P<runin_n>{_CN}{{1,3}})个是|第(?P<runin_m>{_CN}{{1,3}})\s?[，,、]|"
            rf"(?P<runin_k>{_CN}{{1,3}})是)",
        ]
    )
)

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CN_VALUES = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def cn_to_int(text: str) -> int:
    """Chinese numeral (一 … 九十九, 一百…) or digits -> int; 0 when not a number."""
    text = text.strip()
    if not text:
        return 0
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _CN_VALUES:
            current = _CN_VALUES[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return 0
    return total + current


@dataclass(slots=True, frozen=True)
class Marker:
    """A numbering marker at the start of a line."""

    marker: str  #: as written, separators included, surrounding spaces removed
    style: str  #: key of :data:`RANKS`, or "runin"
    ordinal: int
    rest: str  #: the line after the marker


def parse_marker(line: str) -> tuple[str, int, int, str] | None:
    """``(marker, level_rank, ordinal, rest)`` for a line starting with a numbering marker.

    ``level_rank`` is the usual rank of the style (0 = 第一章 … 5 = （1）; 6 for run-in
    enumerators such as 一是 / 第一，). Returns ``None`` when the line has no marker.
    """
    m = match_marker(line)
    if m is None:
        return None
    return m.marker, RANKS.get(m.style, 6), m.ordinal, m.rest


def match_marker(line: str) -> Marker | None:
    """Like :func:`parse_marker` but returns a :class:`Marker` with the style name.

    Results for lines up to 400 characters are cached (the same line is examined by several
    stages); longer lines are parsed afresh so the cache never holds big strings."""
    if len(line) <= 400:
        return _match_marker_cached(line)
    return _match_marker(line)


@lru_cache(maxsize=16384)
def _match_marker_cached(line: str) -> Marker | None:
    return _match_marker(line)


def _clear_cache() -> None:
    _match_marker_cached.cache_clear()


match_marker.cache_clear = _clear_cache  # type: ignore[attr-defined]


def _match_marker(line: str) -> Marker | None:
    s = line.lstrip()
    m = MARKER_RE.match(s)
    if m is None:
        return None
    style = m.lastgroup
    # lastgroup is the last *closed* group; find the outer alternative that matched
    for name in (
        "chapter",
        "article",
        "cn",
        "paren_cn",
        "arabic",
        "paren_arabic",
        "circled",
        "glued",
        "runin",
    ):
        if m.group(name) is not None:
            style = name
            break
    if style == "runin":
        num = m.group("runin_n") or m.group("runin_m") or m.group("runin_k") or ""
    elif style == "paren_arabic":
        num = m.group("paren_arabic_n") or m.group("half_paren_n") or ""
    elif style == "circled":
        num = str(_CIRCLED.index(m.group("circled_n")) + 1)
    else:
        num = m.group(f"{style}_n") or ""
    ordinal = cn_to_int(num)
    if ordinal <= 0:
        return None
    end = m.end()
    marker = s[:end]
    if style == "chapter":
        marker = m.group("chapter") + (m.group("chapter_sep") or "").strip()
    rest = s[end:].lstrip()
    return Marker(
        re.sub(r"\s", "", marker) if style != "chapter" else marker.replace(" ", ""),
        style,
        ordinal,
        rest,
    )


def strip_marker(line: str) -> str:
    """The line without a leading numbering marker (used when re-importing exported text)."""
    m = match_marker(line)
    if m is None or m.style in ("runin", "glued"):
        return line.strip()
    return m.rest.strip()
