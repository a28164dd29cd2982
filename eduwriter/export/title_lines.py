"""Line breaks for a long 公文 title (GB/T 9704 §7.3.1).

"标题回行时，要做到词意完整，排列对称，长短适宜，间距恰当，标题排列应当使用梯形或菱形。"

``split_title(text, capacity)`` returns the title's lines. A title that fits on one line is
returned as is. A longer one is split into the fewest lines that fit:

* only between words, as the shared segmenter (:mod:`eduwriter.core.words`: jieba with the
  公文 user dictionary) cuts them — never inside 提质增效, 2026 or a Latin word, never before
  closing or after opening punctuation, never between a number and its unit (2026年);
* in a 梯形 (line widths only growing or only shrinking) or 菱形 (growing, then shrinking)
  shape — never an hourglass, whose middle line is shorter than the lines around it;
* as evenly as possible, preferring natural seams (after 的, before 关于 and before the
  document type 通知/意见/方案…), and with at least :data:`MIN_LINE_CHARS` characters a line.
"""

from __future__ import annotations

import math
import unicodedata
from functools import cache

from eduwriter.core import words

#: No title line is shorter than this many characters.
MIN_LINE_CHARS = 3

#: Longer than any real title: past it the text is left whole and Word wraps it.
MAX_BALANCED_LINES = 6

#: Document types and their heads: a line may well start with them (a seam before them).
_DOC_TYPES = (
    "通知",
    "通报",
    "意见",
    "实施意见",
    "方案",
    "实施方案",
    "工作方案",
    "计划",
    "工作计划",
    "行动计划",
    "总结",
    "工作总结",
    "办法",
    "实施办法",
    "规定",
    "细则",
    "实施细则",
    "报告",
    "请示",
    "批复",
    "决定",
    "要点",
    "工作要点",
    "纪要",
    "规划",
)
_NO_LINE_START = set("，。、；：？！）》」』”’%〕］】…")
_NO_LINE_END = set("（《「『“‘〔［【")
_PAIRS = {"《": "》", "“": "”", "（": "）", "(": ")", "〈": "〉"}
_UNITS = set("年月日号期届次个所项条批级")

# Cost of a seam (added to the squared deviation of line widths from the mean, in characters).
_STRONG, _PLAIN, _INSIDE_QUOTE = 0.0, 3.0, 30.0


def _width(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5


def text_width(text: str) -> float:
    """Width in title characters: full-width 1, half-width (digits, Latin) 0.5."""
    return sum(_width(ch) for ch in text)


def break_costs(text: str) -> dict[int, float]:
    """{k: cost} for every offset where a line may break before ``text[k]`` (0 < k < len)."""
    edges = words.boundaries(text)
    starts: set[int] = set()
    at = 0
    for word in words.cut(text):
        starts.add(at)
        at += len(word)
    depth: list[str] = []
    quoted: set[int] = set()
    for k, ch in enumerate(text):
        if depth and ch == depth[-1]:
            depth.pop()
        elif ch in _PAIRS:
            depth.append(_PAIRS[ch])
        elif depth:
            quoted.add(k)  # a break before text[k] would split the quoted or bracketed part
    out: dict[int, float] = {}
    for k in sorted(edges):
        if k <= 0 or k >= len(text):
            continue
        prev, nxt = text[k - 1], text[k]
        if nxt in _NO_LINE_START or prev in _NO_LINE_END:
            continue
        if prev.isascii() and nxt.isascii() and (prev.isalnum() or prev == ".") and nxt.isalnum():
            continue  # 2026, ABC, 2.0 stay whole
        if prev.isdigit() and nxt in _UNITS:
            continue  # 2026年, 5个
        rest = text[k:]
        if prev == "的" or rest.startswith("关于") or rest in _DOC_TYPES:
            cost = _STRONG
        else:
            cost = _PLAIN
        if k in quoted:
            cost += _INSIDE_QUOTE
        out[k] = cost
    return out


def shape_ok(widths: list[float]) -> bool:
    """梯形 (monotone) or 菱形 (up, then down): no line narrower than lines on both sides."""
    falling = False
    for a, b in zip(widths, widths[1:], strict=False):
        if b < a:
            falling = True
        elif b > a and falling:
            return False
    return True


def split_title(text: str, capacity: float) -> list[str]:
    """The lines of ``text`` on a line of ``capacity`` characters (full-width = 1)."""
    text = text.strip()
    total = text_width(text)
    if total <= capacity or len(text) < 2 * MIN_LINE_CHARS:
        return [text]
    least = max(2, math.ceil(total / capacity))
    if least > MAX_BALANCED_LINES:
        return [text]
    costs = break_costs(text)
    for lines in range(least, MAX_BALANCED_LINES + 1):
        cuts = _best_cuts(text, capacity, lines, costs)
        if cuts is not None:
            return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    return [text]


def _best_cuts(text: str, capacity: float, lines: int, costs: dict[int, float]) -> list[int] | None:
    """Offsets [0, …, len] of the cheapest shaped split into ``lines`` lines, or None."""
    n = len(text)
    prefix = [0.0]
    for ch in text:
        prefix.append(prefix[-1] + _width(ch))
    mean = prefix[-1] / lines
    seams = [k for k in sorted(costs)]
    inf = float("inf")

    @cache
    def best(start: int, left: int, prev_width: float, falling: bool) -> tuple[float, tuple]:
        """Cheapest way to set text[start:] on ``left`` lines after a line of prev_width."""
        ends = [n] if left == 1 else [k for k in seams if k > start]
        result: tuple[float, tuple] = (inf, ())
        for end in ends:
            if end - start < MIN_LINE_CHARS:
                continue
            width = prefix[end] - prefix[start]
            if width > capacity:
                break
            if left > 1 and n - end < MIN_LINE_CHARS * (left - 1):
                break
            now_falling = falling
            if prev_width >= 0:
                if width < prev_width:
                    now_falling = True
                elif width > prev_width and falling:
                    continue  # an hourglass: neither 梯形 nor 菱形
            here = (width - mean) ** 2 + (0.0 if end == n else costs[end])
            if left == 1:
                if here < result[0]:
                    result = (here, (end,))
                continue
            rest_cost, rest = best(end, left - 1, width, now_falling)
            if here + rest_cost < result[0]:
                result = (here + rest_cost, (end, *rest))
        return result

    cost, ends = best(0, lines, -1.0, False)
    best.cache_clear()
    if cost == inf:
        return None
    return [0, *ends]
