"""The records of the search index as flat columns, and their sidecar file.

A library of 100,000 items held as 100,000 Python objects costs hundreds of megabytes and about
a second to unpickle. Here the records are kept in rank order as columns instead: the texts
concatenated into one string with an offset array, the ids joined, kind / function / genre as
small integer codes (``array``), folders, flags, usage and quality as arrays. A :class:`Record`
is made only for the records a query touches (:meth:`Columns.record`).

The columns and the pinyin structures (:mod:`eduwriter.library.pinyin_index`) are written to a
*sidecar* file beside the library: a fixed magic, a JSON header (format, the library's content
key, the sections' offsets, lengths and CRC-32 checksums) and raw sections (texts in UTF-16 or
Latin-1, arrays as machine words). Nothing in it can execute code; a file with another magic,
format, byte order or key, a wrong length or a bad checksum is refused (:class:`SidecarError`)
and the index is rebuilt.
"""

from __future__ import annotations

import bisect
import json
import os
import re
import struct
import sys
import tempfile
import zlib
from array import array
from pathlib import Path

from eduwriter.library.search_index import KIND_ORDER, LATIN, Filter, Record, bare

MAGIC = b"EWSIDX\x00\x01"
#: bump when the sections change shape
FORMAT = 8
_ID_SEP = "\x1e"
#: a run of printable ASCII with a letter (a query in letters can only match inside one)
_RUN = re.compile(r"[ -~]*[a-z][ -~]*")
_FLAG_PERSONAL, _FLAG_STALE, _FLAG_FAVORITE = 1, 2, 4


class SidecarError(ValueError):
    """A sidecar file that is not one this program wrote for this library (rebuild it)."""


