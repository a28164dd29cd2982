"""Qt tree model over the library store.

Four top nodes: 结构骨架 (by genre), 常用语句 (by function, then topic tag), 范文
(file → document → section) and 我的素材 (the writer's folders and snippets). A top node's subtree
is read from the store only when the node is first expanded (``fetchMore``), so opening the
window with a large library stays fast; node labels carry item counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from eduwriter.core.items import FUNCTIONS
from eduwriter.gui.editor.mime import ITEM_MIME, item_from_mime, item_to_mime
from eduwriter.gui.messages import exception_message
from eduwriter.gui.models.library_items import (
    COUNTED_KINDS,
    GENRE_ORDER,
    TOP_KINDS,
    DetailRole,
    DocumentIndex,
    FolderIdRole,
    ItemRole,
    NodeKeyRole,
    NodeKindRole,
    field,
    genre_label,
    item_detail,
    item_label,
    item_payload,
    split_domain,
    top_label,
)
from eduwriter.gui.models.library_nodes import (
    Node,
    count_items,
    is_snippet_target,
    item_node,
    ordered,
    ordinal_key,
    other_domain_node,
    phrasing_sort_key,
    skeleton_sort_key,
    snippet_sort_key,
)


class LibraryModel(QAbstractItemModel):
    """The library tree. ``refresh()`` re-reads the store (expanded nodes reload on demand).

    Drops onto 我的素材 or one of its folders: a snippet dragged there moves into that folder
    (``snippetMoved(id)`` once stored); dropped text asks to become a snippet
    (``textDropped(text, folder_id)``; the pane opens 加入我的素材).
    """

    snippetMoved = Signal(str)
    textDropped = Signal(str, object)

    def __init__(self, store: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._root = Node("root", (), "", None)
        self._root.children = []
        self._icons: dict[str, Any] = {}
        self.refresh()

    @property
    def store(self) -> Any:
        return self._store

    # -- building ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.beginResetModel()
        counts = self._kind_counts()
        self._root.children = []
        shared = getattr(self._store, "shared", None)  # the unit's library, when one is shown
        if shared is not None:
            counts["shared"] = len(shared)
        self._tops = [*TOP_KINDS, *(["shared"] if shared is not None else [])]
        for kind in self._tops:
            self._root.add(Node("top", (kind,), top_label(kind), None, count=counts.get(kind)))
        self.endResetModel()

    def reload_top(self, kind: str) -> None:
        """Forget one top node's subtree (reloaded when expanded again) and recount it."""
        if kind not in self._tops or (kind == "shared") != (
            getattr(self._store, "shared", None) is not None
        ):
            self.refresh()  # the shared library appeared or went away
            return
        row = self._tops.index(kind)
        node = self._root.children[row]
        index = self.index(row, 0)
        if node.children:
            self.beginRemoveRows(index, 0, len(node.children) - 1)
            node.children = None
            self.endRemoveRows()
        else:
            node.children = None
        node.count = None
        if kind in COUNTED_KINDS:
            try:
                node.count = int(self._store.count(kind))
            except Exception:  # noqa: BLE001 - counts are a nicety
                pass
        self.dataChanged.emit(index, index)

    def update_item(self, item: Any) -> None:
        """Show the new state of an item wherever it is loaded (e.g. after 收藏)."""
        item_id = field(item, "id")
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            node = self.node(parent)
            for row, child in enumerate(node.children or []):
                if child.item is not None and field(child.item, "id") == item_id:
                    child.item = item
                    index = self.index(row, 0, parent)
                    self.dataChanged.emit(index, index)
                if child.children:
                    stack.append(self.index(row, 0, parent))

    def _kind_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for kind in COUNTED_KINDS:
            try:
                counts[kind] = int(self._store.count(kind))
            except Exception:  # noqa: BLE001 - counts are a nicety; the node loads on expand
                pass
        return counts

    def _load(self, node: Node) -> list[Node]:
        if node.kind != "top":
            return []
        kind = node.key[0]
        builder = {
            "skeleton": self._build_skeletons,
            "phrasing": self._build_phrasings,
            "document": self._build_documents,
            "snippet": self._build_snippets,
            "favorite": self._build_favorites,
            "shared": self._build_shared,
        }[kind]
        holder = Node("top", node.key, node.label, None)
        holder.children = []
        try:
            builder(holder)
        except Exception as exc:  # noqa: BLE001 - a damaged or locked library: say so, keep going
            message = exception_message(exc)
            error = Node(
                "error",
                node.key + ("error",),
                QCoreApplication.translate("LibraryModel", "无法读取：%1").replace("%1", message),
                None,
            )
            error.children = []
            return [error]
        node.count = count_items(holder)
        return holder.children

    def _build_skeletons(self, top: Node) -> None:
        items = list(self._store.items(kind="skeleton"))
        index = DocumentIndex(self._store) if items else None
        main, others = split_domain(items)
        self._skeleton_groups(top, main, index)
        if others:
            self._skeleton_groups(other_domain_node(top, len(others)), others, index)

    def _skeleton_groups(self, parent: Node, items: list[Any], index: Any) -> None:
        by_genre: dict[str, list[Any]] = {}
        for it in items:
            by_genre.setdefault(field(it, "genre") or "", []).append(it)
        for genre in ordered(by_genre, GENRE_ORDER):
            group = parent.add(Node("group", parent.key + (genre,), genre_label(genre), None))
            group.children = []
            # Same titles in document order (第 1 篇, 第 2 篇 …).
            rows = sorted(
                by_genre[genre],
                key=lambda it: (*skeleton_sort_key(it), ordinal_key(it, index)),
            )
            for it in rows:
                group.add(item_node(it, group, item_detail(it, index)))
            group.count = len(rows)

    def _build_phrasings(self, top: Node) -> None:
        main, others = split_domain(list(self._store.items(kind="phrasing")))
        self._phrasing_groups(top, main)
        if others:
            self._phrasing_groups(other_domain_node(top, len(others)), others)

    def _phrasing_groups(self, top: Node, items: list[Any]) -> None:
        by_function: dict[str, list[Any]] = {}
        for it in items:
            by_function.setdefault(field(it, "function") or "", []).append(it)
        for function in ordered(by_function, FUNCTIONS):
            rows = sorted(by_function[function], key=phrasing_sort_key)
            group = top.add(
                Node(
                    "group",
                    top.key + (function,),
                    # the category's name in the UI language (开头 -> Opening)
                    QCoreApplication.translate("PhrasingCategory", function)
                    if function
                    else QCoreApplication.translate("LibraryModel", "其他"),
                    None,
                    count=len(rows),
                )
            )
            group.children = []
            by_tag: dict[str, list[Any]] = {}
            for it in rows:
                tags = list(field(it, "tags") or []) or [""]
                for tag in tags:
                    by_tag.setdefault(tag, []).append(it)
            tagged = sorted((t for t in by_tag if t), key=lambda t: (-len(by_tag[t]), t))
            if not tagged:  # no topics at all: list the phrasings directly
                for it in rows:
                    group.add(item_node(it, group))
                continue
            for tag in [*tagged, ""] if "" in by_tag else tagged:
                sub = group.add(
                    Node(
                        "group",
                        group.key + (tag,),
                        tag or QCoreApplication.translate("LibraryModel", "其他"),
                        None,
                        count=len(by_tag[tag]),
                    )
                )
                sub.children = [item_node(it, sub) for it in by_tag[tag]]

    def _build_documents(self, top: Node) -> None:
        def attach(parent: Node, tree_node: Any, detail: str = "") -> None:
            node = parent.add(item_node(tree_node.item, parent, detail))
            node.children = []
            for child in tree_node.children:
                attach(node, child)

        for file_node in self._store.documents():
            name = file_node.file or QCoreApplication.translate("LibraryModel", "（未知文件）")
            group = top.add(
                Node("group", top.key + (name,), name, None, count=len(file_node.documents))
            )
            group.children = []
            several = len(file_node.documents) > 1
            for ordinal, doc in enumerate(file_node.documents, 1):
                detail = (
                    QCoreApplication.translate("LibraryModel", "第 %1 篇").replace(
                        "%1", str(ordinal)
                    )
                    if several
                    else ""
                )
                attach(group, doc, detail)

    def _build_favorites(self, top: Node) -> None:
        order = {
            k: i for i, k in enumerate(("snippet", "phrasing", "skeleton", "section", "document"))
        }
        favorites = [it for it in self._store.items() if field(it, "favorite")]
        shared = getattr(self._store, "shared", None)  # starred unit items, kept in this library
        favorites += shared.favorites() if shared is not None else []
        favorites.sort(key=lambda it: (order.get(field(it, "kind"), 9), -(field(it, "usage") or 0)))
        index = DocumentIndex(self._store) if favorites else None
        for it in favorites:
            top.add(item_node(it, top, item_detail(it, index)))

    def _build_snippets(self, top: Node) -> None:
        folders = list(self._store.folders())
        snippets = list(self._store.items(kind="snippet"))
        ids = {field(f, "id") for f in folders}
        sub_of: dict[Any, list[Any]] = {}
        for f in folders:
            p = field(f, "parent")
            sub_of.setdefault(p if p in ids else None, []).append(f)
        in_folder: dict[Any, list[Any]] = {}
        for sn in snippets:
            fid = field(sn, "folder")
            in_folder.setdefault(fid if fid in ids else None, []).append(sn)

        def fill(node: Node, folder_id: Any) -> int:
            node.children = node.children or []
            total = 0
            for f in sorted(sub_of.get(folder_id, []), key=lambda f: str(field(f, "name", ""))):
                fid = field(f, "id")
                fnode = node.add(
                    Node(
                        "folder", node.key + (fid,), str(field(f, "name", "")), None, folder_id=fid
                    )
                )
                fnode.count = fill(fnode, fid)
                total += fnode.count
            for sn in sorted(in_folder.get(folder_id, []), key=snippet_sort_key):
                node.add(item_node(sn, node))
                total += 1
            return total

        fill(top, None)

    def _build_shared(self, top: Node) -> None:
        """单位素材库: the shared items (read-only) by their folder on the server."""
        groups: dict[str, Node] = {}
        for it in sorted(self._store.shared.items(), key=snippet_sort_key):
            path = str((field(it, "data") or {}).get("shared_origin", {}).get("folder") or "")
            parent = top
            if path:
                if path not in groups:
                    groups[path] = top.add(Node("group", top.key + (path,), path, None))
                parent = groups[path]
            parent.add(item_node(it, parent))
        for node in groups.values():
            node.count = len(node.children or [])

    # -- lookups -----------------------------------------------------------------------------
    def node(self, index: QModelIndex | QPersistentModelIndex) -> Node:
        if index.isValid():
            return index.internalPointer()
        return self._root

    def item(self, index: QModelIndex) -> Any:
        return self.node(index).item if index.isValid() else None

    def top_index(self, kind: str) -> QModelIndex:
        return self.index(self._tops.index(kind), 0) if kind in self._tops else QModelIndex()

    def find_key(self, key: tuple) -> QModelIndex:
        """The index of the node with ``key`` (loading parents as needed), or an invalid index."""
        index = QModelIndex()
        for depth in range(1, len(key) + 1):
            node = self.node(index)
            if node.children is None:
                self.fetchMore(index)
            for row, child in enumerate(node.children or []):
                if child.key == key[:depth]:
                    index = self.index(row, 0, index)
                    break
            else:
                return QModelIndex()
        return index

    def find_item(self, item_id: Any, under: QModelIndex | None = None) -> QModelIndex:
        """The first loaded row showing item ``item_id`` (loads the top nodes' subtrees)."""
        stack = [under or QModelIndex()]
        while stack:
            parent = stack.pop(0)
            if self.canFetchMore(parent):
                self.fetchMore(parent)
            for row in range(self.rowCount(parent)):
                idx = self.index(row, 0, parent)
                node = self.node(idx)
                if node.item is not None and field(node.item, "id") == item_id:
                    return idx
                if node.children:
                    stack.append(idx)
        return QModelIndex()

    # -- Qt model API ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self.node(parent)
        if column != 0 or node.children is None or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node: Node = index.internalPointer()
        par = node.parent
        if par is None or par is self._root:
            return QModelIndex()
        return self.createIndex(par.row(), 0, par)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.column() > 0:
            return 0
        node = self.node(parent)
        return len(node.children) if node.children is not None else 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        node = self.node(parent)
        if node.children is None:
            return node.kind == "top" and node.count != 0
        return bool(node.children)

    def canFetchMore(self, parent: QModelIndex) -> bool:  # noqa: N802
        node = self.node(parent)
        return node.kind == "top" and node.children is None

    def fetchMore(self, parent: QModelIndex) -> None:  # noqa: N802
        node = self.node(parent)
        if node.children is not None:
            return
        children = self._load(node)
        node.children = []
        if children:
            self.beginInsertRows(parent, 0, len(children) - 1)
            for child in children:
                child.parent = node
            node.children = children
            self.endInsertRows()
        self.dataChanged.emit(parent, parent)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        if role == Qt.ItemDataRole.DisplayRole:
            if node.item is not None:
                return item_label(node.item, detail=node.label)
            if node.count is not None:
                return (
                    QCoreApplication.translate("LibraryModel", "%1（%2）")
                    .replace("%2", str(node.count))
                    .replace("%1", node.label)
                )
            return node.label
        if role == Qt.ItemDataRole.ToolTipRole and node.item is not None:
            text = str(field(node.item, "text", "") or "")
            return text[:300] + ("…" if len(text) > 300 else "")
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(node)
        if role == Qt.ItemDataRole.FontRole and node.kind == "top":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and node.item is not None:
            if field(node.item, "kind") == "skeleton" and (field(node.item, "data") or {}).get(
                "merged"
            ):
                return QBrush(QColor("#1d4e89"))
            return None
        if role == ItemRole:
            return node.item
        if role == NodeKindRole:
            return node.kind
        if role == NodeKeyRole:
            return node.key
        if role == FolderIdRole:
            return node.folder_id
        if role == DetailRole:
            return node.label if node.item is not None else ""
        return None

    def _icon(self, node: Node) -> Any:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return None
        name = "item" if node.item is not None else "dir"
        if name not in self._icons:
            pixmap = (
                QStyle.StandardPixmap.SP_FileIcon
                if name == "item"
                else QStyle.StandardPixmap.SP_DirIcon
            )
            self._icons[name] = app.style().standardIcon(pixmap)
        return self._icons[name]

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        node = self.node(index)
        if node.item is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        elif is_snippet_target(node):
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: QModelIndex
    ) -> bool:
        if data is None or not parent.isValid() or not is_snippet_target(self.node(parent)):
            return False
        payload = item_from_mime(data)
        if payload is not None:
            return payload["kind"] == "snippet"
        return data.hasText() and bool(data.text().strip())

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: QModelIndex
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        folder = self.node(parent).folder_id
        payload = item_from_mime(data)
        if payload is None:
            text = data.text().strip()
            # Let the drag finish before a dialog opens.
            QTimer.singleShot(0, lambda: self.textDropped.emit(text, folder))
            return True
        item_id = payload["id"]
        self._store.update_item(item_id, folder=folder, clear_folder=folder is None)
        # The tree is re-read after the drop has returned (never inside the view's drop handler).
        QTimer.singleShot(0, lambda: self.snippetMoved.emit(item_id))
        return True

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ITEM_MIME, "text/plain"]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData | None:  # noqa: N802
        for index in indexes:
            item = self.item(index)
            if item is not None:
                return item_to_mime(item_payload(item, self._store))
        return None

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction
