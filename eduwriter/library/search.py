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

Filters (kind, function, genre, tag, folders) get their own index built on first use and cached.
Changes after a build are applied lazily: changed records are marked dead in each cached index
and kept in a small overlay list that is checked one by one; an index is rebuilt when its
overlay grows large. The index is not thread-safe by itself: :class:`LibraryStore` serialises
access with its lock.
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from dataclasses import dataclass

from eduwriter.library import pinyin

#: Order of kinds in the static rank (lower first).
KIND_ORDER = {"snippet": 0, "phrasing": 1, "skeleton": 2, "section": 3, "document": 4}
_OVERLAY_LIMIT = 1000


def normalize(text: str) -> str:
    """Search form of a text: NFKC (full-width → half-width), case-folded, separators removed."""
    text = unicodedata.normalize("NFKC", text).casefold()
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
        rank = (0 if personal else 1, KIND_ORDER.get(kind, 9), -round(quality, 3), len(p), id)
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
        self._ini: str | None = None
        self._alt: str | None = None
        self.exact: dict[str, list[int]] = {}
        for i, r in enumerate(self.recs):
            self.exact.setdefault(r.primary, []).append(i)
        order = sorted(range(len(self.recs)), key=lambda i: self.recs[i].primary)
        self.sorted_keys = [self.recs[i].primary for i in order]
        self.sorted_idx = order
        self.dead: set[str] = set()
        self.overlay: dict[str, Record] = {}

    @property
    def ini(self) -> str:
        if self._ini is None:
            self._ini = pinyin.to_initials(self.blob)
        return self._ini

    @property
    def alt(self) -> str:
        if self._alt is None:
            self._alt = pinyin.to_initials(self.blob, alternate=True)
        return self._alt

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
            if len(self._segments) > 16:
                self._segments.pop(next(iter(k for k in self._segments if not k.empty())))
            recs = [r for r in self.records.values() if flt.accepts(r)]
            seg = _Segment(recs, self.version)
            self._segments[flt] = seg
        return seg

    # ----------------------------------------------------------------------- search
    def search(self, query: str, flt: Filter | None = None, limit: int = 50) -> list[Hit]:
        flt = flt or Filter()
        seg = self._segment(flt)
        q = normalize(query).strip()
        found: dict[str, float] = {}  # id -> tier
        ranks: dict[str, tuple] = {}

        def add(r: Record, tier: float) -> None:
            if found.get(r.id, -1) < tier:
                found[r.id] = tier
                ranks[r.id] = r.rank

        if not q:
            for r in seg.recs[: limit * 2]:
                if r.id not in seg.dead:
                    add(r, 0.0)
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
            self._search_terms(seg, terms, limit, add)
        else:
            self._search_literal(seg, q, limit, add, found)
            if pinyin.is_pinyin_query(query):
                self._search_pinyin(
                    seg, q.replace(" ", "").replace("'", ""), query, limit, add, found
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

    def _search_literal(self, seg: _Segment, q: str, limit: int, add, found: dict) -> None:
        dead = seg.dead
        for i in seg.exact.get(q, ()):
            r = seg.recs[i]
            if r.id not in dead:
                add(r, 3.0)
        lo = bisect.bisect_left(seg.sorted_keys, q)
        hi = bisect.bisect_left(seg.sorted_keys, q + "\U0010ffff", lo)
        idx = seg.sorted_idx[lo:hi]
        if len(idx) > limit * 4:
            idx = sorted(idx)[: limit * 4]
        for i in idx:
            r = seg.recs[i]
            if r.id not in dead and r.id not in found:
                add(r, 2.0)
        blob, starts = seg.blob, seg.starts
        pos = blob.find(q)
        while pos != -1 and len(found) < limit:
            i = bisect.bisect_right(starts, pos) - 1
            r = seg.recs[i]
            if r.id not in dead and r.id not in found:
                add(r, 1.0)
            pos = blob.find(q, starts[i + 1])

    def _search_terms(self, seg: _Segment, terms: list[str], limit: int, add) -> None:
        longest = max(terms, key=len)
        blob, starts, dead = seg.blob, seg.starts, seg.dead
        pos = blob.find(longest)
        n = 0
        while pos != -1 and n < limit:
            i = bisect.bisect_right(starts, pos) - 1
            r = seg.recs[i]
            text = blob[starts[i] : starts[i + 1]]
            if r.id not in dead and all(t in text for t in terms):
                add(r, 1.0)
                n += 1
            pos = blob.find(longest, starts[i + 1])

    def _search_pinyin(
        self, seg: _Segment, letters: str, raw: str, limit: int, add, found: dict
    ) -> None:
        readings: list[tuple[str, list[str] | None]] = [(letters, None)]
        for tokens in pinyin.split_syllables(raw):
            if len(tokens) > 1 and any(len(t) > 1 for t in tokens):
                readings.append(("".join(t[0] for t in tokens), tokens))
        got = {i for i in found}
        for blob in (seg.ini, seg.alt):
            for initials, tokens in readings:
                if len(got) >= limit:
                    return
                self._scan_initials(seg, blob, initials, tokens, limit, add, got)

    def _scan_initials(
        self, seg: _Segment, blob: str, initials: str, tokens, limit: int, add, got: set
    ) -> None:
        starts, dead, text = seg.starts, seg.dead, seg.blob
        k = len(initials)
        # prefix hits first, then contained ones
        for needle, shift in (("\n" + initials, 1), (initials, 0)):
            pos = blob.find(needle)
            while pos != -1 and len(got) < limit:
                o = pos + shift
                i = bisect.bisect_right(starts, o) - 1
                r = seg.recs[i]
                if r.id not in dead and r.id not in got:
                    if tokens is None or pinyin.chars_match(text[o : o + k], tokens):
                        p_end = seg.primary_end(i)
                        if o == starts[i] + 1:
                            tier = 2.9 if o + k == p_end else 1.9
                        else:
                            tier = 0.9
                        add(r, tier)
                        got.add(r.id)
                        pos = blob.find(needle, starts[i + 1])
                        continue
                pos = blob.find(needle, pos + 1)


def _boost(r: Record) -> float:
    return (0.5 if r.favorite else 0.0) + min(math.log1p(max(r.usage, 0)) / 12.0, 0.4)


def _literal_tier(r: Record, q: str) -> float:
    if r.primary == q:
        return 3.0
    if r.primary.startswith(q):
        return 2.0
    if q in r.primary or q in r.secondary:
        return 1.0
    return -1.0


def _pinyin_tier(r: Record, query: str) -> float:
    letters = query.lower().replace(" ", "").replace("'", "")
    text = r.primary + "\x1f" + r.secondary
    best = -1.0
    readings: list[tuple[str, list[str] | None]] = [(letters, None)]
    for tokens in pinyin.split_syllables(query):
        if len(tokens) > 1:
            readings.append(("".join(t[0] for t in tokens), tokens))
    for alt in (False, True):
        ini = pinyin.to_initials(text, alternate=alt)
        for initials, tokens in readings:
            pos = ini.find(initials)
            while pos != -1:
                k = len(initials)
                if tokens is None or pinyin.chars_match(text[pos : pos + k], tokens):
                    if pos == 0:
                        tier = 2.9 if k == len(r.primary) else 1.9
                    else:
                        tier = 0.9
                    best = max(best, tier)
                    break
                pos = ini.find(initials, pos + 1)
    return best
