"""Library search: what the writer means, answered from the in-memory index.

A query is read first (:mod:`eduwriter.library.query`): words naming a function, a genre or a
kind become filters, the other words are looked for, in any order, as characters, pinyin
initials or full pinyin, in the structures of :mod:`eduwriter.library.search_index` (texts
concatenated in rank order and searched with ``str.find``; pinyin strings aligned with them).
Related terms (:mod:`eduwriter.library.related_terms`) widen the search after the query's own
hits; a query without hits gets the nearest words (:mod:`eduwriter.library.suggest`).

Ranking: the query's own matches — exact > prefix > contained; pinyin only when the match starts
and ends at word boundaries (:func:`~eduwriter.library.search_index.word_edges`) — then related terms, then
partial matches (pinyin across a word boundary). Within each band items flagged stale, and
documents and sections unless their kind is asked for, come after the others; then favourites
and usage, then the static rank (personal items, kind, reusability score, shorter text).

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
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from eduwriter.library import pinyin, related_terms
from eduwriter.library import suggest as suggest_words
from eduwriter.library.pinyin_index import PinyinIndex, word_edges
from eduwriter.library.pinyin_match import find_pinyin, pinyin_tier
from eduwriter.library.query import Query, parse_query
from eduwriter.library.search_flat import Columns, Records
from eduwriter.library.search_index import (
    KIND_ORDER,
    LATIN,
    RELATED,
    SPELLED,
    WHOLE,
    Filter,
    Hit,
    Record,
    bare,
    normalize,
    scan,
)
from eduwriter.library.search_segment import Members, Segment, index_skipper, skipper

__all__ = ["KIND_ORDER", "Filter", "Hit", "Record", "SearchIndex", "SearchResult", "normalize"]

#: kinds that rank below skeletons and phrasings unless the writer asks for them
_LOW_KINDS = frozenset({"document", "section"})


@dataclass(slots=True)
class SearchResult:
    """The hits of a query, the query as understood (its filters are the chips a search box
    shows) and, when nothing was found, the nearest words the library holds ("did you mean")."""

    hits: list[Hit]
    query: Query
    suggestions: list[str] = field(default_factory=list)


_OVERLAY_LIMIT = 1000


class SearchIndex:
    """The searchable view of a library; fed and kept current by the store."""

    def __init__(self, records: list[Record] | None = None) -> None:
        self.version = 0
        self._log: list[tuple[int, str]] = []
        self._main: Segment | None = None
        self._counts: dict[tuple, int] | None = None
        self._member_cache: dict[tuple, tuple] = {}
        self.boosted: dict[str, float] = {}
        self._vocabulary: list[str] | None = None
        #: content key of the library it was built from (set by the index cache)
        self.key: list | None = None
        #: set when a background check found the persisted file it was loaded from damaged
        #: (the store then builds it again); ``checked`` is that check's thread
        self.damaged = False
        self.checked = None
        self.records = Records(Columns())
        self.load(records or [])

    @classmethod
    def from_columns(
        cls, cols: Columns, py_loader: Callable[[], PinyinIndex | None] | None = None
    ) -> SearchIndex:
        """The index of columns read back from a sidecar file; ``py_loader`` reads their pinyin
        structures when a query first needs them (they are built if it returns None)."""
        index = cls()
        index._install(cols, None)
        index._main.py_loader = py_loader
        return index

    # ----------------------------------------------------------------- maintenance
    def load(self, records: list[Record]) -> None:
        self._install(Columns.build(records), None)

    def _install(self, cols: Columns, py: PinyinIndex | None) -> None:
        self.records = Records(cols)
        self.version += 1
        self._vocabulary = None
        self._log.clear()
        self._member_cache.clear()
        self._main = Segment(cols, self.version, py)
        self.boosted = {
            cols.ids[i]: _boost_of(bool(cols.flags[i] & 4), cols.usage[i])  # 4: favourite
            for i in _favoured(cols)
        }
        self._counts = None  # counted on first need

    @property
    def main(self) -> Segment:
        """The index over all records (as built or loaded; changes since are its overlay)."""
        return self._segment(Filter())

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
        self.records[item_id] = r  # ranks through the boost; the texts are unchanged
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
            self._main = None

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
        """Records the filter keeps at most (counted in the columns it was built from, per
        value on first need)."""
        if self._counts is None:
            self._counts = {}
        c, cols = self._counts, self._main.cols if self._main is not None else None

        def count(name: str, value) -> int:  # noqa: ANN001
            if cols is None:
                return 0
            got = c.get((name, value))
            if got is None:
                got = c[(name, value)] = cols.count(name, value)
            return got

        changed = len(self.records.changed)
        est = len(self.records)
        for name, value in (
            ("kind", flt.kind),
            ("function", flt.function),
            ("genre", flt.genre),
            ("tag", flt.tag),
        ):
            if value is not None:
                est = min(est, count(name, value) + changed)
        if flt.folders is not None:
            est = min(est, sum(count("folder", f) for f in flt.folders) + changed)
        return est

    def _plan(self, flt: Filter) -> tuple[Segment, Filter | None]:
        """The index to search for ``flt`` and the mask to apply to its records (or None): one
        index for all; a filter is a mask whose records' texts are cut out on first need."""
        return self.main, (None if flt.empty() else flt)

    def _segment(self, flt: Filter) -> Segment:
        seg = self._main
        if seg is not None and seg.version < self.version:
            first = bisect.bisect_right(self._log, (seg.version, "\U0010ffff"))
            if first == 0 and self._log and self._log[0][0] > seg.version + 1:
                seg = None  # log was truncated past this segment
            else:
                for _v, item_id in self._log[first:]:
                    seg.dead.add(item_id)
                    r = self.records.get(item_id)
                    if r is not None:
                        seg.overlay[item_id] = r
                    else:
                        seg.overlay.pop(item_id, None)
                seg.version = self.version
                if len(seg.overlay) > _OVERLAY_LIMIT:
                    seg = None
        if seg is None:
            records = list(self.records.values())
            self.load(records)
            seg = self._main
            assert seg is not None
        return seg

    def prepare(self) -> None:
        """Build now (otherwise on first use) the pinyin structures, without word edges."""
        self.main.py  # noqa: B018 - the property builds and caches them

    def complete_edges(self, edges: bytes | None = None) -> None:
        """Give the pinyin structures their word edges (segmenting the primary texts unless
        ``edges`` computed elsewhere are given: see :func:`edges_of`)."""
        seg = self.main
        py = seg.py
        if not py.has_edges:
            py.set_edges(edges if edges is not None else edges_of(seg.cols))

    def warm(self) -> None:
        """Build now the pinyin structures with their word edges (what a first query would
        otherwise build)."""
        self.prepare()
        self.complete_edges()

    # ----------------------------------------------------------------------- search
    def search(self, query: str, flt: Filter | None = None, limit: int = 50) -> list[Hit]:
        """The best ``limit`` hits of ``query`` under ``flt`` (see :meth:`find`; no suggestions
        are looked for: they cost a fuzzy pass over the vocabulary and a search per word)."""
        return self.find(query, flt, limit, suggest=False).hits

    def find(
        self, query: str, flt: Filter | None = None, limit: int = 50, suggest: bool = True
    ) -> SearchResult:
        """Search for what ``query`` means: the words naming a function, a genre or a kind become
        filters (added to ``flt``; see :mod:`eduwriter.library.query`), the other words must all
        occur, in any order, as characters, pinyin initials or full pinyin. Related terms widen
        the search after the exact hits; a query without hits gets suggestions."""
        flt = flt or Filter()
        fixed = frozenset(f for f in ("kind", "function", "genre") if getattr(flt, f) is not None)
        parsed = parse_query(normalize(query), fixed)
        if parsed.filters:
            flt = replace(flt, **{f.field: f.value for f in parsed.filters})
        q = " ".join(parsed.terms)
        seg, mask = self._plan(flt)
        found: dict[str, float] = {}  # id -> tier
        seen: dict[str, Record] = {}

        def add(r: Record, tier: float) -> None:
            if found.get(r.id, -1) < tier:
                found[r.id] = tier
                seen[r.id] = r

        if not q:
            members = self._members(seg, mask)
            n = 0
            for i in members.idx if members is not None else range(len(seg.recs)):
                if n >= limit * 2:
                    break
                r = seg.recs[i]
                if r.id not in seg.dead:
                    add(r, 0.0)
                    n += 1
            extra = [*seg.overlay.values(), *self._boosted_records()]
            for r in extra:
                if flt.accepts(r):
                    add(r, 0.0)
            return SearchResult(self._finish(found, seen, flt, limit), parsed)

        terms = q.split()
        is_pinyin = pinyin.is_pinyin_query(q)
        if len(terms) > 1 and not is_pinyin:
            self._search_terms(seg, terms, limit, add, mask)
        else:
            latin = q.isascii() and LATIN.search(q) is not None
            self._search_literal(seg, q, limit, add, found, mask, latin)
            if is_pinyin:
                spelled: Counter[str] = Counter()
                find_pinyin(
                    seg,
                    self._members(seg, mask),
                    q.replace(" ", "").replace("'", ""),
                    q,
                    limit,
                    add,
                    found,
                    mask,
                    spelled,
                )
                # the words the letters spell (zdsx → 指导思想) are looked for in every field:
                # a section's text or a skeleton's parts have no pinyin index of their own
                for word, _n in spelled.most_common(2):
                    if len(found) >= limit:
                        break
                    self._search_terms(seg, [word], limit - len(found), add, mask, SPELLED, found)
        # small extras: records changed since the index was built, and favourites/used items
        extra = list(seg.overlay.values())
        extra += [r for r in self._boosted_records() if r.id not in found]
        for r in extra:
            if not flt.accepts(r):
                continue
            tier = (
                _literal_tier(r, q)
                if len(terms) == 1
                else (1.0 if all(t in r.primary or t in r.secondary for t in terms) else -1)
            )
            if tier < 0 and is_pinyin:
                tier = pinyin_tier(r, q)
            if tier >= 0:
                add(r, tier)
        # related terms widen the search, below the query's own hits
        if not is_pinyin and len(found) < limit:
            self._search_related(seg, terms, limit, add, found, mask)
        hits = self._finish(found, seen, flt, limit)
        suggestions = self._suggest(q) if suggest and not hits else []
        return SearchResult(hits, parsed, suggestions)

    def _suggest(self, q: str) -> list[str]:
        if self._vocabulary is None:
            self._vocabulary = suggest_words.vocabulary(self.records.primaries())
        return suggest_words.nearest(
            q, self._vocabulary, lambda w: bool(self.find(w, limit=1, suggest=False).hits)
        )

    def _search_related(
        self, seg: Segment, terms: list[str], limit: int, add, found: dict, mask: Filter | None
    ) -> None:
        """Widen ``terms`` with the related-terms lexicon: each term that is or holds a lexicon
        term is replaced by its neighbours (the rest of it kept as further terms)."""
        lexicon = related_terms.shipped()
        for n, term in enumerate(terms):
            for variant in lexicon.widen_term(term):
                wanted = [*terms[:n], *variant, *terms[n + 1 :]]
                before = len(found)
                if len(wanted) == 1:
                    recs = seg.recs
                    members = self._members(seg, mask)
                    for i, _off in scan(
                        seg.blob,
                        seg.starts,
                        wanted[0],
                        members,
                        index_skipper(seg, mask, found),
                    ):
                        add(recs[i], RELATED)
                        if len(found) >= limit:
                            return
                else:
                    self._search_terms(seg, wanted, limit - before, add, mask, RELATED, found)
                if len(found) >= limit:
                    return

    def _boosted_records(self) -> list[Record]:
        out = []
        for item_id in self.boosted:
            r = self.records.get(item_id)
            if r is not None:
                out.append(r)
        return out

    def _finish(
        self, found: dict[str, float], seen: dict[str, Record], flt: Filter, limit: int
    ) -> list[Hit]:
        """Hits in order: the query's own matches (exact, prefix, whole words) before related and
        partial ones; within each band items flagged stale, and documents and sections unless
        their kind was asked for, after the others; then by tier, favourites and use, rank."""
        boosted = self.boosted
        asked = flt.kind is not None
        records = self.records
        # a record seen in the index may have changed since (its overlay copy is current)
        current = {i: r for i, r in seen.items() if i not in records.removed}
        for i in current.keys() & records.changed.keys():
            current[i] = records.changed[i]

        def key(item_id: str) -> tuple:
            r = current[item_id]
            low = r.stale or (not asked and r.kind in _LOW_KINDS)
            tier = found[item_id]
            return (tier < WHOLE, low, -tier, -boosted.get(item_id, 0.0), r.rank)

        ordered = sorted((i for i in found if i in current), key=key)[:limit]
        return [Hit(i, found[i] + boosted.get(i, 0.0)) for i in ordered]

    def _search_literal(
        self,
        seg: Segment,
        q: str,
        limit: int,
        add,
        found: dict,
        mask: Filter | None = None,
        ascii_only: bool = False,
    ) -> None:
        """Exact, prefix and contained matches of ``q`` (with ``ascii_only``, a query of ASCII
        with a letter, the contained ones are looked for in the texts' ASCII runs only)."""
        skip = skipper(seg, mask)
        for i in seg.exact(q):
            r = seg.recs[i]
            if q in r.primary and not skip(r):  # 立德树人 = 立德树人。, but 1。 ≠ 1
                add(r, 3.0)
        idx = seg.prefixed(q)
        if mask is not None and len(idx) > limit * 4:
            accepts = seg.cols.accepter(mask)
            idx = [i for i in idx if accepts(i)]
        if len(idx) > limit * 4:
            idx = sorted(idx)[: limit * 4]
        for i in idx:
            r = seg.recs[i]
            if r.id not in found and not skip(r):
                add(r, 2.0)
        if len(found) >= limit:
            return
        recs = seg.recs
        passed_over = index_skipper(seg, mask, found)
        if ascii_only:
            hits = seg.cols.ascii_hits(q, passed_over)
        else:
            hits = scan(seg.blob, seg.starts, q, self._members(seg, mask), passed_over)
        for i, _off in hits:
            add(recs[i], 1.0)
            if len(found) >= limit:
                break

    def _search_terms(
        self,
        seg: Segment,
        terms: list[str],
        limit: int,
        add,
        mask: Filter | None = None,
        tier: float = 1.0,
        found: dict | None = None,
    ) -> None:
        """Records holding every one of ``terms``, in any order (``found`` ones passed over).
        Under a filter that keeps few records, the longest term is looked for in their texts
        only (see :func:`~eduwriter.library.search_index.scan`); a record is made for a match
        only."""
        longest = max(terms, key=len)
        blob, starts = seg.blob, seg.starts
        passed_over = index_skipper(seg, mask, () if found is None else found)
        n = 0
        for i, _off in scan(blob, starts, longest, self._members(seg, mask), passed_over):
            text = blob[starts[i] : starts[i + 1]]
            if all(t in text for t in terms):
                add(seg.recs[i], tier)
                n += 1
                if n >= limit:
                    return


def _favoured(cols: Columns) -> list[int]:
    """The records that are favourites or were used, found at C speed (a library has few)."""
    found = {m.start() for m in re.finditer(rb"[\x04-\x07]", cols.flags)}  # the favourite bit
    size = cols.usage.itemsize
    found.update(m.start() // size for m in re.finditer(rb"[^\x00]", cols.usage.tobytes()))
    return sorted(found)


def _boost(r: Record) -> float:
    return _boost_of(r.favorite, r.usage)


def _boost_of(favorite: bool, usage: int) -> float:
    return (0.5 if favorite else 0.0) + min(math.log1p(max(usage, 0)) / 12.0, 0.4)


def edges_of(cols: Columns) -> bytes:
    """Word edges of the primary texts of ``cols`` (aligned with the pinyin structures)."""
    return word_edges([cols.primary(i) for i in range(cols.n)], {})


def _literal_tier(r: Record, q: str) -> float:
    if bare(r.primary) == bare(q) and q in r.primary:
        return 3.0
    if r.primary.startswith(q):
        return 2.0
    if q in r.primary or q in r.secondary:
        return 1.0
    return -1.0
