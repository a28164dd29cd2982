"""Superseded 提法: a dated lexicon shipped as data, used by the library and the checks.

A 范文 from 2019 says 十九大精神 and 脱贫攻坚; a writer in 2026 must not copy that.  The lexicon
(``resources/dictionaries/stale_terms.tsv``) lists each superseded term with the year it was
superseded and the current wording.  :func:`find_stale` reports every occurrence in a text;
the library flags such items ``stale`` and ranks them lower, and the checker reports them as
``wording.stale``.  The file is plain tab-separated text a writer can extend.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eduwriter.resources_path import resources_dir


@dataclass(frozen=True, slots=True)
class StaleTerm:
    """One lexicon entry."""

    term: str  # as written in the lexicon (a literal, or a regular expression after ~)
    superseded: int  # the year the term was superseded
    current: str  # the current wording ('' when the task has ended: rewrite the sentence)
    note: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class StaleHit:
    """One superseded term found in a text, at ``start``..``end``."""

    start: int
    end: int
    text: str
    entry: StaleTerm


def lexicon_path() -> Path:
    return resources_dir() / "dictionaries" / "stale_terms.tsv"


def parse_lexicon(text: str) -> tuple[StaleTerm, ...]:
    """Read the lexicon's text; malformed lines are skipped."""
    entries: list[StaleTerm] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or not cols[1].strip().isdigit():
            continue
        term = cols[0].strip()
        try:
            pattern = re.compile(term[1:] if term.startswith("~") else re.escape(term))
        except re.error:
            continue
        entries.append(
            StaleTerm(
                term=term,
                superseded=int(cols[1]),
                current=cols[2].strip() if len(cols) > 2 else "",
                note=cols[3].strip() if len(cols) > 3 else "",
                pattern=pattern,
            )
        )
    return tuple(entries)


@lru_cache(maxsize=1)
def load_lexicon() -> tuple[StaleTerm, ...]:
    """The shipped lexicon (read once)."""
    try:
        return parse_lexicon(lexicon_path().read_text(encoding="utf-8-sig"))
    except OSError:
        return ()


def find_stale(text: str, lexicon: tuple[StaleTerm, ...] | None = None) -> list[StaleHit]:
    """Every superseded term in ``text``, in order, without overlaps (the first entry wins)."""
    entries = load_lexicon() if lexicon is None else lexicon
    hits: list[StaleHit] = []
    taken: list[tuple[int, int]] = []
    for entry in entries:
        for m in entry.pattern.finditer(text):
            if m.end() == m.start():
                continue
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            hits.append(StaleHit(m.start(), m.end(), m.group(0), entry))
    hits.sort(key=lambda h: h.start)
    return hits


def is_stale(text: str) -> bool:
    """True when ``text`` holds a superseded term."""
    return bool(find_stale(text))
