"""The library on a PostgreSQL server: the second implementation of the library interface.

:class:`PgStore` implements :class:`~eduwriter.library.backend.Backend` — the interface
:class:`~eduwriter.library.store.LibraryStore` implements on SQLite — over the shared library's
server schema (:mod:`.server_schema`), with psycopg 3 and a ``psycopg_pool.ConnectionPool``::

    store = PgStore.open("postgresql://editor@server/eduwriter", password=None)
    store.search("安全"); store.items(kind="phrasing"); store.add_snippet("……")

The server decides who may write: a writer's login (``eduwriter_reader``) reads, and any write
is refused by PostgreSQL's GRANTs; the refusal becomes a :class:`LibraryError` with a Chinese
message (``read_only`` says so in advance, for the window to disable its buttons).  An editor
never deletes rows: deleting retires an item (``deleted``), so every writer's next sync drops
it too; a derived item deleted stays deleted when the library is rebuilt (``tombstone``).
Favourites and usage counts are each login's own (``marks``).  Search is substring search
(ILIKE; a trigram index when ``pg_trgm`` could be created) — pinyin search is the local
store's, over the synced copy.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from eduwriter.core.items import SourceRef
from eduwriter.library import rows
from eduwriter.library.backend import file_tree
from eduwriter.library.errors import LibraryBusyError, LibraryError
from eduwriter.library.items import FileNode, Item
from eduwriter.library.stats import stats_of
from eduwriter.library.team.connection import (
    TeamError,
    TeamServer,
    connect,
    make_pool,
    password_from_url,
)
from eduwriter.library.team.pg_parts import PgFiles, PgFolders
from eduwriter.library.team.pg_write import PgWrites
from eduwriter.library.team.server_schema import SCHEMA, SERVER_SCHEMA_VERSION

S = SCHEMA
_LOCK_KEY = 7340022  # the advisory lock of ``writing()`` (one long writer at a time)
COLUMNS = (
    "i.id, i.kind, i.function, i.genre, i.title, i.text, i.data, i.tags, f.id, i.parent_id,"
    " i.position, coalesce(m.favorite, false), coalesce(m.usage, 0), i.origin, i.sources,"
    " i.created, i.modified"
)
FROM = (
    f"{S}.items i LEFT JOIN {S}.folders f ON f.path = i.folder AND NOT f.deleted"
    f" LEFT JOIN {S}.marks m ON m.item_id = i.id AND m.member = session_user"
)
ORDER = "i.kind, i.function, i.genre, i.parent_id NULLS FIRST, i.position, i.quality DESC, i.id"


def read_only_error(detail: str = "") -> LibraryError:
    return LibraryError(
        "这个账号只能读取共享素材库，不能修改（服务器拒绝写入）。请用编辑账号登录。"
        + (f"（{detail}）" if detail else ""),
        "This login may only read the shared library; the server refused the write.",
    )


def to_item(row: tuple) -> Item:
    """An :class:`Item` from a row of ``SELECT {COLUMNS}``."""
    (id_, kind, function, genre, title, text, data, tags, folder, parent, position, fav, usage,
     origin, sources, created, modified) = row  # fmt: skip
    return Item(
        id=id_,
        kind=kind,
        function=function,
        genre=genre,
        title=title,
        text=text,
        tags=list(tags),
        folder=folder,
        favorite=bool(fav),
        usage=int(usage),
        origin=origin,
        sources=[SourceRef.from_json(s) for s in sources],
        data=dict(data),
        parent=parent,
        position=position,
        created=created,
        modified=modified,
    )


class PgStore(PgFolders, PgFiles, PgWrites):
    """See the module docstring. Create with :meth:`open`."""

    def __init__(self, server: TeamServer, pool, read_only: bool, unit: str | None) -> None:
        #: a label of the server (there is no file): host:port/database
        self.path = Path(f"{server.host}:{server.port}") / server.dbname
        self.server = server
        self.read_only = read_only
        #: the school whose rows this login writes (None: the bureau's rows)
        self.unit = unit
        self._pool = pool
        self._local = threading.local()

    @classmethod
    def open(
        cls,
        server: str | TeamServer,
        password: str | None = None,
        unit: str | None = None,
        max_size: int = 4,
    ) -> PgStore:
        """Connect to a set-up shared library (``eduwriter library serve-setup``).  Raises
        :class:`LibraryError` with a Chinese message when the server cannot be reached, the
        login is refused, or the server's schema is older than this program."""
        if isinstance(server, str):
            password = password if password is not None else password_from_url(server)
            server = TeamServer.from_url(server)
        try:
            with connect(server, password) as conn:
                version, can_write = conn.execute(
                    f"SELECT (SELECT value FROM {S}.meta WHERE key = 'schema_version'),"
                    f" has_table_privilege('{S}.items', 'INSERT')"
                ).fetchone()
        except TeamError as exc:
            raise LibraryError(exc.message_zh, exc.message_en) from exc
        except Exception as exc:  # no schema yet: psycopg's UndefinedTable and the like
            raise LibraryError(
                f"服务器上还没有共享素材库，请管理员先运行 eduwriter library serve-setup。（{exc}）",
                f"The server has no shared library yet: run serve-setup first ({exc}).",
            ) from exc
        if int(version or 0) < SERVER_SCHEMA_VERSION:
            raise LibraryError(
                f"服务器上的共享素材库是旧版本（{version}），请管理员再运行一次 serve-setup 升级。",
                f"The shared library on the server is of version {version}; run serve-setup.",
            )
        return cls(server, make_pool(server, password, max_size), not can_write, unit)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def __enter__(self) -> PgStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------- transactions
    @contextmanager
    def _errors(self) -> Iterator[None]:
        import psycopg
        from psycopg_pool import PoolTimeout

        try:
            yield
        except psycopg.errors.InsufficientPrivilege as exc:
            raise read_only_error(str(exc).splitlines()[0]) from exc
        except (psycopg.OperationalError, PoolTimeout) as exc:
            raise LibraryError(
                f"连不上共享素材库（{self.path}），这次操作没有完成。",
                f"Cannot reach the shared library at {self.path}; nothing was changed.",
            ) from exc
        except psycopg.Error as exc:
            raise LibraryError(
                f"共享素材库服务器报错，这次操作没有完成：{str(exc).splitlines()[0]}",
                f"The shared library's server reported an error; nothing was changed: {exc}",
            ) from exc

    @contextmanager
    def transaction(self) -> Iterator[object]:
        """A transaction on one pooled connection; store calls inside it join it."""
        held = getattr(self._local, "conn", None)
        if held is not None:
            yield held
            return
        with self._errors(), self._pool.connection() as conn:
            self._local.conn = conn
            try:
                with conn.transaction():
                    yield conn
            finally:
                self._local.conn = None

    @contextmanager
    def writing(self) -> Iterator[PgStore]:
        """One long writer at a time (a session advisory lock on the server)."""
        if self.read_only:
            raise read_only_error()
        with self._errors(), self._pool.connection() as conn:
            conn.autocommit = True
            try:
                deadline = time.monotonic() + 3
                while not conn.execute("SELECT pg_try_advisory_lock(%s)", (_LOCK_KEY,)).fetchone()[
                    0
                ]:
                    if time.monotonic() > deadline:
                        raise LibraryBusyError(self.path)
                    time.sleep(0.1)
                try:
                    yield self
                finally:
                    conn.execute("SELECT pg_advisory_unlock(%s)", (_LOCK_KEY,))
            finally:
                conn.autocommit = False

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        held = getattr(self._local, "conn", None)
        if held is not None:
            with self._errors():
                cur = held.execute(sql, params)
                return cur.fetchall() if cur.description else []
        with self.transaction() as conn:
            cur = conn.execute(sql, params)
            return cur.fetchall() if cur.description else []

    def _many(self, sql: str, params: Sequence[Sequence]) -> None:
        """One statement for many rows (psycopg pipelines ``executemany``)."""
        with self.transaction() as conn, self._errors(), conn.cursor() as cur:
            cur.executemany(sql, params)

    # ------------------------------------------------------------------ reading
    def count(self, kind: str | None = None) -> int:
        if kind:
            sql = f"SELECT count(*) FROM {S}.items WHERE NOT deleted AND kind = %s"
            return int(self._query(sql, (kind,))[0][0])
        return int(self._query(f"SELECT count(*) FROM {S}.items WHERE NOT deleted")[0][0])

    def get(self, item_id: str) -> Item | None:
        found = self._query(
            f"SELECT {COLUMNS} FROM {FROM} WHERE i.id = %s AND NOT i.deleted", (item_id,)
        )
        return to_item(found[0]) if found else None

    def get_many(self, ids: Sequence[str]) -> list[Item]:
        found = {
            r[0]: to_item(r)
            for r in self._query(
                f"SELECT {COLUMNS} FROM {FROM} WHERE i.id = ANY(%s) AND NOT i.deleted", (list(ids),)
            )
        }
        return [found[i] for i in ids if i in found]

    def _filters(self, kind, function, genre, tag, folder, origin=None) -> tuple[list, list]:
        where, params = ["NOT i.deleted"], []
        for col, val in (
            ("kind", kind),
            ("function", function),
            ("genre", genre),
            ("origin", origin),
        ):
            if val is not None:
                where.append(f"i.{col} = %s")
                params.append(val)
        if tag is not None:
            where.append("i.tags ? %s")
            params.append(tag)
        if folder is not None:
            path = self.folder_path(self.folder_id(folder))
            where.append("(i.folder = %s OR starts_with(i.folder, %s))")
            params += [path, path + "/"]
        return where, params

    def items(
        self,
        kind: str | None = None,
        function: str | None = None,
        genre: str | None = None,
        tag: str | None = None,
        folder: int | str | None = None,
        origin: str | None = None,
    ) -> list[Item]:
        where, params = self._filters(kind, function, genre, tag, folder, origin)
        sql = f"SELECT {COLUMNS} FROM {FROM} WHERE {' AND '.join(where)} ORDER BY {ORDER}"
        return [to_item(r) for r in self._query(sql, params)]

    def children(self, parent_id: str) -> list[Item]:
        sql = (
            f"SELECT {COLUMNS} FROM {FROM} WHERE i.parent_id = %s AND NOT i.deleted"
            " ORDER BY i.position"
        )
        return [to_item(r) for r in self._query(sql, (parent_id,))]

    def documents(self) -> list[FileNode]:
        return file_tree(self.items(kind="document"), self.items(kind="section"))

    def history(self, item_id: str) -> list[str]:
        found = self._query(f"SELECT history FROM {S}.items WHERE id = %s", (item_id,))
        return list(found[0][0]) if found else []

    def tags(self) -> list[str]:
        sql = (
            f"SELECT DISTINCT t FROM {S}.items, jsonb_array_elements_text(tags) t"
            " WHERE NOT deleted ORDER BY t"
        )
        return [r[0] for r in self._query(sql)]

    def stats(self) -> dict:
        found = self._query(
            f"SELECT kind, function, genre, origin, data::text FROM {S}.items WHERE NOT deleted"
        )
        files = self._query(f"SELECT origin, count(*) FROM {S}.files GROUP BY origin")
        return stats_of(found, files, len(self.folders()), len(self.tags()), SERVER_SCHEMA_VERSION)

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
        """Items whose title or text contains every word of ``query`` (case-insensitive),
        best first: exact > prefix > contained; favourites, then often used, then the writer's
        own items within a tier.  An empty query lists items by the same order."""
        where, params = self._filters(kind, function, genre, tag, folder)
        words = query.split()
        for word in words:
            where.append("(i.title ILIKE %s OR i.text ILIKE %s)")
            params += [_like(word, "%", "%")] * 2
        q = query.strip()
        rank = (
            "CASE WHEN i.text = %s OR i.title = %s THEN 3"
            " WHEN i.text ILIKE %s OR i.title ILIKE %s THEN 2 ELSE 1 END"
        )
        sql = (
            f"SELECT {COLUMNS}, {rank} AS score FROM {FROM} WHERE {' AND '.join(where)}"
            " ORDER BY score DESC, coalesce(m.favorite, false) DESC, coalesce(m.usage, 0) DESC,"
            f" i.origin = 'personal' DESC, i.quality DESC, {ORDER} LIMIT %s"
        )
        found = self._query(sql, [q, q, _like(q, "", "%"), _like(q, "", "%"), *params, limit])
        out = []
        for row in found:
            item = to_item(row[:-1])
            item.score = float(row[-1]) if words else 0.0
            out.append(item)
        return out

    # ------------------------------------------------------------------ writing
    def add_snippet(
        self,
        text: str,
        folder: int | str | None = None,
        tags: Iterable[str] = (),
        title: str = "",
        function: str = "",
    ) -> Item:
        if not text.strip():
            raise LibraryError("片段内容不能为空。", "A snippet cannot be empty.")
        now = time.time()
        with self.transaction():
            item = Item(
                id="snip-" + uuid.uuid4().hex[:16],
                kind="snippet",
                function=function,
                title=title,
                text=text,
                tags=rows.clean_tags(tags),
                folder=self.folder_id(folder, create=True) if folder is not None else None,
                origin="personal",
                created=now,
                modified=now,
            )
            self.insert_item(item)
        return item

    def set_history(self, item_id: str, history: list[str]) -> None:
        self._query(
            f"UPDATE {S}.items SET history = %s WHERE id = %s", (json.dumps(history), item_id)
        )


def _like(text: str, before: str, after: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return before + escaped + after
