"""Writing the derived items (built-in and imported) as a difference to what is stored.

An import changes a few files of a large library: most phrasings, skeletons and every other
file's documents come out exactly as they are stored. :func:`write` compares the new items with
the stored rows and writes only what changed: new ids are inserted, changed rows replaced
(keeping the writer's favourite, usage count, folder and tags), rows no longer derived deleted.
Items the writer made personal (edited) or deleted are never brought back.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable

from eduwriter.library import rows
from eduwriter.library.items import Item

_DERIVED = "origin IN ('builtin','imported')"
_CONTENT = "function, genre, title, text, data, tags, parent_id, position, origin, sources"


def _content(it: Item) -> tuple:
    """The stored form of what derivation decides (the order of :data:`_CONTENT`)."""
    return (
        it.function or "",
        it.genre or "",
        it.title or "",
        it.text or "",
        rows.data_json(it.data),
        json.dumps(it.tags, ensure_ascii=False),
        it.parent,
        it.position,
        it.origin,
        rows.sources_json(it.sources),
    )


def _scope(files: Iterable[str] | None, extracted: bool) -> tuple[str, list]:
    """SQL condition of the derived rows that ``items`` replaces."""
    if files is None:
        return _DERIVED, []
    names = sorted(set(files))
    parts = ["kind IN ('phrasing','skeleton')"] if extracted else []
    if names:
        marks = ",".join("?" * len(names))
        parts.append(
            f"(kind IN ('document','section') AND json_extract(data, '$.file') IN ({marks}))"
        )
    if not parts:
        return "0", []
    return f"{_DERIVED} AND ({' OR '.join(parts)})", names


def write(
    conn: sqlite3.Connection, items: list[Item], files: Iterable[str] | None, extracted: bool = True
) -> tuple[int, set[str]]:
    """Make the derived rows in scope (all of them when ``files`` is None; else the documents
    and sections of ``files``, and with ``extracted`` the phrasings and skeletons) equal
    ``items``. Returns the number of
    ids that were not there before and the set of ids written or deleted."""
    cond, params = _scope(files, extracted)
    before = {
        row[0]: row[1:]
        for row in conn.execute(
            f"SELECT id, favorite, usage, folder_id, tags, touched, created, {_CONTENT} "
            f"FROM items WHERE {cond}",
            params,
        )
    }
    return _apply(conn, items, before)


def write_ids(
    conn: sqlite3.Connection, items: list[Item], ids: Iterable[str]
) -> tuple[int, set[str]]:
    """Like :func:`write` for the derived rows with these ``ids`` (and those of ``items``)."""
    scope = sorted(set(ids) | {it.id for it in items})
    before: dict[str, tuple] = {}
    for start in range(0, len(scope), 500):
        chunk = scope[start : start + 500]
        for row in conn.execute(
            f"SELECT id, favorite, usage, folder_id, tags, touched, created, {_CONTENT} "
            f"FROM items WHERE {_DERIVED} AND id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            before[row[0]] = row[1:]
    return _apply(conn, items, before)


def set_family_ids(conn: sqlite3.Connection, family_of: dict[str, str]) -> set[str]:
    """Set (or, for "", remove) ``data["family_id"]`` of derived phrasing rows in place, as
    writing them again would. Returns the ids changed."""
    changed: set[str] = set()
    for item_id, family in family_of.items():
        row = conn.execute(
            f"SELECT data FROM items WHERE id=? AND {_DERIVED}", (item_id,)
        ).fetchone()
        if row is None:
            continue
        data = json.loads(row[0])
        if family:
            data["family_id"] = family
        else:
            data.pop("family_id", None)
        new = rows.data_json(data)
        if new != row[0]:
            conn.execute(
                "UPDATE items SET data=?, modified=? WHERE id=?", (new, time.time(), item_id)
            )
            changed.add(item_id)
    return changed


def _apply(
    conn: sqlite3.Connection, items: list[Item], before: dict[str, tuple]
) -> tuple[int, set[str]]:
    now = time.time()
    blocked = {r[0] for r in conn.execute("SELECT id FROM items WHERE origin='personal'")}
    blocked |= {r[0] for r in conn.execute("SELECT id FROM deleted")}
    added = 0
    changed: set[str] = set()
    seen: set[str] = set()
    for it in items:
        if it.id in blocked or it.id in seen:
            continue
        seen.add(it.id)
        old = before.get(it.id)
        if old is None:
            added += 1
            it.created = it.created or now
            it.modified = now
            # a row of another file's scope with the same id (a file moved): replaced
            rows.insert(conn, it, replace=True)
            changed.add(it.id)
            continue
        fav, usage, folder, tags, touched, created = old[:6]
        content = _content(it)
        if touched:  # the writer's tags stay; they are not the derivation's to compare
            content = content[:5] + (tags,) + content[6:]
            it.folder, it.tags = folder, json.loads(tags)
        if content == old[6:]:
            continue
        it.favorite, it.usage, it.created, it.modified = bool(fav), usage, created, now
        rows.insert(conn, it, touched=bool(touched), replace=True)
        changed.add(it.id)
    gone = [i for i in before if i not in seen]
    for start in range(0, len(gone), 500):
        chunk = gone[start : start + 500]
        conn.execute(f"DELETE FROM items WHERE id IN ({','.join('?' * len(chunk))})", chunk)
    changed.update(gone)
    return added, changed


def tags_of(conn: sqlite3.Connection, cond: str, params: list, ids: Iterable[str]) -> set[str]:
    """The tags of the rows matching ``cond`` and of the rows with these ids."""
    found = {
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT value FROM items, json_each(items.tags) WHERE {cond}", params
        )
    }
    ids = list(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT value FROM items, json_each(items.tags) "
                f"WHERE items.id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
        )
    return found


def settle_tags(conn: sqlite3.Connection, added: set[str], maybe_gone: set[str]) -> None:
    """Bring the tags table up to date after a write that added rows with the tags ``added``
    and replaced or deleted rows that had ``maybe_gone``: without reading every row, as
    rebuilding the table after each imported file did (a build of N files read N² rows)."""
    conn.executemany("INSERT OR IGNORE INTO tags(name) VALUES (?)", [(t,) for t in added])
    for tag in maybe_gone - added:
        conn.execute(
            "DELETE FROM tags WHERE name = ? AND NOT EXISTS "
            "(SELECT 1 FROM items, json_each(items.tags) WHERE json_each.value = ?)",
            (tag, tag),
        )
