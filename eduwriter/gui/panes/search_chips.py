"""The row under the library's search box: what the query was understood to mean, and "did you
mean" words when it found nothing.

Each filter read from the query (a function, genre or kind named by a word: 总结 开头) is shown as
a removable chip; clicking it asks for the query without that filter (``chipRemoved(text)``
with the new query text, the word quoted so that it is looked for as a word). A query that found
nothing shows the nearest words the library holds as buttons (``suggestionChosen(word)``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from eduwriter.library.query import Query


class SearchChips(QWidget):
    """Chips of the understood filters and "did you mean" buttons (hidden when there are none)."""

    chipRemoved = Signal(str)
    suggestionChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchChips")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._widgets: list[QWidget] = []
        self.query: Query | None = None
        self.hide()

    def chips(self) -> list[QToolButton]:
        return [w for w in self._widgets if w.objectName() == "searchChip"]

    def suggestion_buttons(self) -> list[QToolButton]:
        return [w for w in self._widgets if w.objectName() == "searchSuggestion"]

    def clear(self) -> None:
        for w in self._widgets:
            self._layout.removeWidget(w)
            w.deleteLater()
        self._widgets.clear()
        while self._layout.count():
            self._layout.takeAt(0)
        self.query = None
        self.hide()

    def show_query(self, query: Query) -> None:
        """Show a chip for each filter ``query`` understood."""
        self.clear()
        self.query = query
        labels = {"function": self.tr("功能"), "genre": self.tr("文种"), "kind": self.tr("类别")}
        for f in query.filters:
            chip = QToolButton(self)
            chip.setObjectName("searchChip")
            chip.setText(f"{f.word} ✕")
            label = labels.get(f.field, f.field)
            chip.setToolTip(
                self.tr("按%1“%2”筛选，点击取消").replace("%1", label).replace("%2", f.word)
            )
            chip.setAccessibleName(f.word)
            chip.setStyleSheet("QToolButton { border: 1px solid #9ab; border-radius: 8px; }")
            chip.clicked.connect(lambda _c=False, w=f.word: self._remove(w))
            self._add(chip)
        self._finish()

    def show_suggestions(self, words: list[str]) -> None:
        """Show "did you mean" buttons for ``words`` (after the chips)."""
        for w in [w for w in self._widgets if w.objectName() != "searchChip"]:
            self._layout.removeWidget(w)
            self._widgets.remove(w)
            w.deleteLater()
        while self._layout.count() > len(self._widgets):
            self._layout.takeAt(self._layout.count() - 1)
        if words:
            label = QLabel(self.tr("您是不是要找："), self)
            label.setObjectName("searchSuggestionLabel")
            self._add(label)
            for word in words:
                button = QToolButton(self)
                button.setObjectName("searchSuggestion")
                button.setText(word)
                button.setAutoRaise(True)
                button.setStyleSheet("QToolButton { color: #15c; text-decoration: underline; }")
                button.clicked.connect(lambda _c=False, w=word: self.suggestionChosen.emit(w))
                self._add(button)
        self._finish()

    def _add(self, widget: QWidget) -> None:
        self._widgets.append(widget)
        self._layout.addWidget(widget)

    def _finish(self) -> None:
        self._layout.addStretch(1)
        self.setVisible(bool(self._widgets))

    def _remove(self, word: str) -> None:
        if self.query is not None:
            self.chipRemoved.emit(self.query.text_without(word))
