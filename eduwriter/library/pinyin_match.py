"""Pinyin matching of a query against a segment of the search index.

A query in letters is read three ways at once: as pinyin initials (zdsx), as full pinyin split
into syllables (zhidaosixiang, still being typed: zhidaosix) and mixed (zhidao sx). Matches are
looked up in the aligned initials and reading-code strings of :class:`PinyinIndex` and checked
character by character against the readings (the most common reading first; a rarer one ranks
``ALT`` lower). A match must start at a word boundary of the shared segmenter and end at one (or
inside the word being typed; word edges are computed when the index is built,
:func:`~eduwriter.library.search_index.word_edges`); one that cuts a word
(作的实效 for zdsx) is kept as ``PARTIAL`` and ranks last.
"""

from __future__ import annotations

from collections import Counter

from eduwriter.library import pinyin
from eduwriter.library.search_index import ALT, PARTIAL, Filter, Record
from eduwriter.library.search_segment import Members, Segment, index_skipper, skipper


def find_pinyin(
    seg: Segment,
    members: Members | None,
    letters: str,
    raw: str,
    limit: int,
    add,
    found: dict,
    mask: Filter | None = None,
    spelled: Counter | None = None,
) -> None:
    """Pinyin matches of ``letters`` (as typed: ``raw``) in the primary texts of ``seg``, handed
    to ``add(record, tier)``: exact and prefix matches from the sorted initials, then contained
    ones. A match that cuts a word is added as partial. The whole words matched are counted in
    ``spelled`` (zdsx → 指导思想)."""
    spelled = Counter() if spelled is None else spelled
    readings: list[tuple[str, list[str] | None]] = [(letters, None)]
    for tokens in pinyin.split_syllables(raw):
        if any(len(t) > 1 for t in tokens):
            readings.append(("".join(t[0] for t in tokens), tokens))
    py = seg.py
    skip = skipper(seg, mask)
    keep = None if mask is None else seg.cols.accepter(mask)  # reads codes: makes no record
    got = set(found)
    recs = seg.recs
    text_of = seg.cols.primary

    passed_over = index_skipper(seg, mask, got)

    # exact and prefix matches of the primary text, from the sorted initials: the most
    # common readings first, then the alternate ones
    for alt in (False, True):
        for initials, tokens in readings:
            for i in py.prefixed(initials, limit * 4, keep, alt):
                r = seg.recs[i]
                if skip(r):
                    continue
                k = len(initials)
                if tokens is None:
                    primary = py.ini[i].startswith(initials)
                elif pinyin.chars_match(r.primary[:k], tokens):
                    primary = pinyin.primary_match(r.primary[:k], tokens)
                else:
                    continue
                if len(r.primary) == k:
                    tier = 2.9
                elif py.whole(i, 0, k, r.primary):
                    tier = 1.9
                else:
                    add(r, PARTIAL)  # cuts a word: 教育局下发 for jyjx
                    continue
                add(r, tier if primary else tier - ALT)
                spelled[r.primary[:k]] += 1
                got.add(r.id)
    # contained matches, best static rank first; primary readings before alternate ones.
    # A match that cuts a word (zdsx in 工作的实效) is kept as partial and does not count
    # towards the limit: the scan goes on (within a budget) for whole-word matches.
    budget = [limit * 4]
    #: reading-code hits examined at most per reading (most fail the character check)
    examined = limit * 12

    def take(i: int, off: int, k: int, tier: float) -> bool:
        """Add a match at ``off`` of record ``i``; True when the scan may stop."""
        r = recs[i]
        if py.whole(i, off, k, r.primary):
            spelled[r.primary[off : off + k]] += 1
            add(r, tier)
            got.add(r.id)
        else:
            add(r, PARTIAL)
        budget[0] -= 1
        return len(got) >= limit or budget[0] <= 0

    for alt in (False, True):
        for initials, tokens in readings[:3]:  # the letters, the two likeliest splits
            if len(got) >= limit or budget[0] <= 0:
                return
            tier = 0.9 - ALT if alt else 0.9
            codes = pinyin.token_codes(tokens) if tokens else ""
            if len(codes) >= 2 and (len(codes) == len(tokens) or len(initials) < 4):
                # full pinyin: the reading codes (zhi|da|si|xi) are selective; check each hit.
                # Trailing initials (shuju xl) are more selective through the letter pairs.
                k = len(tokens)
                for n, (i, off) in enumerate(py.code_hits(codes, alt, passed_over, members)):
                    if n >= examined:
                        break  # few of the hits read right: keep the answer quick
                    piece = text_of(i)[off : off + k]  # a record is made for a match only
                    ok = (
                        pinyin.chars_match(piece, tokens)
                        if alt
                        else pinyin.primary_match(piece, tokens)
                    )
                    if ok and take(i, off, k, tier):
                        return
                continue
            for i in py.candidates(initials, alt, members, codes):
                if passed_over(i):
                    continue
                text = text_of(i)
                offs = list(py.offsets(i, text, initials, tokens, alt))
                if not offs:
                    continue
                k = len(initials)
                off = next((o for o in offs if py.whole(i, o, k, text)), offs[0])
                if take(i, off, k, tier):
                    return


def pinyin_tier(r: Record, query: str) -> float:
    """Pinyin tier of one record (primary text only), or -1."""
    letters = query.lower().replace(" ", "").replace("'", "")
    text = r.primary
    readings: list[tuple[str, list[str] | None]] = [(letters, None)]
    for tokens in pinyin.split_syllables(query):
        if any(len(t) > 1 for t in tokens):
            readings.append(("".join(t[0] for t in tokens), tokens))
    best = -1.0
    for alt in (False, True):
        ini = pinyin.to_initials(text, alternate=alt)
        for initials, tokens in readings:
            pos = ini.find(initials)
            while pos != -1:
                k = len(initials)
                if tokens is None or pinyin.chars_match(text[pos : pos + k], tokens):
                    if pos == 0:
                        tier = 2.9 if k == len(text) else 1.9
                    else:
                        tier = 0.9
                    primary = not alt and (
                        tokens is None or pinyin.primary_match(text[pos : pos + k], tokens)
                    )
                    if not primary:
                        tier -= ALT
                    best = max(best, tier)
                    break
                pos = ini.find(initials, pos + 1)
    return best
