"""Writing items in the PostgreSQL backend: one item, edits, retiring, marks, derived items.

:class:`PgWrites` is the part of :class:`~eduwriter.library.team.pg_store.PgStore` that writes
the server's ``items`` and ``marks``; it relies on the store's ``_query``, ``_many``,
``transaction``, ``get``, ``history`` and ``folder_id``/``folder_path``.  Rows are upserted in
batches (``executemany`` in one transaction), never deleted: an item that goes is retired.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any

from eduwriter.library.errors import LibraryError
from eduwriter.library.item_edits import edit_item
from eduwriter.library.items import Item
from eduwriter.library.team.server_schema import SCHEMA

S = SCHEMA
_COLS = (
    "id, kind, function, genre, title, text, data, tags, folder, parent_id, position, origin,"
    " sources, quality, history, created, modified, unit"
)
_UPDATE = ", ".join(
    f"{c} = EXCLUDED.{c}" for c in _COLS.replace(" ", "").split(",") if c not in ("id",)
)
#: an existing live row is overwritten only when ``replace``; a retired one is always revived
UPSERT = (
    f"INSERT INTO {S}.items ({_COLS}, deleted, tombstone)"
    f" VALUES ({', '.join(['%s'] * 18)}, false, false)"
    f" ON CONFLICT (id) DO UPDATE SET {_UPDATE}, deleted = false, tombstone = false"
    f" WHERE {S}.items.deleted OR %s"
)
_DERIVED = "origin IN ('builtin', 'imported')"


def _json(value: Any) -> Any:
    """``value`` as it comes back from a jsonb column (for comparing)."""
    return json.loads(json.dumps(value, ensure_ascii=False))


class PgWrites:
    """Item writes of the PostgreSQL backend (mixed into ``PgStore``)."""

    _query: Callable[..., list[tuple]]
    _many: Callable[[str, Sequence[Sequence]], None]
    transaction: Callable[[], AbstractContextManager[Any]]
    get: Callable[[str], Item | None]
    history: Callable[[str], list[str]]
    folder_id: Callable[..., int]
    folder_path: Callable[[int], str]
    unit: str | None

    def _row(self, it: Item, history: list[str] | None, replace: bool) -> tuple:
        if history is None:
            history = list(it.data.pop("_history", [])) if "_history" in it.data else []
        quality = float(it.data.get("score", 0.0) or 0.0) if isinstance(it.data, dict) else 0.0
        now = time.time()
        return (
            it.id,
            it.kind,
            it.function or "",
            it.genre or "",
            it.title or "",
            it.text or "",
            json.dumps(it.data, ensure_ascii=False),
            json.dumps(it.tags, ensure_ascii=False),
            self.folder_path(it.folder) if it.folder is not None else None,
            it.parent,
            it.position,
            it.origin,
            json.dumps([s.to_json() for s in it.sources], ensure_ascii=False),
            quality,
            json.dumps(history),
            it.created or now,
            it.modified or now,
            self.unit,
            replace,
        )

    def _marks(self, items: Iterable[Item]) -> None:
        marks = [(it.id, it.favorite, it.usage) for it in items if it.favorite or it.usage]
        if marks:
            self._many(
                f"INSERT INTO {S}.marks (item_id, favorite, usage) VALUES (%s, %s, %s)"
                " ON CONFLICT (member, item_id) DO UPDATE SET favorite = EXCLUDED.favorite,"
                " usage = EXCLUDED.usage",
                marks,
            )

    def insert_item(
        self,
        item: Item,
        *,
        replace: bool = False,
        history: list[str] | None = None,
        touched: bool = True,
    ) -> None:
        """Write ``item`` as given (``replace``: an existing id is overwritten)."""
        with self.transaction():
            done = self._query(UPSERT + " RETURNING id", self._row(item, history, replace))
            if not done:
                raise LibraryError(f"条目已存在：{item.id}", f"The item exists: {item.id}")
            self._marks([item])

    def update_item(
        self,
        item_id: str,
        text: str | None = None,
        title: str | None = None,
        tags: Iterable[str] | None = None,
        folder: int | str | None = None,
        *,
        clear_folder: bool = False,
        function: str | None = None,
    ) -> Item:
        """Change an item. Editing the text or title of a derived item makes it personal."""
        return edit_item(
            self,
            item_id,
            text,
            title,
            tags,
            folder,
            clear_folder=clear_folder,
            function=function,
        )

    def delete_item(self, item_id: str) -> None:
        """Retire one item (and, for a document or section, its sections): every writer's next
        sync drops it; a derived one stays deleted when the library is rebuilt."""
        with self.transaction():
            todo = [item_id]
            while todo:
                cur = todo.pop()
                todo.extend(
                    r[0]
                    for r in self._query(
                        f"SELECT id FROM {S}.items WHERE parent_id = %s AND NOT deleted", (cur,)
                    )
                )
                self._query(
                    f"UPDATE {S}.items SET deleted = true, tombstone = (origin <> 'personal')"
                    " WHERE id = %s AND NOT deleted",
                    (cur,),
                )

    def set_favorite(self, item_id: str, favorite: bool = True) -> None:
        self._query(
            f"INSERT INTO {S}.marks (item_id, favorite) SELECT id, %s FROM {S}.items"
            " WHERE id = %s AND NOT deleted"
            " ON CONFLICT (member, item_id) DO UPDATE SET favorite = EXCLUDED.favorite",
            (bool(favorite), item_id),
        )

    def record_use(self, item_id: str) -> int:
        found = self._query(
            f"INSERT INTO {S}.marks (item_id, usage) SELECT id, 1 FROM {S}.items"
            " WHERE id = %s AND NOT deleted"
            f" ON CONFLICT (member, item_id) DO UPDATE SET usage = {S}.marks.usage + 1"
            " RETURNING usage",
            (item_id,),
        )
        return int(found[0][0]) if found else 0

    # ------------------------------------------------------------ derived items
    def replace_derived(self, items: list[Item]) -> int:
        return self.update_derived(items, None)

    def update_derived(
        self, items: list[Item], files: Iterable[str] | None, extracted: bool = True
    ) -> int:
        """Make the derived rows in scope equal ``items`` (see
        :func:`eduwriter.library.derived_rows.write`): new and changed rows are upserted in
        one batch, rows no longer derived are retired; personal and deleted ids are kept out.
        Returns the number of ids that were not there before."""
        cond, params = "", []
        if files is not None:
            parts = ["kind IN ('phrasing', 'skeleton')"] if extracted else []
            parts.append("(kind IN ('document', 'section') AND data->>'file' = ANY(%s))")
            params = [sorted(set(files))]
            cond = f" AND ({' OR '.join(parts)})"
        with self.transaction():
            before = {
                r[0]: r[1:]
                for r in self._query(
                    "SELECT id, function, genre, title, text, data, tags, parent_id, position,"
                    f" origin, sources, folder, created FROM {S}.items"
                    f" WHERE NOT deleted AND {_DERIVED}{cond}",
                    params,
                )
            }
            blocked = {
                r[0]
                for r in self._query(
                    f"SELECT id FROM {S}.items WHERE (origin = 'personal' AND NOT deleted)"
                    " OR tombstone"
                )
            }
            now, added, seen, write = time.time(), 0, set(), []
            for it in items:
                if it.id in blocked or it.id in seen:
                    continue
                seen.add(it.id)
                old = before.get(it.id)
                if old is None:
                    added += 1
                    it.created, it.modified = it.created or now, now
                    write.append(it)
                    continue
                content = (it.function or "", it.genre or "", it.title or "", it.text or "")
                content += (_json(it.data), _json(it.tags), it.parent, it.position, it.origin)
                content += (_json([s.to_json() for s in it.sources]),)
                if content == tuple(old[:10]):
                    continue
                it.created, it.modified = old[11], now
                it.folder = self.folder_id(old[10]) if old[10] else None
                write.append(it)
            if write:
                self._many(UPSERT, [self._row(it, None, True) for it in write])
            gone = [i for i in before if i not in seen]
            if gone:
                self._query(f"UPDATE {S}.items SET deleted = true WHERE id = ANY(%s)", (gone,))
        return added
