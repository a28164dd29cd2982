"""The writer's own snippets and folders (我的素材) in the library pane: add, copy, edit,
rename, move, delete, favourite; new, rename and delete folders.

``SnippetFlows`` is a mixin of :class:`~eduwriter.gui.panes.library_pane.LibraryPane`: each flow
opens a dialog (kept in ``active_dialog``, so tests and the window can reach it), writes to the
store when the writer confirms, and shows a store error as a message instead of raising.
Strings keep the pane's translation context ("LibraryPane").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QTreeView, QWidget

from eduwriter.gui.dialogs.snippet_dialogs import FolderChoiceDialog, SnippetDialog
from eduwriter.gui.messages import exception_message
from eduwriter.gui.models.library_items import ItemLike, field, item_label
from eduwriter.gui.models.library_model import LibraryModel
from eduwriter.gui.models.results_model import ResultsModel
from eduwriter.library.team.layer import personal_copy

if TYPE_CHECKING:
    from eduwriter.library.store import LibraryStore


class SnippetFlows:
    """Snippet and folder commands of the library pane (mixed into ``LibraryPane``)."""

    store: LibraryStore
    model: LibraryModel
    results_model: ResultsModel
    tree: QTreeView
    active_dialog: QWidget | None
    libraryChanged: Signal

    # -- actions on items --------------------------------------------------------------------
    def _set_favorite(self, item: ItemLike, value: bool) -> None:
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

    def copy_to_mine(self, item: ItemLike) -> SnippetDialog:
        """加入我的素材 for a built-in item: a personal copy the writer can change."""
        tags = list(field(item, "tags") or [])
        dialog = SnippetDialog(
            self.store, str(field(item, "text", "")), tags=tags, title="", parent=self
        )
        dialog.accepted.connect(lambda: self._create_snippet(dialog, copy_of=item))
        self._open(dialog)
        return dialog

    def edit_snippet(self, item: ItemLike) -> SnippetDialog:
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

    def rename_snippet(self, item: ItemLike) -> QInputDialog:
        item_id = field(item, "id")
        dialog = self._text_dialog(
            QCoreApplication.translate("LibraryPane", "重命名素材"),
            QCoreApplication.translate("LibraryPane", "标题："),
            str(field(item, "title", "") or ""),
        )

        def done(text: str) -> None:
            title = text.strip()
            if title and self._guard(lambda: self.store.update_item(item_id, title=title)):
                self._changed(select=item_id)

        dialog.textValueSelected.connect(done)
        self._open(dialog)
        return dialog

    def move_snippet(self, item: ItemLike) -> FolderChoiceDialog:
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

    def delete_snippet(self, item: ItemLike) -> QMessageBox:
        item_id = field(item, "id")
        label = item_label(item, 30)
        box = self._confirm(
            QCoreApplication.translate("LibraryPane", "删除素材"),
            QCoreApplication.translate("LibraryPane", "确定删除“%1”吗？此操作不能撤销。").replace(
                "%1", label
            ),
        )
        box.accepted.connect(
            lambda: self._guard(lambda: self.store.delete_item(item_id)) and self._changed()
        )
        return box

    def new_folder(self, parent_id: int | None = None) -> QInputDialog:
        dialog = self._text_dialog(
            QCoreApplication.translate("LibraryPane", "新建文件夹"),
            QCoreApplication.translate("LibraryPane", "文件夹名称："),
            "",
        )

        def done(text: str) -> None:
            name = text.strip()
            if name and self._guard(lambda: self.store.add_folder(name, parent=parent_id)):
                self._changed(expand_mine=True)

        dialog.textValueSelected.connect(done)
        self._open(dialog)
        return dialog

    def rename_folder(self, folder_id: int) -> QInputDialog:
        current = next(
            (
                str(field(f, "name", ""))
                for f in self.store.folders()
                if field(f, "id") == folder_id
            ),
            "",
        )
        dialog = self._text_dialog(
            QCoreApplication.translate("LibraryPane", "重命名文件夹"),
            QCoreApplication.translate("LibraryPane", "文件夹名称："),
            current,
        )

        def done(text: str) -> None:
            name = text.strip()
            if name and self._guard(lambda: self.store.rename_folder(folder_id, name)):
                self._changed()

        dialog.textValueSelected.connect(done)
        self._open(dialog)
        return dialog

    def delete_folder(self, folder_id: int) -> QMessageBox:
        name = next(
            (
                str(field(f, "name", ""))
                for f in self.store.folders()
                if field(f, "id") == folder_id
            ),
            "",
        )
        box = self._confirm(
            QCoreApplication.translate("LibraryPane", "删除文件夹"),
            QCoreApplication.translate(
                "LibraryPane", "确定删除文件夹“%1”吗？其中的素材会移到“未分类”。"
            ).replace("%1", name),
        )
        box.accepted.connect(
            lambda: self._guard(lambda: self.store.delete_folder(folder_id)) and self._changed()
        )
        return box

    # -- helpers -----------------------------------------------------------------------------
    def _create_snippet(self, dialog: SnippetDialog, copy_of: ItemLike | None = None) -> None:
        v = dialog.values()
        created: list[str] = []

        def run() -> None:
            if copy_of is not None and field(copy_of, "origin") == "shared":
                # copy on write: the unit's item stays as it is; the copy keeps its origin
                item = personal_copy(
                    self.store, copy_of, v["text"], v["title"], v["tags"], v["folder"]
                )
            else:
                item = self.store.add_snippet(
                    v["text"], folder=v["folder"], tags=tuple(v["tags"]), title=v["title"]
                )
            created.append(field(item, "id", item))

        if self._guard(run):
            self._changed(select=created[0] if created else None, expand_mine=True)

    def _changed(self, select: str | None = None, expand_mine: bool = False) -> None:
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

    def _guard(self, fn: Callable[[], object]) -> bool:
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - shown to the writer, nothing is lost
            message = exception_message(exc)
            QMessageBox.warning(
                self,
                QCoreApplication.translate("LibraryPane", "素材库"),
                QCoreApplication.translate("LibraryPane", "操作未完成：%1").replace("%1", message),
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
        dialog.setOkButtonText(QCoreApplication.translate("LibraryPane", "确定"))
        dialog.setCancelButtonText(QCoreApplication.translate("LibraryPane", "取消"))
        return dialog

    def _confirm(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes = box.addButton(
            QCoreApplication.translate("LibraryPane", "删除"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(
            QCoreApplication.translate("LibraryPane", "取消"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(yes)
        self._open(box)
        return box
