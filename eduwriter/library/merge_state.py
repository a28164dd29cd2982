"""The library's merge state: what an import needs to re-merge only what the changed files touch.

The phrasings of a library are groups of candidates with the same normalised text (a *key*),
joined into clusters of near-duplicate keys, each cluster merged into one phrasing
(:func:`eduwriter.core.extract.merge_candidates`). Re-merging every stored candidate on each
import grew with the library; this module keeps, in the library database:

* ``cands``: every file's phrasing candidates with their key and global position (files in
  ``origin, name`` order, candidates in extraction order: the order ``merge_candidates`` sees);
* ``ckeys``: per key its first position, its cluster and the id of the cluster's phrasing;
* ``sketch``: the bottom-k shingle sketch buckets of each key (``near_duplicate_groups``);
* ``skels``: every document skeleton, by id and form (文种);
* ``phr``: the heading phrasings that carry a family pattern (input of the heading families);
* ``merge_dirty``: keys, skeleton ids and forms changed since the last assembly (kept across a
  crash or cancel: the next import finishes them).

An import then re-clusters only the keys the changed files contribute to (with the keys they
are or were near-duplicates of), re-merges those clusters, the document skeletons with a changed
id, and the merged skeletons of the forms touched. The result is the same as merging everything
again (``near_duplicate_groups`` is reproduced exactly, including its rule for very common
shingles); a test compares the two after imports and removals.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import Indel

from eduwriter.core import extract
from eduwriter.core.genre_outlines import form_of
from eduwriter.core.items import Phrasing, SourceRef
from eduwriter.core.scoring import EDIT_SIMILARITY, _shingles, near_duplicate_groups
from eduwriter.library import extractions, merge_parts

#: ``near_duplicate_groups`` defaults, as ``merge_candidates`` calls it.
THRESHOLD, SKETCH, MAX_BUCKET = 0.65, 6, 300
#: Above this share of dirty keys, everything is merged again in memory (a first build).
BULK_SHARE = 0.3


def pos_of(origin: str, name: str, seq: int) -> str:
    """A candidate's global position as a sortable string (origin, file name, sequence)."""
    return f"{origin}\x1f{name}\x1f{seq:07d}"


def _clause(key: str) -> int:
    return int(key.endswith("#"))


def _bare(key: str) -> str:
    return key.rstrip("#")


def _buckets(key: str) -> list[int]:
    return [h * 2 + _clause(key) for h in sorted(_shingles(_bare(key)))[:SKETCH]]


# --------------------------------------------------------------------------------------------
# Saving and forgetting one file's results


#: A candidate's row id: its file's id (``cfiles``) shifted left by this, plus its number.
_SEQ_BITS = 20
_SEQ_MASK = (1 << _SEQ_BITS) - 1


def forget_file(conn: sqlite3.Connection, name: str) -> None:
    """Remove a file's candidates and skeletons, marking what they were part of as dirty."""
    row = conn.execute("SELECT id FROM cfiles WHERE name=?", (name,)).fetchone()
    if row is not None:
        span = (row[0] << _SEQ_BITS, (row[0] << _SEQ_BITS) + _SEQ_MASK)
        conn.execute(
            "INSERT OR IGNORE INTO merge_dirty(what, name) "
            "SELECT DISTINCT 'key', key FROM cands WHERE id BETWEEN ? AND ?",
            span,
        )
        conn.execute("DELETE FROM cands WHERE id BETWEEN ? AND ?", span)
    conn.execute(
        "INSERT OR IGNORE INTO merge_dirty(what, name) "
        "SELECT DISTINCT 'skel', id FROM skels WHERE file=? UNION "
        "SELECT DISTINCT 'form', form FROM skels WHERE file=?",
        (name, name),
    )
    conn.execute("DELETE FROM cfiles WHERE name=?", (name,))
    conn.execute("DELETE FROM skels WHERE file=?", (name,))


