"""The shared library as a read-only layer under the writer's own library.

:class:`SharedLayer` turns the local copy (:class:`~.cache.TeamCache`) into library items of
origin ``shared`` (ids prefixed ``unit:``, so they never meet a personal id) and into search
records (ranked below the writer's own items).  The store shows them in search and the tree
beside its own items (``LibraryStore.attach_shared``) but never writes them: a writer who wants
to change a shared item gets a personal copy (:func:`personal_copy`) that keeps where it came
from — server, item id and version — in its data.

A missing or damaged copy gives an empty layer; the personal library works as before.

收藏 on a shared item is the writer's own: the ids of the starred shared items are kept in the
writer's personal library (its meta value :data:`FAVORITES_KEY`), never on the server, so they
survive every sync and restart; a layer built with :func:`favorites_of` shows them starred, and
:func:`prune_favorites` forgets those whose item the server retired.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from collections.abc import Iterable
from pathlib import Path

from eduwriter.core.items import SourceRef
from eduwriter.library.errors import LibraryError
from eduwriter.library.items import Item
from eduwriter.library.search_index import Record

PREFIX = "unit:"
ORIGIN = "shared"
#: key of ``Item.data`` that says where a shared item, or a personal copy of one, came from
ORIGIN_KEY = "shared_origin"
#: meta key of the personal library: the ids (``unit:…``) of the shared items the writer starred
FAVORITES_KEY = "shared_favorites"


class SharedLayer:
    """The shared items of one local copy, held in memory (read-only).  Rows read from the
    copy become :class:`Item` objects only when asked for (a 100k-item layer is searched
    through its records; the tree and the preview build the few items they show)."""

    def __init__(
        self,
        items: Iterable[Item] = (),
        server: str = "",
        synced: float = 0.0,
        favorites: Iterable[str] = (),
        rows: Iterable[dict] = (),
    ) -> None:
        self._items = {it.id: it for it in items}
        self._rows = {PREFIX + str(r["id"]): r for r in rows}
        self._fav = {i for i in favorites if i in self._items or i in self._rows}
        self._fav |= {i for i, it in self._items.items() if it.favorite}
        for item_id in self._fav & self._items.keys():
            self._items[item_id].favorite = True
        #: the server the copy came from (a URL without password), shown in previews
        self.server = server
        #: when the copy was last brought up to date (epoch seconds; 0: never)
        self.synced = synced

    @classmethod
    def from_cache(cls, cache, server: str = "", favorites: Iterable[str] = ()) -> SharedLayer:
        """Read every item of a :class:`~.cache.TeamCache` (an empty layer if it is damaged);
        ``favorites``: the ids the writer starred (:func:`favorites_of`)."""
        try:
            rows = list(cache.items())
            synced = cache.last_sync
        except (sqlite3.Error, ValueError):
            return cls(server=server)
        return cls((), server, synced, favorites, rows)

    @classmethod
    def open(
        cls, path: str | os.PathLike, server: str = "", favorites: Iterable[str] = ()
    ) -> SharedLayer:
        """The layer of the copy at ``path``; empty when there is none (never creates one)."""
        from eduwriter.library.team.cache import TeamCache

        if not Path(path).is_file():
            return cls(server=server)
        cache = TeamCache.open(path)
        try:
            return cls.from_cache(cache, server, favorites)
        finally:
            cache.close()

    def __len__(self) -> int:
        return len(self._items) + len(self._rows)

    def ids(self) -> set[str]:
        return set(self._items) | set(self._rows)

    def get(self, item_id: str) -> Item | None:
        found = self._items.get(item_id)
        if found is None and item_id in self._rows:
            found = shared_item(self._rows.pop(item_id), self.server)
            found.favorite = item_id in self._fav
            self._items[item_id] = found
        return found

    def items(self, kind: str | None = None) -> list[Item]:
        for item_id in list(self._rows):
            self.get(item_id)
        return [it for it in self._items.values() if kind is None or it.kind == kind]

    def favorites(self) -> list[Item]:
        """The shared items the writer starred."""
        return [it for i in sorted(self._fav) if (it := self.get(i)) is not None]

    def set_favorite(self, store, item_id: str, favorite: bool = True) -> None:
        """Star (or unstar) a shared item: kept in ``store`` (the writer's personal library,
        one transaction), shown at once by this layer."""
        ids = set(favorites_of(store))
        ids = ids | {item_id} if favorite else ids - {item_id}
        store.set_meta(FAVORITES_KEY, json.dumps(sorted(ids), ensure_ascii=False))
        if favorite and (item_id in self._items or item_id in self._rows):
            self._fav.add(item_id)
        else:
            self._fav.discard(item_id)
        if item_id in self._items:
            self._items[item_id].favorite = bool(favorite)

    def records(self) -> list[Record]:
        """Search records of every shared item (not personal: they rank below the writer's)."""
        out = [
            _record(
                it.id,
                it.kind,
                it.title,
                it.text,
                it.function,
                it.genre,
                it.tags,
                it.data,
                it.favorite,
            )
            for it in self._items.values()
        ]
        out.extend(
            _record(
                item_id,
                r["kind"],
                r.get("title") or "",
                r.get("text") or "",
                r.get("function") or "",
                r.get("genre") or "",
                r.get("tags") or [],
                r.get("data") or {},
                item_id in self._fav,
            )  # fmt: skip
            for item_id, r in self._rows.items()
        )
        return out


def _record(
    item_id: str,
    kind: str,
    title: str,
    text: str,
    function: str,
    genre: str,
    tags: list[str],
    data: dict,
    favorite: bool,
) -> Record:
    if kind in ("phrasing", "snippet"):
        primary, secondary = text, title
    else:
        primary, secondary = title or text, text
    flags = data.get("flags") if isinstance(data.get("flags"), list) else ()
    return Record.make(
        item_id,
        kind,
        primary,
        secondary,
        function=function,
        genre=genre,
        tags=tuple(tags),
        favorite=favorite,
        quality=float(data.get("score", 0.0) or 0.0),
        flags=tuple(flags),
    )


def shared_item(row: dict, server: str = "") -> Item:
    """A library item for one row of the local copy (``TeamCache.items()``)."""
    data = dict(row.get("data") or {})
    data[ORIGIN_KEY] = {
        "server": server,
        "id": row["id"],
        "version": row["version"],
        "updated_by": row.get("updated_by", ""),
        "folder": row.get("folder") or "",
        "unit": row.get("unit") or "",
    }
    sources = []
    for s in row.get("sources") or []:
        try:
            sources.append(SourceRef.from_json(s))
        except (TypeError, KeyError, ValueError):
            continue
    return Item(
        id=PREFIX + str(row["id"]),
        kind=row["kind"],
        function=row.get("function") or "",
        genre=row.get("genre") or "",
        title=row.get("title") or "",
        text=row.get("text") or "",
        tags=list(row.get("tags") or []),
        origin=ORIGIN,
        sources=sources,
        data=data,
    )


def favorites_of(store) -> list[str]:
    """The ids of the shared items the writer starred, as kept in the personal library."""
    try:
        ids = json.loads(store.meta(FAVORITES_KEY, "[]"))
    except ValueError:
        return []
    return [str(i) for i in ids] if isinstance(ids, list) else []


def prune_favorites(store, layer: SharedLayer) -> int:
    """Forget the stars of shared items that are no longer in ``layer`` (retired on the server,
    or no longer shown to this writer); call it after a sync that reached the server.
    Returns how many were forgotten."""
    ids = favorites_of(store)
    keep = [i for i in ids if layer.get(i) is not None]
    if len(keep) != len(ids):
        store.set_meta(FAVORITES_KEY, json.dumps(keep, ensure_ascii=False))
    return len(ids) - len(keep)


def is_shared(item_id: str) -> bool:
    return str(item_id).startswith(PREFIX)


def origin_of(item: Item) -> dict | None:
    """Where a shared item or a personal copy of one came from (server, id, version…)."""
    got = item.data.get(ORIGIN_KEY) if isinstance(item.data, dict) else None
    return got if isinstance(got, dict) else None


def personal_copy(
    store,
    item: Item,
    text: str | None = None,
    title: str | None = None,
    tags: Iterable[str] | None = None,
    folder: int | str | None = None,
) -> Item:
    """Copy on write: a personal snippet made from a shared ``item`` (with the writer's changes),
    keeping its origin in ``data``.  The shared item itself is not touched."""
    origin = dict(origin_of(item) or {})
    now = time.time()
    data = {k: v for k, v in item.data.items() if k not in (ORIGIN_KEY, "parts")}
    data[ORIGIN_KEY] = origin
    copy = Item(
        id="snip-" + uuid.uuid4().hex[:16],
        kind="snippet",
        function=item.function,
        genre=item.genre,
        title=item.title if title is None else title,
        text=item.text if text is None else text,
        tags=list(item.tags if tags is None else tags),
        folder=store.folder_id(folder, create=True) if folder is not None else None,
        origin="personal",
        sources=list(item.sources),
        data=data,
        created=now,
        modified=now,
    )
    if not copy.text.strip():
        raise LibraryError("片段内容不能为空。", "A snippet cannot be empty.")
    with store.transaction():
        store.insert_item(copy)
    return copy
