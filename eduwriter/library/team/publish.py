"""An editor publishes items to the shared library, each with a version check.

Every item carries the server version the editor last saw (from the local copy).  Publishing
updates a row only if the server still has that version: when two editors edit the same item,
the first one's publish wins and the second one is told (:class:`Conflict`) — nothing is
overwritten and the second editor's text stays in their own library.  Unchanged items are
skipped; an item the editor retires is marked ``deleted`` so every writer's next sync drops it.
The server, not this code, decides who may write (roles, GRANTs, row-level security).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from eduwriter.library.team.connection import TeamPermissionError
from eduwriter.library.team.server_schema import SCHEMA

_CONTENT = (
    "kind",
    "function",
    "genre",
    "title",
    "text",
    "tags",
    "folder",
    "sources",
    "data",
    "unit",
)


@dataclass(slots=True)
class SharedItem:
    """What is published: the writer-visible content of one item."""

    id: str
    kind: str
    text: str
    function: str = ""
    genre: str = ""
    title: str = ""
    tags: list[str] = field(default_factory=list)
    folder: str | None = None
    sources: list[dict] = field(default_factory=list)
    data: dict = field(default_factory=dict)
    unit: str | None = None
    deleted: bool = False
    #: the server version the editor's text was based on (a personal copy's origin), if known
    base_version: int | None = None

    @classmethod
    def from_item_json(cls, item: dict, folder: str | None = None, unit: str | None = None):
        """From a library item's ``to_json()``; personal snippets are published as snippets."""
        kind = item.get("kind", "snippet")
        if kind not in ("skeleton", "phrasing", "snippet"):
            raise ValueError(f"只能发布骨架、常用语句和素材，不能发布 {kind}")
        return cls(
            id=str(item["id"]),
            kind=kind,
            text=str(item.get("text", "")),
            function=str(item.get("function", "")),
            genre=str(item.get("genre", "")),
            title=str(item.get("title", "")),
            tags=list(item.get("tags", [])),
            folder=folder,
            sources=list(item.get("sources", [])),
            data=dict(item.get("data", {})),
            unit=unit,
        )

    def values(self) -> tuple:
        return (
            self.kind,
            self.function,
            self.genre,
            self.title,
            self.text,
            json.dumps(self.tags, ensure_ascii=False),
            self.folder,
            json.dumps(self.sources, ensure_ascii=False),
            json.dumps(self.data, ensure_ascii=False),
            self.unit,
        )


@dataclass(slots=True)
class Conflict:
    """An item another editor changed since this editor's copy (or that already exists)."""

    id: str
    text: str
    server_version: int
    updated_by: str

    def message(self) -> str:
        return (
            f"「{self.text[:24]}」已被 {self.updated_by} 改过（服务器上是第 {self.server_version} 版），"
            f"没有覆盖；请先同步，再决定保留哪一版。\n"
            f"'{self.text[:24]}' was changed by {self.updated_by} (version {self.server_version} on "
            f"the server); not overwritten — sync first, then choose."
        )


@dataclass(slots=True)
class PublishResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    conflicts: list[Conflict] = field(default_factory=list)


def publish_units(conn) -> list[str | None]:
    """The units (schools) this login may publish to, as the server's row-level security lets
    it write: the units it is a member of, or — a login of no unit — the whole bureau (None)."""
    found = conn.execute(
        f"SELECT unit FROM {SCHEMA}.unit_members WHERE member = session_user ORDER BY unit"
    ).fetchall()
    return [r[0] for r in found] or [None]


def items_to_publish(store, folder: int | str | None = None, unit: str | None = None):
    """The editor's own items (我的素材, or one folder of it) as :class:`SharedItem`; a personal
    copy of a shared item is published under the shared item's id (it edits that item)."""
    out = []
    for it in store.items(origin="personal", folder=folder):
        if it.kind not in ("skeleton", "phrasing", "snippet"):
            continue
        item = it.to_json()
        origin = item["data"].get("shared_origin") if isinstance(item["data"], dict) else None
        base = None
        if isinstance(origin, dict) and origin.get("id"):
            item["id"] = origin["id"]
            item["data"] = {k: v for k, v in item["data"].items() if k != "shared_origin"}
            base = origin.get("version")
        path = store.folder_path(it.folder) if it.folder is not None else None
        shared = SharedItem.from_item_json(item, folder=path, unit=unit)
        shared.base_version = int(base) if base else None
        out.append(shared)
    return out