def save_file(
    conn: sqlite3.Connection, name: str, origin: str, exts: Sequence[extract.DocumentExtraction]
) -> None:
    """Replace the stored candidates and skeletons of one file (dirty marks for both)."""
    forget_file(conn, name)
    rows, first, sources = [], {}, {}
    seq = 0
    for ext in exts:
        for c in ext.candidates:
            first.setdefault(c.source, seq)
            data = extractions.candidate_json(c)
            data[4] = sources.setdefault(c.source, len(sources))  # the file's sources, once
            rows.append((seq, extract.group_key(c), merge_parts.dump([*data, first[c.source]])))
            seq += 1
    if seq > _SEQ_MASK:
        raise ValueError(f"too many phrasing candidates in one file: {seq}")
    refs = [[s.file, s.document, list(s.section)] for s in sources]
    fid = conn.execute(
        "INSERT INTO cfiles(name, origin, sources) VALUES (?,?,?)",
        (name, origin, merge_parts.dump(refs)),
    ).lastrowid
    conn.executemany(
        "INSERT INTO cands(id, key, data) VALUES (?,?,?)",
        [((fid << _SEQ_BITS) + q, k, d) for q, k, d in rows],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO merge_dirty(what, name) VALUES ('key', ?)",
        [(k,) for k in {r[1] for r in rows}],
    )
    skel_rows = []
    for i, ext in enumerate(exts):
        sk = ext.skeleton
        if sk is None:
            continue
        form = sk.form or form_of(sk.title, sk.genre)
        data = extractions.skeleton_json(sk)
        # what merging a form reads: the top-level parts (merge_skeletons uses no others)
        slim = {**data, "parts": [p for p in data["parts"] if p[0] == 1]}
        skel_rows.append(
            (
                name,
                i,
                sk.id,
                form,
                pos_of(origin, name, i),
                merge_parts.dump(data),
                merge_parts.dump(slim),
            )
        )
    conn.executemany(
        "INSERT INTO skels(file, seq, id, form, pos, data, slim) VALUES (?,?,?,?,?,?,?)",
        skel_rows,
    )
    conn.executemany(
        "INSERT OR IGNORE INTO merge_dirty(what, name) VALUES (?, ?)",
        [("skel", r[2]) for r in skel_rows] + [("form", r[3]) for r in skel_rows],
    )


# --------------------------------------------------------------------------------------------
# The result of an assembly


def assemble(conn: sqlite3.Connection, force: bool = False) -> merge_parts.Changes:
    """Bring the merged phrasings, families and skeletons up to date with the stored candidates
    and skeletons (``force``: all of them, from scratch) and clear the dirty marks."""
    changes = merge_parts.Changes()
    dirty: dict[str, set[str]] = defaultdict(set)
    for what, name in conn.execute("SELECT what, name FROM merge_dirty"):
        dirty[what].add(name)
    total = conn.execute("SELECT COUNT(*) FROM ckeys").fetchone()[0]
    if force or not total or len(dirty["key"]) > BULK_SHARE * total:
        _bulk_phrasings(conn, changes)
        dirty["skel"] = {r[0] for r in conn.execute("SELECT DISTINCT id FROM skels")}
        dirty["skel"] |= {r[0] for r in conn.execute("SELECT id FROM skel_ids")}
        dirty["form"] = {r[0] for r in conn.execute("SELECT DISTINCT form FROM skels")}
        dirty["form"] |= set(json.loads(merge_parts.meta(conn, "merged_forms", "{}")))
    elif dirty["key"]:
        _update_phrasings(conn, dirty["key"], changes)
    merge_parts.families(conn, changes)
    merge_parts.doc_skeletons(conn, dirty["skel"], changes)
    merge_parts.merged_skeletons(conn, dirty["form"], changes)
    conn.execute("DELETE FROM merge_dirty")
    return changes


# --------------------------------------------------------------------------------------------
# Phrasings


def _merge(members: list[extract.Candidate]) -> Phrasing | None:
    phrasing = extract.merge_group(members)
    return phrasing if phrasing is not None and phrasing.score >= extract.MIN_SCORE else None


