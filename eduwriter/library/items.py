"""The plain data types of the library: items, folders, the 范文 tree and import reports.

``eduwriter.core.items`` keeps the types the extraction produces (phrasings, skeletons, heading
families, source references); this module holds what the library stores and shows. Nothing here
touches SQLite, so the store, the ingest, sharing, the GUI and the CLI all share these types.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from eduwriter.core.items import SourceRef

KINDS = ("skeleton", "phrasing", "document", "section", "snippet")
ORIGINS = ("builtin", "imported", "personal")

#: ``progress(done, total, message_zh)`` of a long library job.
Progress = Callable[[int, int, str], None]
#: ``cancel()`` answers true when the writer cancelled a long library job.
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
class StoredFile:
    """One analysed source file as the library keeps it: its key (the path it was imported
    from), origin (``builtin``/``imported``), the importer's analysis as JSON, and the SHA-256 of
    the file's bytes (empty when unknown, e.g. stored by an older version)."""

    name: str
    origin: str
    result: dict
    hash: str = ""


@dataclass(slots=True)
class ImportReport:
    """Outcome of an import (``eduwriter.library.ingest``)."""

    files_ok: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, message_zh)
    added: int = 0  # net growth of the library (items after minus items before)
    total_items: int = 0
    cancelled: bool = False
    #: files whose content had not changed since their last import (not analysed again)
    unchanged: list[str] = field(default_factory=list)
