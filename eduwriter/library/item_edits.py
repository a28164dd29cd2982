"""One item edit for every backend: the rules of ``update_item`` in one place.

Both :class:`~eduwriter.library.store.LibraryStore` (SQLite) and the PostgreSQL store call
:func:`edit_item`; it uses only calls of the ``Backend`` protocol, so the two cannot drift apart.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from eduwriter.library import rows
from eduwriter.library.errors import LibraryError
from eduwriter.library.items import Item

#: How many earlier versions of an item's text are remembered.
HISTORY_DEPTH = 20


def edit_item(
    backend: Any,
    item_id: str,
    text: str | None = None,
    title: str | None = None,
    tags: Iterable[str] | None = None,
    folder: int | str | None = None,
    *,
    clear_folder: bool = False,
    function: str | None = None,
) -> Item:
    """Change an item. Editing the text or title of a derived item makes it personal; the old
    version's hash joins the item's history."""
    with backend.transaction():
        item = backend.get(item_id)
        if item is None:
            raise LibraryError(f"找不到条目：{item_id}", f"No such item: {item_id}")
        old_hash = item.content_hash()
        if text is not None and text != item.text:
            item.text, item.origin = text, "personal"
        if title is not None and title != item.title:
            item.title, item.origin = title, "personal"
        if function is not None:
            item.function = function
        if tags is not None:
            item.tags = rows.clean_tags(tags)
        if folder is not None:
            item.folder = backend.folder_id(folder, create=True)
        if clear_folder:
            item.folder = None
        history = backend.history(item_id)
        if item.content_hash() != old_hash and old_hash not in history:
            history = [*history, old_hash][-HISTORY_DEPTH:]
        item.modified = time.time()
        backend.insert_item(item, replace=True, history=history)
    return item