class Columns:
    """The records of an index in rank order (``records`` need not be sorted)."""

    #: the names of its sections in a sidecar file
    SECTIONS = (
        "ids",
        "blob",
        "flags",
        "kind",
        "function",
        "genre",
        "folder",
        "usage",
        "quality",
        "starts",
        "plen",
        "order",
        "runs",
        "run_starts",
        "run_at",
    )

    def __init__(self) -> None:
        self.n = 0
        self.ids: list[str] = []
        self.names: dict[str, list[str]] = {"kind": [], "function": [], "genre": []}
        self.kind = array("H")
        self.function = array("H")
        self.genre = array("H")
        self.folder = array("i")
        self.flags = b""
        self.usage = array("i")
        self.quality = array("i")
        self.tags: dict[int, tuple[str, ...]] = {}
        #: "\n" + primary + "\x1f" + secondary per record, then a final "\n"
        self.blob = "\n"
        self.starts = array("i", [0])
        self.plen = array("i")
        #: record indices sorted by their primary text without closing punctuation
        self.order = array("i")
        #: the runs of printable ASCII holding a letter in the texts, joined by newlines: all a
        #: query in letters (ASCII) can match; ``run_starts`` their offsets there (and the end),
        #: ``run_at`` where each one is in ``blob``
        self.runs = ""
        self.run_starts = array("i", [0])
        self.run_at = array("i")

    @classmethod
    def build(cls, records: list[Record]) -> Columns:
        c = cls()
        recs = sorted(records, key=lambda r: r.rank)
        c.n = len(recs)
        c.ids = [r.id for r in recs]
        codes: dict[str, dict[str, int]] = {f: {} for f in c.names}
        for fld in c.names:
            table = codes[fld]
            col = array("H", (table.setdefault(getattr(r, fld), len(table)) for r in recs))
            setattr(c, fld, col)
            c.names[fld] = list(table)
        c.folder = array("i", (-1 if r.folder is None else r.folder for r in recs))
        c.flags = bytes(
            (_FLAG_PERSONAL if r.rank and r.rank[0] == 0 else 0)
            | (_FLAG_STALE if r.stale else 0)
            | (_FLAG_FAVORITE if r.favorite else 0)
            for r in recs
        )
        c.usage = array("i", (r.usage for r in recs))
        c.quality = array("i", (round(-r.rank[4] * 1000) if r.rank else 0 for r in recs))
        c.tags = {i: r.tags for i, r in enumerate(recs) if r.tags}
        pieces = ["\n" + r.primary + "\x1f" + r.secondary for r in recs]
        c.blob = "".join(pieces) + "\n"
        starts = array("i", [0])
        pos = 0
        for p in pieces:
            pos += len(p)
            starts.append(pos)
        c.starts = starts
        c.plen = array("i", (len(r.primary) for r in recs))
        keys = [bare(r.primary) for r in recs]
        c.order = array("i", sorted(range(c.n), key=keys.__getitem__))
        blob, pieces, at = c.blob, [], c.run_at
        m = LATIN.search(blob)
        while m is not None:  # the records with a letter; then their runs with a letter
            i = bisect.bisect_right(starts, m.start()) - 1
            for run in _RUN.finditer(blob, starts[i], starts[i + 1]):
                pieces.append(run.group())
                at.append(run.start())
            m = LATIN.search(blob, starts[i + 1])
        c._set_runs(pieces)
        return c

    def _set_runs(self, pieces: list[str]) -> None:
        self.runs = "\n".join(pieces)
        pos, run_starts = 0, self.run_starts
        for piece in pieces:
            pos += len(piece) + 1
            run_starts.append(pos)

    def ascii_hits(self, needle: str, skip=None):
        """``(record index, offset in its text)`` of each record whose text holds ``needle`` (in
        ASCII, with a letter) in record order, the first offset of each: found in the ASCII
        runs, a few per cent of the texts. Records for which ``skip(i)`` is true are passed
        over."""
        runs, run_starts, run_at, starts = self.runs, self.run_starts, self.run_at, self.starts
        p = runs.find(needle)
        while p != -1:
            k = bisect.bisect_right(run_starts, p) - 1
            at = run_at[k] + p - run_starts[k]
            i = bisect.bisect_right(starts, at) - 1
            if skip is None or not skip(i):
                yield i, at - starts[i] - 1
            k = bisect.bisect_left(run_at, starts[i + 1])  # on with the next record's runs
            if k >= len(run_at):
                return
            p = runs.find(needle, run_starts[k])

    # ------------------------------------------------------------------ reading
    def primary(self, i: int) -> str:
        a = self.starts[i] + 1
        return self.blob[a : a + self.plen[i]]

    def record(self, i: int) -> Record:
        a = self.starts[i] + 1
        b = a + self.plen[i]
        primary = self.blob[a:b]
        kind = self.names["kind"][self.kind[i]]
        function = self.names["function"][self.function[i]]
        flags = self.flags[i]
        quality = self.quality[i] / 1000
        rank = (
            0 if flags & _FLAG_PERSONAL else 1,
            1 if flags & _FLAG_STALE else 0,
            KIND_ORDER.get(kind, 9),
            0 if function == "合并结构" else 1,
            -quality if quality else 0.0,
            len(primary),
            self.ids[i],
        )
        folder = self.folder[i]
        return Record(
            self.ids[i],
            kind,
            function,
            self.names["genre"][self.genre[i]],
            self.tags.get(i, ()),
            None if folder < 0 else folder,
            primary,
            self.blob[b + 1 : self.starts[i + 1]],
            rank,
            bool(flags & _FLAG_FAVORITE),
            self.usage[i],
            bool(flags & _FLAG_STALE),
        )

    def accepter(self, flt: Filter):
        """``accepts(i)``: does ``flt`` accept record ``i``? (reads the code columns)"""
        tests = []
        for fld in ("kind", "function", "genre"):
            value = getattr(flt, fld)
            if value is not None:
                names = self.names[fld]
                code = names.index(value) if value in names else -1
                col = getattr(self, fld)
                tests.append(lambda i, col=col, code=code: col[i] == code)
        if flt.tag is not None:
            tags, tag = self.tags, flt.tag
            tests.append(lambda i: tag in tags.get(i, ()))
        if flt.folders is not None:
            folders, fcol = flt.folders, self.folder
            tests.append(lambda i: fcol[i] in folders)
        if len(tests) == 1:
            return tests[0]
        return lambda i: all(t(i) for t in tests)

    def select(self, flt: Filter) -> array:
        """Indices of the records ``flt`` accepts, in rank order (column by column)."""
        idx: list[int] | range = range(self.n)
        for fld in ("kind", "function", "genre"):
            value = getattr(flt, fld)
            if value is None:
                continue
            try:
                code = self.names[fld].index(value)
            except ValueError:
                return array("i")
            col = getattr(self, fld)
            idx = [i for i in idx if col[i] == code]
        if flt.tag is not None:
            tags = self.tags
            idx = [i for i in idx if flt.tag in tags.get(i, ())]
        if flt.folders is not None:
            folders, col = flt.folders, self.folder
            idx = [i for i in idx if col[i] in folders]
        return array("i", idx)

    def count(self, fld: str, value) -> int:  # noqa: ANN001 - a name, a tag or a folder id
        """Records whose ``fld`` (kind, function, genre, tag or folder) is ``value`` (C speed
        for the code columns: a filter's first query does not count everything)."""
        if fld == "tag":
            return sum(1 for ts in self.tags.values() if value in ts)
        if fld == "folder":
            return self.folder.count(-1 if value is None else value)
        names = self.names[fld]
        return getattr(self, fld).count(names.index(value)) if value in names else 0

    def counts(self) -> dict[str, dict]:
        """Records per kind, function, genre, tag and folder."""
        out: dict[str, dict] = {}
        for fld in ("kind", "function", "genre"):
            names, col = self.names[fld], getattr(self, fld)
            out[fld] = {names[k]: col.count(k) for k in range(len(names))}
        tags: dict[str, int] = {}
        for ts in self.tags.values():
            for t in ts:
                tags[t] = tags.get(t, 0) + 1
        out["tag"] = tags
        folders: dict = {}
        for f in self.folder:
            folders[None if f < 0 else f] = folders.get(None if f < 0 else f, 0) + 1
        out["folder"] = folders
        return out

    # ------------------------------------------------------------------ sections
    def sections(self) -> tuple[dict, dict[str, bytes]]:
        if any(_ID_SEP in i for i in self.ids):
            raise SidecarError("an id holds the separator")
        meta = {
            "n": self.n,
            "names": self.names,
            "tags": [[i, list(t)] for i, t in self.tags.items()],
        }
        data = {
            "ids": _ID_SEP.join(self.ids).encode("utf-8"),
            "blob": self.blob.encode("utf-16-le", "surrogatepass"),
            "flags": self.flags,
        }
        for name in ("kind", "function", "genre", "folder", "usage", "quality"):
            data[name] = getattr(self, name).tobytes()
        for name in ("starts", "plen", "order", "run_starts", "run_at"):
            data[name] = getattr(self, name).tobytes()
        data["runs"] = self.runs.encode("ascii")
        return meta, data

    @classmethod
    def from_sections(cls, meta: dict, data: dict[str, bytes]) -> Columns:
        c = cls()
        n = c.n = int(meta["n"])
        c.names = {f: [str(v) for v in meta["names"][f]] for f in ("kind", "function", "genre")}
        c.tags = {int(i): tuple(str(t) for t in ts) for i, ts in meta["tags"]}
        c.ids = data["ids"].decode("utf-8").split(_ID_SEP) if n else []
        c.blob = data["blob"].decode("utf-16-le", "surrogatepass")
        c.flags = data["flags"]
        for name, code in (("kind", "H"), ("function", "H"), ("genre", "H")):
            setattr(c, name, _array(code, data[name]))
        for name in ("folder", "usage", "quality", "starts", "plen", "order"):
            setattr(c, name, _array("i", data[name]))
        try:
            c.runs = data["runs"].decode("ascii")
        except UnicodeDecodeError as exc:
            raise SidecarError("ASCII runs are not ASCII") from exc
        c.run_starts, c.run_at = _view("i", data["run_starts"]), _view("i", data["run_at"])
        if len(c.run_starts) != len(c.run_at) + 1 or c.run_starts[-1] != (
            len(c.runs) + 1 if len(c.run_at) else 0
        ):
            raise SidecarError("ASCII runs do not fit their offsets")
        sizes = [len(c.ids), len(c.flags), len(c.kind), len(c.function), len(c.genre)]
        sizes += [len(c.folder), len(c.usage), len(c.quality), len(c.plen), len(c.order)]
        if set(sizes) != {n} or len(c.starts) != n + 1 or c.starts[-1] != len(c.blob) - 1:
            raise SidecarError("columns of different lengths")
        for fld in ("kind", "function", "genre"):
            col = getattr(c, fld)
            if n and max(col) >= len(c.names[fld]):
                raise SidecarError(f"unknown {fld} code")
        return c


