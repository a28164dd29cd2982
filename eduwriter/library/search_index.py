"""The in-memory structures of the search index: records, filters and the concatenated texts.

Why in memory: SQLite FTS5's trigram tokenizer cannot answer queries of one or two characters,
and a ``LIKE '%x%'`` over 100,000 rows takes tens of milliseconds. Instead each :class:`Segment`
keeps the normalised text of its records concatenated into one string (records separated by
``\\n``, the primary field — a phrasing's text, a skeleton's or section's title — separated from
the rest by ``\\x1f``) and uses ``str.find``, which runs at memory speed in C. Records are
concatenated in their static rank order, so the first hits of a scan are the best-ranked
"contained" matches and a scan stops as soon as enough results are found. Exact and prefix
matches come from the records sorted by text (bisect). The records themselves are columns
(:mod:`eduwriter.library.search_flat`); :class:`~eduwriter.library.pinyin_index.PinyinIndex`
holds, aligned with the texts, the pinyin initials and reading codes of each character,
searched for ASCII queries.

The ranking and the query logic live in :mod:`eduwriter.library.search`.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

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


END_PUNCT = "。；，、！？.;,!?:： "


def bare(text: str) -> str:
    """Text without closing punctuation: 指导思想。 is an exact match for 指导思想. A text made of
    punctuation only stays as it is (otherwise 。 and ， would both be the empty text)."""
    return text.rstrip(END_PUNCT) or text


def unique(indices):
    last = -1
    for i in indices:
        if i != last:
            yield i
            last = i
