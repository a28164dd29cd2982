"""The writer's folders (``常用/安全``): a tree kept in the ``folders`` table.

:class:`FolderTree` is the part of :class:`~eduwriter.library.store.LibraryStore` that keeps
folders; it relies on the store's ``_query``, ``transaction`` and pending-reindex set.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any

from eduwriter.library.errors import LibraryError
from eduwriter.library.items import Folder


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or "/" in name:
        raise LibraryError("文件夹名称不能为空，也不能包含“/”。", "Invalid folder name.")
    return name


class FolderTree:
    """Folders of a library store (mixed into :class:`LibraryStore`)."""

    _query: Callable[[str, Sequence], list[tuple]]
    transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]
    _reindex_ids: set[str]

    def folders(self) -> list[Folder]:
        found = self._query("SELECT id, name, parent_id FROM folders ORDER BY parent_id, name", ())
        return [Folder(*r) for r in found]

    def add_folder(self, name: str, parent: int | None = None) -> Folder:
        name = _check_name(name)
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT id FROM folders WHERE COALESCE(parent_id,0)=? AND name=?",
                (parent or 0, name),
            ).fetchone()
            if row:
                return Folder(row[0], name, parent)
            cur = conn.execute(
                "INSERT INTO folders(name, parent_id, created) VALUES (?,?,?)",
                (name, parent, time.time()),
            )
            return Folder(int(cur.lastrowid or 0), name, parent)

    def rename_folder(self, folder_id: int, name: str) -> None:
        name = _check_name(name)
        try:
            with self.transaction() as conn:
                conn.execute("UPDATE folders SET name=? WHERE id=?", (name, folder_id))
        except LibraryError as exc:
            if isinstance(exc.__cause__, sqlite3.IntegrityError):
                raise LibraryError(
                    f"已有同名文件夹：{name}", f"A folder named {name} exists."
                ) from exc
            raise
        except sqlite3.IntegrityError as exc:
            raise LibraryError(f"已有同名文件夹：{name}", f"A folder named {name} exists.") from exc

    def delete_folder(self, folder_id: int) -> None:
        """Delete a folder and its sub-folders; their items stay in the library, unfiled."""
        with self.transaction() as conn:
            ids = self._folder_subtree(folder_id)
            marks = ",".join("?" * len(ids))
            changed = [
                r[0]
                for r in conn.execute(f"SELECT id FROM items WHERE folder_id IN ({marks})", ids)
            ]
            conn.execute(f"UPDATE items SET folder_id=NULL WHERE folder_id IN ({marks})", ids)
            conn.execute(f"DELETE FROM folders WHERE id IN ({marks})", ids)
            self._reindex_ids.update(changed)

    def folder_path(self, folder_id: int) -> str:
        """``父/子`` path of a folder."""
        by_id = {f.id: f for f in self.folders()}
        names = []
        cur = by_id.get(folder_id)
        while cur is not None:
            names.append(cur.name)
            cur = by_id.get(cur.parent) if cur.parent is not None else None
        return "/".join(reversed(names))

    def folder_id(self, folder: int | str | Folder, create: bool = False) -> int:
        """The id of a folder given as an id, a :class:`Folder` or a ``父/子`` path (created
        when ``create``; otherwise a missing folder raises :class:`LibraryError`)."""
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
        found: list[Any] = self._query("SELECT id, parent_id FROM folders", ())
        kids: dict[int | None, list[int]] = {}
        for fid, parent in found:
            kids.setdefault(parent, []).append(fid)
        out, todo = [], [folder_id]
        while todo:
            cur = todo.pop()
            out.append(cur)
            todo.extend(kids.get(cur, []))
        return out
