"""Heading families and skeletons of the merge state (see :mod:`eduwriter.library.merge_state`),
and what an assembly hands back (:class:`Changes`).

The families are made again from the stored heading phrasings that carry a family pattern (few);
the document skeletons whose id a changed file has, and the merged skeleton of each form (文种) a
changed file belongs to, are made again from the stored skeletons of that id or form.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from eduwriter.core import extract
from eduwriter.core.genre_outlines import OUTLINE_ONLY_FORMS
from eduwriter.core.items import HeadingFamily, Phrasing, Skeleton, SourceRef
from eduwriter.core.skeletons import merge_skeletons, outline_skeleton
from eduwriter.library import extractions


def dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class Changes:
    """What an assembly changed: the extracted items to write (phrasings, families, skeletons)
    and every id whose stored row they replace or delete; ``family_ids``: phrasing ids whose
    ``family_id`` changed without the phrasing being merged again (``{id: family id or ""}``)."""

    def __init__(self) -> None:
        self.phrasings: list[Phrasing] = []
        self.families: list[HeadingFamily] = []
        self.skeletons: list[Skeleton] = []
        self.scope: set[str] = set()
        self.family_of: dict[str, str] = {}
        self.family_ids: dict[str, str] = {}
        #: every phrasing merged again: the caller replaces all extracted rows
        self.full = False


def many(conn: sqlite3.Connection, sql: str, values: Sequence, extra: Sequence = ()) -> list:
    """``sql`` with ``{marks}`` run over chunks of ``values``."""
    out: list = []
    values = list(values)
    for start in range(0, len(values), 500):
        chunk = values[start : start + 500]
        out.extend(conn.execute(sql.format(marks=",".join("?" * len(chunk))), [*extra, *chunk]))
    return out


def meta(conn: sqlite3.Connection, key: str, default: str) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return row[0] if row else default


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?,?)", (key, value))


# --------------------------------------------------------------------------------------------
# Heading families


def families(conn: sqlite3.Connection, changes: Changes) -> None:
    """All heading families again, from the stored family phrasings (few), with the
    ``family_id`` of their members."""
    phrasings: list[Phrasing] = []
    order_of: dict[SourceRef, str] = {}
    for pid, family, data in conn.execute("SELECT id, family, data FROM phr"):
        d = json.loads(data)
        sources = []
        for f, doc, sec, first in d["sources"]:
            src = SourceRef(f, doc, tuple(sec))
            sources.append(src)
            if first and (src not in order_of or first < order_of[src]):
                order_of[src] = first
        phrasings.append(
            Phrasing(
                id=pid,
                text=d["text"],
                function=d["function"],
                tags=d["tags"],
                sources=sources,
                score=d["score"],
                family=family,
                genre=d["genre"],
                domain=d["domain"],
            )
        )
    rank = {f: i for i, f in enumerate(extract.FUNCTIONS)}
    phrasings.sort(key=lambda p: (rank.get(p.function, 99), -p.score, p.id))
    order = {s: n for n, s in enumerate(sorted(order_of, key=lambda s: order_of[s]))}
    families = extract.heading_family_items(phrasings, order)
    family_of = {m: f.id for f in families for m in f.members}
    old_of = dict(conn.execute("SELECT id, family_id FROM phr_family"))
    conn.execute("DELETE FROM phr_family")
    conn.executemany("INSERT INTO phr_family(id, family_id) VALUES (?,?)", family_of.items())
    merged = {p.id for p in changes.phrasings}
    for pid in set(old_of) | set(family_of):
        if pid not in merged and old_of.get(pid) != family_of.get(pid):
            changes.family_ids[pid] = family_of.get(pid, "")
    changes.family_of = family_of
    old_ids = {r[0] for r in conn.execute("SELECT id FROM fam_ids")}
    conn.execute("DELETE FROM fam_ids")
    conn.executemany("INSERT INTO fam_ids(id) VALUES (?)", [(f.id,) for f in families])
    changes.families = families
    changes.scope |= old_ids | {f.id for f in families}


# --------------------------------------------------------------------------------------------
# Skeletons


def _skeletons_where(
    conn: sqlite3.Connection, column: str, values: Iterable[str], data: str = "data"
) -> list:
    rows = many(
        conn,
        f"SELECT pos, {data} FROM skels WHERE {column} IN ({{marks}})",
        sorted(set(values)),
    )
    return [extractions.skeleton_from_json(json.loads(d)) for _p, d in sorted(rows)]


def _dedup(skeletons: list[Skeleton]) -> list[Skeleton]:
    """Equal skeletons of several documents are one, with all their sources (first kept)."""
    out: dict[str, Skeleton] = {}
    for sk in skeletons:
        if sk.id in out:
            for src in sk.sources:
                if src not in out[sk.id].sources:
                    out[sk.id].sources.append(src)
        else:
            out[sk.id] = sk
    return list(out.values())


def doc_skeletons(conn: sqlite3.Connection, ids: set[str], changes: Changes) -> None:
    if not ids:
        return
    found = _dedup(_skeletons_where(conn, "id", ids))
    changes.skeletons.extend(found)
    changes.scope |= ids
    many(conn, "DELETE FROM skel_ids WHERE id IN ({marks})", sorted(ids))
    conn.executemany("INSERT INTO skel_ids(id) VALUES (?)", [(s.id,) for s in found])


def merged_skeletons(conn: sqlite3.Connection, forms: set[str], changes: Changes) -> None:
    """The merged skeleton of each touched form, and the outlines of the forms no sample has."""
    if not forms:
        return
    made: dict[str, str] = json.loads(meta(conn, "merged_forms", "{}"))
    outlines: list[str] = json.loads(meta(conn, "outline_ids", "[]"))
    for form in sorted(forms):
        if form in made:
            changes.scope.add(made.pop(form))
        docs = _dedup(_skeletons_where(conn, "form", [form], data="slim"))
        merged = merge_skeletons(docs) if docs else []
        if merged and merged[0].form == form and merged[0].sources:
            made[form] = merged[0].id
            changes.skeletons.append(merged[0])
            changes.scope.add(merged[0].id)
    changes.scope |= set(outlines)
    new_outlines = []
    if made:
        for form in OUTLINE_ONLY_FORMS:
            if form not in made:
                sk = outline_skeleton(form)
                changes.skeletons.append(sk)
                new_outlines.append(sk.id)
    changes.scope |= set(new_outlines)
    set_meta(conn, "merged_forms", dump(made))
    set_meta(conn, "outline_ids", dump(new_outlines))