class _Files:
    """Origin and sources of the files candidates come from (read once per file)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.name: dict[int, str] = {}
        self.origin: dict[str, str] = {}
        for fid, name, origin in conn.execute("SELECT id, name, origin FROM cfiles"):
            self.name[fid] = name
            self.origin[name] = origin
        self.sources: dict[str, list] = {}  # stored lists; a SourceRef made when first used
        self.refs: dict[tuple[str, int], SourceRef] = {}

    def split(self, cid: int) -> tuple[str, int]:
        """``(file name, number)`` of a candidate's row id."""
        return self.name[cid >> _SEQ_BITS], cid & _SEQ_MASK

    def pos(self, file: str, seq: int) -> str:
        return pos_of(self.origin[file], file, seq)

    def load(self, files: Iterable[str]) -> None:
        wanted = {f for f in files if f not in self.sources}
        for name, refs in merge_parts.many(
            self.conn, "SELECT name, sources FROM cfiles WHERE name IN ({marks})", wanted
        ):
            self.sources[name] = json.loads(refs)

    def row(self, file: str, seq: int, data: str) -> tuple[str, list, SourceRef]:
        """``(position, stored list, source)`` of one stored candidate."""
        d = json.loads(data)
        ref = self.refs.get((file, d[4]))
        if ref is None:
            f, doc, sec = self.sources[file][d[4]]
            ref = self.refs[(file, d[4])] = SourceRef(f, doc, tuple(sec))
        return self.pos(file, seq), d, ref


def _candidate(row: tuple[str, list, SourceRef]) -> extract.Candidate:
    _pos, d, src = row
    cand = extractions.candidate_from_json([*d[:4], None, *d[5:11]])
    cand.source = src
    return cand


def _bulk_phrasings(conn: sqlite3.Connection, changes: merge_parts.Changes) -> None:
    """Every key clustered and merged again, in memory (as ``merge_candidates`` does)."""
    old = {r[0] for r in conn.execute("SELECT phrasing FROM ckeys WHERE phrasing != ''")}
    files = _Files(conn)
    files.load(files.origin)
    # kept as stored (JSON text) and read one cluster at a time: a large library's candidates
    # parsed all at once took hundreds of megabytes
    rows = []
    for cid, k, d in conn.execute("SELECT id, key, data FROM cands"):
        f, q = files.split(cid)
        rows.append((files.origin[f], f, q, k, d))
    rows.sort(key=lambda r: r[:3])
    groups: dict[str, list[tuple[str, int, str]]] = {}
    firsts: dict[str, str] = {}
    for _origin, file, seq, key, data in rows:
        if key not in groups:
            groups[key] = []
            firsts[key] = files.pos(file, seq)
        groups[key].append((file, seq, data))
    del rows
    conn.execute("DELETE FROM ckeys")
    conn.execute("DELETE FROM sketch")
    conn.execute("DELETE FROM phr")
    ckeys, sketch = [], []
    for clause in (0, 1):
        keys = [k for k in groups if _clause(k) == clause]
        roots = near_duplicate_groups(
            [_bare(k) for k in keys], threshold=THRESHOLD, sketch=SKETCH, max_bucket=MAX_BUCKET
        )
        clusters: dict[int, list[str]] = defaultdict(list)
        for key, root in zip(keys, roots, strict=True):
            clusters[root].append(key)
        for root, members in clusters.items():
            rows = [files.row(*r) for k in members for r in groups[k]]
            phrasing = _merge([_candidate(r) for r in rows])
            pid = phrasing.id if phrasing else ""
            if phrasing is not None:
                changes.phrasings.append(phrasing)
                _save_phr(conn, phrasing, rows)
            for key in members:
                ckeys.append((key, firsts[key], keys[root], pid))
                sketch.extend((b, key) for b in _buckets(key))
    conn.executemany("INSERT INTO ckeys(key, pos, cluster, phrasing) VALUES (?,?,?,?)", ckeys)
    conn.executemany("INSERT OR IGNORE INTO sketch(bucket, key) VALUES (?,?)", sketch)
    changes.scope |= old | {p.id for p in changes.phrasings}
    changes.full = True


