"""The library store: one SQLite file holding skeletons, phrasings, source documents and
sections, the writer's own snippets with folders, tags, favourites and usage counts, and the
analyses of the files they came from. Storage only: importing files is
:mod:`eduwriter.library.ingest`, packs are :mod:`eduwriter.library.sharing`; both use the public
API below (the interface a second backend implements is :class:`~eduwriter.library.backend.Backend`).

The calls, reading and writing, are listed by the ``Backend`` protocol; each write is one
transaction, and ``with store.transaction():`` groups several.

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
:class:`LibraryLockedError`, :class:`LibraryVersionError`. All carry ``message_zh``. A library
that cannot be written (read-only file or folder) opens with ``read_only`` true: it can be
searched, and a write gets a message that says why it is refused.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from eduwriter.library import derived_rows, index_cache, rows
from eduwriter.library.backend import file_tree
from eduwriter.library.database import (
    check_later,
    connect,
    left_unclean,
    map_error,
    rollback,
    set_aside,
)
from eduwriter.library.errors import LibraryCorruptError, LibraryError
from eduwriter.library.file_store import StoredFiles
from eduwriter.library.folders import FolderTree
from eduwriter.library.item_edits import edit_item
from eduwriter.library.items import (
    KINDS,
    ORIGINS,
    FileNode,
    Folder,
    Item,
    TreeNode,
)
from eduwriter.library.paths import default_db_path
from eduwriter.library.search import Filter, SearchIndex
from eduwriter.library.stats import library_stats
from eduwriter.library.writer_lock import writer_lock

__all__ = [
    "KINDS",
    "ORIGINS",
    "FileNode",
    "Folder",
    "Item",
    "LibraryStore",
    "TreeNode",
    "set_aside",
]


#: seconds after opening before every page of the file is checked in the background
CHECK_DELAY = 2.0


def _now() -> float:
    return time.time()


class LibraryStore(FolderTree, StoredFiles):
    """See the module docstring. Create with :meth:`open`."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool = False) -> None:
        self.path = path
        self._conn = conn
        self._lock = threading.RLock()
        self._index: SearchIndex | None = None
        #: True when the file cannot be written: searching and browsing work, writes are refused.
        self.read_only = read_only
        #: Set by ``open(recover=True)`` when a damaged file was moved aside (its new path).
        self.recovered_from: Path | None = None
        # work left for the end of the running transaction
        self._tags_dirty = False
        self._tags_added: set[str] = set()  # tags to settle without a rebuild (derived rows)
        self._tags_gone: set[str] = set()
        self._reindex_ids: set[str] = set()
        self._index_stale = False
        #: the shared unit library shown read-only under this one (``attach_shared``)
        self.shared = None
        #: damage found by the full check after opening (see :mod:`.database`): writes refused
        self.damage: LibraryCorruptError | None = None
        #: the thread of that check (None when every page was checked at open)
        self.checking: threading.Thread | None = None
        self._closed = threading.Event()

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
        checked = db.exists() and left_unclean(db)  # then connect checks every page itself
        try:
            store = cls(db, *connect(db))
        except LibraryCorruptError:
            if not recover:
                raise
            moved = set_aside(db)
            store = cls(db, *connect(db))
            store.recovered_from = moved
            checked = True
        if not checked:  # every page, off the critical path (damage found refuses writes)
            store.checking = check_later(
                db, CHECK_DELAY, store._closed, lambda exc: setattr(store, "damage", exc)
            )
        return store

    def close(self) -> None:
        self._closed.set()
        with self._lock:
            if self._conn is not None:
                if not self.read_only:
                    try:
                        self._conn.execute("PRAGMA optimize")
                    except sqlite3.Error:
                        pass
                self._conn.close()
                self._conn = None  # type: ignore[assignment]
            self._index = None  # a background completion of the index is not saved

    def __enter__(self) -> LibraryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------- transactions
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error). Store calls
        made inside it join it; tags and the search index are brought up to date at the end."""
        with self._lock:
            conn = self._conn
            if conn.in_transaction:  # nested call inside a running write: same transaction
                yield conn
                return
            if self.damage is not None:
                raise self.damage
            if self.read_only:
                raise map_error(sqlite3.OperationalError("readonly database"), self.path)
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise map_error(exc, self.path) from exc
            try:
                yield conn
                if self._tags_dirty:
                    conn.execute("DELETE FROM tags")
                    conn.execute(
                        "INSERT OR IGNORE INTO tags(name) "
                        "SELECT DISTINCT value FROM items, json_each(items.tags)"
                    )
                elif self._tags_added or self._tags_gone:
                    derived_rows.settle_tags(conn, self._tags_added, self._tags_gone)
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                rollback(conn)  # the first error is the one reported
                self._forget_pending()
                raise map_error(exc, self.path) from exc
            except BaseException:
                rollback(conn)
                self._forget_pending()
                raise
            self._after_commit()

    def writing(self):  # noqa: ANN201 - a context manager
        """The library's writer lock, held by long writes (an import reads the stored analyses,
        extracts, then replaces the derived items): one writer process at a time; a second one
        waits briefly, then gets :class:`~eduwriter.library.errors.LibraryBusyError`."""
        if self.read_only:
            raise map_error(sqlite3.OperationalError("readonly database"), self.path)
        if self.damage is not None:
            raise self.damage
        return writer_lock(self.path)

    def _forget_pending(self) -> None:
        self._tags_dirty = False
        self._tags_added, self._tags_gone = set(), set()
        self._reindex_ids.clear()
        self._index = None if self._index_stale else self._index
        self._index_stale = False

    def _after_commit(self) -> None:
        ids, self._reindex_ids = self._reindex_ids, set()
        self._tags_dirty = False
        self._tags_added, self._tags_gone = set(), set()
        if self._index_stale or len(ids) > 200:
            self._index = None
        elif self._index is not None:
            for item_id in ids:
                self._reindex(item_id)
        self._index_stale = False

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:  # busy, or a damaged page ("malformed")
                raise map_error(exc, self.path) from exc

    # ------------------------------------------------------------ derived items
    def replace_derived(self, items: list[Item]) -> int:
        """Replace all builtin/imported items by ``items`` in one transaction (personal items and
        the writer's favourites, usage, folders and tags on derived items are kept). Returns the
        number of items whose ids were not there before. Rows that did not change are not
        written."""
        return self.update_derived(items, None)

    def update_derived(
        self, items: list[Item], files: Iterable[str] | None, extracted: bool = True
    ) -> int:
        """Like :meth:`replace_derived`, but only the document and section items of ``files``
        (base names; None: all) are replaced, and the extracted items (phrasings, families,
        skeletons) only when ``extracted``; the rest stays as it is."""
        with self.transaction() as conn:
            if files is not None:  # a part: its tags settled at the commit, not all rebuilt
                cond, params = derived_rows._scope(files, extracted)
                old = derived_rows.tags_of(conn, cond, params, [it.id for it in items])
            added, changed = derived_rows.write(conn, items, files, extracted)
            if changed and files is None:
                self._tags_dirty = True
            elif changed:
                self._tags_gone |= old
                self._tags_added |= derived_rows.tags_of(conn, "0", [], changed)
            self._reindex_ids |= changed
        return added

    #: The library keeps the merge state of :mod:`eduwriter.library.merge_state` (an import
    #: re-merges only what changed); ``transaction()`` yields the SQLite connection it needs.
    merge_state = True

    def update_derived_ids(
        self, items: list[Item], ids: Iterable[str], family_ids: dict[str, str] | None = None
    ) -> int:
        """Like :meth:`update_derived` for the derived rows with these ``ids`` (and those of
        ``items``); ``family_ids`` sets the ``family_id`` of phrasings in place."""
        with self.transaction() as conn:
            scope = set(ids) | {it.id for it in items}
            old = derived_rows.tags_of(conn, "0", [], scope)
            added, changed = derived_rows.write_ids(conn, items, scope)
            changed |= derived_rows.set_family_ids(conn, family_ids or {})
            self._tags_gone |= old
            self._tags_added |= derived_rows.tags_of(conn, "0", [], changed)
            self._reindex_ids |= changed
        return added

    # ------------------------------------------------------------------ reading
    def count(self, kind: str | None = None) -> int:
        if kind:
            return self._query("SELECT COUNT(*) FROM items WHERE kind=?", (kind,))[0][0]
        return self._query("SELECT COUNT(*) FROM items")[0][0]

    def get(self, item_id: str) -> Item | None:
        found = self._query(f"SELECT {rows.COLUMNS} FROM items WHERE id=?", (item_id,))
        if not found and self.shared is not None:
            return self.shared.get(item_id)
        return rows.to_item(found[0]) if found else None

    def get_many(self, ids: Sequence[str]) -> list[Item]:
        """Items for ``ids`` in the same order (missing ids are skipped)."""
        found: dict[str, Item] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT {rows.COLUMNS} FROM items WHERE id IN ({marks})"
            for row in self._query(sql, chunk):
                found[row[0]] = rows.to_item(row)
        if self.shared is not None:
            found.update((i, it) for i in ids if i not in found and (it := self.shared.get(i)))
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
            ids = self._folder_subtree(self.folder_id(folder))
            where.append(f"folder_id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        sql = f"SELECT {rows.COLUMNS} FROM items"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY kind, function, genre, parent_id, position, quality DESC, id"
        return [rows.to_item(r) for r in self._query(sql, params)]

    def children(self, parent_id: str) -> list[Item]:
        found = self._query(
            f"SELECT {rows.COLUMNS} FROM items WHERE parent_id=? ORDER BY position", (parent_id,)
        )
        return [rows.to_item(r) for r in found]

    def documents(self) -> list[FileNode]:
        """The 范文 hierarchy: file → document → section → sub-section."""
        return file_tree(self.items(kind="document"), self.items(kind="section"))

    def history(self, item_id: str) -> list[str]:
        """Earlier content hashes of an item (used by pack merging)."""
        found = self._query("SELECT history FROM items WHERE id=?", (item_id,))
        return json.loads(found[0][0]) if found else []

    def tags(self) -> list[str]:
        return [r[0] for r in self._query("SELECT name FROM tags ORDER BY name")]

    def stats(self) -> dict:
        """Counts by kind, origin, function (phrasings), genre, skeletons per genre, and more."""
        return library_stats(self._query)

    # ------------------------------------------------------------------ search
    def _ensure_index(self) -> SearchIndex:
        if self._index is not None and self._index.damaged:  # its file failed a check
            self._index = None
        if self._index is None:
            sql = f"SELECT {rows.RECORD_COLUMNS} FROM items"
            self._index = index_cache.load_or_build(
                self.path,
                self._conn,
                lambda: SearchIndex([rows.record(*r) for r in self._query(sql)]),
            )
            for record in self.shared.records() if self.shared is not None else ():
                self._index.upsert(record)
        return self._index

    def attach_shared(self, layer) -> None:  # noqa: ANN001 - a library.team.layer.SharedLayer
        """Show ``layer`` (the shared unit library, read-only) in search beside this library's
        items, replacing the layer shown before; None shows none."""
        with self._lock:
            old, self.shared = self.shared, layer
            if self._index is not None:
                for item_id in old.ids() if old is not None else ():
                    self._index.remove(item_id)
                for record in layer.records() if layer is not None else ():
                    self._index.upsert(record)

    def _reindex(self, item_id: str) -> None:
        with self._lock:
            if self._index is None:
                return
            found = self._query(f"SELECT {rows.RECORD_COLUMNS} FROM items WHERE id=?", (item_id,))
            if found:
                self._index.upsert(rows.record(*found[0]))
            else:
                self._index.remove(item_id)

    def build_index(self, wait: bool = False) -> None:
        """Load the search index now (otherwise done on the first search; it is usable at once),
        then complete its word edges (see :mod:`eduwriter.library.index_cache`): with ``wait``
        on this thread, else on a background thread while searches go on."""
        with self._lock:
            index = self._ensure_index()
        if index_cache.has_edges(index):
            return

        def complete() -> None:
            index_cache.complete_edges(
                self.path, index.key, index, self._lock, lambda: self._index is index
            )

        if wait:
            complete()
        else:
            threading.Thread(target=complete, name="search-word-edges", daemon=True).start()

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
                folders = frozenset(self._folder_subtree(self.folder_id(folder)))
            flt = Filter(kind, function, genre, tag, folders)
            hits = self._ensure_index().search(query, flt, limit)
            items = self.get_many([h.id for h in hits])
        scores = {h.id: h.score for h in hits}
        for it in items:
            it.score = scores[it.id]
        return items

    def suggestions(self, query: str, kind: str | None = None) -> list[str]:
        """Did you mean: the nearest words of the lexicons and the library that find something,
        for a query that found nothing (empty when it does find something)."""
        with self._lock:
            return self._ensure_index().find(query, Filter(kind=kind), limit=1).suggestions

    # ------------------------------------------------------------------ writing
    def insert_item(
        self,
        item: Item,
        *,
        replace: bool = False,
        history: list[str] | None = None,
        touched: bool = True,
    ) -> None:
        """Write ``item`` as given (``replace``: an existing id is overwritten) with its earlier
        content hashes ``history``."""
        with self.transaction() as conn:
            rows.insert(conn, item, touched=touched, replace=replace, history=history)
            self._tags_dirty = True
            self._reindex_ids.add(item.id)

    def set_history(self, item_id: str, history: list[str]) -> None:
        """Replace the earlier content hashes remembered for an item."""
        with self.transaction() as conn:
            conn.execute("UPDATE items SET history=? WHERE id=?", (json.dumps(history), item_id))

    def add_items(self, items: Iterable[Item]) -> int:
        """Insert items as given; existing ids are replaced. Returns how many were written."""
        n = 0
        with self.transaction() as conn:
            for it in items:
                rows.insert(conn, it, touched=True, replace=True)
                n += 1
            self._tags_dirty = True
            self._index_stale = True
        return n

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
        with self.transaction():
            folder_id = self.folder_id(folder, create=True) if folder is not None else None
            item = Item(
                id="snip-" + uuid.uuid4().hex[:16],
                kind="snippet",
                function=function,
                title=title,
                text=text,
                tags=rows.clean_tags(tags),
                folder=folder_id,
                origin="personal",
                created=now,
                modified=now,
            )
            self.insert_item(item)
        return item

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
        """Delete one item (and, for a document or section, its sections). A deleted built-in or
        imported item stays deleted when the library is rebuilt."""
        now = _now()
        with self.transaction() as conn:
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
                self._reindex_ids.add(cur)
            self._tags_dirty = True

    def set_favorite(self, item_id: str, favorite: bool = True) -> None:
        """Star an item; a shared item's star is kept in this library (see ``attach_shared``)."""
        if self.shared is not None and self.shared.get(item_id) is not None:
            self.shared.set_favorite(self, item_id, favorite)
        else:
            with self.transaction() as conn:
                conn.execute(
                    "UPDATE items SET favorite=?, touched=1 WHERE id=?",
                    (int(bool(favorite)), item_id),
                )
        if self._index is not None:
            with self._lock:
                self._index.set_usage(item_id, favorite=bool(favorite))

    def record_use(self, item_id: str) -> int:
        """Count one use of an item (inserted into a report); returns the new count."""
        with self.transaction() as conn:
            conn.execute("UPDATE items SET usage=usage+1, touched=1 WHERE id=?", (item_id,))
            row = conn.execute("SELECT usage FROM items WHERE id=?", (item_id,)).fetchone()
        usage = row[0] if row else 0
        if self._index is not None and row:
            with self._lock:
                self._index.set_usage(item_id, usage=usage)
        return usage
