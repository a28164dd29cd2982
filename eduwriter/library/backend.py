"""The interface of a library backend: what ingest, sharing, the CLI and the GUI may call.

:class:`~eduwriter.library.store.LibraryStore` (SQLite, the default) and
:class:`~eduwriter.library.team.pg_store.PgStore` (PostgreSQL, a unit's shared library) implement
it; ``tests/library/test_backend_contract.py`` runs one suite over both. Writes made inside
``with backend.transaction():`` commit together; ``with backend.writing():`` holds the writer
lock of a long job (one writer at a time).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from eduwriter.library.items import FileNode, Folder, Item, StoredFile, TreeNode


class Backend(Protocol):
    path: Path
    read_only: bool

    # transactions and the writer lock
    def transaction(self) -> AbstractContextManager[Any]: ...
    def writing(self) -> AbstractContextManager[Any]: ...
    def close(self) -> None: ...

    # reading
    def count(self, kind: str | None = None) -> int: ...
    def get(self, item_id: str) -> Item | None: ...
    def get_many(self, ids: Sequence[str]) -> list[Item]: ...
    def items(
        self,
        kind: str | None = None,
        function: str | None = None,
        genre: str | None = None,
        tag: str | None = None,
        folder: int | str | None = None,
        origin: str | None = None,
    ) -> list[Item]: ...
    def children(self, parent_id: str) -> list[Item]: ...
    def documents(self) -> list[FileNode]: ...
    def history(self, item_id: str) -> list[str]: ...
    def tags(self) -> list[str]: ...
    def stats(self) -> dict: ...
    def search(
        self,
        query: str,
        kind: str | None = None,
        function: str | None = None,
        genre: str | None = None,
        tag: str | None = None,
        folder: int | str | None = None,
        limit: int = 50,
    ) -> list[Item]: ...

    # items
    def insert_item(
        self,
        item: Item,
        *,
        replace: bool = False,
        history: list[str] | None = None,
        touched: bool = True,
    ) -> None: ...
    def set_history(self, item_id: str, history: list[str]) -> None: ...
    def add_snippet(
        self,
        text: str,
        folder: int | str | None = None,
        tags: Iterable[str] = (),
        title: str = "",
        function: str = "",
    ) -> Item: ...
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
    ) -> Item: ...
    def delete_item(self, item_id: str) -> None: ...
    def set_favorite(self, item_id: str, favorite: bool = True) -> None: ...
    def record_use(self, item_id: str) -> int: ...

    # folders
    def folders(self) -> list[Folder]: ...
    def add_folder(self, name: str, parent: int | None = None) -> Folder: ...
    def rename_folder(self, folder_id: int, name: str) -> None: ...
    def delete_folder(self, folder_id: int) -> None: ...
    def folder_path(self, folder_id: int) -> str: ...
    def folder_id(self, folder: int | str | Folder, create: bool = False) -> int: ...

    # analysed source files and the items derived from them
    def has_builtin(self) -> bool: ...
    def stored_files(self) -> list[StoredFile]: ...
    def save_files(self, files: Iterable[StoredFile], drop: Iterable[str] = ()) -> None: ...
    def replace_derived(self, items: list[Item]) -> int: ...
    def update_derived(
        self, items: list[Item], files: Iterable[str] | None, extracted: bool = True
    ) -> int: ...
    def stored_file(self, name: str) -> StoredFile | None: ...
    def file_origins(self) -> dict[str, tuple[str, str]]: ...
    def files_mentioning(self, words: Iterable[str]) -> set[str]: ...
    def extraction_index(self) -> dict[str, tuple[str, list[str]]]: ...
    def extraction_data(self) -> Iterator[tuple[str, list]]: ...
    def save_extraction(
        self, name: str, version: str, places: Iterable[str], data: list
    ) -> None: ...
    def meta(self, key: str, default: str = "") -> str: ...
    def set_meta(self, key: str, value: str) -> None: ...
    def clear_deleted(self) -> None: ...


def file_tree(docs: list[Item], sections: list[Item]) -> list[FileNode]:
    """The 范文 hierarchy (file → document → section → sub-section) of a backend's document
    and section items: what :meth:`Backend.documents` returns, the same for every backend."""
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
