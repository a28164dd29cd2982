"""Autocomplete in the composer: phrasings that continue or contain what was just typed.

It reacts only to committed text (a key with text, or an input-method commit) and never while
an IME composition is in progress (the composer's ``preedit`` is not empty). The phrasings are
loaded from the library once, off the GUI thread; a lookup is a substring scan over an
in-memory list (well under a millisecond for 10,000 phrasings), so it can run on every key.
Tab accepts; Enter accepts only once the writer has moved into the popup with Up/Down (a
writer who types fast and presses Enter gets a new paragraph); Esc dismisses. There are no
suggestions in the title or in headings: Enter there always starts a new block.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from eduwriter.gui.workers import BackgroundJob, phrasings_job

if TYPE_CHECKING:
    from eduwriter.library.store import LibraryStore

MAX_SUGGESTIONS = 8
#: How many of the last typed characters are looked up, longest first. Three at least: two
#: characters match nearly every phrasing of a large library and the popup would never close
#: (and Enter would keep accepting instead of starting a paragraph).
SUFFIX_LENGTHS = (8, 6, 5, 4, 3)


@dataclass(slots=True, frozen=True)
class Suggestion:
    phrasing: str  # the whole phrasing
    insert: str  # what accepting it adds at the cursor


def _is_wordy(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("L") or ch in "【】“”"


class PhrasingIndex:
    """Substring lookups over phrasing texts.

    The texts are joined into one string so a lookup is a few ``str.find`` calls in C rather
    than a Python loop over every phrasing (about 0.1 ms for 10,000 phrasings)."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        seen: dict[str, None] = {}
        for t in texts:
            t = (t or "").strip().replace("\n", " ")
            if 4 <= len(t) <= 200:
                seen.setdefault(t, None)
        self.texts = list(seen)
        self._starts: list[int] = []
        pos = 0
        for t in self.texts:
            self._starts.append(pos)
            pos += len(t) + 1
        self._joined = "\n".join(self.texts)

    def __len__(self) -> int:
        return len(self.texts)

    def _containing(self, needle: str) -> Iterator[tuple[int, int]]:
        """(phrasing number, offset inside it) of each phrasing containing ``needle``."""
        joined, starts = self._joined, self._starts
        pos = joined.find(needle)
        while pos >= 0:
            i = bisect.bisect_right(starts, pos) - 1
            yield i, pos - starts[i]
            nxt = starts[i + 1] if i + 1 < len(starts) else len(joined)
            pos = joined.find(needle, nxt)

    def suggest(self, before: str, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
        """Phrasings containing the last few characters of ``before`` (longest match first);
        each suggestion inserts the rest of the phrasing after the match."""
        tail = before[-max(SUFFIX_LENGTHS) :]
        out: list[Suggestion] = []
        seen: set[int] = set()
        for n in SUFFIX_LENGTHS:
            if len(tail) < n:
                continue
            suffix = tail[-n:]
            if not all(_is_wordy(ch) for ch in suffix):
                continue
            found: list[tuple[bool, int, int]] = []
            for i, idx in self._containing(suffix):
                if i in seen or not self.texts[i][idx + n :] or before.endswith(self.texts[i]):
                    continue
                found.append((idx != 0, idx, i))
                if len(found) >= 5 * limit:
                    break
            # Phrasings that start with what was typed (a continuation) come first.
            for _later, idx, i in sorted(found):
                seen.add(i)
                out.append(Suggestion(self.texts[i], self.texts[i][idx + n :]))
                if len(out) >= limit:
                    return out
            if out and n <= 4:
                break
        return out


def popup_position(cursor: QRect, size: QSize, screen: QRect) -> QPoint:
    """Where the suggestion popup goes: under the cursor line, moved left so it never runs
    off the right edge of the screen (a 1024-pixel screen cut it off), above the line when
    there is no room below. ``cursor`` is in global coordinates."""
    x = min(cursor.left(), screen.right() + 1 - size.width())
    x = max(x, screen.left())
    y = cursor.bottom() + 5
    if y + size.height() > screen.bottom() + 1:
        y = max(screen.top(), cursor.top() - 4 - size.height())
    return QPoint(x, y)


class Autocompleter(QObject):
    """Owns the popup of one composer."""

    def __init__(self, composer: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.composer = composer
        composer.completer = self
        self.index = PhrasingIndex()
        self.enabled = True
        self.popup = QListWidget()
        self.popup.setObjectName("autocompletePopup")
        self.popup.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.popup.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.popup.setMaximumWidth(560)
        self.popup.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.popup.setUniformItemSizes(True)
        self.popup.setStyleSheet(
            "QListWidget { background: #fffdf5; border: 1px solid #c9b37a; font-size: 11pt; }"
            "QListWidget::item:selected { background: #f3d98b; color: black; }"
        )
        self.popup.itemClicked.connect(lambda item: self.accept(self.popup.row(item)))
        self.suggestions: list[Suggestion] = []
        self._load_job: BackgroundJob | None = None
        composer.textCommitted.connect(self.update)
        composer.cursorPositionChanged.connect(self._cursor_moved)
        self._expected_pos = -1
        #: The writer moved into the popup with Up/Down: Enter accepts then.
        self.chosen = False

    # ------------------------------------------------------------------ data
    def set_phrasings(self, texts: Iterable[str]) -> None:
        self.index = PhrasingIndex(texts)

    def attach_store(self, store: LibraryStore) -> None:
        """Load phrasings (and the writer's snippets) from the store in the background; a
        failed load leaves the suggestions as they were (autocomplete is optional)."""
        job = BackgroundJob(phrasings_job(store), self)
        job.finished.connect(self.set_phrasings)
        self._load_job = job
        job.start()

    def shutdown(self) -> None:
        self.popup.hide()
        self.popup.deleteLater()

    # ------------------------------------------------------------------ behaviour
    def is_visible(self) -> bool:
        return self.popup.isVisible()

    def update(self) -> None:
        """Called after committed text: show or hide the popup."""
        if not self.enabled or self.composer.preedit or not len(self.index):
            self.dismiss()
            return
        cur = self.composer.textCursor()
        block = cur.block()
        if self.composer.rd.kind_of(block) != 0:
            # The title and headings are not body text: body phrasings do not fit there.
            self.dismiss()
            return
        before = block.text()[: cur.position() - block.position()]
        self.suggestions = self.index.suggest(before)
        if not self.suggestions:
            self.dismiss()
            return
        self.popup.clear()
        for s in self.suggestions:
            item = QListWidgetItem(s.phrasing)
            item.setToolTip(s.phrasing)
            self.popup.addItem(item)
        self.popup.setCurrentRow(0)
        self.chosen = False
        rect = self.composer.cursorRect()
        top_left = self.composer.viewport().mapToGlobal(rect.topLeft())
        rows = min(len(self.suggestions), MAX_SUGGESTIONS)
        row_h = max(self.popup.sizeHintForRow(0), self.popup.fontMetrics().height() + 6)
        height = row_h * rows + 2 * self.popup.frameWidth() + 2
        width = self.popup.fontMetrics().horizontalAdvance(
            max((s.phrasing for s in self.suggestions), key=len)
        )
        self.popup.resize(min(560, max(280, width + 28)), height)
        screen = self.composer.screen().availableGeometry()
        self.popup.move(popup_position(QRect(top_left, rect.size()), self.popup.size(), screen))
        self._expected_pos = cur.position()
        self.popup.show()

    def dismiss(self) -> None:
        self.suggestions = []
        if self.popup.isVisible():
            self.popup.hide()

    def accept(self, row: int | None = None) -> bool:
        if not self.suggestions:
            return False
        row = self.popup.currentRow() if row is None else row
        if not 0 <= row < len(self.suggestions):
            row = 0
        text = self.suggestions[row].insert
        self.dismiss()
        rd = self.composer.rd
        cur = self.composer.textCursor()
        with rd.labelled(QCoreApplication.translate("Autocomplete", "自动补全")):
            cur.beginEditBlock()  # its own undo step, not merged with the typing before it
            cur.insertText(text)
            cur.endEditBlock()
        self.composer.setTextCursor(cur)
        return True

    def handle_key(self, event: QKeyEvent) -> bool:
        """Keys the popup consumes while visible."""
        if not self.popup.isVisible():
            return False
        key = event.key()
        if key == Qt.Key.Key_Tab and not event.modifiers():
            return self.accept()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.chosen and not event.modifiers():
                return self.accept()
            self.dismiss()  # the writer wants a new paragraph
            return False
        if key == Qt.Key.Key_Escape:
            self.dismiss()
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            row = self.popup.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
            self.popup.setCurrentRow(max(0, min(row, self.popup.count() - 1)))
            self.chosen = True
            return True
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.dismiss()
        return False

    def _cursor_moved(self) -> None:
        if self.popup.isVisible():
            # Typing moves the cursor too, and update() then sets the expected position; check
            # once the event is done, and hide the popup if the cursor went elsewhere (a click).
            QTimer.singleShot(0, self._check_cursor)

    def _check_cursor(self) -> None:
        if self.composer.textCursor().position() != self._expected_pos:
            self.dismiss()