def publish(
    conn,
    items: Iterable[SharedItem],
    base_versions: dict[str, int] | None = None,
    folders: Iterable[str] = (),
    unit: str | None = None,
) -> PublishResult:
    """Publish ``items`` in one transaction.  ``base_versions`` maps an item id to the server
    version the editor's copy holds (missing: the editor believes the item is new); new
    ``folders`` are made the ``unit``'s (None: the whole bureau's)."""
    import psycopg

    base = base_versions or {}
    result = PublishResult()
    cols = ", ".join(_CONTENT)
    marks = ", ".join(["%s"] * len(_CONTENT))
    sets = ", ".join(f"{c} = %s" for c in _CONTENT)
    try:
        with conn.transaction():
            for path in sorted(set(folders)):
                conn.execute(
                    f"INSERT INTO {SCHEMA}.folders (path, unit) VALUES (%s, %s)"
                    " ON CONFLICT (path) DO UPDATE SET deleted = false"
                    f" WHERE {SCHEMA}.folders.deleted",
                    (path, unit),
                )
            for item in items:
                row = conn.execute(
                    f"SELECT {cols}, deleted, version, updated_by FROM {SCHEMA}.items WHERE id = %s",
                    (item.id,),
                ).fetchone()
                if row is None:
                    if item.deleted:
                        continue
                    conn.execute(
                        f"INSERT INTO {SCHEMA}.items (id, {cols}) VALUES (%s, {marks})",
                        (item.id, *item.values()),
                    )
                    result.added += 1
                    continue
                *content, deleted, version, updated_by = row
                if _same(content, item) and bool(deleted) == item.deleted:
                    result.unchanged += 1
                    continue
                expected = base.get(item.id)
                if expected is None or expected != version:
                    result.conflicts.append(Conflict(item.id, item.text, version, updated_by))
                    continue
                cur = conn.execute(
                    f"UPDATE {SCHEMA}.items SET {sets}, deleted = %s WHERE id = %s AND version = %s",
                    (*item.values(), item.deleted, item.id, version),
                )
                if cur.rowcount != 1:  # changed between our read and our write
                    result.conflicts.append(Conflict(item.id, item.text, version + 1, "?"))
                elif item.deleted:
                    result.retired += 1
                else:
                    result.updated += 1
    except psycopg.errors.InsufficientPrivilege as exc:
        raise TeamPermissionError(
            "这个账号只能读取共享素材库，不能发布（或不能写这个单位的素材）。请用编辑账号登录。\n"
            "This login may only read the shared library (or not this unit's items)."
        ) from exc
    return result


def _same(content: list, item: SharedItem) -> bool:
    mine = list(item.values())
    theirs = list(content)
    for i, name in enumerate(_CONTENT):
        if name in ("tags", "sources", "data"):
            mine[i] = json.loads(mine[i])
    return mine == theirs


def publish_synced(conn, items: list[SharedItem], cache) -> PublishResult:
    """Publish against the versions the editor last saw (a personal copy's origin, else the
    local copy as last synced — not synced first, or another editor's newer change would be
    taken as seen and overwritten), then sync (the copy then holds what was just published):
    what ``library publish`` and 共享素材库 → 发布 do."""
    from eduwriter.library.team.sync import pull

    base = cache.versions()
    base.update({s.id: s.base_version for s in items if s.base_version})
    folders = {s.folder for s in items if s.folder}
    units = {s.unit for s in items}
    result = publish(conn, items, base, folders, units.pop() if len(units) == 1 else None)
    pull(conn, cache)
    return result
