"""The library pane (left side of the main window): search box, tree / results, preview.

Typing in the search box runs ``store.search`` on a background thread after a short pause, so
the window never waits for a query; the tree is replaced by the result list while a query is
active. Double-click, Enter, the context menu's 插入 or a drag send an item to the composer
(``insertRequested(payload)`` with payload ``{"id", "kind", "text", "title", "data"}``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from eduwriter.gui.dialogs.import_dialog import IMPORT_SUFFIXES, ImportDialog
from eduwriter.gui.dialogs.snippet_dialogs import SnippetDialog
from eduwriter.gui.models.library_items import (
    DetailRole,
    ItemLike,
    ItemRole,
    NodeKeyRole,
    field,
    item_payload,
    library_total,
)
from eduwriter.gui.models.library_model import LibraryModel
from eduwriter.gui.models.results_model import ResultsModel
from eduwriter.gui.panes.item_html import preview_html
from eduwriter.gui.panes.search_chips import SearchChips
from eduwriter.gui.panes.snippet_flows import SnippetFlows
from eduwriter.gui.workers import SearchRunner
from eduwriter.library.query import parse_query
from eduwriter.library.search_index import normalize

if TYPE_CHECKING:
    from eduwriter.library.store import ImportReport, LibraryStore

SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 200


class LibraryPane(SnippetFlows, QWidget):
    """Search, browse and preview the library; send items to the composer.

    The writer's own snippets and folders are handled by the :class:`SnippetFlows` mixin.

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
        store: LibraryStore,
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
        # the filters the query was understood to mean, as removable chips; "did you mean"
        self.chips = SearchChips(self)
        self.chips.chipRemoved.connect(self.search_edit.setText)
        self.chips.suggestionChosen.connect(self.search_edit.setText)
        lay.addWidget(self.chips)
        lay.addWidget(self.count_label)
        lay.addWidget(splitter, 1)

        # behaviour
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._run_search)
        self._runner = SearchRunner(store, self)
        self._runner.resultsReady.connect(self._on_results)
        self._runner.suggestionsReady.connect(self._on_suggestions)
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

    def current_item(self) -> ItemLike | None:
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

    def add_snippet_from_text(self, text: str, folder: int | None = None) -> SnippetDialog:
        """Open 加入我的素材 for ``text``; the snippet is stored when the writer confirms."""
        dialog = SnippetDialog(self.store, text, folder=folder, parent=self)
        dialog.accepted.connect(lambda: self._create_snippet(dialog))
        self._open(dialog)
        return dialog

    def insert_item(self, item: ItemLike | None) -> dict[str, Any] | None:
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
    def _on_text_changed(self, *_args: object) -> None:
        if self.search_edit.text().strip():
            self._timer.start()
        else:
            self._timer.stop()
            self._runner.cancel_pending()
            self._last_query = ""
            self.chips.clear()
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
        fixed = frozenset({"kind"}) if self._search_kind not in (None, "document") else frozenset()
        self.chips.show_query(parse_query(normalize(query), fixed))
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

    def _on_suggestions(self, _gen: int, query: str, words: list) -> None:
        if query == self.search_edit.text().strip() and query == self._last_query:
            self.chips.show_suggestions([str(w) for w in words])

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

    def _show_preview(self, item: ItemLike | None) -> None:
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

        def add(text: str, slot: Callable[[], object], name: str) -> QAction:
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
            if field(item, "origin") == "shared":  # read-only: edit a personal copy
                add(self.tr("复制到我的素材并编辑…"), lambda: self.copy_to_mine(item), "copy")
            elif field(item, "kind") == "snippet":
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

    def _folder_of_index(self, index: QModelIndex) -> int | None:
        node = self.model.node(index) if index.model() is self.model else None
        while node is not None:
            if node.kind == "folder":
                return node.folder_id
            node = node.parent
        return None

    def _after_import(self, _report: ImportReport) -> None:
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

    def _find_loaded(self, item_id: str) -> QModelIndex:
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
