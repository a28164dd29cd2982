"""The search results: a flat list of hits, draggable like the tree's items."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QObject, Qt

from eduwriter.gui.editor.mime import ITEM_MIME, item_to_mime
from eduwriter.gui.models.library_items import (
    DetailRole,
    DocumentIndex,
    ItemLike,
    ItemRole,
    field,
    genre_label,
    item_detail,
    item_label,
    item_payload,
    kind_label,
)

if TYPE_CHECKING:
    from eduwriter.library.store import LibraryStore


class ResultsModel(QAbstractListModel):
    """Flat list of search hits (draggable like the tree's items)."""

    def __init__(self, store: LibraryStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._items: list[ItemLike] = []
        self._index: DocumentIndex | None = None  # read when a hit needs its ordinal

    def set_items(self, items: list[ItemLike]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def forget_documents(self) -> None:
        """The library changed: documents' ordinals are read again when next needed."""
        self._index = None

    def _detail(self, item: ItemLike) -> str:
        if field(item, "kind") in ("skeleton", "document") and self._index is None:
            self._index = DocumentIndex(self._store)
        return item_detail(item, self._index)

    def items(self) -> list[ItemLike]:
        return list(self._items)

    def update_item(self, item: ItemLike) -> None:
        """Show the new state of an item already in the list (e.g. after 收藏)."""
        for row, old in enumerate(self._items):
            if field(old, "id") == field(item, "id"):
                self._items[row] = item
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            kind = field(item, "kind", "")
            badge = field(item, "function") if kind == "phrasing" else kind_label(kind)
            if kind == "skeleton":
                badge = self.tr("%1骨架").replace("%1", genre_label(field(item, "genre") or ""))
            return f"［{badge}］{item_label(item, 60, self._detail(item))}"
        if role == Qt.ItemDataRole.ToolTipRole:
            text = str(field(item, "text", "") or "")
            return text[:300] + ("…" if len(text) > 300 else "")
        if role == ItemRole:
            return item
        if role == DetailRole:
            return self._detail(item)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ITEM_MIME, "text/plain"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:  # noqa: N802
        for index in indexes:
            item = self.data(index, ItemRole)
            if item is not None:
                return item_to_mime(item_payload(item, self._store))
        return None

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction
