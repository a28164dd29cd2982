"""Character classes shared by the rule families."""

from __future__ import annotations

import re

#: CJK ideographs (Unified, Extension A, Compatibility).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Full-width Chinese punctuation and brackets.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕…—～·「」『』"
HAN_RE = re.compile(f"[{HAN}]")


def is_han(ch: str) -> bool:
    return bool(ch) and bool(HAN_RE.match(ch))


def is_chinese(ch: str) -> bool:
    """A Chinese character or a full-width Chinese punctuation mark."""
    return bool(ch) and (is_han(ch) or ch in CJK_PUNCT)


def neighbour(text: str, at: int, step: int) -> str:
    """The nearest non-space character from ``at`` going ``step`` (-1 left, +1 right)."""
    i = at
    while 0 <= i < len(text):
        if not text[i].isspace():
            return text[i]
        i += step
    return ""
