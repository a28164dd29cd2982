"""查找 / 替换 bar under the composer (Ctrl+F, Ctrl+H; Esc closes).

全部替换 is one undo step. Headings' numbers are computed, not text, so they are never found or
replaced.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)


class FindBar(QWidget):
    def __init__(self, composer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.composer = composer
        self.rd = composer.rd
        self.setObjectName("findBar")
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(QCoreApplication.translate("FindBar", "查找"))
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText(QCoreApplication.translate("FindBar", "替换为"))
        self.prev_btn = QPushButton(QCoreApplication.translate("FindBar", "上一个"), self)
        self.next_btn = QPushButton(QCoreApplication.translate("FindBar", "下一个"), self)
        self.replace_btn = QPushButton(QCoreApplication.translate("FindBar", "替换"), self)
        self.replace_all_btn = QPushButton(QCoreApplication.translate("FindBar", "全部替换"), self)
        self.status = QLabel(self)
        self.status.setMinimumWidth(70)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(QCoreApplication.translate("FindBar", "关闭 (Esc)"))
        close.clicked.connect(self.close_bar)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 3, 6, 3)
        for w in (self.find_edit, self.replace_edit):
            w.setMinimumWidth(140)
        for b in (self.prev_btn, self.next_btn, self.replace_btn, self.replace_all_btn):
            b.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        lay.addWidget(self.find_edit, 3)
        lay.addWidget(self.prev_btn)
        lay.addWidget(self.next_btn)
        lay.addWidget(self.replace_edit, 2)
        lay.addWidget(self.replace_btn)
        lay.addWidget(self.replace_all_btn)
        lay.addWidget(self.status)
        lay.addWidget(close)
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.textChanged.connect(self._incremental)
        self.replace_edit.returnPressed.connect(self.replace_one)
        self.next_btn.clicked.connect(self.find_next)
        self.prev_btn.clicked.connect(self.find_previous)
        self.replace_btn.clicked.connect(self.replace_one)
        self.replace_all_btn.clicked.connect(self.replace_all)
        self.hide()

    # ------------------------------------------------------------------ showing
    def open_find(self, replace: bool = False) -> None:
        selected = self.composer.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        for w in (self.replace_edit, self.replace_btn, self.replace_all_btn):
            w.setVisible(replace)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.composer.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ finding
    def _find(self, backward: bool = False, from_start: bool = False) -> bool:
        needle = self.find_edit.text()
        if not needle:
            self.status.clear()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        cur = self.composer.textCursor()
        if from_start:
            cur = QTextCursor(self.rd.doc)
        found = self.rd.doc.find(needle, cur, flags)
        if found.isNull():  # wrap around
            start = QTextCursor(self.rd.doc)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = self.rd.doc.find(needle, start, flags)
        if found.isNull():
            self.status.setText(QCoreApplication.translate("FindBar", "没有找到"))
            self._tint(False)
            return False
        self.composer.setTextCursor(found)
        self.composer.ensureCursorVisible()
        self.status.setText(
            QCoreApplication.translate("FindBar", "共 {0} 处").format(self.count(needle))
        )
        self._tint(True)
        return True

    def _incremental(self, _text: str) -> None:
        cur = self.composer.textCursor()
        cur.setPosition(cur.selectionStart())
        self.composer.setTextCursor(cur)
        self._find()

    def _tint(self, ok: bool) -> None:
        pal = self.find_edit.palette()
        pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff" if ok else "#ffe3e0"))
        self.find_edit.setPalette(pal)

    def find_next(self) -> bool:
        return self._find()

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def count(self, needle: str) -> int:
        return self.rd.doc.toPlainText().count(needle) if needle else 0

    # ------------------------------------------------------------------ replacing
    def replace_one(self) -> bool:
        needle = self.find_edit.text()
        cur = self.composer.textCursor()
        if needle and cur.selectedText() == needle:
            with self.rd.labelled(QCoreApplication.translate("FindBar", "替换")):
                cur.beginEditBlock()
                cur.insertText(self.replace_edit.text())
                cur.endEditBlock()
            self.composer.setTextCursor(cur)
        return self._find()

    def replace_all(self) -> int:
        needle, value = self.find_edit.text(), self.replace_edit.text()
        if not needle:
            return 0
        hits: list[int] = []
        cur = QTextCursor(self.rd.doc)
        while True:
            cur = self.rd.doc.find(needle, cur)
            if cur.isNull():
                break
            hits.append(cur.selectionStart())
        if hits:
            with self.rd.edit(QCoreApplication.translate("FindBar", "全部替换")) as c:
                for pos in reversed(hits):
                    c.setPosition(pos)
                    c.setPosition(pos + len(needle), QTextCursor.MoveMode.KeepAnchor)
                    c.insertText(value)
        self.status.setText(
            QCoreApplication.translate("FindBar", "已替换 {0} 处").format(len(hits))
        )
        return len(hits)
