"""Is a match a whole word (or a run of whole words)? Asked of the shared segmenter.

Pinyin initials cross word boundaries easily: zdsx is 指导思想, but also 作的实效 in 工作的实效.
A match whose start and end are word boundaries of the text, as :mod:`eduwriter.core.words`
segments it (the segmentation the library uses), ranks above one that cuts a word. Only a window
around the match is segmented (a few microseconds, cached), so the check is cheap enough to be run
on the candidates of every query.
"""

from __future__ import annotations

from functools import lru_cache

from eduwriter.core import words

#: characters of context on each side of a match handed to the segmenter
_CONTEXT = 6


def is_whole(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` starts at a word boundary of ``text`` and either ends at one
    or lies inside a single word (the writer is still typing it: zhi for 治理)."""
    if start < 0 or end > len(text) or start >= end:
        return False
    lo = max(0, start - _CONTEXT)
    hi = min(len(text), end + _CONTEXT)
    edges = _edges(text[lo:hi])
    a, b = start - lo, end - lo
    if a not in edges:
        return False
    return b in edges or not any(a < e < b for e in edges)


@lru_cache(maxsize=8192)
def _edges(window: str) -> frozenset[int]:
    return frozenset(words.boundaries(window))
