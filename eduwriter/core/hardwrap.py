"""Rejoin hard-wrapped lines (text copied out of a PDF, or saved with a fixed line width).

The signal is the file's own line-length statistics, never its words: in a hard-wrapped file
many lines end at the same display width (CJK characters count two columns, ASCII one) and
most of those lines end mid-sentence. When that holds, a line that reaches the wrap width
and does not end a sentence runs on into the next line (so does a full line whose next line
opens with punctuation that never starts a line: ，。、). A next line that starts with an
outline marker (一、 （一） 1.) starts a new paragraph.

Joining only concatenates lines, so no text is lost or added, and a rejoined file is no
longer hard-wrapped (its long lines are gone from the wrap width), so the step is idempotent.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

from eduwriter.core.markers import match_marker

__all__ = ["display_width", "rejoin_hard_wrapped", "wrap_width"]

#: Lines narrower than this are never counted (titles, table cells, names).
MIN_WRAP_WIDTH = 30
#: At least this many lines end at (or just short of) the wrap width …
MIN_FULL_LINES = 12
#: … and they are at least this share of the lines that could have been wrapped …
MIN_FULL_SHARE = 0.3
#: … and at least this share of them end mid-sentence.
MIN_OPEN_SHARE = 0.6
#: A line this many columns short of the width is still full (a wide character that did not
#: fit, or a narrow digit run).
SLACK = 3

_SENTENCE_END = tuple("。！？；!?;…”」』）)")
_NO_LINE_START = tuple("，。、；：！？,.;:!?）)》」』”")

T = TypeVar("T")


#: Narrow (one-column) characters: ASCII and the half-width forms; everything else in a
#: Chinese text (Han, full-width punctuation, “” quotes) takes two columns.
_NARROW = re.compile(r"[\x00-\x7f\uff61-\uffdc\uffe8-\uffee]")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a monospaced CJK layout (narrow characters 1, others 2)."""
    return 2 * len(text) - len(_NARROW.findall(text))


def _measures() -> tuple[Callable[[str], int], ...]:
    return (len, display_width)


def wrap_width(texts: list[str]) -> tuple[Callable[[str], int], int] | None:
    """How the texts were hard-wrapped — the measure (characters, or display columns) and
    the width — or ``None`` when they were not. Of the two measures the one that puts more
    lines at its most common width wins (PDF tools wrap by columns, plain-text tools by
    characters)."""
    if sum(1 for t in texts if len(t) >= MIN_WRAP_WIDTH // 2) < MIN_FULL_LINES:
        return None  # too few long lines to tell (most single pages, every short paste)
    best: tuple[int, Callable[[str], int], int] | None = None
    for measure in _measures():
        found = _wrap_width(texts, measure)
        if found is not None and (best is None or found[0] > best[0]):
            best = (found[0], measure, found[1])
    return None if best is None else (best[1], best[2])


def _wrap_width(texts: list[str], measure: Callable[[str], int]) -> tuple[int, int] | None:
    """(number of full lines, width) under ``measure``, when the texts look hard-wrapped."""
    widths = [measure(t) for t in texts]
    floor = MIN_WRAP_WIDTH if measure is display_width else MIN_WRAP_WIDTH // 2
    long = [w for w in widths if w >= floor]
    if len(long) < MIN_FULL_LINES:
        return None
    width, _ = Counter(long).most_common(1)[0]
    slack = SLACK if measure is display_width else 1
    full = [t for t, w in zip(texts, widths, strict=True) if width - slack <= w <= width]
    if len(full) < MIN_FULL_LINES or len(full) < MIN_FULL_SHARE * len(long):
        return None
    open_ = sum(1 for t in full if not t.endswith(_SENTENCE_END))
    if open_ < MIN_OPEN_SHARE * len(full):
        return None
    return len(full), width


def rejoin_hard_wrapped(
    items: list[T], text_of: Callable[[T], str], join: Callable[[T, str], T]
) -> list[T]:
    """``items`` with hard-wrapped runs joined into one item each (``join(first, text)``
    makes the joined item from the run's first item). A bare number between a line and the
    line it runs on into (a page number, or a table cell: nothing says which) is kept, after
    the joined paragraph. Unchanged when the file is not hard-wrapped (see
    :func:`wrap_width`)."""
    texts = [text_of(x) for x in items]
    found = wrap_width(texts)
    if found is None:
        return items
    measure, width = found
    slack = SLACK if measure is display_width else 1

    def full(line: str) -> bool:
        return width - slack <= measure(line) <= width

    out: list[T] = []
    k = 0
    while k < len(items):
        first, parts = items[k], [texts[k]]
        pages: list[T] = []
        while k + 1 < len(items):
            nxt = k + 1
            page_break = (
                _PAGE_NUMBER.match(texts[nxt])
                and nxt + 1 < len(items)
                and 2 * measure(parts[-1]) >= width  # a page may end before the width
                and _runs_on(parts[-1], texts[nxt + 1])
                # … but then what runs on is a paragraph's full line or its last one: a short
                # open line after a short page end is a title starting a new page
                and (
                    full(parts[-1])
                    or full(texts[nxt + 1])
                    or texts[nxt + 1].endswith(_SENTENCE_END)
                )
            )
            if page_break:
                pages.append(items[nxt])
                nxt += 1
            if not ((page_break or full(parts[-1])) and _runs_on(parts[-1], texts[nxt])):
                break
            k = nxt
            parts.append(texts[k])
        out.append(first if len(parts) == 1 else join(first, "".join(parts)))
        out.extend(pages)
        k += 1
    return out


_PAGE_NUMBER = re.compile(r"^\d{1,3}$")


def _runs_on(line: str, nxt: str) -> bool:
    """Whether ``nxt`` continues the full line ``line``."""
    if nxt.startswith(_NO_LINE_START):
        return True
    if line.endswith(_SENTENCE_END) or _PAGE_NUMBER.match(nxt):
        return False
    marker = match_marker(nxt)
    return marker is None or marker.style == "glued"  # 2019年… is not a marker line