def _save_phr(conn: sqlite3.Connection, p: Phrasing, members: list[tuple]) -> None:
    """Remember a heading phrasing with a family pattern: what the families are made of."""
    if not p.family:
        return
    first: dict[SourceRef, str] = {}
    for pos, d, src in members:  # the position of each source's first candidate in its file
        first.setdefault(src, f"{pos.rsplit(chr(0x1F), 1)[0]}\x1f{d[-1]:07d}")
    data = {
        "text": p.text,
        "tags": p.tags,
        "score": p.score,
        "genre": p.genre,
        "domain": p.domain,
        "function": p.function,
        "sources": [[s.file, s.document, list(s.section), first.get(s, "")] for s in p.sources],
    }
    conn.execute(
        "INSERT OR REPLACE INTO phr(id, family, data) VALUES (?,?,?)",
        (p.id, p.family, merge_parts.dump(data)),
    )


class _Buckets:
    """Bucket members (as stored now) with their bare key, length and first position."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.cache: dict[int, list[str]] = {}
        self.pos: dict[str, str] = {}
        self.shingles: dict[str, set[int]] = {}

    def members(self, bucket: int) -> list[str]:
        found = self.cache.get(bucket)
        if found is None:
            rows = self.conn.execute(
                "SELECT s.key, k.pos FROM sketch s JOIN ckeys k ON k.key = s.key WHERE s.bucket=?",
                (bucket,),
            ).fetchall()
            for key, pos in rows:
                self.pos[key] = pos
            found = [k for k, _p in sorted(rows, key=lambda r: r[1])]  # index order
            if len(found) > MAX_BUCKET:  # neighbours by length (stable: ties in index order)
                found = sorted(found, key=lambda k: len(_bare(k)))
            self.cache[bucket] = found
        return found

    def similar(self, a: str, b: str) -> bool:
        ka, kb = _bare(a), _bare(b)
        la, lb = len(ka), len(kb)
        if min(la, lb) < 0.75 * max(la, lb):
            return False
        sa, sb = self.sets(ka), self.sets(kb)
        inter = len(sa & sb)
        return (
            inter / (len(sa) + len(sb) - inter) >= THRESHOLD
            or Indel.normalized_similarity(ka, kb) >= EDIT_SIMILARITY
        )

    def sets(self, bare: str) -> set[int]:
        found = self.shingles.get(bare)
        if found is None:
            found = self.shingles[bare] = _shingles(bare)
        return found

    def neighbours(self, key: str, bucket: int) -> list[str]:
        members = self.members(bucket)
        if len(members) <= MAX_BUCKET:
            return [m for m in members if m != key]
        i = members.index(key)
        return members[max(0, i - 3) : i] + members[i + 1 : i + 4]


def _update_phrasings(
    conn: sqlite3.Connection, dirty: set[str], changes: merge_parts.Changes
) -> None:
    """Re-cluster the dirty keys with every key they are or were near-duplicates of, and merge
    the clusters found again."""
    old = {
        k: (pos, cluster, pid)
        for k, pos, cluster, pid in merge_parts.many(
            conn, "SELECT key, pos, cluster, phrasing FROM ckeys WHERE key IN ({marks})", dirty
        )
    }
    files = _Files(conn)
    new_pos: dict[str, str] = {}
    for key, first in merge_parts.many(
        conn,
        "SELECT key, MIN(id) FROM cands WHERE key IN ({marks}) GROUP BY key, id >> "
        + str(_SEQ_BITS),
        dirty,
    ):
        pos = files.pos(*files.split(first))
        if key not in new_pos or pos < new_pos[key]:
            new_pos[key] = pos
    moved = {k for k in dirty if old.get(k, (None,))[0] != new_pos.get(k)}
    before = _Buckets(conn)
    moved_buckets = {b for k in moved for b in _buckets(k)}
    for b in moved_buckets:  # read before the moved keys change them
        before.members(b)
    touched: set[str] = set(dirty)
    # the stored state becomes the new one for the moved keys
    gone = [k for k in moved if k not in new_pos]
    for start in range(0, len(gone), 500):
        chunk = gone[start : start + 500]
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM ckeys WHERE key IN ({marks})", chunk)
    conn.executemany(
        "DELETE FROM sketch WHERE bucket=? AND key=?", [(b, k) for k in gone for b in _buckets(k)]
    )
    for key in moved - set(gone):
        if key in old:
            conn.execute("UPDATE ckeys SET pos=? WHERE key=?", (new_pos[key], key))
        else:
            conn.execute(
                "INSERT INTO ckeys(key, pos, cluster, phrasing) VALUES (?,?,?,'')",
                (key, new_pos[key], key),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO sketch(bucket, key) VALUES (?,?)",
                [(b, key) for b in _buckets(key)],
            )
    after = _Buckets(conn)
    for b in moved_buckets:
        # large buckets link neighbours by length: the windows the moved keys leave or enter
        # change; a bucket crossing the size limit changes all its links
        old_m, new_m = before.members(b), after.members(b)
        if max(len(old_m), len(new_m)) <= MAX_BUCKET:
            continue
        if min(len(old_m), len(new_m)) <= MAX_BUCKET:
            touched.update(old_m, new_m)
            continue
        for members in (old_m, new_m):
            where = {k: i for i, k in enumerate(members)}
            for key in moved:
                if key in where:
                    i = where[key]
                    touched.update(members[max(0, i - 3) : i + 4])
    # the old clusters of every touched key, closed over new edges
    old_clusters: set[str] = set()
    nodes: set[str] = set()
    queue: list[str] = []

    def take_clusters(keys: Iterable[str]) -> None:
        wanted = {k for k in keys if k not in nodes}
        if not wanted:
            return
        rows = merge_parts.many(
            conn, "SELECT key, cluster, phrasing FROM ckeys WHERE key IN ({marks})", wanted
        )
        clusters = {c for _k, c, _p in rows} - old_clusters
        old_clusters.update(clusters)
        extra = merge_parts.many(
            conn, "SELECT key, phrasing FROM ckeys WHERE cluster IN ({marks})", clusters
        )
        for key, pid in [*((k, p) for k, _c, p in rows), *extra]:
            if pid:
                changes.scope.add(pid)
            if key not in nodes:
                nodes.add(key)
                queue.append(key)

    for key in touched:  # a vanished key: its old cluster is re-made without it
        if key in old and old[key][2]:
            changes.scope.add(old[key][2])
        if key in old and key not in new_pos:
            take_clusters(
                k for (k,) in conn.execute("SELECT key FROM ckeys WHERE cluster=?", (old[key][1],))
            )
    take_clusters(k for k in touched if k in new_pos or k not in old)
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    while queue:
        key = queue.pop()
        find(key)
        found: set[str] = set()
        for b in _buckets(key):
            for other in after.neighbours(key, b):
                if other not in found and after.similar(key, other):
                    found.add(other)
        take_clusters(found)
        for other in found:
            ra, rb = find(key), find(other)
            if ra != rb:
                parent[ra] = rb
    components: dict[str, list[str]] = defaultdict(list)
    for key in nodes:
        components[find(key)].append(key)
    pos = dict(merge_parts.many(conn, "SELECT key, pos FROM ckeys WHERE key IN ({marks})", nodes))
    cand_rows: dict[str, list[tuple[str, list, SourceRef]]] = defaultdict(list)
    found = [
        (key, *files.split(cid), data)
        for key, cid, data in merge_parts.many(
            conn, "SELECT key, id, data FROM cands WHERE key IN ({marks})", nodes
        )
    ]
    files.load({r[1] for r in found})
    for key, file, seq, data in found:
        cand_rows[key].append(files.row(file, seq, data))
    merge_parts.many(conn, "DELETE FROM phr WHERE id IN ({marks})", sorted(changes.scope))
    updates = []
    for members in components.values():
        members.sort(key=lambda k: pos[k])
        rows = [r for k in members for r in sorted(cand_rows[k], key=lambda r: r[0])]
        phrasing = _merge([_candidate(r) for r in rows])
        pid = phrasing.id if phrasing else ""
        if phrasing is not None:
            changes.phrasings.append(phrasing)
            changes.scope.add(pid)
            _save_phr(conn, phrasing, rows)
        updates.extend((members[0], pid, k) for k in members)
    conn.executemany("UPDATE ckeys SET cluster=?, phrasing=? WHERE key=?", updates)
