"""One searchable index over a set of records: columns, pinyin structures, changes since.

A :class:`Segment` joins the flat columns of :mod:`eduwriter.library.search_flat` (texts
concatenated in rank order, searched with ``str.find``) and the pinyin structures of
:mod:`eduwriter.library.pinyin_index`; :class:`Members` restricts a scan to the records a filter
accepts by cutting their texts out of the joined strings (on first need, kept).
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable

from eduwriter.library.pinyin_index import PinyinIndex
from eduwriter.library.search_flat import Columns
from eduwriter.library.search_index import Filter, Record, bare


class RecordView:
    """The records of a :class:`~eduwriter.library.search_flat.Columns` as a sequence: a
    :class:`Record` is made when one is read (only for the records a query touches)."""

    def __init__(self, cols: Columns) -> None:
        self._cols = cols

    def __len__(self) -> int:
        return self._cols.n

    def __getitem__(self, i: int) -> Record:
        if i < 0:
            i += self._cols.n
        if not 0 <= i < self._cols.n:
            raise IndexError(i)
        return self._cols.record(i)

    def __iter__(self):
        record = self._cols.record
        return (record(i) for i in range(self._cols.n))


class Segment:
    """The index over a set of records: their columns in rank order (texts concatenated, see
    the module docstring), the pinyin structures (built on first need) and the changes since."""

    def __init__(self, cols: Columns, version: int, py: PinyinIndex | None = None) -> None:
        self.version = version
        self.cols = cols
        self.recs = RecordView(cols)
        self.blob = cols.blob
        self.starts = cols.starts
        self._py = py
        #: reads the pinyin structures from disk on first need (None: build them)
        self.py_loader: Callable[[], PinyinIndex | None] | None = None
        self.dead: set[str] = set()
        self.overlay: dict[str, Record] = {}

    @classmethod
    def of(cls, records: list[Record], version: int) -> Segment:
        return cls(Columns.build(records), version)

    def _bare_range(self, lo_key: str, hi_key: str) -> list[int]:
        cols = self.cols
        order = cols.order

        def key(i: int) -> str:
            return bare(cols.primary(i))

        lo = bisect.bisect_left(order, lo_key, key=key)
        hi = bisect.bisect_left(order, hi_key, lo, key=key)
        return list(order[lo:hi])

    def exact(self, q: str) -> list[int]:
        """Records whose primary text is ``q`` but for closing punctuation."""
        b = bare(q)
        return self._bare_range(b, b + "\x00")

    def prefixed(self, q: str) -> list[int]:
        """Records whose primary text starts with ``q`` (sorted by text)."""
        return self._bare_range(q, q + "\U0010ffff")

    @property
    def py(self) -> PinyinIndex:
        """The pinyin structures (built on first need, without word edges: see
        :meth:`PinyinIndex.set_edges`)."""
        if self._py is None:
            loaded = None
            if self.py_loader is not None:
                loader, self.py_loader = self.py_loader, None
                loaded = loader()  # read from disk; None when that failed
            cols = self.cols
            self._py = loaded or PinyinIndex.build([cols.primary(i) for i in range(cols.n)])
        return self._py


class Members:
    """Sorted indices of the records a filter mask accepts, and (built on first need) the
    texts of just those records cut out of a segment's joined strings, so that a scan under
    the mask runs at ``str.find`` speed over them instead of record by record."""

    def __init__(
        self, seg: Segment, mask: Filter | None, estimate: int, idx: array | None = None
    ) -> None:
        self._seg, self._mask = seg, mask
        #: at most this many records are accepted (from counts; the list is made on first need)
        self.estimate = estimate
        self._idx: array | None = idx
        #: per joined string (by identity, checked): the accepted records' part of it
        self._subs: list[tuple[str, tuple[str, list[int]]]] = []
        self._spans: dict[int, tuple] = {}

    @property
    def idx(self) -> array:
        if self._idx is None:
            assert self._mask is not None
            self._idx = self._seg.cols.select(self._mask)
        return self._idx

    def _cuts(self, starts) -> tuple[list[tuple[int, int]], array]:
        """The spans of the accepted records in a joined string with offsets ``starts`` (runs
        of consecutive records in one span) and the records' offsets in the cut string. Cached
        per ``starts``: the pinyin strings share theirs, so they are cut in one pass."""
        got = self._spans.get(id(starts))
        if got is not None and got[0] is starts:
            return got[1], got[2]
        spans: list[tuple[int, int]] = []
        sub_starts = array("i", [0])
        idx = self.idx
        n, k = len(idx), 0
        while k < n:  # runs of consecutive records are cut in one piece
            first = last = idx[k]
            k += 1
            while k < n and idx[k] == last + 1:
                last = idx[k]
                k += 1
            offset = sub_starts[-1] - starts[first]
            sub_starts.extend([starts[j] + offset for j in range(first + 1, last + 2)])
            spans.append((starts[first], starts[last + 1]))
        self._spans[id(starts)] = (starts, spans, sub_starts)
        return spans, sub_starts

    def sub(self, blob: str, starts) -> tuple[str, list[int]]:
        got = next((cut for whole, cut in self._subs if whole is blob), None)
        if got is None:
            spans, sub_starts = self._cuts(starts)
            got = ("".join([blob[a:b] for a, b in spans]), sub_starts)
            self._subs.append((blob, got))
        return got


def skipper(seg: Segment, mask: Filter | None):
    """``skip(record)``: dead in the segment, or rejected by the mask."""
    dead = seg.dead
    if mask is None:
        return lambda r: r.id in dead
    return lambda r: r.id in dead or not mask.accepts(r)


def index_skipper(seg: Segment, mask: Filter | None, found):
    """``skip(i)`` for record index ``i`` of ``seg``: already ``found`` (ids), dead, or rejected
    by the mask. Reads the id and code columns: no record is made."""
    dead, ids = seg.dead, seg.cols.ids
    if mask is None:
        return lambda i: ids[i] in found or ids[i] in dead
    accepts = seg.cols.accepter(mask)
    return lambda i: ids[i] in found or ids[i] in dead or not accepts(i)
