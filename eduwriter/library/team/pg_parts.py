"""Folders, analysed files, extraction results and meta values of the PostgreSQL backend.

:class:`PgFolders` and :class:`PgFiles` are the parts of
:class:`~eduwriter.library.team.pg_store.PgStore` that keep the server's ``folders`` (keyed by
path, with an id for the :class:`~eduwriter.library.backend.Backend` interface), ``files``,
``extractions`` and ``library_meta`` tables; they rely on the store's ``_query`` and
``transaction``.  Folders are never deleted on the server (editors may not delete): a deleted
folder is marked so, and every writer's next sync drops it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from eduwriter.library.errors import LibraryError
from eduwriter.library.items import Folder, StoredFile
from eduwriter.library.team.server_schema import SCHEMA

S = SCHEMA


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or "/" in name:
        raise LibraryError("文件夹名称不能为空，也不能包含“/”。", "Invalid folder name.")
    return name


def _norm(path: str) -> str:
    return "/".join(p.strip() for p in str(path).split("/") if p.strip())


class PgFolders:
    """Folders of the shared library (mixed into ``PgStore``)."""

    _query: Callable[..., list[tuple]]
    transaction: Callable[[], AbstractContextManager[Any]]

    def _paths(self) -> dict[int, str]:
        return dict(self._query(f"SELECT id, path FROM {S}.folders WHERE NOT deleted"))

    def folders(self) -> list[Folder]:
        paths = self._paths()
        ids = {p: i for i, p in paths.items()}
        out = []
        for fid, path in paths.items():
            parent = ids.get(path.rsplit("/", 1)[0]) if "/" in path else None
            out.append(Folder(fid, path.rsplit("/", 1)[-1], parent))
        return sorted(out, key=lambda f: (f.parent is not None, f.parent or 0, f.name))

    def add_folder(self, name: str, parent: int | None = None) -> Folder:
        name = _check_name(name)
        path = f"{self.folder_path(parent)}/{name}" if parent is not None else name
        with self.transaction():
            return Folder(self._ensure_path(path), name, parent)

    def _ensure_path(self, path: str) -> int:
        """The id of the live folder ``path``, created (with its parents) or revived."""
        parts = path.split("/")
        fid = 0
        for n in range(1, len(parts) + 1):
            sub = "/".join(parts[:n])
            self._query(
                f"INSERT INTO {S}.folders (path) VALUES (%s) ON CONFLICT (path) DO UPDATE"
                f" SET deleted = false WHERE {S}.folders.deleted",
                (sub,),
            )
            fid = self._query(f"SELECT id FROM {S}.folders WHERE path = %s", (sub,))[0][0]
        return int(fid)

    def rename_folder(self, folder_id: int, name: str) -> None:
        name = _check_name(name)
        old = self.folder_path(folder_id)
        new = f"{old.rsplit('/', 1)[0]}/{name}" if "/" in old else name
        if new == old:
            return
        if self._query(f"SELECT 1 FROM {S}.folders WHERE path = %s", (new,)):
            raise LibraryError(f"已有同名文件夹：{name}", f"A folder named {name} exists.")
        with self.transaction():
            for table, col in (("folders", "path"), ("items", "folder")):
                self._query(
                    f"UPDATE {S}.{table} SET {col} = %s || substr({col}, length(%s) + 1)"
                    f" WHERE {col} = %s OR starts_with({col}, %s)",
                    (new, old, old, old + "/"),
                )

    def delete_folder(self, folder_id: int) -> None:
        """Retire a folder and its sub-folders; their items stay in the library, unfiled."""
        path = self.folder_path(folder_id)
        with self.transaction():
            for table, col, change in (
                ("items", "folder", "folder = NULL"),
                ("folders", "path", "deleted = true"),
            ):
                self._query(
                    f"UPDATE {S}.{table} SET {change} WHERE {col} = %s OR starts_with({col}, %s)",
                    (path, path + "/"),
                )

    def folder_path(self, folder_id: int) -> str:
        found = self._query(f"SELECT path FROM {S}.folders WHERE id = %s", (folder_id,))
        if not found:
            raise LibraryError(f"找不到文件夹：{folder_id}", f"No such folder: {folder_id}")
        return found[0][0]

    def folder_id(self, folder: int | str | Folder, create: bool = False) -> int:
        if isinstance(folder, Folder):
            return folder.id
        if isinstance(folder, int):
            return folder
        path = _norm(folder)
        found = self._query(f"SELECT id FROM {S}.folders WHERE path = %s AND NOT deleted", (path,))
        if found:
            return int(found[0][0])
        if create and path:
            with self.transaction():
                return self._ensure_path(path)
        raise LibraryError(f"找不到文件夹：{folder}", f"No such folder: {folder}")


class PgFiles:
    """Stored files, extraction results and meta values (mixed into ``PgStore``)."""

    _query: Callable[..., list[tuple]]
    transaction: Callable[[], AbstractContextManager[Any]]

    def has_builtin(self) -> bool:
        return bool(self._query(f"SELECT 1 FROM {S}.files WHERE origin = 'builtin' LIMIT 1"))

    def stored_files(self) -> list[StoredFile]:
        return [
            StoredFile(n, o, json.loads(r), h)
            for n, o, r, h in self._query(
                f"SELECT name, origin, result, hash FROM {S}.files ORDER BY origin, name"
            )
        ]

    def stored_file(self, name: str) -> StoredFile | None:
        found = self._query(
            f"SELECT name, origin, result, hash FROM {S}.files WHERE name = %s", (name,)
        )
        if not found:
            return None
        n, o, r, h = found[0]
        return StoredFile(n, o, json.loads(r), h)

    def file_origins(self) -> dict[str, tuple[str, str]]:
        return {n: (o, h) for n, o, h in self._query(f"SELECT name, origin, hash FROM {S}.files")}

    def files_mentioning(self, words: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for word in words:
            out.update(
                r[0]
                for r in self._query(
                    f"SELECT name FROM {S}.files WHERE strpos(result, %s) > 0", (word,)
                )
            )
        return out

    def extraction_index(self) -> dict[str, tuple[str, list[str]]]:
        return {
            f: (v, list(p))
            for f, v, p in self._query(f"SELECT file, version, places FROM {S}.extractions")
        }

    def extraction_data(self) -> Iterator[tuple[str, list]]:
        for name, data in self._query(
            f"SELECT f.name, e.data FROM {S}.files f JOIN {S}.extractions e ON e.file = f.name"
            " ORDER BY f.origin, f.name"
        ):
            yield name, json.loads(data)

    def save_extraction(self, name: str, version: str, places: Iterable[str], data: list) -> None:
        self._query(
            f"INSERT INTO {S}.extractions (file, version, places, data) VALUES (%s, %s, %s, %s)"
            " ON CONFLICT (file) DO UPDATE SET version = EXCLUDED.version,"
            " places = EXCLUDED.places, data = EXCLUDED.data",
            (
                name,
                version,
                json.dumps(sorted(places), ensure_ascii=False),
                json.dumps(data, ensure_ascii=False, separators=(",", ":")),
            ),
        )

    def meta(self, key: str, default: str = "") -> str:
        found = self._query(f"SELECT value FROM {S}.library_meta WHERE key = %s", (key,))
        return found[0][0] if found else default

    def set_meta(self, key: str, value: str) -> None:
        self._query(
            f"INSERT INTO {S}.library_meta VALUES (%s, %s)"
            " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            (key, value),
        )

    def save_files(self, files: Iterable[StoredFile], drop: Iterable[str] = ()) -> None:
        with self.transaction():
            for name in drop:
                self._query(f"DELETE FROM {S}.files WHERE name = %s", (name,))
                self._query(f"DELETE FROM {S}.extractions WHERE file = %s", (name,))
            rows: Sequence[tuple] = [
                (f.name, f.origin, json.dumps(f.result, ensure_ascii=False), time.time(), f.hash)
                for f in files
            ]
            if rows:
                self._many(
                    f"INSERT INTO {S}.files (name, origin, result, imported, hash)"
                    " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (name) DO UPDATE SET"
                    " origin = EXCLUDED.origin, result = EXCLUDED.result,"
                    " imported = EXCLUDED.imported, hash = EXCLUDED.hash",
                    rows,
                )

    def clear_deleted(self) -> None:
        """Forget which derived items were deleted (a rebuild restores them)."""
        self._query(f"UPDATE {S}.items SET tombstone = false WHERE tombstone")

    _many: Callable[[str, Sequence[tuple]], None]
