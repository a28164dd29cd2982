"""The in-memory structures of the search index: records, filters and the concatenated texts.

Why in memory: SQLite FTS5's trigram tokenizer cannot answer queries of one or two characters,
and a ``LIKE '%x%'`` over 100,000 rows takes tens of milliseconds. Instead each :class:`Segment`
keeps the normalised text of its records concatenated into one string (records separated by
``\\n``, the primary field — a phrasing's text, a skeleton's or section's title — separated from
the rest by ``\\x1f``) and uses ``str.find``, which runs at memory speed in C. Records are
concatenated in their static rank order, so the first hits of a scan are the best-ranked
"contained" matches and a scan stops as soon as enough results are found. Exact matches come
from a dict, prefix matches from a sorted list (bisect). :class:`PinyinIndex` holds, aligned
with the texts, the pinyin initials and reading codes of each character (see
:mod:`eduwriter.library.pinyin`), searched for ASCII queries.

The ranking and the query logic live in :mod:`eduwriter.library.search`.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from dataclasses import dataclass

from eduwriter.core import words
from eduwriter.library import pinyin

#: tiers of a hit (its score without the favourite/usage boost): exact, prefix, contained
EXACT, PREFIX, CONTAINED = 3.0, 2.0, 1.0
#: lowest tier of the query's own matches: a pinyin match of whole words is 0.9 (0.85 when it
#: needs a rarer reading); below come related terms, then matches that cut a word
WHOLE = 0.85
#: a text holding a word the pinyin spelled (in a field without pinyin index)
SPELLED = 0.85
RELATED = 0.6
PARTIAL = 0.3
#: penalty of a pinyin match that needs a character's alternate (rarer) reading
ALT = 0.05

#: Order of kinds in the static rank (lower first).
KIND_ORDER = {"snippet": 0, "phrasing": 1, "skeleton": 2, "section": 3, "document": 4}
LATIN = re.compile(r"[a-z]")


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
    #: flagged stale (holds a superseded 提法): ranks below the others
    stale: bool = False

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
        flags: tuple[str, ...] = (),
    ) -> Record:
        p = normalize(primary)
        s = normalize(secondary)
        # merged per-genre skeletons before the per-document ones
        sub = 0 if function == "合并结构" else 1
        rank = (
            0 if personal else 1,
            1 if "stale" in flags else 0,
            KIND_ORDER.get(kind, 9),
            sub,
            -round(quality, 3),
            len(p),
            id,
        )
        return cls(
            id,
            kind,
            function or "",
            genre or "",
            tuple(tags),
            folder,
            p,
            s,
            rank,
            favorite,
            usage,
            "stale" in flags,
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


class Segment:
    """One concatenated index over the records accepted by a filter."""

    def __init__(
        self, records: list[Record], version: int, memo: dict[str, bytes] | None = None
    ) -> None:
        self.version = version
        #: word edges of texts already segmented (shared while an index is built; not kept)
        self._memo = memo
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
        self._py: PinyinIndex | None = None
        self.exact: dict[str, list[int]] = {}
        for i, r in enumerate(self.recs):
            self.exact.setdefault(bare(r.primary), []).append(i)
        order = sorted(range(len(self.recs)), key=lambda i: self.recs[i].primary)
        self.sorted_keys = [self.recs[i].primary for i in order]
        self.sorted_idx = order
        self.dead: set[str] = set()
        self.overlay: dict[str, Record] = {}
        self._latin: Segment | None = None

    @property
    def latin(self) -> Segment:
        """The records whose text holds ASCII letters: a query made of ASCII with at least one
        letter can only match those, so it scans this much smaller text instead of everything."""
        if self._latin is None:
            recs = [r for r in self.recs if LATIN.search(r.primary) or LATIN.search(r.secondary)]
            self._latin = Segment(recs, self.version)
            self._latin.dead = self.dead
        return self._latin

    @property
    def py(self) -> PinyinIndex:
        if self._py is None:
            self._py = PinyinIndex(self.recs, self._memo)
            self._memo = None
        return self._py


class Members:
    """Sorted indices of the records a filter mask accepts, and (built on first need) the
    texts of just those records cut out of a segment's joined strings, so that a scan under
    the mask runs at ``str.find`` speed over them instead of record by record."""

    def __init__(self, seg: Segment, mask: Filter, estimate: int) -> None:
        self._seg, self._mask = seg, mask
        #: at most this many records are accepted (from counts; the list is made on first need)
        self.estimate = estimate
        self._idx: array | None = None
        #: per joined string (by identity, checked): the accepted records' part of it
        self._subs: list[tuple[str, tuple[str, list[int]]]] = []

    @property
    def idx(self) -> array:
        if self._idx is None:
            mask = self._mask
            self._idx = array("i", (i for i, r in enumerate(self._seg.recs) if mask.accepts(r)))
        return self._idx

    def sub(self, blob: str, starts) -> tuple[str, list[int]]:
        got = next((cut for whole, cut in self._subs if whole is blob), None)
        if got is None:
            pieces = [blob[starts[j] : starts[j + 1]] for j in self.idx]
            sub_starts = [0]
            for piece in pieces:
                sub_starts.append(sub_starts[-1] + len(piece))
            got = ("".join(pieces), sub_starts)
            self._subs.append((blob, got))
        return got


def scan(blob: str, starts, needle: str, members, skip, every: bool = False, first: int = 1):
    """``(record index, offset in the record's text)`` where ``needle`` occurs in ``blob`` (the
    records' texts joined; record ``i`` starts at ``starts[i]`` plus ``first`` separator
    characters), in record order; all offsets of a record with ``every``, else the first.

    Records for which ``skip(i)`` is true are passed over. Under a filter mask most hits may be
    passed over: after a few hundred, the scan goes on in the texts of the accepted records
    only (``members``, a :class:`Members`)."""
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


def skipper(seg: Segment, mask: Filter | None):
    """``skip(record)``: dead in the segment, or rejected by the mask."""
    dead = seg.dead
    if mask is None:
        return lambda r: r.id in dead
    return lambda r: r.id in dead or not mask.accepts(r)


END_PUNCT = "。；，、！？.;,!?:： "


def bare(text: str) -> str:
    """Text without closing punctuation: 指导思想。 is an exact match for 指导思想. A text made of
    punctuation only stays as it is (otherwise 。 and ， would both be the empty text)."""
    return text.rstrip(END_PUNCT) or text


class PinyinIndex:
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

    def __init__(self, recs: list[Record], memo: dict[str, bytes] | None = None) -> None:
        joined = "\n".join(r.primary for r in recs)
        #: 1 where a word of the shared segmenter starts or ends, aligned with ``blob``
        self.edges = word_edges([r.primary for r in recs], {} if memo is None else memo)
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
            yield from unique(self._hits(self.alt_blob if alt else self.blob, initials))
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
        :func:`scan` for ``members``)."""
        blob = self.code_alt_blob if alt else self.code_blob
        # offsets in the code blob count from the record's first character (after its "\n")
        yield from scan(blob, self.starts, codes, members, skip, every=True, first=0)

    def whole(self, i: int, off: int, k: int) -> bool:
        """Does the match at ``off`` (``k`` characters) of record ``i``'s primary text start at a
        word boundary and end at one or inside a single word (the word being typed)?"""
        a = self.starts[i] + off
        b = a + k
        edges = self.edges
        return bool(edges[a]) and (bool(edges[b]) or 1 not in edges[a + 1 : b])

    def offsets(self, i: int, text: str, initials: str, tokens, alt: bool = False):
        """Offsets in record ``i``'s primary text where the reading occurs (with the most common
        readings only, or with ``alt`` through its alternate initials and any reading)."""
        k = len(initials)
        cur = self.alt[i] if alt else self.ini[i]
        check = pinyin.chars_match if alt else pinyin.primary_match
        pos = cur.find(initials)
        while pos != -1:
            if tokens is None or check(text[pos : pos + k], tokens):
                yield pos
            pos = cur.find(initials, pos + 1)


def word_edges(texts: list[str], memo: dict[str, bytes]) -> bytes:
    """Word edges of ``texts`` by the shared segmenter, aligned with ``"\\n".join(texts)`` plus
    one: byte ``j`` is 1 where a word starts or ends. Computed when the index is built (the
    segmenter is not needed to answer a query); texts in ``memo`` are not segmented again."""
    missing = [t for t in dict.fromkeys(texts) if t not in memo]
    if missing:
        joined = "\n".join(missing)
        flags = bytearray(len(joined) + 1)
        at = 0
        for word in words.cut(joined):
            flags[at] = 1
            at += len(word)
        flags[at] = 1
        pos = 0
        for t in missing:
            memo[t] = bytes(flags[pos : pos + len(t) + 1])
            pos += len(t) + 1
    return b"".join(memo[t] for t in texts)


def unique(indices):
    last = -1
    for i in indices:
        if i != last:
            yield i
            last = i
