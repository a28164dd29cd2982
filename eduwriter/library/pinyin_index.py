"""Pinyin structures over the primary texts of the search index, computed at build time.

* ``blob``/``alt_blob``: the initials of each primary text (most common / alternate polyphone
  reading), records separated by newlines, ``starts`` their offsets; ``ini``/``alt`` the same
  split per record (``alt[i] is ini[i]`` where they do not differ);
* ``postings``: for each pair of adjacent initials or reading codes, the blocks of 32 records (in
  rank order) whose texts hold it, in one array with an offset table. A query of two letters or
  codes or more searches only the blocks of its rarest pair (a scan of the initials would be
  slow: their small alphabet defeats ``str.find``'s skipping); a pair that occurs nowhere answers
  "no hit" at once. Blocks rather than records keep the build to a few thousand ``set()`` calls;
* ``code_blob``/``code_alt_blob``: aligned with ``blob``, per character a one-byte code for the
  head of its reading (zh, da, si, xi): full pinyin finds its candidates there;
* ``edges``: one byte per character, 1 where a word of the shared segmenter starts or ends.
  Segmenting is the slow part of a build (jieba: about half a million characters a second), so an
  index may be built without them and get them later (:meth:`set_edges`); meanwhile the records
  a query touches are segmented one by one;
* ``order``/``alt_order``: records sorted by their initials, for exact and prefix matches.

All of it is flat (strings, bytes, arrays) and written as sections of the sidecar file.
"""

from __future__ import annotations

import bisect
from array import array

from eduwriter.core import words
from eduwriter.library import pinyin
from eduwriter.library.search_flat import SidecarError, _array, _view
from eduwriter.library.search_index import Record, scan, unique

#: records per block of the pair postings
BLOCK = 32


def _pairs(text: str) -> str:
    """Character *i* stands for the characters *i* and *i+1* of ``text`` (Latin-1; the last is
    paired with a newline). Built at C speed."""
    raw = text.encode("latin-1")
    if not raw:  # an empty library
        return ""
    out = bytearray(4 * len(raw))  # UTF-32: two surrogate values never merge into one
    out[0::4] = raw[1:] + b"\n"
    out[1::4] = raw
    return out.decode("utf-32-le", "surrogatepass")


class Lines:
    """The records' parts of a newline-joined string, as a sequence (``lines[i]`` is cut out when
    read: a loaded index makes no list of 100,000 strings)."""

    __slots__ = ("_blob", "_starts", "_n")

    def __init__(self, blob: str, starts) -> None:
        self._blob, self._starts, self._n = blob, starts, len(starts) - 1

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: int) -> str:
        if not 0 <= i < self._n:
            raise IndexError(i)
        return self._blob[self._starts[i] : self._starts[i + 1] - 1]


