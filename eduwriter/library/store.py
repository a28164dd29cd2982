"""The library store: one SQLite file holding skeletons, phrasings, source documents and sections,
and the writer's own snippets, with folders, tags, favourites and usage counts.

Public API (what the GUI and the CLI call)::

    store = LibraryStore.open(path=None, recover=False)   # None: the user's data folder
    store.ensure_builtin(progress=None, cancel=None)      # build from bundled samples if needed
    store.import_files(paths, progress=None, cancel=None) -> ImportReport
    store.search(query, kind=None, function=None, genre=None, tag=None, folder=None, limit=50)
    store.items(kind=None, function=None, genre=None, tag=None, folder=None) -> list[Item]
    store.get(item_id) -> Item | None
    store.add_snippet(text, folder=None, tags=(), title="") -> Item
    store.update_item(item_id, text=None, title=None, tags=None, folder=None) -> Item
    store.delete_item(item_id); store.set_favorite(item_id, bool); store.record_use(item_id)
    store.folders(); store.add_folder(name, parent=None); store.rename_folder(id, name)
    store.delete_folder(id); store.documents() -> list[FileNode]; store.children(parent_id)
    store.stats() -> dict; store.close()

Origins: ``builtin`` (derived from the bundled samples), ``imported`` (derived from files the
writer imported) and ``personal`` (the writer's snippets, edited items and items taken from
shared packs). Rebuilding the derived part deletes and re-creates only ``builtin``/``imported``
rows; favourites, usage counts, folders and tags that the writer set on them are carried over by
id. Editing the text or title of a derived item turns it into a personal item, so a rebuild never
undoes an edit.

Threads: one connection opened with ``check_same_thread=False``; every method takes the store's
re-entrant lock, so the GUI may call ``search`` from a worker thread while the main thread uses
the store. Calls are serialised (a search waits for a running write and vice versa).

Errors: :class:`LibraryCorruptError` (damaged or foreign file; ``open(..., recover=True)`` moves
it aside as ``library.db.corrupt-YYYYMMDD-HHMMSS`` and starts fresh — never overwrites),
:class:`LibraryLockedError`, :class:`LibraryVersionError`. All carry ``message_zh``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from eduwriter.core.items import SourceRef
from eduwriter.library import index_cache, schema
from eduwriter.library.errors import (
    LibraryCorruptError,
    LibraryError,
    LibraryLockedError,
    LibraryVersionError,
)
from eduwriter.library.paths import default_db_path
from eduwriter.library.search import Filter, Record, SearchIndex

KINDS = ("skeleton", "phrasing", "document", "section", "snippet")
ORIGINS = ("builtin", "imported", "personal")

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]


@dataclass(slots=True)
class Item:
    """One library item. ``text`` writes slots as 【年份】…; ``data`` holds kind-specific detail
    (a skeleton's parts, a phrasing's original wording, slots, family and reusability score).
    ``score`` is the search score (0 outside search results)."""

    id: str
    kind: str
    function: str = ""
    genre: str = ""
    title: str = ""
    text: str = ""
    tags: list[str] = field(default_factory=list)
    folder: int | None = None
    favorite: bool = False
    usage: int = 0
    origin: str = "personal"
    sources: list[SourceRef] = field(default_factory=list)
    data: dict = field(default_factory=dict)
    score: float = 0.0
    parent: str | None = None
    position: int = 0
    created: float = 0.0
    modified: float = 0.0

    def content_hash(self) -> str:
        """Hash of what a writer sees and edits (used to detect changes when merging packs)."""
        payload = json.dumps(
            [self.kind, self.function, self.genre, self.title, self.text, sorted(self.tags)],
            ensure_ascii=False,
        )
        return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:20]

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "function": self.function,
            "genre": self.genre,
            "title": self.title,
            "text": self.text,
            "tags": list(self.tags),
            "favorite": self.favorite,
            "usage": self.usage,
            "origin": self.origin,
            "sources": [s.to_json() for s in self.sources],
            "data": self.data,
            "parent": self.parent,
            "position": self.position,
            "created": self.created,
            "modified": self.modified,
        }


@dataclass(slots=True)
class Folder:
    id: int
    name: str
    parent: int | None = None


@dataclass(slots=True)
class TreeNode:
    """A document or section with its sub-sections (for the 范文 tree of the GUI)."""

    item: Item
    children: list[TreeNode] = field(default_factory=list)


@dataclass(slots=True)
class FileNode:
    """One imported or bundled file with the documents found in it."""

    file: str
    origin: str
    documents: list[TreeNode] = field(default_factory=list)


@dataclass(slots=True)
class ImportReport:
    """Outcome of :meth:`LibraryStore.import_files` / :meth:`LibraryStore.ensure_builtin`."""

    files_ok: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, message_zh)
    added: int = 0  # net growth of the library (items after minus items before)
    total_items: int = 0
    cancelled: bool = False


_COLUMNS = (
    "id, kind, function, genre, title, text, data, tags, folder_id, parent_id, position, "
    "favorite, usage, origin, sources, quality, touched, history, created, modified"
)


def _now() -> float:
    return time.time()


class LibraryStore:
    """See the module docstring. Create with :meth:`open`."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn
        self._lock = threading.RLock()
        self._index: SearchIndex | None = None
        #: Set by ``open(recover=True)`` when a damaged file was moved aside (its new path).
        self.recovered_from: Path | None = None

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: str | os.PathLike | None = None, recover: bool = False) -> LibraryStore:
        """Open (or create) a library. ``path=None`` uses the user's data folder.

        Raises :class:`LibraryCorruptError` for a damaged/foreign file unless ``recover`` is
        true, in which case the file is renamed aside and a fresh library is created.
        """
        db = Path(path) if path is not None else default_db_path()
        try:
            db.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(
                f"无法创建资料库所在的文件夹：{db.parent}（{exc.strerror or exc}）",
                f"Cannot create the library folder {db.parent}: {exc}",
            ) from exc
        if db.is_dir():
            raise LibraryError(
                f"资料库路径是一个文件夹，不是文件：{db}", f"The library path is a folder: {db}"
            )
        try:
            return cls(db, _connect(db))
        except LibraryCorruptError:
            if not recover:
                raise
            moved = set_aside(db)
            store = cls(db, _connect(db))
            store.recovered_from = moved
            return store

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.execute("PRAGMA optimize")
                except sqlite3.Error:
                    pass
                self._conn.close()
                self._conn = None  # type: ignore[assignment]

    def __enter__(self) -> LibraryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error)."""
        with self._lock:
            conn = self._conn
            if conn.in_transaction:  # nested call inside a running write: same transaction
                yield conn
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise _map_error(exc, self.path) from exc
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            else:
                try:
                    conn.execute("COMMIT")
                except sqlite3.OperationalError as exc:
                    conn.execute("ROLLBACK")
                    raise _map_error(exc, self.path) from exc

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.OperationalError as exc:
                raise _map_error(exc, self.path) from exc

    # ---------------------------------------------------------- built-in / imports
    def has_builtin(self) -> bool:
        return bool(self._query("SELECT 1 FROM files WHERE origin='builtin' LIMIT 1"))

    def ensure_builtin(
        self, progress: Progress | None = None, cancel: Cancel | None = None
    ) -> ImportReport | None:
        """Build the built-in part from the bundled samples when it is missing (first run).

        Returns the report of the build, or None when the built-in part was already there.
        """
        if self.has_builtin():
            return None
        return self.rebuild_builtin(progress=progress, cancel=cancel)

    def rebuild_builtin(
        self,
        paths: Iterable[str | os.PathLike] | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> ImportReport:
        """Re-analyse the built-in files (default: the bundled samples) and rebuild every derived
        item. Personal items are never touched."""
        from eduwriter.library import builder
        from eduwriter.resources_path import sample_files

        files = [Path(p) for p in (paths if paths is not None else sample_files())]
        report, results = builder.analyze_paths(files, progress, cancel)
        if report.cancelled:
            return report
        if not results:  # nothing could be analysed: keep what the library has
            report.total_items = self.count()
            return report
        # files that failed this time keep their previous analysis; files no longer among the
        # built-in ones are dropped
        keep = {str(p) for p in files}
        stale = [
            name
            for (name,) in self._query("SELECT name FROM files WHERE origin='builtin'")
            if name not in keep
        ]
        new = [(str(path), "builtin", result) for path, result in results]
        before = self.count()
        self._rebuild(new, stale, progress, cancel, report)
        # net growth: re-extraction renames many derived ids, which is not "new" to the writer
        report.added = max(self.count() - before, 0)
        report.total_items = self.count()
        return report

    def import_files(
        self,
        paths: Iterable[str | os.PathLike],
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> ImportReport:
        """Import more documents: each file is analysed (a file that fails is reported in
        ``errors`` and the rest are imported), then phrasings and skeletons are re-extracted over
        all files so that recurring wording and merged skeletons take the new files into account.
        Nothing is changed when ``cancel()`` answers true before the end.
        """
        from eduwriter.library import builder

        report, results = builder.analyze_paths([Path(p) for p in paths], progress, cancel)
        if report.cancelled or not results:
            report.total_items = self.count()
            return report
        new = [(str(path), "imported", result) for path, result in results]
        before = self.count()
        self._rebuild(new, [], progress, cancel, report)
        report.added = max(self.count() - before, 0)
        report.total_items = self.count()
        return report

    def rebuild_derived(
        self,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
        report: ImportReport | None = None,
    ) -> int:
        """Re-extract all builtin/imported items from the stored analyses. Returns the number of
        items that are new (ids not present before)."""
        return self._rebuild([], [], progress, cancel, report)

    def _rebuild(
        self,
        new_files: list[tuple[str, str, object]],
        drop_files: list[str],
        progress: Progress | None,
        cancel: Cancel | None,
        report: ImportReport | None,
    ) -> int:
        """Extract over the stored analyses plus ``new_files`` (minus ``drop_files``), then save
        the files and replace the derived items in one transaction."""
        from eduwriter.library import builder

        replaced = {name for name, _o, _r in new_files} | set(drop_files)
        files = [
            (name, origin, builder.result_from_json(json.loads(result)))
            for name, origin, result in self._query(
                "SELECT name, origin, result FROM files ORDER BY origin, name"
            )
            if name not in replaced
        ]
        files += new_files
        if progress:
            progress(0, 1, "提取句式和结构…")
        errors: list[tuple[str, str]] = []
        items = builder.derive_items(files, errors)
        if report is not None:
            report.errors.extend(errors)
            failed = {key for key, _msg in errors}
            report.files_ok = [f for f in report.files_ok if f not in failed]
        if cancel and cancel():
            if report is not None:
                report.cancelled = True
            return 0
        with self._tx() as conn:
            for name in drop_files:
                conn.execute("DELETE FROM files WHERE name=?", (name,))
            for name, origin, result in new_files:
                _save_file(conn, name, result, origin)
            return self.replace_derived(items)

    def restore_deleted(self) -> int:
        """Bring back the built-in and imported items the writer deleted (rebuilds the derived
        part). Returns the number of items restored."""
        before = self.count()
        with self._tx() as conn:
            conn.execute("DELETE FROM deleted")
        self.rebuild_derived()
        return self.count() - before

    def replace_derived(self, items: list[Item]) -> int:
        """Replace all builtin/imported items by ``items`` in one transaction (personal items and
        the writer's favourites, usage, folders and tags on derived items are kept)."""
        now = _now()
        with self._tx() as conn:
            before = {
                row[0]: row[1:]
                for row in conn.execute(
                    "SELECT id, favorite, usage, folder_id, tags, touched, created FROM items "
                    "WHERE origin IN ('builtin','imported')"
                )
            }
            personal = {r[0] for r in conn.execute("SELECT id FROM items WHERE origin='personal'")}
            personal |= {r[0] for r in conn.execute("SELECT id FROM deleted")}
            conn.execute("DELETE FROM items WHERE origin IN ('builtin','imported')")
            added = 0
            seen: set[str] = set()
            for it in items:
                if it.id in personal or it.id in seen:
                    continue
                seen.add(it.id)
                old = before.get(it.id)
                if old is None:
                    added += 1
                    it.created = it.created or now
                else:
                    fav, usage, folder, tags, touched, created = old
                    it.favorite, it.usage, it.created = bool(fav), usage, created
                    if touched:
                        it.folder, it.tags = folder, json.loads(tags)
                it.modified = now
                _insert(conn, it, touched=bool(old and old[4]))
            _sync_tags(conn)
        self._index = None
        return added

    # ------------------------------------------------------------------ reading
    def count(self, kind: str | None = None) -> int:
        if kind:
            return self._query("SELECT COUNT(*) FROM items WHERE kind=?", (kind,))[0][0]
        return self._query("SELECT COUNT(*) FROM items")[0][0]

    def get(self, item_id: str) -> Item | None:
        rows = self._query(f"SELECT {_COLUMNS} FROM items WHERE id=?", (item_id,))
        return _row_to_item(rows[0]) if rows else None

    def get_many(self, ids: Sequence[str]) -> list[Item]:
        """Items for ``ids`` in the same order (missing ids are skipped)."""
        found: dict[str, Item] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for row in self._query(f"SELECT {_COLUMNS} FROM items WHERE id IN ({marks})", chunk):
                found[row[0]] = _row_to_item(row)
        return [found[i] for i in ids if i in found]

    def items(
        self,
        kind: str | None = None,
        function: str | None = None,
        genre: str | None = None,
        tag: str | None = None,
        folder: int | str | None = None,
        origin: str | None = None,
    ) -> list[Item]:
        """All items matching the filters, in a stable order (kind, function, genre, position)."""
        where, params = [], []
        for col, val in (
            ("kind", kind),
            ("function", function),
            ("genre", genre),
            ("origin", origin),
        ):
            if val is not None:
                where.append(f"{col}=?")
                params.append(val)
        if tag is not None:
            where.append("EXISTS (SELECT 1 FROM json_each(items.tags) WHERE value=?)")
            params.append(tag)
        if folder is not None:
            ids = self._folder_subtree(self._folder_id(folder))
            where.append(f"folder_id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        sql = f"SELECT {_COLUMNS} FROM items"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY kind, function, genre, parent_id, position, quality DESC, id"
        return [_row_to_item(r) for r in self._query(sql, params)]

    def children(self, parent_id: str) -> list[Item]:
        rows = self._query(
            f"SELECT {_COLUMNS} FROM items WHERE parent_id=? ORDER BY position", (parent_id,)
        )
        return [_row_to_item(r) for r in rows]

    def documents(self) -> list[FileNode]:
        """The 范文 hierarchy: file → document → section → sub-section."""
        docs = self.items(kind="document")
        sections = self.items(kind="section")
        nodes = {d.id: TreeNode(d) for d in docs}
        for s in sections:
            nodes[s.id] = TreeNode(s)
        for s in sorted(sections, key=lambda s: s.position):
            parent = nodes.get(s.parent or "")
            if parent is not None:
                parent.children.append(nodes[s.id])
        files: dict[str, FileNode] = {}
        for d in sorted(docs, key=lambda d: (d.data.get("file", ""), d.position)):
            name = d.data.get("file", "")
            node = files.setdefault(name, FileNode(name, d.origin))
            node.documents.append(nodes[d.id])
        return list(files.values())

    # ------------------------------------------------------------------ search
    def _ensure_index(self) -> SearchIndex:
        if self._index is None:
            sql = (
                "SELECT id, kind, function, genre, title, text, tags, folder_id, favorite, usage, "
                "origin, quality FROM items"
            )
            self._index = index_cache.load_or_build(
                self.path, self._conn, lambda: SearchIndex([_record(*r) for r in self._query(sql)])
            )
        return self._index

    def build_index(self) -> None:
        """Load the search index now (otherwise done on the first search)."""
        with self._lock:
            self._ensure_index().warm()

    def search(
        self,
        query: str,
        kind: str | None = None,
        function: str | None = None,
        genre: str | None = None,
        tag: str | None = None,
        folder: int | str | None = None,
        limit: int = 50,
    ) -> list[Item]:
        """Items containing ``query`` (characters, pinyin initials or full pinyin), best first:
        exact > prefix > contained; favourites and frequently used items first within a tier.
        An empty query lists items by the same order."""
        with self._lock:
            folders = None
            if folder is not None:
                folders = frozenset(self._folder_subtree(self._folder_id(folder)))
            flt = Filter(kind, function, genre, tag, folders)
            hits = self._ensure_index().search(query, flt, limit)
            items = self.get_many([h.id for h in hits])
        scores = {h.id: h.score for h in hits}
        for it in items:
            it.score = scores[it.id]
        return items

    # ------------------------------------------------------------------ writing
    def add_snippet(
        self,
        text: str,
        folder: int | str | None = None,
        tags: Iterable[str] = (),
        title: str = "",
        function: str = "",
    ) -> Item:
        """Save the writer's own snippet (origin personal)."""
        if not text.strip():
            raise LibraryError("片段内容不能为空。", "A snippet cannot be empty.")
        now = _now()
        with self._tx() as conn:
            folder_id = self._folder_id(folder, create=True) if folder is not None else None
            item = Item(
                id="snip-" + uuid.uuid4().hex[:16],
                kind="snippet",
                function=function,
                title=title,
                text=text,
                tags=_clean_tags(tags),
                folder=folder_id,
                origin="personal",
                created=now,
                modified=now,
            )
            _insert(conn, item, touched=True)
            _sync_tags(conn)
        self._reindex(item.id)
        return item

    def add_items(self, items: Iterable[Item]) -> int:
        """Insert items as given (used by pack import); existing ids are replaced."""
        n = 0
        with self._tx() as conn:
            for it in items:
                _insert(conn, it, touched=True, replace=True)
                n += 1
            _sync_tags(conn)
        self._index = None
        return n

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
        with self._tx() as conn:
            item = self.get(item_id)
            if item is None:
                raise LibraryError(f"找不到条目：{item_id}", f"No such item: {item_id}")
            old_hash = item.content_hash()
            if text is not None and text != item.text:
                item.text = text
                item.origin = "personal"
            if title is not None and title != item.title:
                item.title = title
                item.origin = "personal"
            if function is not None:
                item.function = function
            if tags is not None:
                item.tags = _clean_tags(tags)
            if folder is not None:
                item.folder = self._folder_id(folder, create=True)
            if clear_folder:
                item.folder = None
            history = _history(conn, item_id)
            if item.content_hash() != old_hash and old_hash not in history:
                history = [*history, old_hash][-20:]
            item.modified = _now()
            _insert(conn, item, touched=True, replace=True, history=history)
            _sync_tags(conn)
        self._reindex(item_id)
        return item

    def delete_item(self, item_id: str) -> None:
        """Delete one item (and, for a document or section, its sections). A deleted built-in or
        imported item stays deleted when the library is rebuilt."""
        now = _now()
        with self._tx() as conn:
            todo = [item_id]
            while todo:
                cur = todo.pop()
                todo.extend(
                    r[0] for r in conn.execute("SELECT id FROM items WHERE parent_id=?", (cur,))
                )
                row = conn.execute("SELECT origin FROM items WHERE id=?", (cur,)).fetchone()
                if row and row[0] != "personal":
                    conn.execute(
                        "INSERT OR REPLACE INTO deleted(id, deleted) VALUES (?,?)", (cur, now)
                    )
                conn.execute("DELETE FROM items WHERE id=?", (cur,))
                if self._index is not None:
                    self._index.remove(cur)
            _sync_tags(conn)

    def set_favorite(self, item_id: str, favorite: bool = True) -> None:
        with self._tx() as conn:
            conn.execute(
                "UPDATE items SET favorite=?, touched=1 WHERE id=?", (int(bool(favorite)), item_id)
            )
        if self._index is not None:
            with self._lock:
                self._index.set_usage(item_id, favorite=bool(favorite))

    def record_use(self, item_id: str) -> int:
        """Count one use of an item (inserted into a report); returns the new count."""
        with self._tx() as conn:
            conn.execute("UPDATE items SET usage=usage+1, touched=1 WHERE id=?", (item_id,))
            row = conn.execute("SELECT usage FROM items WHERE id=?", (item_id,)).fetchone()
        usage = row[0] if row else 0
        if self._index is not None and row:
            with self._lock:
                self._index.set_usage(item_id, usage=usage)
        return usage

    def tags(self) -> list[str]:
        return [r[0] for r in self._query("SELECT name FROM tags ORDER BY name")]

    def _reindex(self, item_id: str) -> None:
        with self._lock:
            if self._index is None:
                return
            rows = self._query(
                "SELECT id, kind, function, genre, title, text, tags, folder_id, favorite, usage, "
                "origin, quality FROM items WHERE id=?",
                (item_id,),
            )
            if rows:
                self._index.upsert(_record(*rows[0]))
            else:
                self._index.remove(item_id)

    # ------------------------------------------------------------------ folders
    def folders(self) -> list[Folder]:
        rows = self._query("SELECT id, name, parent_id FROM folders ORDER BY parent_id, name")
        return [Folder(*r) for r in rows]

    def add_folder(self, name: str, parent: int | None = None) -> Folder:
        name = name.strip()
        if not name or "/" in name:
            raise LibraryError("文件夹名称不能为空，也不能包含“/”。", "Invalid folder name.")
        with self._tx() as conn:
            row = conn.execute(
                "SELECT id FROM folders WHERE COALESCE(parent_id,0)=? AND name=?",
                (parent or 0, name),
            ).fetchone()
            if row:
                return Folder(row[0], name, parent)
            cur = conn.execute(
                "INSERT INTO folders(name, parent_id, created) VALUES (?,?,?)",
                (name, parent, _now()),
            )
            return Folder(int(cur.lastrowid), name, parent)

    def rename_folder(self, folder_id: int, name: str) -> None:
        name = name.strip()
        if not name or "/" in name:
            raise LibraryError("文件夹名称不能为空，也不能包含“/”。", "Invalid folder name.")
        try:
            with self._tx() as conn:
                conn.execute("UPDATE folders SET name=? WHERE id=?", (name, folder_id))
        except sqlite3.IntegrityError as exc:
            raise LibraryError(f"已有同名文件夹：{name}", f"A folder named {name} exists.") from exc

    def delete_folder(self, folder_id: int) -> None:
        """Delete a folder and its sub-folders; their items stay in the library, unfiled."""
        with self._tx() as conn:
            ids = self._folder_subtree(folder_id)
            marks = ",".join("?" * len(ids))
            changed = [
                r[0]
                for r in conn.execute(f"SELECT id FROM items WHERE folder_id IN ({marks})", ids)
            ]
            conn.execute(f"UPDATE items SET folder_id=NULL WHERE folder_id IN ({marks})", ids)
            conn.execute(f"DELETE FROM folders WHERE id IN ({marks})", ids)
        for item_id in changed:
            self._reindex(item_id)

    def folder_path(self, folder_id: int) -> str:
        """``父/子`` path of a folder."""
        by_id = {f.id: f for f in self.folders()}
        names = []
        cur = by_id.get(folder_id)
        while cur is not None:
            names.append(cur.name)
            cur = by_id.get(cur.parent) if cur.parent is not None else None
        return "/".join(reversed(names))

    def _folder_id(self, folder: int | str | Folder, create: bool = False) -> int:
        if isinstance(folder, Folder):
            return folder.id
        if isinstance(folder, int):
            return folder
        parent: int | None = None
        for name in [p for p in str(folder).split("/") if p.strip()]:
            row = self._query(
                "SELECT id FROM folders WHERE COALESCE(parent_id,0)=? AND name=?",
                (parent or 0, name.strip()),
            )
            if row:
                parent = row[0][0]
            elif create:
                parent = self.add_folder(name, parent).id
            else:
                raise LibraryError(f"找不到文件夹：{folder}", f"No such folder: {folder}")
        if parent is None:
            raise LibraryError(f"找不到文件夹：{folder}", f"No such folder: {folder}")
        return parent

    def _folder_subtree(self, folder_id: int) -> list[int]:
        rows = self._query("SELECT id, parent_id FROM folders")
        kids: dict[int | None, list[int]] = {}
        for fid, parent in rows:
            kids.setdefault(parent, []).append(fid)
        out, todo = [], [folder_id]
        while todo:
            cur = todo.pop()
            out.append(cur)
            todo.extend(kids.get(cur, []))
        return out

    # ------------------------------------------------------------------ stats
    def stats(self) -> dict:
        """Counts by kind, origin, function (phrasings), genre, skeletons per genre, and more."""
        rows = self._query("SELECT kind, function, genre, origin, data FROM items")
        by_kind: Counter[str] = Counter()
        by_origin: Counter[str] = Counter()
        by_function: Counter[str] = Counter()
        by_genre: Counter[str] = Counter()
        skel_genre: Counter[str] = Counter()
        merged_genre: Counter[str] = Counter()
        families = 0
        for kind, function, genre, origin, data in rows:
            by_kind[kind] += 1
            if kind == "phrasing" and '"members"' in data and "members" in json.loads(data):
                families += 1
            by_origin[origin] += 1
            if kind == "phrasing" and function:
                by_function[function] += 1
            if genre:
                by_genre[genre] += 1
            if kind == "skeleton":
                skel_genre[genre or ""] += 1
                if json.loads(data).get("merged"):
                    merged_genre[genre or ""] += 1
        files = self._query("SELECT origin, COUNT(*) FROM files GROUP BY origin")
        return {
            "total": len(rows),
            "by_kind": dict(sorted(by_kind.items())),
            "by_origin": dict(sorted(by_origin.items())),
            "by_function": dict(by_function.most_common()),
            "by_genre": dict(by_genre.most_common()),
            "skeletons_by_genre": dict(skel_genre.most_common()),
            "merged_skeletons_by_genre": dict(merged_genre.most_common()),
            "families": families,
            "files": {o: n for o, n in files},
            "folders": self._query("SELECT COUNT(*) FROM folders")[0][0],
            "tags": self._query("SELECT COUNT(*) FROM tags")[0][0],
            "schema_version": schema.SCHEMA_VERSION,
        }

    # ------------------------------------------------------------------ sharing
    def history(self, item_id: str) -> list[str]:
        """Earlier content hashes of an item (used by pack merging)."""
        with self._lock:
            return _history(self._conn, item_id)

    def export_pack(
        self,
        out: str | os.PathLike,
        ids: Sequence[str] | None = None,
        folder: int | str | None = None,
    ) -> int:
        from eduwriter.library import sharing

        return sharing.export_pack(self, out, ids=ids, folder=folder)

    def import_pack(self, path: str | os.PathLike, resolver=None, force: str | None = None):
        """Merge an ``.ewlib`` pack (see :func:`eduwriter.library.sharing.import_pack`)."""
        from eduwriter.library import sharing

        return sharing.import_pack(self, path, resolver=resolver, force=force)


# ---------------------------------------------------------------------- helpers
def _connect(db: Path) -> sqlite3.Connection:
    if db.exists() and db.stat().st_size > 0:
        with open(db, "rb") as fh:
            head = fh.read(16)
        if head != b"SQLite format 3\x00":
            raise LibraryCorruptError(db, "not an SQLite file")
    try:
        conn = sqlite3.connect(db, timeout=3.0, check_same_thread=False, isolation_level=None)
    except sqlite3.Error as exc:
        raise LibraryCorruptError(db, str(exc)) from exc
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise LibraryLockedError(db)
        conn.execute("PRAGMA synchronous=NORMAL")
        checks = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
        if checks != ["ok"]:
            raise LibraryCorruptError(db, "\n".join(checks))
        version = schema.current_version(conn)
        if version > schema.SCHEMA_VERSION:
            raise LibraryVersionError(db, version, schema.SCHEMA_VERSION)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if version == 0 and tables - {"sqlite_sequence"}:
            raise LibraryCorruptError(db, "an SQLite file of another program")
        if version < schema.SCHEMA_VERSION:
            conn.execute("BEGIN IMMEDIATE")
            try:
                schema.migrate(conn)
                conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_migrated', ?)",
                    (str(_now()),),
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        elif not {"items", "folders", "files"} <= tables:
            raise LibraryCorruptError(db, "tables missing")
    except sqlite3.OperationalError as exc:
        conn.close()
        raise _map_error(exc, db) from exc
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LibraryCorruptError(db, str(exc)) from exc
    except LibraryError:
        conn.close()
        raise
    return conn


def _map_error(exc: sqlite3.Error, db: Path) -> LibraryError:
    msg = str(exc).lower()
    if "locked" in msg or "busy" in msg:
        return LibraryLockedError(db)
    if "malformed" in msg or "not a database" in msg or "corrupt" in msg:
        return LibraryCorruptError(db, str(exc))
    return LibraryError(f"资料库操作失败：{exc}", f"Library operation failed: {exc}")


def set_aside(db: Path) -> Path:
    """Rename a damaged database (and its -wal/-shm files) to ``<name>.corrupt-<time>``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = db.with_name(f"{db.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        target = db.with_name(f"{db.name}.corrupt-{stamp}-{n}")
        n += 1
    os.replace(db, target)
    for suffix in ("-wal", "-shm"):
        side = db.with_name(db.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


def _clean_tags(tags: Iterable[str]) -> list[str]:
    out: list[str] = []
    for t in tags:
        t = str(t).strip()
        if t and t not in out:
            out.append(t)
    return out


def _history(conn: sqlite3.Connection, item_id: str) -> list[str]:
    row = conn.execute("SELECT history FROM items WHERE id=?", (item_id,)).fetchone()
    return json.loads(row[0]) if row else []


def _insert(
    conn: sqlite3.Connection,
    it: Item,
    touched: bool = False,
    replace: bool = False,
    history: list[str] | None = None,
) -> None:
    if history is None:
        history = list(it.data.pop("_history", [])) if "_history" in it.data else []
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    quality = float(it.data.get("score", 0.0) or 0.0) if isinstance(it.data, dict) else 0.0
    conn.execute(
        f"{verb} INTO items ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            it.id,
            it.kind,
            it.function or "",
            it.genre or "",
            it.title or "",
            it.text or "",
            json.dumps(it.data, ensure_ascii=False),
            json.dumps(it.tags, ensure_ascii=False),
            it.folder,
            it.parent,
            it.position,
            int(it.favorite),
            it.usage,
            it.origin,
            json.dumps([s.to_json() for s in it.sources], ensure_ascii=False),
            quality,
            int(touched),
            json.dumps(history),
            it.created or _now(),
            it.modified or _now(),
        ),
    )


def _sync_tags(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM tags")
    conn.execute(
        "INSERT OR IGNORE INTO tags(name) SELECT DISTINCT value FROM items, json_each(items.tags)"
    )


def _save_file(conn: sqlite3.Connection, path: str | Path, result, origin: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO files(name, origin, result, imported) VALUES (?,?,?,?)",
        (str(path), origin, json.dumps(result.to_json(), ensure_ascii=False), _now()),
    )


def _row_to_item(row: tuple) -> Item:
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
        sources=[SourceRef.from_json(s) for s in json.loads(sources)],
        data=json.loads(data),
        parent=parent,
        position=position,
        created=created,
        modified=modified,
    )


def _record(
    id_, kind, function, genre, title, text, tags, folder, fav, usage, origin, quality
) -> Record:
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
    )
