"""Items as rows of the ``items`` table and as records of the search index."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable

from eduwriter.core.items import SourceRef
from eduwriter.library.items import Item
from eduwriter.library.search import Record

COLUMNS = (
    "id, kind, function, genre, title, text, data, tags, folder_id, parent_id, position, "
    "favorite, usage, origin, sources, quality, touched, history, created, modified"
)
#: The columns :func:`record` takes, in its order.
RECORD_COLUMNS = (
    "id, kind, function, genre, title, text, tags, folder_id, favorite, usage, origin, quality, "
    "json_extract(data, '$.flags')"
)


def data_json(data: dict) -> str:
    """The stored form of an item's ``data`` (compact JSON)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def sources_json(sources: Iterable[SourceRef]) -> str:
    """The stored form of an item's sources: ``[[file, document, [section, …]], …]`` (the
    libraries of schema 5 and before stored objects; :func:`sources_from_json` reads both)."""
    return json.dumps(
        [[s.file, s.document, list(s.section)] for s in sources],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def sources_from_json(text: str) -> list[SourceRef]:
    return [
        SourceRef.from_json(s) if isinstance(s, dict) else SourceRef(s[0], s[1], tuple(s[2]))
        for s in json.loads(text)
    ]


def clean_tags(tags: Iterable[str]) -> list[str]:
    out: list[str] = []
    for t in tags:
        t = str(t).strip()
        if t and t not in out:
            out.append(t)
    return out


def insert(
    conn: sqlite3.Connection,
    it: Item,
    touched: bool = False,
    replace: bool = False,
    history: list[str] | None = None,
) -> None:
    """Write one item (the caller holds the transaction)."""
    if history is None:
        history = list(it.data.pop("_history", [])) if "_history" in it.data else []
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    quality = float(it.data.get("score", 0.0) or 0.0) if isinstance(it.data, dict) else 0.0
    now = time.time()
    conn.execute(
        f"{verb} INTO items ({COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            it.id,
            it.kind,
            it.function or "",
            it.genre or "",
            it.title or "",
            it.text or "",
            data_json(it.data),
            json.dumps(it.tags, ensure_ascii=False),
            it.folder,
            it.parent,
            it.position,
            int(it.favorite),
            it.usage,
            it.origin,
            sources_json(it.sources),
            quality,
            int(touched),
            json.dumps(history),
            it.created or now,
            it.modified or now,
        ),
    )


def to_item(row: tuple) -> Item:
    """An :class:`Item` from a row of ``SELECT {COLUMNS}``."""
    (
        id_,
        kind,
        function,
        genre,
        title,
        text,
        data,
        tags,
        folder,
        parent,
        position,
        fav,
        usage,
        origin,
        sources,
        _quality,
        _touched,
        _history_json,
        created,
        modified,
    ) = row
    return Item(
        id=id_,
        kind=kind,
        function=function,
        genre=genre,
        title=title,
        text=text,
        tags=json.loads(tags),
        folder=folder,
        favorite=bool(fav),
        usage=usage,
        origin=origin,
        sources=sources_from_json(sources),
        data=json.loads(data),
        parent=parent,
        position=position,
        created=created,
        modified=modified,
    )


def record(
    id_, kind, function, genre, title, text, tags, folder, fav, usage, origin, quality, flags=None
) -> Record:
    """The search record of a row of ``SELECT {RECORD_COLUMNS}``."""
    if kind in ("phrasing", "snippet"):
        primary, secondary = text, title
    else:
        primary, secondary = title, text
    return Record.make(
        id_,
        kind,
        primary,
        secondary,
        function=function,
        genre=genre,
        tags=tuple(json.loads(tags)) if tags != "[]" else (),
        folder=folder,
        favorite=bool(fav),
        usage=usage,
        personal=origin == "personal",
        quality=quality,
        flags=tuple(json.loads(flags)) if flags and flags != "[]" else (),
    )
