"""In-memory search index: substring queries of any length, pinyin initials and full pinyin.

Why in memory: SQLite FTS5's trigram tokenizer cannot answer queries of one or two characters,
and a ``LIKE '%x%'`` over 100,000 rows takes tens of milliseconds. Instead each index keeps the
normalised text of all its records concatenated into one string (records separated by ``\\n``,
the primary field — a phrasing's text, a skeleton's or section's title — separated from the rest
by ``\\x1f``) and uses ``str.find``, which runs at memory speed in C. Records are concatenated in
their static rank order, so the first hits of a scan are the best-ranked "contained" matches and
the scan stops as soon as enough results are found. Exact matches come from a dict, prefix
matches from a sorted list (bisect). Two further strings of the same length hold the pinyin
initials of each character (see :mod:`eduwriter.library.pinyin`), searched for ASCII queries.

Ranking: exact > prefix > contained; inside a tier favourites and usage come first, then the
static rank (personal items, then by kind, reusability score and shorter text).

Filters: :meth:`SearchIndex.warm` builds, next to the unfiltered index, one index per kind that
holds less than half of the records (records of a kind are contiguous in rank order, so a scan of
the main index would wade through the other kinds first) and per small function. Any other filter
that keeps a sizeable share of the records (≥ 5 %) searches the main index (or the kind's index)
and skips the records it rejects (a filter mask); only a rare combination gets a small index of its
own on first use. So the first query after switching a filter builds nothing large.

Pinyin matches that use each character's most common reading rank above those that need an
alternate one (``zhi`` finds 治理 before 积极, whose 积 is read zhi only rarely).

Changes after a build are applied lazily: changed records are marked dead in each cached index
and kept in a small overlay list that is checked one by one; an index is rebuilt when its
overlay grows large. The index is not thread-safe by itself: :class:`LibraryStore` serialises
access with its lock.
"""

from __future__ import annotations

import bisect
import math

from eduwriter.library import pinyin
from eduwriter.library.search_index import (
    KIND_ORDER,
    LATIN,
    Filter,
    Hit,
    Members,
    Record,
    Segment,
    bare,
    normalize,
    scan,
    skipper,
)

__all__ = ["KIND_ORDER", "Filter", "Hit", "Record", "SearchIndex", "normalize"]

_OVERLAY_LIMIT = 1000
#: a filter keeping at least this share of the records searches a bigger index with a mask
_DENSE = 0.05
#: penalty of a pinyin match that needs a character's alternate (rarer) reading
_ALT = 0.05


