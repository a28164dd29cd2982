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
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from eduwriter.compose.report import MAX_LEVEL
from eduwriter.compose.suggest_rank import Candidate, WritingPlace, fit_score, place_of
from eduwriter.gui.editor.report_format import TITLE
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

    def __init__(self, texts: Iterable[str | Candidate] = ()) -> None:
        seen: dict[str, Candidate] = {}
        for c in texts:
            c = c if isinstance(c, Candidate) else Candidate(c or "")
            t = (c.text or "").strip().replace("\n", " ")
            if not 4 <= len(t) <= 200:
                continue
            old = seen.get(t)
            if old is None or (c.usage, bool(c.function)) > (old.usage, bool(old.function)):
                seen[t] = Candidate(t, c.function, c.genre, c.usage, c.item_id)
        self.texts = list(seen)
        self.candidates = list(seen.values())
        self._starts: list[int] = []
        pos = 0
        for t in self.texts:
            self._starts.append(pos)
            pos += len(t) + 1
        self._joined = "\n".join(self.texts)

    def record_use(self, text: str) -> Candidate | None:
        """Count an accepted phrasing in memory (it ranks higher from now on); returns it."""
        for i, c in enumerate(self.candidates):
            if c.text == text:
                self.candidates[i] = Candidate(c.text, c.function, c.genre, c.usage + 1, c.item_id)
                return c
        return None

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

    def suggest(
        self, before: str, limit: int = MAX_SUGGESTIONS, place: WritingPlace | None = None
    ) -> list[Suggestion]:
        """Phrasings containing the last few characters of ``before``; each suggestion inserts
        the rest of the phrasing after the match. The best fit for ``place`` comes first
        (:func:`~eduwriter.compose.suggest_rank.fit_score`), then the longest match, then a
        phrasing that starts with what was typed (a continuation)."""
        place = place or WritingPlace()
        tail = before[-max(SUFFIX_LENGTHS) :]
        found: dict[int, tuple[float, int, int]] = {}  # phrasing -> (rank, match, offset)
        for n in SUFFIX_LENGTHS:
            if len(tail) < n:
                continue
            suffix = tail[-n:]
            if not all(_is_wordy(ch) for ch in suffix):
                continue
            count = 0
            for i, idx in self._containing(suffix):
                if i in found or not self.texts[i][idx + n :] or before.endswith(self.texts[i]):
                    continue
                rank = fit_score(self.candidates[i], place) + n / 8 + (0.5 if idx == 0 else 0.0)
                found[i] = (rank, n, idx)
                count += 1
                if count >= 5 * limit:
                    break
            if found and n <= 4:
                break
        best = sorted(found.items(), key=lambda kv: (-kv[1][0], kv[1][2], kv[0]))[:limit]
        return [Suggestion(self.texts[i], self.texts[i][idx + n :]) for i, (_r, n, idx) in best]


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
        self._store: LibraryStore | None = None
        composer.textCommitted.connect(self.update)
        composer.cursorPositionChanged.connect(self._cursor_moved)
        self._expected_pos = -1
        #: The writer moved into the popup with Up/Down: Enter accepts then.
        self.chosen = False

    # ------------------------------------------------------------------ data
    def set_phrasings(self, texts: Iterable[str | Candidate]) -> None:
        self.index = PhrasingIndex(texts)

    def place(self) -> WritingPlace:
        """The report's genre (from its title) and the role of the section at the cursor (from
        the chain of headings above it)."""
        rd = self.composer.rd
        first = rd.doc.begin()
        title = first.text() if rd.kind_of(first) == TITLE else ""
        levels = rd.levels()
        number = min(self.composer.textCursor().blockNumber(), len(levels) - 1)
        chain: list[str] = []
        above = MAX_LEVEL + 1
        for n in range(number, -1, -1):
            if 0 < levels[n] < above:
                chain.append(rd.block(n).text())
                above = levels[n]
                if above == 1:
                    break
        return place_of(title, chain[::-1])

    def attach_store(self, store: LibraryStore) -> None:
        """Load phrasings (and the writer's snippets) from the store in the background; a
        failed load leaves the suggestions as they were (autocomplete is optional)."""
        self._store = store
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
        self.suggestions = self.index.suggest(before, place=self.place())
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
        self._learn(self.suggestions[row].phrasing)
        self.dismiss()
        rd = self.composer.rd
        cur = self.composer.textCursor()
        with rd.labelled(QCoreApplication.translate("Autocomplete", "自动补全")):
            cur.beginEditBlock()  # its own undo step, not merged with the typing before it
            cur.insertText(text)
            cur.endEditBlock()
        self.composer.setTextCursor(cur)
        return True

    def _learn(self, phrasing: str) -> None:
        """Remember an accepted phrasing: in memory at once, and as a use in the library (a
        failed write only loses the count; the phrasing is still inserted)."""
        used = self.index.record_use(phrasing)
        if used is None or not used.item_id or self._store is None:
            return
        try:
            self._store.record_use(used.item_id)
        except (sqlite3.Error, OSError):
            pass

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
