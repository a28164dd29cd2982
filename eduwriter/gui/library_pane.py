"""The library pane (left side of the main window): search box, tree / results, preview.

Typing in the search box runs ``store.search`` on a background thread after a short pause, so
the window never waits for a query; the tree is replaced by the result list while a query is
active. Double-click, Enter, the context menu's 插入 or a drag send an item to the composer
(``insertRequested(payload)`` with payload ``{"id", "kind", "text", "title", "data"}``).
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from eduwriter.compose.numbering import compute_markers
from eduwriter.core.slots import SLOT_RE as _SLOT
from eduwriter.gui.import_dialog import IMPORT_SUFFIXES, ImportDialog
from eduwriter.gui.library_model import (
    DetailRole,
    DocumentIndex,
    ItemRole,
    LibraryModel,
    NodeKeyRole,
    exception_message,
    field,
    genre_label,
    item_detail,
    item_label,
    item_payload,
    kind_label,
    library_total,
    merged_skeleton_label,
    section_lines,
)
from eduwriter.gui.mime import ITEM_MIME, item_to_mime
from eduwriter.gui.snippet_dialogs import FolderChoiceDialog, SnippetDialog
from eduwriter.gui.workers import SearchRunner
from eduwriter.library import pinyin

SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 200


_SLOT_STYLE = "background-color:#ffe9a8; color:#7a4b00; font-weight:bold;"
_HIT_STYLE = "background-color:#cfe3ff;"


def match_spans(text: str, query: str, limit: int = 50) -> list[tuple[int, int]]:
    """Where ``query`` matches ``text``: literally, else by pinyin initials (zdsx → 指导思想),
    else by full pinyin (zhidaosixiang). ``(start, end)`` character offsets."""
    q = query.strip()
    if not q or not text:
        return []
    low = text.casefold()
    if len(low) != len(text):
        low = text.lower()
    needle = q.casefold()
    spans: list[tuple[int, int]] = []
    start = low.find(needle)
    while start >= 0 and len(spans) < limit:
        spans.append((start, start + len(needle)))
        start = low.find(needle, start + len(needle))
    if spans or not pinyin.is_pinyin_query(q):
        return spans
    letters = q.replace(" ", "").replace("'", "").lower()
    initials = pinyin.to_initials(text)
    if len(initials) == len(text):
        start = initials.find(letters)
        while start >= 0 and len(spans) < limit:
            spans.append((start, start + len(letters)))
            start = initials.find(letters, start + len(letters))
    if spans:
        return spans
    offsets: list[int] = []
    joined: list[str] = []
    pos = 0
    for ch in text:
        readings = pinyin.readings(ch)
        piece = readings[0] if readings else ch.lower()
        offsets.append(pos)
        joined.append(piece)
        pos += len(piece)
    flat = "".join(joined)
    start = flat.find(letters)
    while start >= 0 and len(spans) < limit:
        first = bisect.bisect_right(offsets, start) - 1
        last = bisect.bisect_left(offsets, start + len(letters))
        spans.append((first, max(last, first + 1)))
        start = flat.find(letters, start + len(letters))
    return spans


def render_text(text: str, query: str = "") -> str:
    """HTML of ``text``: every 【slot】 marked, the words matching ``query`` shaded, escaped,
    line breaks kept."""
    n = len(text)
    slot = [False] * n
    for m in _SLOT.finditer(text):
        for i in range(m.start(), m.end()):
            slot[i] = True
    hit = [False] * n
    for start, end in match_spans(text, query) if query else ():
        for i in range(start, min(end, n)):
            hit[i] = True
    out: list[str] = []
    i = 0
    while i < n:
        j = i
        while j < n and slot[j] == slot[i] and hit[j] == hit[i]:
            j += 1
        chunk = html.escape(text[i:j])
        style = (_SLOT_STYLE if slot[i] else "") + (_HIT_STYLE if hit[i] and not slot[i] else "")
        if slot[i] and hit[i]:
            style += "text-decoration:underline;"
        out.append(f'<span style="{style}">{chunk}</span>' if style else chunk)
        i = j
    return "".join(out).replace("\n", "<br/>")


def highlight_slots(text: str) -> str:
    """HTML of ``text`` with every 【slot】 marked (escaped, line breaks kept)."""
    return render_text(text)


def source_line(src: Any) -> str:
    """``file · document · section › subsection`` for one SourceRef (or its JSON dict)."""
    parts = [str(field(src, "file", "") or ""), str(field(src, "document", "") or "")]
    section = field(src, "section", ()) or ()
    if section:
        parts.append(" › ".join(str(s) for s in section))
    return " · ".join(p for p in parts if p)


class ResultsModel(QAbstractListModel):
    """Flat list of search hits (draggable like the tree's items)."""

    def __init__(self, store: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._items: list[Any] = []
        self._index: DocumentIndex | None = None  # read when a hit needs its ordinal

    def set_items(self, items: list[Any]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def forget_documents(self) -> None:
        """The library changed: documents' ordinals are read again when next needed."""
        self._index = None

    def _detail(self, item: Any) -> str:
        if field(item, "kind") in ("skeleton", "document") and self._index is None:
            self._index = DocumentIndex(self._store)
        return item_detail(item, self._index)

    def items(self) -> list[Any]:
        return list(self._items)

    def update_item(self, item: Any) -> None:
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


class LibraryPane(QWidget):
    """Search, browse and preview the library; send items to the composer.

    ``store`` is an open LibraryStore (thread-safe: searches and imports run on worker threads
    with the same store object).
    """

    insertRequested = Signal(dict)
    #: emitted after each finished search: (query, number of results shown)
    searchFinished = Signal(str, int)
    #: emitted when the library changed (import, snippet edits)
    libraryChanged = Signal()

    def __init__(
        self,
        store: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.active_dialog: QWidget | None = None
        self._imports: list[ImportDialog] = []
        self._last_query = ""
        self._search_kind: str | None = None

        # search row
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("librarySearch")
        self.search_edit.setPlaceholderText(self.tr("搜索素材：汉字或拼音（如 zdsx）"))
        self.search_edit.setClearButtonEnabled(True)
        self.kind_combo = QComboBox(self)
        for label, kind in (
            (self.tr("全部"), None),
            (self.tr("骨架"), "skeleton"),
            (self.tr("语句"), "phrasing"),
            (self.tr("范文"), "document"),
            (self.tr("我的"), "snippet"),
        ):
            self.kind_combo.addItem(label, kind)
        self.kind_combo.setToolTip(self.tr("只搜索某一类素材"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("libraryCount")
        self.count_label.setStyleSheet("color: #666;")

        # tree and results
        self.model = LibraryModel(store, self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("libraryTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results_model = ResultsModel(store, self)
        # A one-column tree without branches: a list whose rows elide to the pane's width.
        self.results = QTreeView(self)
        self.results.setObjectName("libraryResults")
        self.results.setModel(self.results_model)
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        for view in (self.tree, self.results):
            view.setDragEnabled(True)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
            view.setDefaultDropAction(Qt.DropAction.CopyAction)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(self._context_menu)
            view.doubleClicked.connect(self._on_double_click)
            view.installEventFilter(self)
        # The tree also takes drops: a snippet onto a folder of 我的素材 moves it there, text
        # dropped onto 我的素材 (e.g. from the composer) opens 加入我的素材.
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDropIndicatorShown(True)
        self.model.snippetMoved.connect(lambda item_id: self._changed(select=item_id))
        self.model.textDropped.connect(
            lambda text, folder: self.add_snippet_from_text(text, folder=folder)
        )
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.results)

        # preview
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("libraryPreview")
        self.preview.setOpenLinks(False)
        self.preview.setPlaceholderText(self.tr("选中一条素材，在此预览；双击或按回车插入。"))

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.kind_combo)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addLayout(row)
        lay.addWidget(self.count_label)
        lay.addWidget(splitter, 1)

        # behaviour
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._run_search)
        self._runner = SearchRunner(store, self)
        self._runner.resultsReady.connect(self._on_results)
        self.search_edit.textChanged.connect(self._on_text_changed)
        self.search_edit.returnPressed.connect(self._on_search_return)
        self.search_edit.installEventFilter(self)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._on_text_changed())
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.results.selectionModel().currentChanged.connect(self._on_current_changed)
        self._show_totals()
        # Load the search index in the background once the window is up.
        QTimer.singleShot(1500, self._runner.warm_up)
        # A writer's first look is for a structure: open 结构骨架 from the start.
        self._expand(self.model.top_index("skeleton"))

    # -- public API --------------------------------------------------------------------------
    def refresh(self, kinds: Iterable[str] | None = None) -> None:
        """Re-read the store; keeps expanded folders, the selection and an active search.

        ``kinds`` limits the reload to some top nodes (e.g. ``["snippet"]`` after editing the
        writer's own snippets) so a large library is not read again for a small change.
        """
        expanded = self._expanded_keys()
        current = self.current_item()
        current_id = field(current, "id") if current is not None else None
        self.results_model.forget_documents()
        if kinds is None:
            self.model.refresh()
        else:
            kinds = set(kinds)
            for kind in kinds:
                self.model.reload_top(kind)
            expanded = [k for k in expanded if k and k[0] in kinds]
        for key in expanded:
            idx = self.model.find_key(key)
            if idx.isValid():
                self._expand(idx)
        if current_id is not None and self.stack.currentWidget() is self.tree:
            idx = self._find_loaded(current_id)
            if idx.isValid():
                self.tree.setCurrentIndex(idx)
        if self.search_edit.text().strip():
            self._run_search()
        else:
            self._show_totals()

    def current_item(self) -> Any:
        view = self.stack.currentWidget()
        index = view.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def search(self, text: str) -> None:
        """Put ``text`` in the search box (as if typed)."""
        self.search_edit.setText(text)

    def import_documents(self, paths: list[str]) -> ImportDialog:
        """Import files and/or folders in the background with a progress dialog."""
        dialog = ImportDialog(self.store, paths, self)
        dialog.imported.connect(self._after_import)
        self._imports.append(dialog)
        dialog.job.done.connect(
            lambda: self._imports.remove(dialog) if dialog in self._imports else None
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.active_dialog = dialog
        dialog.show()
        dialog.start()
        return dialog

    def ask_import_files(self) -> ImportDialog | None:
        """文件 → 导入范文…: choose files, then import them."""
        from PySide6.QtWidgets import QFileDialog

        patterns = " ".join(f"*{s}" for s in IMPORT_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("导入范文"),
            "",
            self.tr("范文文件 (%1);;所有文件 (*)").replace("%1", patterns),
        )
        return self.import_documents(paths) if paths else None

    def ask_import_folder(self) -> ImportDialog | None:
        """文件 → 导入范文文件夹…: choose a folder, then import everything readable in it."""
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("导入范文文件夹"))
        return self.import_documents([folder]) if folder else None

    def add_snippet_from_text(self, text: str, folder: Any = None) -> SnippetDialog:
        """Open 加入我的素材 for ``text``; the snippet is stored when the writer confirms."""
        dialog = SnippetDialog(self.store, text, folder=folder, parent=self)
        dialog.accepted.connect(lambda: self._create_snippet(dialog))
        self._open(dialog)
        return dialog

    def insert_item(self, item: Any) -> dict | None:
        """Send ``item`` to the composer (records the use)."""
        if item is None:
            return None
        payload = item_payload(item, self.store)
        try:
            self.store.record_use(payload["id"])
        except Exception:  # noqa: BLE001 - usage counts never block an insert
            pass
        self.insertRequested.emit(payload)
        return payload

    def is_busy(self) -> bool:
        """True while an import is running (the window may ask before closing)."""
        return any(d.is_running() for d in self._imports)

    def shutdown(self) -> None:
        """Stop background work (call before closing the store): pending searches are dropped,
        a running import is cancelled (files already imported stay) and waited for."""
        self._timer.stop()
        self._runner.shutdown()
        for dialog in list(self._imports):
            if dialog.is_running():
                dialog.job.cancel()
                dialog.wait(60000)

    # -- search ------------------------------------------------------------------------------
    def _on_text_changed(self, *_args: Any) -> None:
        if self.search_edit.text().strip():
            self._timer.start()
        else:
            self._timer.stop()
            self._runner.cancel_pending()
            self._last_query = ""
            self.stack.setCurrentWidget(self.tree)
            self._show_totals()
            self._show_preview(self.current_item())

    def _run_search(self) -> None:
        query = self.search_edit.text().strip()
        if not query:
            return
        kind = self.kind_combo.currentData()
        filters: dict[str, Any] = {"limit": SEARCH_LIMIT}
        if kind and kind != "document":
            filters["kind"] = kind
        self._search_kind = kind
        if self.stack.currentWidget() is self.tree:  # results keep their count until replaced
            self.count_label.setText(self.tr("正在搜索…"))
        self._runner.request(query, **filters)

    def _on_results(self, _gen: int, query: str, items: list, error: str) -> None:
        if query != self.search_edit.text().strip():
            return  # typed on meanwhile; a newer search is coming
        if self._search_kind == "document":
            items = [it for it in items if field(it, "kind") in ("document", "section")]
        self._last_query = query
        self.results_model.set_items(items)
        self.stack.setCurrentWidget(self.results)
        if error:
            self.count_label.setText(self.tr("搜索出错：%1").replace("%1", error))
        elif not items:
            self.count_label.setText(self.tr("没有找到“%1”").replace("%1", query))
        elif len(items) >= SEARCH_LIMIT:
            self.count_label.setText(
                self.tr("找到 %1 条以上，显示前 %1 条").replace("%1", str(len(items)))
            )
        else:
            self.count_label.setText(self.tr("找到 %1 条").replace("%1", str(len(items))))
        if items:
            self.results.setCurrentIndex(self.results_model.index(0, 0))
        else:
            self._show_preview(None)
        self.searchFinished.emit(query, len(items))

    def _on_search_return(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._run_search()
            return
        if self.stack.currentWidget() is self.results and self.results_model.rowCount():
            self.results.setFocus()

    def _show_totals(self) -> None:
        total = library_total(self.store)  # the same sum as the import summary's
        self.count_label.setText(
            self.tr("共 %1 条素材；输入汉字或拼音搜索").replace("%1", str(total))
        )

    # -- selection and preview ---------------------------------------------------------------
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_preview(current.data(ItemRole) if current.isValid() else None)

    def _show_preview(self, item: Any) -> None:
        if item is None:
            self.preview.clear()
            return
        query = self._last_query if self.stack.currentWidget() is self.results else ""
        index = self.stack.currentWidget().currentIndex()
        detail = ""
        if index.isValid() and field(index.data(ItemRole), "id") == field(item, "id"):
            detail = str(index.data(DetailRole) or "")
        self.preview.setHtml(preview_html(item, self.store, query, detail))

    # -- activation --------------------------------------------------------------------------
    def _on_double_click(self, index: QModelIndex) -> None:
        item = index.data(ItemRole)
        if item is not None:
            self.insert_item(item)
        elif self.sender() is self.tree:
            self.tree.setExpanded(index, not self.tree.isExpanded(index))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if obj in (self.tree, self.results) and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                index = obj.currentIndex()
                item = index.data(ItemRole) if index.isValid() else None
                if item is not None:
                    self.insert_item(item)
                    return True
            if obj is self.search_edit:
                if key == Qt.Key.Key_Down:
                    view = self.stack.currentWidget()
                    view.setFocus()
                    if not view.currentIndex().isValid() and view.model().rowCount():
                        view.setCurrentIndex(view.model().index(0, 0))
                    return True
                if key == Qt.Key.Key_Escape and self.search_edit.text():
                    self.search_edit.clear()
                    return True
        return super().eventFilter(obj, event)

    # -- context menu ------------------------------------------------------------------------
    def _context_menu(self, pos: QPoint) -> None:
        view = self.sender()
        if not isinstance(view, QAbstractItemView):
            return
        menu = self.build_context_menu(view.indexAt(pos), view)
        if menu.actions():
            menu.exec(view.viewport().mapToGlobal(pos))

    def build_context_menu(
        self, index: QModelIndex, view: QAbstractItemView | None = None
    ) -> QMenu:
        """The context menu for ``index`` (public so tests and GUI-A's menus can use the actions)."""
        menu = QMenu(self)
        item = index.data(ItemRole) if index.isValid() else None
        key = index.data(NodeKeyRole) if index.isValid() else None
        in_mine = bool(key) and key[0] == "snippet"
        folder_id = self._folder_of_index(index) if in_mine else None

        def add(text: str, slot: Callable[[], Any], name: str) -> QAction:
            action = menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(slot)
            return action

        if item is not None:
            add(self.tr("插入"), lambda: self.insert_item(item), "insert")
            fav = bool(field(item, "favorite"))
            add(
                self.tr("取消收藏") if fav else self.tr("收藏"),
                lambda: self._set_favorite(item, not fav),
                "favorite",
            )
            if field(item, "kind") == "snippet":
                menu.addSeparator()
                add(self.tr("重命名…"), lambda: self.rename_snippet(item), "rename")
                add(self.tr("编辑…"), lambda: self.edit_snippet(item), "edit")
                add(self.tr("移动到…"), lambda: self.move_snippet(item), "move")
                add(self.tr("删除…"), lambda: self.delete_snippet(item), "delete")
            elif field(item, "text"):
                add(self.tr("加入我的素材…"), lambda: self.copy_to_mine(item), "copy")
        elif in_mine:
            add(self.tr("新建文件夹…"), lambda: self.new_folder(folder_id), "newFolder")
            if folder_id is not None:
                add(self.tr("重命名文件夹…"), lambda: self.rename_folder(folder_id), "renameFolder")
                add(self.tr("删除文件夹…"), lambda: self.delete_folder(folder_id), "deleteFolder")
        if in_mine and item is not None:
            menu.addSeparator()
            add(self.tr("新建文件夹…"), lambda: self.new_folder(folder_id), "newFolder")
        if view is None or view is self.tree:
            if menu.actions():
                menu.addSeparator()
            add(self.tr("刷新"), self.refresh, "refresh")
        return menu

    def _folder_of_index(self, index: QModelIndex) -> Any:
        node = self.model.node(index) if index.model() is self.model else None
        while node is not None:
            if node.kind == "folder":
                return node.folder_id
            node = node.parent
        return None

    # -- actions on items --------------------------------------------------------------------
    def _set_favorite(self, item: Any, value: bool) -> None:
        item_id = field(item, "id")
        if not self._guard(lambda: self.store.set_favorite(item_id, value)):
            return
        fresh = self.store.get(item_id)
        self.refresh(kinds=["favorite"])  # also re-runs an active search: favourites rank first
        if fresh is not None:
            self.model.update_item(fresh)
            self.results_model.update_item(fresh)
            if field(self.current_item(), "id") == item_id:
                self._show_preview(fresh)
        self.libraryChanged.emit()

    def copy_to_mine(self, item: Any) -> SnippetDialog:
        """加入我的素材 for a built-in item: a personal copy the writer can change."""
        tags = list(field(item, "tags") or [])
        dialog = SnippetDialog(
            self.store, str(field(item, "text", "")), tags=tags, title="", parent=self
        )
        dialog.accepted.connect(lambda: self._create_snippet(dialog))
        self._open(dialog)
        return dialog

    def edit_snippet(self, item: Any) -> SnippetDialog:
        dialog = SnippetDialog(
            self.store,
            str(field(item, "text", "")),
            title=str(field(item, "title", "") or ""),
            folder=field(item, "folder"),
            tags=list(field(item, "tags") or []),
            editing=True,
            parent=self,
        )
        item_id = field(item, "id")

        def save() -> None:
            v = dialog.values()
            if self._guard(
                lambda: self.store.update_item(
                    item_id,
                    text=v["text"],
                    title=v["title"],
                    tags=v["tags"],
                    folder=v["folder"],
                    clear_folder=v["folder"] is None,
                )
            ):
                self._changed(select=item_id)

        dialog.accepted.connect(save)
        self._open(dialog)
        return dialog

    def rename_snippet(self, item: Any) -> QInputDialog:
        item_id = field(item, "id")
        dialog = self._text_dialog(
            self.tr("重命名素材"), self.tr("标题："), str(field(item, "title", "") or "")
        )

        def done(text: str) -> None:
            title = text.strip()
            if title and self._guard(lambda: self.store.update_item(item_id, title=title)):
                self._changed(select=item_id)

        dialog.textValueSelected.connect(done)
        self._open(dialog)
        return dialog

    def move_snippet(self, item: Any) -> FolderChoiceDialog:
        item_id = field(item, "id")
        dialog = FolderChoiceDialog(self.store, field(item, "folder"), self)

        def done() -> None:
            if self._guard(
                lambda: self.store.update_item(
                    item_id, folder=dialog.folder(), clear_folder=dialog.folder() is None
                )
            ):
                self._changed(select=item_id)

        dialog.accepted.connect(done)
        self._open(dialog)
        return dialog

    def delete_snippet(self, item: Any) -> QMessageBox:
        item_id = field(item, "id")
        label = item_label(item, 30)
        box = self._confirm(
            self.tr("删除素材"),
            self.tr("确定删除“%1”吗？此操作不能撤销。").replace("%1", label),
        )
        box.accepted.connect(
            lambda: self._guard(lambda: self.store.delete_item(item_id)) and self._changed()
        )
        return box

    def new_folder(self, parent_id: Any = None) -> QInputDialog:
        dialog = self._text_dialog(self.tr("新建文件夹"), self.tr("文件夹名称："), "")

        def done(text: str) -> None:
            name = text.strip()
            if name and self._guard(lambda: self.store.add_folder(name, parent=parent_id)):
                self._changed(expand_mine=True)

        dialog.textValueSelected.connect(done)
        self._open(dialog)
        return dialog

    def rename_folder(self, folder_id: Any) -> QInputDialog:
        current = next(
            (
                str(field(f, "name", ""))
                for f in self.store.folders()
                if field(f, "id") == folder_id
            ),
            "",
        )
        dialog = self._text_dialog(self.tr("重命名文件夹"), self.tr("文件夹名称："), current)

        def done(text: str) -> None:
            name = text.strip()
            if name and self._guard(lambda: self.store.rename_folder(folder_id, name)):
                self._changed()

        dialog.textValueSelected.connect(done)
        self._open(dialog)
        return dialog

    def delete_folder(self, folder_id: Any) -> QMessageBox:
        name = next(
            (
                str(field(f, "name", ""))
                for f in self.store.folders()
                if field(f, "id") == folder_id
            ),
            "",
        )
        box = self._confirm(
            self.tr("删除文件夹"),
            self.tr("确定删除文件夹“%1”吗？其中的素材会移到“未分类”。").replace("%1", name),
        )
        box.accepted.connect(
            lambda: self._guard(lambda: self.store.delete_folder(folder_id)) and self._changed()
        )
        return box

    # -- helpers -----------------------------------------------------------------------------
    def _create_snippet(self, dialog: SnippetDialog) -> None:
        v = dialog.values()
        created: list[Any] = []

        def run() -> None:
            item = self.store.add_snippet(
                v["text"], folder=v["folder"], tags=tuple(v["tags"]), title=v["title"]
            )
            created.append(field(item, "id", item))

        if self._guard(run):
            self._changed(select=created[0] if created else None, expand_mine=True)

    def _changed(self, select: Any = None, expand_mine: bool = False) -> None:
        """After a change to the writer's snippets or folders (only 我的素材 is re-read)."""
        self.refresh(kinds=["snippet", "favorite"])
        if expand_mine:
            top = self.model.top_index("snippet")
            self._expand(top)
        if select is not None and self.stack.currentWidget() is self.tree:
            idx = self.model.find_item(select, self.model.top_index("snippet"))
            if idx.isValid():
                parent = idx.parent()
                while parent.isValid():
                    self._expand(parent)
                    parent = parent.parent()
                self.tree.setCurrentIndex(idx)
                self.tree.scrollTo(idx)
        self.libraryChanged.emit()

    def _guard(self, fn: Callable[[], Any]) -> bool:
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - shown to the writer, nothing is lost
            message = exception_message(exc)
            QMessageBox.warning(
                self, self.tr("素材库"), self.tr("操作未完成：%1").replace("%1", message)
            )
            return False
        return True

    def _open(self, dialog: QWidget) -> None:
        self.active_dialog = dialog
        dialog.open()

    def _text_dialog(self, title: str, label: str, value: str) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(value)
        dialog.setOkButtonText(self.tr("确定"))
        dialog.setCancelButtonText(self.tr("取消"))
        return dialog

    def _confirm(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes = box.addButton(self.tr("删除"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        self._open(box)
        return box

    def _after_import(self, _report: Any) -> None:
        self.refresh()
        self._expand(self.model.top_index("document"))
        self.libraryChanged.emit()

    def _expand(self, index: QModelIndex) -> None:
        """Expand now (right after a model reset QTreeView would only fetch at the next layout)."""
        if index.isValid() and self.model.canFetchMore(index):
            self.model.fetchMore(index)
        self.tree.expand(index)

    def _expanded_keys(self) -> list[tuple]:
        keys: list[tuple] = []
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(self.model.rowCount(parent)):
                idx = self.model.index(row, 0, parent)
                if self.tree.isExpanded(idx):
                    keys.append(idx.data(NodeKeyRole))
                    stack.append(idx)
        return keys

    def _find_loaded(self, item_id: Any) -> QModelIndex:
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(self.model.rowCount(parent)):
                idx = self.model.index(row, 0, parent)
                item = idx.data(ItemRole)
                if item is not None and field(item, "id") == item_id:
                    return idx
                if self.tree.isExpanded(idx):
                    stack.append(idx)
        return QModelIndex()


def preview_html(item: Any, store: Any = None, query: str = "", detail: str = "") -> str:
    """The preview of one item: title, kind, 出自 lines, and the text with its slots marked and
    the words matching the search ``query`` shaded. ``detail`` (第 2 篇 · 5 部分 · file, as on the
    item's row) goes under the title."""
    kind = field(item, "kind", "")
    title = str(field(item, "title", "") or "")
    data = field(item, "data") or {}
    if kind == "skeleton" and isinstance(data, dict) and data.get("merged"):
        title = merged_skeleton_label(item)  # as in the tree
    text = str(field(item, "text", "") or "")
    meta = [kind_label(kind)]
    if field(item, "function") and kind != "skeleton":  # a skeleton's is an internal marker
        meta.append(str(field(item, "function")))
    if field(item, "genre"):
        meta.append(genre_label(str(field(item, "genre"))))
    tags = list(field(item, "tags") or [])
    if tags:
        meta.append("、".join(tags))
    if field(item, "favorite"):
        meta.append(QCoreApplication.translate("LibraryPane", "已收藏"))
    if detail:
        meta.append(detail)
    usage = field(item, "usage") or 0
    if usage:
        meta.append(
            QCoreApplication.translate("LibraryPane", "用过 %1 次").replace("%1", str(usage))
        )
    out = ['<div style="font-size:10.5pt;">']
    if title and kind != "phrasing":
        out.append(
            f'<p style="font-weight:bold; font-size:11.5pt; margin:0 0 4px 0;">{render_text(title, query)}</p>'
        )
    out.append(f'<p style="color:#777; margin:0 0 6px 0;">{html.escape(" · ".join(meta))}</p>')
    sources = list(field(item, "sources") or [])
    for src in sources[:3]:
        out.append(
            f'<p style="color:#555; margin:2px 0;">{html.escape(QCoreApplication.translate("LibraryPane", "出自："))}'
            f"{html.escape(source_line(src))}</p>"
        )
    if len(sources) > 3:
        more = QCoreApplication.translate("LibraryPane", "等 %1 处").replace(
            "%1", str(len(sources))
        )
        out.append(f'<p style="color:#555; margin:2px 0;">{html.escape(more)}</p>')
    data = field(item, "data") or {}
    parts = data.get("parts") if isinstance(data, dict) else None
    if kind == "skeleton" and parts:
        out.append(_skeleton_html(parts, data, query))
    elif kind in ("section", "document"):
        lines = section_lines(store, item)[1 if kind == "section" else 0 :]
        out.append(_section_html(lines, query))
    else:
        out.append(f'<p style="margin:6px 0 6px 0;">{render_text(text, query)}</p>')
    out.append("</div>")
    return "".join(out)


def _section_html(lines: list[tuple[bool, str]], query: str = "", limit: int = 6000) -> str:
    out: list[str] = []
    used = 0
    for is_heading, line in lines:
        if used > limit:
            out.append(
                f'<p style="color:#999;">{html.escape(QCoreApplication.translate("LibraryPane", "……（双击插入全文）"))}</p>'
            )
            break
        used += len(line)
        if is_heading:
            out.append(
                f'<p style="margin:6px 0 2px 0; font-weight:bold;">{render_text(line, query)}</p>'
            )
        else:
            out.append(f'<p style="margin:0 0 4px 0;">{render_text(line, query)}</p>')
    return "".join(out)


def _skeleton_html(parts: list, data: dict, query: str = "") -> str:
    levels = [int(field(p, "level", 1) or 1) for p in parts]
    markers = compute_markers(levels)
    support = data.get("support") or []
    rows = []
    for i, (part, marker) in enumerate(zip(parts, markers, strict=False)):
        level = levels[i]
        heading_text = str(field(part, "heading", "") or field(part, "role", ""))
        heading = render_text(heading_text, query)
        role = str(field(part, "role", "") or "")
        hint = str(field(part, "hint", "") or "")
        extra = []
        if role and role not in heading_text:
            extra.append(html.escape(role))
        if i < len(support) and support[i]:
            extra.append(
                html.escape(
                    QCoreApplication.translate("LibraryPane", "%1 篇").replace(
                        "%1", str(support[i])
                    )
                )
            )
        indent = (max(level, 1) - 1) * 16
        line = f'<p style="margin:1px 0 1px {indent}px;">{html.escape(marker or "")}{heading}'
        if extra:
            joined = QCoreApplication.translate("LibraryPane", "，").join(extra)
            note = QCoreApplication.translate("LibraryPane", "（%1）").replace("%1", joined)
            line += f' <span style="color:#888;">{note}</span>'
        line += "</p>"
        if hint:
            line += f'<p style="margin:0 0 2px {indent + 16}px; color:#999;">{render_text(hint, query)}</p>'
        rows.append(line)
    return "".join(rows)