def _view(code: str, raw: bytes) -> memoryview:
    """The machine words of ``raw`` read in place (no copy: a read-only array-like view)."""
    if len(raw) % struct.calcsize(code):
        raise SidecarError("section of a wrong size")
    return memoryview(raw).cast(code)


def _array(code: str, raw: bytes) -> array:
    out = array(code)
    if len(raw) % out.itemsize:
        raise SidecarError("section of a wrong size")
    out.frombytes(raw)
    return out


# ---------------------------------------------------------------------- the file
_HEAD = struct.Struct("<8sBQ")  # magic, byte order (1 = little), header length


def write(path: Path, header: dict, data: dict[str, bytes]) -> None:
    """Write the sidecar atomically (temporary file + rename)."""
    table = []
    offset = 0
    for name, raw in data.items():
        table.append([name, offset, len(raw), zlib.crc32(raw)])
        offset += len(raw)
    head = dict(header, format=FORMAT, sections=table)
    head_raw = json.dumps(head, ensure_ascii=False).encode("utf-8")
    order = 1 if sys.byteorder == "little" else 2
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_HEAD.pack(MAGIC, order, len(head_raw)))
            fh.write(head_raw)
            for raw in data.values():
                fh.write(raw)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def read_header(fh) -> tuple[dict, int]:
    """The header of an open sidecar and where its sections start; :class:`SidecarError` for
    a foreign or damaged file."""
    raw = fh.read(_HEAD.size)
    if len(raw) != _HEAD.size:
        raise SidecarError("too short")
    magic, order, size = _HEAD.unpack(raw)
    if magic != MAGIC:
        raise SidecarError("not a search index")
    if order != (1 if sys.byteorder == "little" else 2):
        raise SidecarError("written on a machine of another byte order")
    if size > 1 << 30:
        raise SidecarError("header too large")
    try:
        head = json.loads(fh.read(size).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise SidecarError(f"damaged header ({exc})") from exc
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        raise SidecarError("another format")
    return head, _HEAD.size + size


def read_sections(fh, head: dict, base: int, names=None, unchecked=frozenset()) -> dict[str, bytes]:
    """The sections ``names`` (all by default), each checked against its length and CRC-32
    (but for the CRC of those in ``unchecked``: see :func:`damaged_sections`)."""
    out: dict[str, bytes] = {}
    try:
        table = [(str(n), int(o), int(k), int(c)) for n, o, k, c in head["sections"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise SidecarError("damaged section table") from exc
    for name, offset, length, crc in table:
        if names is not None and name not in names:
            continue
        fh.seek(base + offset)
        raw = fh.read(length)
        if len(raw) != length or (name not in unchecked and zlib.crc32(raw) != crc):
            raise SidecarError(f"section {name} damaged")
        out[name] = raw
    return out


def damaged_sections(fh, head: dict, base: int, names) -> list[str]:
    """The sections among ``names`` whose CRC-32 does not match (read again from ``fh``; the
    reads and checksums release the GIL: meant for a background thread)."""
    bad = []
    for name, offset, length, crc in head["sections"]:
        if name in names:
            fh.seek(base + int(offset))
            raw = fh.read(int(length))
            if len(raw) != int(length) or zlib.crc32(raw) != int(crc):
                bad.append(str(name))
    return bad


class Records:
    """``id → Record`` over the columns an index was built from, plus the changes since (kept as
    records; the columns are never changed). A record is made when it is read."""

    def __init__(self, cols: Columns) -> None:
        self.cols = cols
        self._pos: dict[str, int] | None = None
        self.changed: dict[str, Record] = {}
        self.removed: set[str] = set()

    def _where(self, item_id: str) -> int | None:
        if self._pos is None:
            self._pos = {x: i for i, x in enumerate(self.cols.ids)}
        return self._pos.get(item_id)

    def get(self, item_id: str, default: Record | None = None) -> Record | None:
        got = self.changed.get(item_id)
        if got is not None:
            return got
        if item_id in self.removed:
            return default
        i = self._where(item_id)
        return default if i is None else self.cols.record(i)

    def __getitem__(self, item_id: str) -> Record:
        got = self.get(item_id)
        if got is None:
            raise KeyError(item_id)
        return got

    def __contains__(self, item_id: object) -> bool:
        return isinstance(item_id, str) and self.get(item_id) is not None

    def __setitem__(self, item_id: str, record: Record) -> None:
        self.changed[item_id] = record
        self.removed.discard(item_id)

    def pop(self, item_id: str, default: Record | None = None) -> Record | None:
        got = self.get(item_id)
        self.changed.pop(item_id, None)
        if self._where(item_id) is not None:
            self.removed.add(item_id)
        return default if got is None else got

    def __len__(self) -> int:
        base = self.cols.n - len(self.removed)
        return base + sum(1 for x in self.changed if self._where(x) is None)

    def values(self):
        """Every record (the unchanged ones made one by one)."""
        skip = self.changed.keys() | self.removed
        record = self.cols.record
        for i, item_id in enumerate(self.cols.ids):
            if item_id not in skip:
                yield record(i)
        yield from self.changed.values()

    def primaries(self):
        """The primary text of every record."""
        skip = self.changed.keys() | self.removed
        primary = self.cols.primary
        for i, item_id in enumerate(self.cols.ids):
            if item_id not in skip:
                yield primary(i)
        for r in self.changed.values():
            yield r.primary
