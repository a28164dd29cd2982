"""Balanced line breaks for a long 公文 title (GB/T 9704 §7.2.3: long titles stack as a
trapezoid or pyramid, never with a character or two alone on the last line).

``split_title(text, capacity)`` returns the title's lines. A title that fits on one line is
returned as is; a longer one is split into the fewest lines that fit, as evenly as possible,
preferring breaks at natural boundaries ("关于……的" | "实施方案", before 工作/计划/方案/总结…,
between common words of education titles) and never inside a number, a Latin word or 《…》,
with at least :data:`MIN_LINE_CHARS` characters on every line.
"""

from __future__ import annotations

import math
import re
import unicodedata

#: No title line is shorter than this many characters.
MIN_LINE_CHARS = 3

#: Longer than any real title. Past it the balanced search (time ~ lines x chars^2, memory
#: ~ lines x chars) would hang the export, so the text is left whole and Word wraps it.
MAX_BALANCED_LINES = 6

#: Document-type and task words a title line may start with (a strong boundary before them).
_DOC_WORDS = (
    "工作",
    "计划",
    "方案",
    "总结",
    "实施",
    "通知",
    "意见",
    "办法",
    "规定",
    "报告",
    "安排",
    "要点",
    "细则",
    "决定",
    "请示",
    "批复",
    "纪要",
    "讲话",
    "典型材料",
)
#: Common words of education titles: a break may fall before or after them, not inside.
_WORDS = (
    "进一步",
    "加强",
    "推进",
    "做好",
    "开展",
    "全面",
    "深化",
    "落实",
    "建立",
    "健全",
    "完善",
    "规范",
    "提升",
    "促进",
    "全市",
    "全区",
    "全县",
    "全省",
    "中小学",
    "幼儿园",
    "学校",
    "校园",
    "教育",
    "教师",
    "学生",
    "安全",
    "管理",
    "质量",
    "发展",
    "建设",
    "活动",
    "专项",
    "评价",
    "改革",
    "课程",
    "德育",
    "体育",
    "美育",
    "劳动",
    "心理健康",
    "暑期",
    "寒假",
    "上半年",
    "下半年",
    "年度",
)
_AFTER_WEAK = set("年和与及暨、，")
_NO_LINE_START = set("，。、；：？！）》」』”’%）")
_NO_LINE_END = set("（《「『“‘")
_ASCII_WORD = re.compile(r"[0-9A-Za-z.]")

# Cost of a break (added to the squared deviation of line widths from the mean, in characters).
_STRONG, _WEAK, _PLAIN, _INSIDE_WORD = 0.0, 4.0, 12.0, 40.0


def _width(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5


def _break_costs(text: str) -> list[float | None]:
    """Cost of a break before ``text[k]`` for k in 0..len; None where a break is not allowed."""
    n = len(text)
    cost: list[float | None] = [_PLAIN] * (n + 1)
    inside: set[int] = set()
    starts_weak: set[int] = set()
    starts_strong: set[int] = set()
    for words, strong in ((_WORDS, False), (_DOC_WORDS, True)):
        for word in words:
            for m in re.finditer(re.escape(word), text):
                inside.update(range(m.start() + 1, m.end()))
                (starts_strong if strong else starts_weak).update((m.start(), m.end()))
                if strong:
                    starts_weak.add(m.end())
    depth = 0
    in_book: set[int] = set()
    for k, ch in enumerate(text):
        if ch == "《":
            depth += 1
        elif ch == "》":
            depth = max(depth - 1, 0)
        elif depth:
            in_book.add(k)  # a break before text[k] would split the book title
    for k in range(1, n):
        prev, nxt = text[k - 1], text[k]
        if nxt in _NO_LINE_START or prev in _NO_LINE_END:
            cost[k] = None
            continue
        if _ASCII_WORD.match(prev) and _ASCII_WORD.match(nxt):
            cost[k] = None  # 2026, ABC, 3.0 stay whole
            continue
        if prev == "的" or k in starts_strong:
            cost[k] = _STRONG
        elif prev in _AFTER_WEAK or k in starts_weak:
            cost[k] = _WEAK
        if k in inside and cost[k] != _STRONG:
            cost[k] = _INSIDE_WORD
        if k in in_book:
            cost[k] = (cost[k] or 0.0) + _INSIDE_WORD
    return cost


def split_title(text: str, capacity: float) -> list[str]:
    """The lines of ``text`` on a line of ``capacity`` characters (full-width = 1)."""
    text = text.strip()
    widths = [_width(ch) for ch in text]
    total = sum(widths)
    if total <= capacity or len(text) < 2 * MIN_LINE_CHARS:
        return [text]
    if math.ceil(total / capacity) > MAX_BALANCED_LINES:
        return [text]
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    costs = _break_costs(text)
    n = len(text)
    for lines in range(max(2, math.ceil(total / capacity)), n // MIN_LINE_CHARS + 1):
        mean = total / lines
        inf = float("inf")
        # best[j][k]: cost of putting text[:k] on j lines; back[j][k]: where line j starts
        best = [[inf] * (n + 1) for _ in range(lines + 1)]
        back = [[0] * (n + 1) for _ in range(lines + 1)]
        best[0][0] = 0.0
        for j in range(1, lines + 1):
            for k in range(j * MIN_LINE_CHARS, n + 1):
                if j == lines and k != n:
                    continue
                brk = 0.0 if k == n else costs[k]
                if brk is None:
                    continue
                for s in range((j - 1) * MIN_LINE_CHARS, k - MIN_LINE_CHARS + 1):
                    if best[j - 1][s] == inf:
                        continue
                    w = prefix[k] - prefix[s]
                    if w > capacity:
                        continue
                    c = best[j - 1][s] + (w - mean) ** 2 + brk
                    if c < best[j][k]:
                        best[j][k], back[j][k] = c, s
        if best[lines][n] < inf:
            cuts = [n]
            for j in range(lines, 0, -1):
                cuts.append(back[j][cuts[-1]])
            cuts.reverse()
            return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    return [text]
