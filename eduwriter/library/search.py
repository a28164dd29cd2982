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
import re
import unicodedata
from array import array
from dataclasses import dataclass

from eduwriter.library import pinyin

#: Order of kinds in the static rank (lower first).
KIND_ORDER = {"snippet": 0, "phrasing": 1, "skeleton": 2, "section": 3, "document": 4}
_OVERLAY_LIMIT = 1000
#: a filter keeping at least this share of the records searches a bigger index with a mask
_DENSE = 0.05
#: penalty of a pinyin match that needs a character's alternate (rarer) reading
_ALT = 0.05
_LATIN = re.compile(r"[a-z]")


def normalize(text: str) -> str:
    """Search form of a text: NFKC (full-width → half-width), case-folded, separators removed."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.casefold()
    return text.replace("\n", " ").replace("\x1f", " ").replace("\r", " ")


@dataclass(slots=True)
class Record:
    """What the index knows about one item. ``primary``/``secondary`` are normalised."""

    id: str
    kind: str
    function: str
    genre: str
    tags: tuple[str, ...]
    folder: int | None
    primary: str
    secondary: str
    rank: tuple = ()
    favorite: bool = False
    usage: int = 0

    @classmethod
    def make(
        cls,
        id: str,
        kind: str,
        primary: str,
        secondary: str = "",
        function: str = "",
        genre: str = "",
        tags: tuple[str, ...] = (),
        folder: int | None = None,
        favorite: bool = False,
        usage: int = 0,
        personal: bool = False,
        quality: float = 0.0,
    ) -> Record:
        p = normalize(primary)
        s = normalize(secondary)
        # merged per-genre skeletons before the per-document ones
        sub = 0 if function == "合并结构" else 1
        rank = (
            0 if personal else 1,
            KIND_ORDER.get(kind, 9),
            sub,
            -round(quality, 3),
            len(p),
            id,
        )
        return cls(
            id, kind, function or "", genre or "", tuple(tags), folder, p, s, rank, favorite, usage
        )


@dataclass(frozen=True, slots=True)
class Filter:
    kind: str | None = None
    function: str | None = None
    genre: str | None = None
    tag: str | None = None
    folders: frozenset[int] | None = None

    def empty(self) -> bool:
        return (self.kind, self.function, self.genre, self.tag, self.folders) == (None,) * 5

    def only_kind(self) -> bool:
        return (self.function, self.genre, self.tag, self.folders) == (None,) * 4

    def accepts(self, r: Record) -> bool:
        if self.kind is not None and r.kind != self.kind:
            return False
        if self.function is not None and r.function != self.function:
            return False
        if self.genre is not None and r.genre != self.genre:
            return False
        if self.tag is not None and self.tag not in r.tags:
            return False
        return self.folders is None or r.folder in self.folders


@dataclass(slots=True)
class Hit:
    id: str
    score: float


class _Segment:
    """One concatenated index over the records accepted by a filter."""

    def __init__(self, records: list[Record], version: int) -> None:
        self.version = version
        self.recs = sorted(records, key=lambda r: r.rank)
        parts: list[str] = []
        starts: list[int] = []
        pos = 0
        for r in self.recs:
            starts.append(pos)
            piece = "\n" + r.primary + "\x1f" + r.secondary
            parts.append(piece)
            pos += len(piece)
        starts.append(pos)
        self.starts = starts
        self.blob = "".join(parts) + "\n"
        self._py: _Pinyin | None = None
        self.exact: dict[str, list[int]] = {}
        for i, r in enumerate(self.recs):
            self.exact.setdefault(_bare(r.primary), []).append(i)
        order = sorted(range(len(self.recs)), key=lambda i: self.recs[i].primary)
        self.sorted_keys = [self.recs[i].primary for i in order]
        self.sorted_idx = order
        self.dead: set[str] = set()
        self.overlay: dict[str, Record] = {}
        self._latin: _Segment | None = None

    @property
    def latin(self) -> _Segment:
        """The records whose text holds ASCII letters: a query made of ASCII with at least one
        letter can only match those, so it scans this much smaller text instead of everything."""
        if self._latin is None:
            recs = [r for r in self.recs if _LATIN.search(r.primary) or _LATIN.search(r.secondary)]
            self._latin = _Segment(recs, self.version)
            self._latin.dead = self.dead
        return self._latin

    @property
    def py(self) -> _Pinyin:
        if self._py is None:
            self._py = _Pinyin(self.recs)
        return self._py

    def rec_at(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def primary_end(self, i: int) -> int:
        return self.starts[i] + 1 + len(self.recs[i].primary)


class SearchIndex:
    """The searchable view of a library; fed and kept current by the store."""

    def __init__(self, records: list[Record] | None = None) -> None:
        self.records: dict[str, Record] = {}
        self.version = 0
        self._log: list[tuple[int, str]] = []
        self._segments: dict[Filter, _Segment] = {}
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
        self._segments[Filter()] = _Segment(list(self.records.values()), self.version)
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

    def _members(self, seg: _Segment, mask: Filter | None) -> _Members | None:
        """The records of ``seg`` that ``mask`` accepts (cached per segment)."""
        if mask is None:
            return None
        key = (mask, id(seg))
        got = self._member_cache.get(key)
        if got is None or got[0] is not seg:
            if len(self._member_cache) > 32:
                self._member_cache.clear()
            got = (seg, _Members(seg, mask, self._estimate(mask)))
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

    def _plan(self, flt: Filter) -> tuple[_Segment, Filter | None]:
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

    def _segment(self, flt: Filter) -> _Segment:
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
            seg = _Segment(recs, self.version)
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
            latin = q.isascii() and _LATIN.search(q) is not None
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
        self, seg: _Segment, q: str, limit: int, add, found: dict, mask: Filter | None = None
    ) -> None:
        skip = _skipper(seg, mask)
        for i in seg.exact.get(_bare(q), ()):
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
        for i, _off in _scan(
            seg.blob, seg.starts, q, members, lambda i: recs[i].id in found or skip(recs[i])
        ):
            add(recs[i], 1.0)
            if len(found) >= limit:
                break

    def _search_terms(
        self, seg: _Segment, terms: list[str], limit: int, add, mask: Filter | None = None
    ) -> None:
        longest = max(terms, key=len)
        blob, starts = seg.blob, seg.starts
        skip = _skipper(seg, mask)
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
        seg: _Segment,
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
        skip = _skipper(seg, mask)
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


class _Members:
    """Sorted indices of the records a filter mask accepts, and (built on first need) the
    texts of just those records cut out of a segment's joined strings, so that a scan under
    the mask runs at ``str.find`` speed over them instead of record by record."""

    def __init__(self, seg: _Segment, mask: Filter, estimate: int) -> None:
        self._seg, self._mask = seg, mask
        #: at most this many records are accepted (from counts; the list is made on first need)
        self.estimate = estimate
        self._idx: array | None = None
        self._subs: dict[int, tuple[str, list[int]]] = {}

    @property
    def idx(self) -> array:
        if self._idx is None:
            mask = self._mask
            self._idx = array("i", (i for i, r in enumerate(self._seg.recs) if mask.accepts(r)))
        return self._idx

    def sub(self, blob: str, starts) -> tuple[str, list[int]]:
        got = self._subs.get(id(blob))
        if got is None:
            pieces = [blob[starts[j] : starts[j + 1]] for j in self.idx]
            sub_starts = [0]
            for piece in pieces:
                sub_starts.append(sub_starts[-1] + len(piece))
            got = ("".join(pieces), sub_starts)
            self._subs[id(blob)] = got
        return got


def _scan(blob: str, starts, needle: str, members, skip, every: bool = False, first: int = 1):
    """``(record index, offset in the record's text)`` where ``needle`` occurs in ``blob`` (the
    records' texts joined; record ``i`` starts at ``starts[i]`` plus ``first`` separator
    characters), in record order; all offsets of a record with ``every``, else the first.

    Records for which ``skip(i)`` is true are passed over. Under a filter mask most hits may be
    passed over: after a few hundred, the scan goes on in the texts of the accepted records
    only (``members``, a :class:`_Members`)."""
    passed = 0
    sparse = members is not None and members.estimate * 3 < len(starts)
    if not sparse:
        members = None  # a dense mask passes over few records: no need for its own texts
    pos = -2 if sparse else blob.find(needle)
    while pos != -1:
        i = -1 if sparse else bisect.bisect_right(starts, pos) - 1
        if sparse or (skip is not None and skip(i)):
            passed += 1
            if members is not None and (sparse or passed > 256):
                idx = members.idx
                sub, sub_starts = members.sub(blob, starts)
                k = bisect.bisect_left(idx, i + 1)
                p = sub.find(needle, sub_starts[k])
                while p != -1:
                    k = bisect.bisect_right(sub_starts, p) - 1
                    j = idx[k]
                    if skip(j):
                        p = sub.find(needle, sub_starts[k + 1])
                        continue
                    yield j, p - sub_starts[k] - first
                    p = sub.find(needle, p + 1) if every else sub.find(needle, sub_starts[k + 1])
                return
            pos = blob.find(needle, starts[i + 1])
            continue
        yield i, pos - starts[i] - first
        pos = blob.find(needle, pos + 1) if every else blob.find(needle, starts[i + 1])


def _skipper(seg: _Segment, mask: Filter | None):
    """``skip(record)``: dead in the segment, or rejected by the mask."""
    dead = seg.dead
    if mask is None:
        return lambda r: r.id in dead
    return lambda r: r.id in dead or not mask.accepts(r)


_END_PUNCT = "。；，、！？.;,!?:： "


def _bare(text: str) -> str:
    """Text without closing punctuation: 指导思想。 is an exact match for 指导思想."""
    return text.rstrip(_END_PUNCT)


def _boost(r: Record) -> float:
    return (0.5 if r.favorite else 0.0) + min(math.log1p(max(r.usage, 0)) / 12.0, 0.4)


def _literal_tier(r: Record, q: str) -> float:
    if _bare(r.primary) == _bare(q):
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


class _Pinyin:
    """Pinyin structures over the primary texts of a segment's records (same order).

    * ``ini``/``alt``: initials of each primary text (most common / alternate polyphone reading),
      also joined into ``blob``/``alt_blob`` (records separated by newlines, ``starts`` offsets);
    * ``postings``: for each pair of adjacent initials (coded as one character), the records
      whose initials contain it (either reading), in rank order. A two-letter query reads its
      list; a longer one walks the shortest list of its pairs and checks each record (a scan of
      the initials string would be slow: its small alphabet defeats ``str.find``'s skipping);
      a pair that occurs nowhere answers "no hit" at once;
    * ``code_blob``/``code_alt_blob``: aligned with ``blob``, per character a code for the first
      two letters of its reading (zh, da, si, xi): a full-pinyin query finds its candidates there
      and then checks readings character by character;
    * sorted initials for exact and prefix matches (bisect).
    """

    def __init__(self, recs: list[Record]) -> None:
        joined = "\n".join(r.primary for r in recs)
        self.blob = pinyin.to_initials(joined)
        self.alt_blob = pinyin.to_initials(joined, alternate=True)
        self.ini = self.blob.split("\n")
        alt = self.alt_blob.split("\n")
        self.alt = [b if b != a else a for a, b in zip(self.ini, alt, strict=True)]
        self.has_alt = self.alt_blob != self.blob
        self.code_blob = pinyin.to_codes(joined)
        self.code_alt_blob = pinyin.to_codes(joined, alternate=True)
        starts = []
        pos = 0
        for s in self.ini:
            starts.append(pos)
            pos += len(s) + 1
        starts.append(pos)
        self.starts = starts
        raw = pinyin.pair_string(self.blob)
        raw_alt = pinyin.pair_string(self.alt_blob) if self.has_alt else raw
        symbols = set(raw)
        symbols.update(raw_alt)
        self.pair_codes = {ord(c): chr(0x4E00 + k) for k, c in enumerate(sorted(symbols))}
        pairs = raw.translate(self.pair_codes)
        alt_pairs = raw_alt.translate(self.pair_codes) if self.has_alt else pairs
        post: dict[str, list[int]] = {}
        for i, a in enumerate(self.ini):
            s, e = starts[i], starts[i + 1] - 2
            keys = set(pairs[s:e])
            if self.alt[i] is not a:
                keys.update(alt_pairs[s:e])
            for k in keys:
                lst = post.get(k)
                if lst is None:
                    post[k] = [i]
                else:
                    lst.append(i)
        self.postings = {k: array("i", v) for k, v in post.items()}
        self.sorted = sorted((a, i) for i, a in enumerate(self.ini))
        self.sorted_keys = [k for k, _ in self.sorted]
        self.sorted_alt = sorted((b, i) for i, b in enumerate(self.alt) if b is not self.ini[i])
        self.sorted_alt_keys = [k for k, _ in self.sorted_alt]

    def prefixed(self, initials: str, cap: int, keep=None, alt: bool = False) -> list[int]:
        """Records whose initials (the alternate ones with ``alt``) start with ``initials``, in
        rank order, at most ``cap`` of them (after ``keep(i)`` when given)."""
        keys, pairs = (
            (self.sorted_alt_keys, self.sorted_alt) if alt else (self.sorted_keys, self.sorted)
        )
        lo = bisect.bisect_left(keys, initials)
        hi = bisect.bisect_left(keys, initials + "\x7f", lo)
        idx = sorted({i for _k, i in pairs[lo:hi]})
        if keep is not None:
            idx = [i for i in idx if keep(i)]
        return idx[:cap]

    def candidates(self, initials: str, alt: bool = False):
        """Indices of the records whose initials (the most common reading, or with ``alt`` the
        alternate one where it differs) contain ``initials``, in rank order."""
        ini, alts = self.ini, self.alt
        if len(initials) == 1:
            if alt and not self.has_alt:
                return
            yield from _unique(self._hits(self.alt_blob if alt else self.blob, initials))
            return
        raw = pinyin.pair_string(initials)[:-1]
        if any(ord(c) not in self.pair_codes for c in raw):
            return
        lists = [self.postings.get(c, ()) for c in raw.translate(self.pair_codes)]
        best = min(lists, key=len)
        for i in best:
            if alt:
                if alts[i] is not ini[i] and initials in alts[i]:
                    yield i
            elif initials in ini[i]:
                yield i

    def _hits(self, blob: str, needle: str):
        starts = self.starts
        pos = blob.find(needle)
        while pos != -1:
            i = bisect.bisect_right(starts, pos) - 1
            yield i
            pos = blob.find(needle, starts[i + 1])

    def code_hits(self, codes: str, alt: bool = False, skip=None, members=None):
        """``(record index, offset in its primary text)`` where the reading codes ``codes``
        occur (of the most common readings, or with ``alt`` of the alternate ones), in rank
        order. A record for which ``skip(i)`` is true is passed over as a whole (see
        :func:`_scan` for ``members``)."""
        blob = self.code_alt_blob if alt else self.code_blob
        # offsets in the code blob count from the record's first character (after its "\n")
        yield from _scan(blob, self.starts, codes, members, skip, every=True, first=0)

    def contains(self, i: int, text: str, initials: str, tokens, alt: bool = False) -> bool:
        """Does record ``i`` contain the reading (with the most common readings only, or with
        ``alt`` through its alternate initials and any reading)?"""
        k = len(initials)
        cur = self.alt[i] if alt else self.ini[i]
        check = pinyin.chars_match if alt else pinyin.primary_match
        pos = cur.find(initials)
        if pos != -1 and tokens is None:
            return True
        while pos != -1:
            if check(text[pos : pos + k], tokens):
                return True
            pos = cur.find(initials, pos + 1)
        return False


def _unique(indices):
    last = -1
    for i in indices:
        if i != last:
            yield i
            last = i
