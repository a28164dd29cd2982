"""Dialogs for the writer's own snippets (我的素材): add, edit, move, new folder."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from eduwriter.gui.messages import exception_message

_TAG_SPLIT = re.compile(r"[,，、;；\s]+")


def parse_tags(text: str) -> list[str]:
    """``"德育，安全 双减"`` -> ``["德育", "安全", "双减"]`` (order kept, duplicates dropped)."""
    seen: list[str] = []
    for tag in _TAG_SPLIT.split(text.strip()):
        tag = tag.strip().lstrip("#")
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def _field(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def folder_rows(store: Any) -> list[tuple[Any, str, int]]:
    """The store's folders as ``(id, name, depth)`` in tree order (parents before children)."""
    folders = list(store.folders())
    children: dict[Any, list[Any]] = {}
    ids = {_field(f, "id") for f in folders}
    for f in folders:
        parent = _field(f, "parent")
        children.setdefault(parent if parent in ids else None, []).append(f)
    rows: list[tuple[Any, str, int]] = []

    def walk(parent: Any, depth: int) -> None:
        for f in sorted(children.get(parent, []), key=lambda f: str(_field(f, "name", ""))):
            rows.append((_field(f, "id"), str(_field(f, "name", "")), depth))
            walk(_field(f, "id"), depth + 1)

    walk(None, 0)
    return rows


class FolderPicker(QWidget):
    """A folder combo box (indented tree) with a 新建文件夹 button."""

    def __init__(self, store: Any, current: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.combo = QComboBox(self)
        self.combo.setMinimumContentsLength(12)
        self.new_button = QPushButton(self.tr("新建文件夹…"), self)
        self.new_button.clicked.connect(self._new_folder)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.combo, 1)
        lay.addWidget(self.new_button)
        self.reload(current)

    def reload(self, current: Any = None) -> None:
        self.combo.clear()
        self.combo.addItem(self.tr("（未分类）"), None)
        for folder_id, name, depth in folder_rows(self._store):
            self.combo.addItem("　" * depth + name, folder_id)
        self.set_folder(current)

    def set_folder(self, folder_id: Any) -> None:
        index = self.combo.findData(folder_id) if folder_id is not None else 0
        self.combo.setCurrentIndex(max(index, 0))

    def folder(self) -> Any:
        return self.combo.currentData()

    def _new_folder(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("新建文件夹"), self.tr("文件夹名称："))
        name = name.strip()
        if not ok or not name:
            return
        try:
            created = self._store.add_folder(name, parent=self.folder())
        except Exception as exc:  # noqa: BLE001 - shown to the writer
            QMessageBox.warning(
                self,
                self.tr("新建文件夹"),
                self.tr("无法新建文件夹：%1").replace("%1", exception_message(exc)),
            )
            return
        self.reload(_field(created, "id", created))


class SnippetDialog(QDialog):
    """加入我的素材 / 编辑素材: title, text, folder (with 新建文件夹) and tags."""

    def __init__(
        self,
        store: Any,
        text: str = "",
        *,
        title: str = "",
        folder: Any = None,
        tags: list[str] | tuple[str, ...] = (),
        editing: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.setWindowTitle(self.tr("编辑素材") if editing else self.tr("加入我的素材"))
        self.resize(520, 380)
        self.title_edit = QLineEdit(title, self)
        self.title_edit.setPlaceholderText(self.tr("可选，留空则取正文开头"))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlainText(text)
        self.text_edit.setPlaceholderText(self.tr("素材内容，可用【年份】【单位】等表示待填要素"))
        self.folder_picker = FolderPicker(store, folder, self)
        self.tags_edit = QLineEdit("，".join(tags), self)
        self.tags_edit.setPlaceholderText(self.tr("如：德育，安全（用逗号或空格分隔）"))
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("标题："), self.title_edit)
        form.addRow(self.tr("内容："), self.text_edit)
        form.addRow(self.tr("文件夹："), self.folder_picker)
        form.addRow(self.tr("标签："), self.tags_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error_label)
        lay.addWidget(buttons)
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title_edit.text().strip(),
            "text": self.text_edit.toPlainText().strip(),
            "folder": self.folder_picker.folder(),
            "tags": parse_tags(self.tags_edit.text()),
        }

    def accept(self) -> None:
        if not self.values()["text"]:
            self.error_label.setText(self.tr("内容不能为空。"))
            self.error_label.show()
            return
        super().accept()


class FolderChoiceDialog(QDialog):
    """移动到…: pick a folder of 我的素材."""

    def __init__(self, store: Any, current: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("移动到文件夹"))
        self.picker = FolderPicker(store, current, self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("移动"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("移动到："), self))
        lay.addWidget(self.picker)
        lay.addWidget(buttons)

    def folder(self) -> Any:
        return self.picker.folder()
