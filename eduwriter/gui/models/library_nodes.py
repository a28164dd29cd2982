"""The tree nodes of the library model (:class:`Node`) and the helpers that build, count,
sort and group them; used by :mod:`eduwriter.gui.models.library_model`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication

from eduwriter.gui.models.library_items import DocumentIndex, field


class Node:
    __slots__ = ("kind", "key", "label", "count", "parent", "children", "item", "folder_id")

    def __init__(
        self,
        kind: str,
        key: tuple,
        label: str,
        parent: Node | None,
        item: Any = None,
        count: int | None = None,
        folder_id: Any = None,
    ) -> None:
        self.kind = kind
        self.key = key
        self.label = label
        self.parent = parent
        self.item = item
        self.count = count
        self.folder_id = folder_id
        self.children: list[Node] | None = None  # None = not loaded yet

    def add(self, child: Node) -> Node:
        if self.children is None:
            self.children = []
        child.parent = self
        self.children.append(child)
        return child

    def row(self) -> int:
        if self.parent is None or self.parent.children is None:
            return 0
        return self.parent.children.index(self)


def is_snippet_target(node: Node) -> bool:
    """我的素材 itself or one of its folders."""
    return bool(node.key) and node.key[0] == "snippet" and node.kind in ("top", "folder")


def item_node(item: Any, parent: Node, detail: str = "") -> Node:
    """A row for ``item``; its ``label`` holds the detail shown after the title."""
    return Node("item", parent.key + (("item", field(item, "id")),), detail, parent, item=item)


def count_items(node: Node, seen: set | None = None) -> int:
    """Distinct items under ``node`` (a phrasing listed under two topics counts once)."""
    seen = set() if seen is None else seen
    for child in node.children or []:
        if child.item is not None:
            seen.add(field(child.item, "id"))
        else:
            count_items(child, seen)
    return len(seen)


def other_domain_node(top: Node, count: int) -> Node:
    node = top.add(
        Node(
            "group",
            top.key + ("domain:other",),
            QCoreApplication.translate("LibraryModel", "其他领域"),
            None,
            count=count,
        )
    )
    node.children = []
    return node


def ordered(groups: dict[str, Any], order: Iterable[str]) -> list[str]:
    order = list(order)
    known = [g for g in order if g in groups]
    rest = sorted(g for g in groups if g not in order)
    return known + rest


def skeleton_sort_key(item: Any) -> tuple:
    data = field(item, "data") or {}
    merged = bool(data.get("merged")) if isinstance(data, dict) else False
    return (not merged, str(field(item, "title", "")))


def ordinal_key(item: Any, index: DocumentIndex | None) -> tuple:
    sources = field(item, "sources") or []
    file = str(field(sources[0], "file", "") or "") if sources else ""
    ordinal = index.skeleton_ordinal(item) if index is not None else None
    return (file, ordinal[0] if ordinal else 0)


def phrasing_sort_key(item: Any) -> tuple:
    return (
        not field(item, "favorite"),
        -(field(item, "usage") or 0),
        -(field(item, "score") or 0.0),
        str(field(item, "text", "")),
    )


def snippet_sort_key(item: Any) -> tuple:
    return (not field(item, "favorite"), str(field(item, "title") or field(item, "text") or ""))