class SearchIndex:
    """The searchable view of a library; fed and kept current by the store."""

    def __init__(self, records: list[Record] | None = None) -> None:
        self.records: dict[str, Record] = {}
        self.version = 0
        self._log: list[tuple[int, str]] = []
        self._segments: dict[Filter, Segment] = {}
        self._counts: dict[str, dict] = {}
        self._prebuilt: set[Filter] = set()
        self._member_cache: dict[tuple, tuple] = {}
        self.boosted: dict[str, float] = {}
        if records:
            self.load(records)

    # ----------------------------------------------------------------- maintenance
    def load(self, records: list[Record]) -> None:
        self.records = {r.id: r for r in records}
        self.version += 1
        self._log.clear()
        self._segments.clear()
        self.boosted = {r.id: _boost(r) for r in records if r.favorite or r.usage}
        self._segments[Filter()] = Segment(list(self.records.values()), self.version)
        counts: dict[str, dict] = {"kind": {}, "function": {}, "genre": {}, "tag": {}, "folder": {}}
        for r in records:
            for field, value in (
                ("kind", r.kind),
                ("function", r.function),
                ("genre", r.genre),
                ("folder", r.folder),
            ):
                d = counts[field]
                d[value] = d.get(value, 0) + 1
            for t in r.tags:
                counts["tag"][t] = counts["tag"].get(t, 0) + 1
        self._counts = counts
        self._prebuilt: set[Filter] = set()

    def upsert(self, record: Record) -> None:
        self.records[record.id] = record
        self._touch(record.id)
        self._set_boost(record)

    def remove(self, item_id: str) -> None:
        self.records.pop(item_id, None)
        self.boosted.pop(item_id, None)
        self._touch(item_id)

    def set_usage(
        self, item_id: str, favorite: bool | None = None, usage: int | None = None
    ) -> None:
        r = self.records.get(item_id)
        if r is None:
            return
        if favorite is not None:
            r.favorite = favorite
        if usage is not None:
            r.usage = usage
        self._set_boost(r)

    def _set_boost(self, r: Record) -> None:
        if r.favorite or r.usage:
            self.boosted[r.id] = _boost(r)
        else:
            self.boosted.pop(r.id, None)

    def _touch(self, item_id: str) -> None:
        self.version += 1
        self._log.append((self.version, item_id))
        if len(self._log) > 20_000:  # too many changes: rebuild lazily from scratch
            self._log.clear()
            self._segments.clear()
            self._prebuilt.clear()

    def _members(self, seg: Segment, mask: Filter | None) -> Members | None:
        """The records of ``seg`` that ``mask`` accepts (cached per segment)."""
        if mask is None:
            return None
        key = (mask, id(seg))
        got = self._member_cache.get(key)
        if got is None or got[0] is not seg:
            if len(self._member_cache) > 32:
                self._member_cache.clear()
            got = (seg, Members(seg, mask, self._estimate(mask)))
            self._member_cache[key] = got
        return got[1]

    def _estimate(self, flt: Filter) -> int:
        """Records the filter keeps at most (from the counts taken at load time)."""
        c = self._counts
        est = len(self.records)
        for field, value in (
            ("kind", flt.kind),
            ("function", flt.function),
            ("genre", flt.genre),
            ("tag", flt.tag),
        ):
            if value is not None:
                est = min(est, c.get(field, {}).get(value, 0))
        if flt.folders is not None:
            est = min(est, sum(c.get("folder", {}).get(f, 0) for f in flt.folders))
        return est

    def _plan(self, flt: Filter) -> tuple[Segment, Filter | None]:
        """The index to search for ``flt`` and the mask to apply to its records (or None)."""
        if flt.empty() or flt in self._segments:
            return self._segment(flt), None
        if flt.kind is not None and Filter(kind=flt.kind) in self._segments:
            return self._segment(Filter(kind=flt.kind)), flt
        total = max(len(self.records), 1)
        if self._estimate(flt) >= _DENSE * total:
            if flt.only_kind() and self._estimate(flt) < total / 2:
                return self._segment(flt), None  # a kind is contiguous: masks scan the rest
            return self._segment(Filter()), flt
        return self._segment(flt), None

    def _segment(self, flt: Filter) -> Segment:
        seg = self._segments.get(flt)
        if seg is not None and seg.version < self.version:
            first = bisect.bisect_right(self._log, (seg.version, "\U0010ffff"))
            if first == 0 and self._log and self._log[0][0] > seg.version + 1:
                seg = None  # log was truncated past this segment
            else:
                for _v, item_id in self._log[first:]:
                    seg.dead.add(item_id)
                    r = self.records.get(item_id)
                    if r is not None and flt.accepts(r):
                        seg.overlay[item_id] = r
                    else:
                        seg.overlay.pop(item_id, None)
                seg.version = self.version
                if len(seg.overlay) > _OVERLAY_LIMIT:
                    seg = None
        if seg is None:
            if len(self._segments) > 16 + len(self._prebuilt):
                self._segments.pop(
                    next(k for k in self._segments if not k.empty() and k not in self._prebuilt)
                )
            recs = [r for r in self.records.values() if flt.accepts(r)]
            seg = Segment(recs, self.version)
            self._segments[flt] = seg
        return seg

    def warm(self) -> None:
        """Build now (otherwise on first use) the unfiltered index with its pinyin structures and
        the indexes of the kinds and functions that a filter mask would serve badly (see the
        module docstring), so that switching a filter never builds a big index."""
        seg = self._segment(Filter())
        seg.py  # noqa: B018 - the properties build and cache the pinyin structures…
        seg.latin  # noqa: B018 - …and the sub-index for ASCII queries
        total = max(len(self.records), 1)
        wanted = [Filter(kind=k) for k, n in self._counts.get("kind", {}).items() if n < total / 2]
        wanted += [
            Filter(function=f)
            for f, n in self._counts.get("function", {}).items()
            if f and n < _DENSE * total
        ]
        budget = total  # never more than the main index's worth of extra records
        for flt in sorted(wanted, key=self._estimate):
            n = self._estimate(flt)
            if n > budget:
                break
            budget -= n
            self._prebuilt.add(flt)
            sub = self._segment(flt)
            sub.py  # noqa: B018
            sub.latin  # noqa: B018
        # the filter masks of functions and genres: cut their records' texts out now
        masks = [Filter(function=f) for f in self._counts.get("function", {}) if f]
        masks += [Filter(genre=g) for g in self._counts.get("genre", {}) if g]
        for flt in masks:
            seg, mask = self._plan(flt)
            if mask is None:
                seg.py  # noqa: B018
                continue
            members = self._members(seg, mask)
            if members is None or members.estimate * 3 >= len(seg.starts):
                continue
            members.sub(seg.blob, seg.starts)
            members.sub(seg.py.code_blob, seg.py.starts)
            members.sub(seg.py.code_alt_blob, seg.py.starts)

    # ----------------------------------------------------------------------- search
    def search(self, query: str, flt: Filter | None = None, limit: int = 50) -> list[Hit]:
        flt = flt or Filter()
        seg, mask = self._plan(flt)
        q = normalize(query).strip()
        found: dict[str, float] = {}  # id -> tier
        ranks: dict[str, tuple] = {}

        def add(r: Record, tier: float) -> None:
            if found.get(r.id, -1) < tier:
                found[r.id] = tier
                ranks[r.id] = r.rank

        if not q:
            n = 0
            for r in seg.recs:
                if n >= limit * 2:
                    break
                if r.id not in seg.dead and (mask is None or mask.accepts(r)):
                    add(r, 0.0)
                    n += 1
            extra = [
                *seg.overlay.values(),
                *(self.records[i] for i in self.boosted if i in self.records),
            ]
            for r in extra:
                if flt.accepts(r):
                    add(r, 0.0)
            return self._finish(found, ranks, limit)

        terms = q.split()
        if len(terms) > 1 and not pinyin.is_pinyin_query(query):
            self._search_terms(seg, terms, limit, add, mask)
        else:
            latin = q.isascii() and LATIN.search(q) is not None
            self._search_literal(seg.latin if latin else seg, q, limit, add, found, mask)
            if pinyin.is_pinyin_query(query):
                self._search_pinyin(
                    seg, q.replace(" ", "").replace("'", ""), query, limit, add, found, mask
                )
        # small extras: records changed since the index was built, and favourites/used items
        extra = list(seg.overlay.values())
        extra += [self.records[i] for i in self.boosted if i in self.records and i not in found]
        for r in extra:
            if not flt.accepts(r):
                continue
            tier = (
                _literal_tier(r, q)
                if len(terms) == 1
                else (1.0 if all(t in r.primary or t in r.secondary for t in terms) else -1)
            )
            if tier < 0 and pinyin.is_pinyin_query(query):
                tier = _pinyin_tier(r, query)
            if tier >= 0:
                add(r, tier)
        return self._finish(found, ranks, limit)

    def _finish(self, found: dict[str, float], ranks: dict[str, tuple], limit: int) -> list[Hit]:
        def key(item_id: str) -> tuple:
            return (-found[item_id], -self.boosted.get(item_id, 0.0), ranks[item_id])

        ordered = sorted(found, key=key)[:limit]
        return [Hit(i, found[i] + self.boosted.get(i, 0.0)) for i in ordered]

    def _search_literal(
        self, seg: Segment, q: str, limit: int, add, found: dict, mask: Filter | None = None
    ) -> None:
        skip = skipper(seg, mask)
        for i in seg.exact.get(bare(q), ()):
            r = seg.recs[i]
            if not skip(r):
                add(r, 3.0)
        lo = bisect.bisect_left(seg.sorted_keys, q)
        hi = bisect.bisect_left(seg.sorted_keys, q + "\U0010ffff", lo)
        idx = seg.sorted_idx[lo:hi]
        if mask is not None and len(idx) > limit * 4:
            idx = [i for i in idx if mask.accepts(seg.recs[i])]
        if len(idx) > limit * 4:
            idx = sorted(idx)[: limit * 4]
        for i in idx:
            r = seg.recs[i]
            if r.id not in found and not skip(r):
                add(r, 2.0)
        recs = seg.recs
        members = self._members(seg, mask)
        if len(found) >= limit:
            return
        for i, _off in scan(
            seg.blob, seg.starts, q, members, lambda i: recs[i].id in found or skip(recs[i])
        ):
            add(recs[i], 1.0)
            if len(found) >= limit:
                break

    def _search_terms(
        self, seg: Segment, terms: list[str], limit: int, add, mask: Filter | None = None
    ) -> None:
        longest = max(terms, key=len)
        blob, starts = seg.blob, seg.starts
        skip = skipper(seg, mask)
        pos = blob.find(longest)
        n = 0
        while pos != -1 and n < limit:
            i = bisect.bisect_right(starts, pos) - 1
            r = seg.recs[i]
            text = blob[starts[i] : starts[i + 1]]
            if not skip(r) and all(t in text for t in terms):
                add(r, 1.0)
                n += 1
            pos = blob.find(longest, starts[i + 1])

    def _search_pinyin(
        self,
        seg: Segment,
        letters: str,
        raw: str,
        limit: int,
        add,
        found: dict,
        mask: Filter | None = None,
    ) -> None:
        readings: list[tuple[str, list[str] | None]] = [(letters, None)]
        for tokens in pinyin.split_syllables(raw):
            if any(len(t) > 1 for t in tokens):
                readings.append(("".join(t[0] for t in tokens), tokens))
        py = seg.py
        skip = skipper(seg, mask)
        keep = None if mask is None else (lambda i: mask.accepts(seg.recs[i]))
        got = set(found)
        recs = seg.recs
        members = self._members(seg, mask)

        def passed_over(i: int) -> bool:
            return recs[i].id in got or skip(recs[i])

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
                    tier = 2.9 if len(r.primary) == k else 1.9
                    add(r, tier if primary else tier - _ALT)
                    got.add(r.id)
        # contained matches, best static rank first; primary readings before alternate ones
        for alt in (False, True):
            for initials, tokens in readings:
                if len(got) >= limit:
                    return
                tier = 0.9 - _ALT if alt else 0.9
                codes = pinyin.token_codes(tokens) if tokens else ""
                if len(codes) >= 2:
                    # full pinyin: the reading codes (zh|da|si|xi) are selective; check each hit
                    k = len(tokens)
                    for i, off in py.code_hits(codes, alt, passed_over, members):
                        r = recs[i]
                        piece = r.primary[off : off + k]
                        ok = (
                            pinyin.chars_match(piece, tokens)
                            if alt
                            else pinyin.primary_match(piece, tokens)
                        )
                        if ok:
                            add(r, tier)
                            got.add(r.id)
                            if len(got) >= limit:
                                return
                    continue
                for i in py.candidates(initials, alt):
                    r = seg.recs[i]
                    if r.id in got or skip(r):
                        continue
                    if tokens is None or py.contains(i, r.primary, initials, tokens, alt):
                        add(r, tier)
                        got.add(r.id)
                        if len(got) >= limit:
                            return


def _boost(r: Record) -> float:
    return (0.5 if r.favorite else 0.0) + min(math.log1p(max(r.usage, 0)) / 12.0, 0.4)


def _literal_tier(r: Record, q: str) -> float:
    if bare(r.primary) == bare(q):
        return 3.0
    if r.primary.startswith(q):
        return 2.0
    if q in r.primary or q in r.secondary:
        return 1.0
    return -1.0


def _pinyin_tier(r: Record, query: str) -> float:
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
                        tier -= _ALT
                    best = max(best, tier)
                    break
                pos = ini.find(initials, pos + 1)
    return best