class PinyinIndex:
    """Pinyin structures over ``records``' primary texts (same order); see the module."""

    def __init__(self, records: list[Record] | None = None, memo: dict | None = None) -> None:
        self.edges: bytes | None = None
        self._edge_memo: dict[int, bytes] = {}
        if records is not None:
            texts = [r.primary for r in records]
            self._build(texts)
            self.set_edges(word_edges(texts, {} if memo is None else memo))

    @classmethod
    def build(cls, texts: list[str]) -> PinyinIndex:
        """The structures of ``texts`` without word edges (see :meth:`set_edges`)."""
        py = cls()
        py._build(texts)
        return py

    def _build(self, texts: list[str]) -> None:
        joined = "\n".join(texts)
        self.blob = pinyin.to_initials(joined)
        self.alt_blob = pinyin.to_initials(joined, alternate=True)
        self.code_blob = pinyin.to_codes(joined)
        self.code_alt_blob = pinyin.to_codes(joined, alternate=True)
        starts = array("i", [0])
        pos = 0
        for t in texts:
            pos += len(t) + 1
            starts.append(pos)
        self.starts = starts
        self._split()
        self._build_postings()
        self.order = array("i", sorted(range(len(self.ini)), key=self.ini.__getitem__))
        differ = [i for i in range(len(self.ini)) if self.differs(i)]
        self.alt_order = array("i", sorted(differ, key=self.alt.__getitem__))

    def _split(self) -> None:
        #: each record's initials (most common / alternate readings), cut out when read
        self.ini = Lines(self.blob, self.starts)
        self.alt = Lines(self.alt_blob, self.starts)
        self.has_alt = self.alt_blob != self.blob

    def differs(self, i: int) -> bool:
        """Do the alternate initials of record ``i`` differ from its most common ones?"""
        a, b = self.starts[i], self.starts[i + 1]
        return self.alt_blob[a:b] != self.blob[a:b]

    def _build_postings(self) -> None:
        """Block postings: for each pair of adjacent initials and of adjacent reading codes, the
        blocks of :data:`BLOCK` records (in rank order) whose texts hold it. A block's pairs are
        one ``set()`` of a slice (C speed), so a build makes a few thousand sets, not a list
        entry per record and pair."""
        n = len(self.ini)
        starts = self.starts
        sources = [_pairs(self.blob), _pairs(self.code_blob)]
        if self.has_alt:
            sources += [_pairs(self.alt_blob), _pairs(self.code_alt_blob)]
        post: dict[str, list[int]] = {}
        for b in range(0, (n + BLOCK - 1) // BLOCK):
            s, e = starts[b * BLOCK], starts[min((b + 1) * BLOCK, n)]
            keys: set[str] = set()
            for src in sources:
                keys.update(src[s:e])
            for k in keys:
                lst = post.get(k)
                if lst is None:
                    post[k] = [b]
                else:
                    lst.append(b)
        self._post_keys = array("H", sorted(map(ord, post)))
        offsets = array("i", [0])
        data = array("H" if (n + BLOCK - 1) // BLOCK <= 0xFFFF else "i")
        for k in self._post_keys:
            data.extend(post[chr(k)])
            offsets.append(len(data))
        self._post_offsets, self._post_data = offsets, data
        self._index_postings()

    def _index_postings(self) -> None:
        view = memoryview(self._post_data)
        off = self._post_offsets
        self.postings = {chr(k): view[off[n] : off[n + 1]] for n, k in enumerate(self._post_keys)}

    def _blocks(self, text: str, codes: str = ""):
        """The blocks that may hold ``text`` (initials or codes, two characters or more), in
        order: those holding each of its pairs (and of the pairs of ``codes``, the reading
        codes of its leading syllables when typed in full); empty when a pair occurs
        nowhere."""
        keys = _pairs(text)[:-1] + (_pairs(codes)[:-1] if len(codes) > 1 else "")
        lists = [self.postings.get(k) for k in keys]
        if any(lst is None for lst in lists):
            return ()
        lists.sort(key=len)
        if len(lists) == 1 or len(lists[0]) < 64:
            return lists[0]
        # the blocks holding every pair (the three rarest): far fewer to search than the
        # blocks of the rarest pair alone, for the price of a few set operations
        return sorted(set(lists[0]).intersection(*lists[1:3]))

    def _block_hits(self, blob: str, needle: str, every: bool, skip=None, blocks=None):
        """``(record, offset)`` of ``needle`` in ``blob`` within the candidate ``blocks`` (by
        default those of :meth:`_blocks`)."""
        starts, n = self.starts, len(self.ini)
        for b in self._blocks(needle) if blocks is None else blocks:
            s, e = starts[b * BLOCK], starts[min((b + 1) * BLOCK, n)]
            pos = blob.find(needle, s, e)
            while pos != -1:
                i = bisect.bisect_right(starts, pos) - 1
                if skip is not None and skip(i):
                    pos = blob.find(needle, starts[i + 1], e)
                    continue
                yield i, pos - starts[i]
                pos = blob.find(needle, pos + 1 if every else starts[i + 1], e)

    # ------------------------------------------------------------------ word edges
    @property
    def has_edges(self) -> bool:
        return self.edges is not None

    def set_edges(self, edges: bytes) -> None:
        if len(self.starts) == 1:  # no records: nothing to align (an empty library)
            self.edges = bytes(edges)
            return
        if len(edges) != len(self.blob) + 1:
            raise ValueError("word edges not aligned with the texts")
        self.edges = edges
        self._edge_memo = {}

    def _record_edges(self, i: int, text: str) -> bytes:
        got = self._edge_memo.get(i)
        if got is None:
            got = word_edges([text], {})
            if len(self._edge_memo) > 20_000:
                self._edge_memo.clear()
            self._edge_memo[i] = got
        return got

    # ------------------------------------------------------------------ sections
    def sections(self) -> tuple[dict, dict[str, bytes]]:
        data = self._post_data
        code = data.format if isinstance(data, memoryview) else data.typecode
        meta = {"block": BLOCK, "post_code": code}
        data = {
            "py_blob": self.blob.encode("ascii"),
            "py_alt": self.alt_blob.encode("ascii"),
            "py_codes": self.code_blob.encode("latin-1"),
            "py_codes_alt": self.code_alt_blob.encode("latin-1"),
            "py_starts": self.starts.tobytes(),
            "py_post_keys": self._post_keys.tobytes(),
            "py_post_offsets": self._post_offsets.tobytes(),
            "py_post_data": self._post_data.tobytes(),
            "py_order": self.order.tobytes(),
            "py_alt_order": self.alt_order.tobytes(),
        }
        if self.edges is not None:
            data["py_edges"] = self.edges
        return meta, data

    @classmethod
    def from_sections(cls, meta: dict, data: dict[str, bytes]) -> PinyinIndex:
        py = cls()
        try:
            py.blob = data["py_blob"].decode("ascii")
            py.alt_blob = data["py_alt"].decode("ascii")
        except UnicodeDecodeError as exc:
            raise SidecarError("initials are not ASCII") from exc
        py.code_blob = data["py_codes"].decode("latin-1")
        py.code_alt_blob = data["py_codes_alt"].decode("latin-1")
        py.starts = _view("i", data["py_starts"])
        py._post_offsets = _view("i", data["py_post_offsets"])
        code = meta.get("post_code")
        if code not in ("H", "i"):
            raise SidecarError("postings of an unknown width")
        py._post_data = _view(code, data["py_post_data"])
        py.order = _view("i", data["py_order"])
        py.alt_order = _view("i", data["py_alt_order"])
        if meta.get("block") != BLOCK:
            raise SidecarError("postings of another block size")
        py._post_keys = _array("H", data["py_post_keys"])
        n = len(py.starts) - 1
        same = {len(py.blob), len(py.alt_blob), len(py.code_blob), len(py.code_alt_blob)}
        if (
            len(same) != 1
            or py.starts[-1] != len(py.blob) + 1
            or len(py._post_offsets) != len(py._post_keys) + 1
            or py._post_offsets[-1] != len(py._post_data)
            or len(py.order) != n
        ):
            raise SidecarError("pinyin sections do not fit together")
        py._split()
        if len(py.ini) != n:
            raise SidecarError("pinyin texts do not fit their offsets")
        py._index_postings()
        edges = data.get("py_edges")
        if edges is not None:
            if len(edges) != len(py.blob) + 1:
                raise SidecarError("word edges do not fit the texts")
            py.edges = edges
        return py

    # ------------------------------------------------------------------ lookups
    def prefixed(self, initials: str, cap: int, keep=None, alt: bool = False) -> list[int]:
        """Records whose initials (the alternate ones with ``alt``) start with ``initials``, in
        rank order, at most ``cap`` of them (after ``keep(i)`` when given)."""
        order, texts = (self.alt_order, self.alt) if alt else (self.order, self.ini)
        key = texts.__getitem__
        lo = bisect.bisect_left(order, initials, key=key)
        hi = bisect.bisect_left(order, initials + "\x7f", lo, key=key)
        idx = sorted(order[lo:hi])
        if keep is not None:
            idx = [i for i in idx if keep(i)]
        return idx[:cap]

    def _few(self, members, blocks) -> bool:
        """Does a filter keep so few records (``members``) that their own initials, cut out
        once, are searched faster than the candidate ``blocks`` of the postings (most of whose
        records the filter would reject one by one)? Not when the blocks are fewer still."""
        if members is None or members.estimate * 3 >= len(self.starts):
            return False
        return blocks is None or len(blocks) * BLOCK > members.estimate

    def candidates(self, initials: str, alt: bool = False, members=None, codes: str = ""):
        """Indices of the records whose initials (the most common reading, or with ``alt`` the
        alternate one where it differs) contain ``initials``, in rank order (among
        ``members``, the records a filter accepts, when given and few). ``codes``: the reading
        codes of the leading syllables typed in full (zhidao sx), which narrow the blocks."""
        if alt and not self.has_alt:
            return
        blob = self.alt_blob if alt else self.blob
        if len(initials) > 1:
            blocks = self._blocks(initials, codes)
            if self._few(members, blocks):
                hits = scan(blob, self.starts, initials, members, _never, first=0)
            else:
                hits = self._block_hits(blob, initials, every=False, blocks=blocks)
        elif self._few(members, None):
            hits = scan(blob, self.starts, initials, members, _never, first=0)
        else:
            hits = ((i, 0) for i in unique(self._hits(blob, initials)))
        for i, _off in hits:
            if not alt or self.differs(i):
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
        :func:`~eduwriter.library.search_index.scan` for ``members``)."""
        blob = self.code_alt_blob if alt else self.code_blob
        if len(codes) >= 2:
            blocks = self._blocks(codes)
            if not self._few(members, blocks):
                yield from self._block_hits(blob, codes, every=True, skip=skip, blocks=blocks)
                return
        # offsets in the code blob count from the record's first character (after its "\n")
        yield from scan(blob, self.starts, codes, members, skip, every=True, first=0)

    def whole(self, i: int, off: int, k: int, text: str | None = None) -> bool:
        """Does the match at ``off`` (``k`` characters) of record ``i``'s primary text start at a
        word boundary and end at one or inside a single word (the word being typed)? Without the
        index's word edges, the record's ``text`` is segmented on the spot."""
        if self.edges is None:
            if text is None:
                return True
            edges, a = self._record_edges(i, text), off
        else:
            edges, a = self.edges, self.starts[i] + off
        b = a + k
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


def _never(i: int) -> bool:
    return False


def word_edges(texts: list[str], memo: dict[str, bytes]) -> bytes:
    """Word edges of ``texts`` by the shared segmenter, aligned with ``"\\n".join(texts)`` plus
    one: byte ``j`` is 1 where a word starts or ends. Texts in ``memo`` are not segmented
    again."""
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
