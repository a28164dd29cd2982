"""The composer: the report being written, looking like the final page.

Headings show their official number (computed, painted in front of the text, never typed);
body paragraphs use a 仿宋-like font with a 2-character first-line indent; skeleton hints are
grey; 【slots】 are highlighted. Drops of library items and pastes of numbered text become
structure.

A 【slot】 is one unit for the cursor: a click or an arrow key into it selects it whole, typing
(or an input-method commit) replaces it, Backspace / Delete remove it whole.

Tab / Shift+Tab, in this order of precedence: (1) the suggestion popup, when shown, takes Tab;
(2) in a heading with no slot in it, Tab demotes and Shift+Tab promotes the heading (with its
sub-headings); (3) anywhere else, Tab selects the next unfilled slot and Shift+Tab the previous
one (wrapping round); (4) with no slot left, they demote / promote as in (2).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from eduwriter.compose.report import ReportBlock
from eduwriter.compose.slot_fill import slot_spans
from eduwriter.gui.editor.highlighter import ReportHighlighter
from eduwriter.gui.editor.mime import composer_mime
from eduwriter.gui.editor.paste import parse_pasted, skeleton_blocks
from eduwriter.gui.editor.report_format import PARAGRAPH, TITLE, heading_font
from eduwriter.gui.editor.report_model import ReportDocument
from eduwriter.gui.editor.slot_places import neighbour_slot, select, slot_at

#: Longer pastes are refused with a message (a whole book pasted by mistake would freeze typing).
MAX_PASTE_CHARS = 500_000


class Composer(QTextEdit):
    """The editor of the report."""

    #: The cursor moved to another block (the outline follows).
    currentBlockChanged = Signal(int)
    #: A library item was dropped or pasted (payload dict from eduwriter.gui.editor.mime).
    itemDropped = Signal(dict)
    #: Text was committed (typed or IME commit): autocomplete listens.
    textCommitted = Signal()
    #: Files were dropped on the page (the window opens or imports them).
    filesDropped = Signal(list)

    def __init__(self, rd: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rd = rd
        self.setDocument(rd.doc)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(False)
        self.setObjectName("composer")
        self.setPlaceholderText(
            QCoreApplication.translate("Composer", "在此输入标题，或从左侧素材库插入结构骨架")
        )
        self.highlighter = ReportHighlighter(rd)
        self._preedit = ""
        self._last_block = -1
        self.completer = None  # set by autocomplete.Autocompleter
        # The page: as wide as the official type area (28 characters a line), centred on a
        # grey desk, so lines break where they will on paper.
        self.setStyleSheet("QTextEdit#composer { background: #e9e9e6; border: none; }")
        self.viewport().setStyleSheet("background: #ffffff;")
        self.chars_per_line = 28
        self.cursorPositionChanged.connect(self._on_cursor_moved)
        rd.structureChanged.connect(self.viewport().update)
        self._marker_color = QColor("#000000")
        self.title_hint = QCoreApplication.translate("Composer", "（在此输入标题）")

    # ------------------------------------------------------------------ state
    @property
    def preedit(self) -> str:
        """The IME composition in progress ("" when none)."""
        return self._preedit

    def current_block_number(self) -> int:
        return self.textCursor().blockNumber()

    def go_to_block(self, number: int) -> None:
        block = self.rd.block(number)
        if block.isValid():
            cur = QTextCursor(block)
            cur.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            self.setTextCursor(cur)
            self.ensureCursorVisible()
            self.setFocus()

    def _on_cursor_moved(self) -> None:
        n = self.textCursor().blockNumber()
        if n != self._last_block:
            self._last_block = n
            self.currentBlockChanged.emit(n)

    def page_width(self) -> int:
        """Pixels of the page: 28 characters of body text plus the document margins."""
        return int(self.chars_per_line * self.rd.em + 2 * self.rd.doc.documentMargin()) + 2

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._fit_page()
        super().resizeEvent(event)

    def _fit_page(self) -> None:
        bar = self.verticalScrollBar()
        bar_w = bar.sizeHint().width() if bar.isVisible() else 0
        side = max(0, (self.width() - bar_w - self.page_width()) // 2)
        self.setViewportMargins(side, 0, side, 0)

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        markers = self.rd.markers()
        if not any(markers):
            if self.rd.doc.blockCount() == 1 and not self.rd.doc.begin().text():
                return
        painter = QPainter(self.viewport())
        first_block = self.rd.doc.begin()
        if (
            self.rd.kind_of(first_block) == TITLE
            and not first_block.text()
            and self.rd.doc.blockCount() > 1
        ):
            rect = (
                self.rd.doc.documentLayout()
                .blockBoundingRect(first_block)
                .translated(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
            )
            painter.setPen(QColor("#b0b0b0"))
            font = heading_font(TITLE)
            painter.setFont(font)
            # The empty title line is only as tall as a body line, the hint is in the title's
            # size: centre it on the line and never clip it (the English hint, with its
            # descenders, was cut off).
            fm = QFontMetricsF(font)
            room = max(rect.height(), fm.height())
            rect.setTop(rect.center().y() - room / 2)
            rect.setHeight(room)
            painter.drawText(
                rect,
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignVCenter
                | Qt.TextFlag.TextDontClip,
                self.title_hint,
            )
        painter.setPen(self._marker_color)
        layout = self.rd.doc.documentLayout()
        dx = self.horizontalScrollBar().value()
        dy = self.verticalScrollBar().value()
        height = self.viewport().height()
        first = self.cursorForPosition(self.viewport().rect().topLeft()).block()
        block = first.previous() if first.previous().isValid() else first
        fonts: dict[int, QFont] = {}
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            top = rect.top() - dy
            if top > height:
                break
            n = block.blockNumber()
            marker = markers[n] if n < len(markers) else None
            if marker:
                level = ReportDocument.kind_of(block)
                font = fonts.get(level)
                if font is None:
                    font = heading_font(level)
                    if level >= 3:
                        font.setWeight(QFont.Weight.DemiBold)
                    fonts[level] = font
                line = block.layout().lineAt(0)
                if line.isValid():
                    fm = QFontMetricsF(font)
                    x_text = rect.left() + block.blockFormat().leftMargin() + line.x() - dx
                    baseline = top + line.y() + line.ascent()
                    painter.setFont(font)
                    painter.drawText(
                        QPointF(x_text - fm.horizontalAdvance(marker), baseline), marker
                    )
            block = block.next()
        painter.end()

    # ------------------------------------------------------------------ keys
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self.completer is not None and self.completer.handle_key(event):
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            self.rd.undo_stack.undo()
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            self.rd.undo_stack.redo()
            return
        key, mods = event.key(), event.modifiers()
        alt = mods & Qt.KeyboardModifier.AltModifier
        if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current_section(-1 if key == Qt.Key.Key_Up else 1)
            return
        if key == Qt.Key.Key_Backtab or (
            key == Qt.Key.Key_Tab and mods & Qt.KeyboardModifier.ShiftModifier
        ):
            if not self._tab_to_slot(backward=True):
                self.promote()
            return
        if key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ControlModifier:
            if not self._tab_to_slot(backward=False):
                self.demote()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods & (
            Qt.KeyboardModifier.ControlModifier
        ):
            # Shift+Enter too: an official document has paragraphs, not soft line breaks.
            self._new_paragraph()
            return
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            cur = self.textCursor()
            if not cur.hasSelection() and self.rd.is_hint(cur.block()) and cur.block().text():
                # A hint goes away as a whole, never a character at a time.
                self.rd.clear_hint(cur)
                self.setTextCursor(cur)
                return
            if not cur.hasSelection() and self._select_slot_for_delete(cur, key):
                super().keyPressEvent(event)
                return
        text = event.text()
        if text and text.isprintable() and not mods & Qt.KeyboardModifier.ControlModifier:
            cur = self.textCursor()
            if self.rd.is_hint(cur.block()):
                self.rd.clear_hint(cur)
                self.setTextCursor(cur)
            self._select_slot_under_cursor()
            super().keyPressEvent(event)
            self.textCommitted.emit()
            return
        before = self.textCursor().position()
        super().keyPressEvent(event)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not mods:
            self._snap_into_slot(forward=self.textCursor().position() >= before)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt override
        commit, pre = event.commitString(), event.preeditString()
        if (commit or pre) and not self._preedit:
            cur = self.textCursor()
            if self.rd.is_hint(cur.block()):
                self.rd.clear_hint(cur)
                self.setTextCursor(cur)
        if (commit or pre) and not self._preedit:
            self._select_slot_under_cursor()
        self._preedit = pre
        if pre and self.completer is not None:
            self.completer.dismiss()
        super().inputMethodEvent(event)
        if commit and not pre:
            self.textCommitted.emit()

    def slot_at(self, position: int) -> tuple[int, int] | None:
        """(start, end) document positions of the 【slot】 under ``position``, if any."""
        slot = slot_at(self.rd, position)
        return None if slot is None else (slot.start, slot.end)

    # ------------------------------------------------------------------ slots as one unit
    def _tab_to_slot(self, backward: bool) -> bool:
        """Tab / Shift+Tab between unfilled slots (see the module docstring for precedence)."""
        cur = self.textCursor()
        block = cur.block()
        if self.rd.kind_of(block) > 0 and next(slot_spans(block.text()), None) is None:
            return False
        pos = cur.selectionStart() if backward else cur.selectionEnd()
        slot = neighbour_slot(self.rd, pos, backward=backward)
        if slot is None:
            return False
        select(cur, slot)
        self.setTextCursor(cur)
        self.ensureCursorVisible()
        return True

    def _select_slot_under_cursor(self) -> None:
        """A cursor inside a slot selects it whole, so what is typed replaces it."""
        cur = self.textCursor()
        if cur.hasSelection():
            return
        slot = slot_at(self.rd, cur.position(), inside=True)
        if slot is not None:
            select(cur, slot)
            self.setTextCursor(cur)

    def _select_slot_for_delete(self, cur: QTextCursor, key: int) -> bool:
        """Backspace after / Delete before / either inside a slot selects it whole."""
        pos = cur.position()
        slot = slot_at(self.rd, pos)
        if slot is None:
            return False
        if key == Qt.Key.Key_Backspace and pos == slot.start:
            return False
        if key == Qt.Key.Key_Delete and pos == slot.end:
            return False
        select(cur, slot)
        self.setTextCursor(cur)
        return True

    def _snap_into_slot(self, forward: bool) -> None:
        """An arrow key that lands inside a slot selects the slot (anchored where it entered)."""
        cur = self.textCursor()
        if cur.hasSelection():
            return
        slot = slot_at(self.rd, cur.position(), inside=True)
        if slot is None:
            return
        cur.setPosition(slot.start if forward else slot.end)
        cur.setPosition(slot.end if forward else slot.start, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt override
        slot = slot_at(self.rd, self.cursorForPosition(event.position().toPoint()).position())
        if slot is None:
            super().mouseDoubleClickEvent(event)
            return
        cur = self.textCursor()
        select(cur, slot)
        self.setTextCursor(cur)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        # A click inside 【数量】 selects the whole slot, so typing replaces it.
        if event.button() == Qt.MouseButton.LeftButton:
            self._select_slot_under_cursor()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        # A dialog or another pane took the keyboard: the suggestions no longer apply.
        if self.completer is not None:
            self.completer.dismiss()
        super().focusOutEvent(event)

    def _new_paragraph(self) -> None:
        cur = self.textCursor()
        block = cur.block()
        kind = self.rd.kind_of(block)
        at_end = cur.position() == block.position() + block.length() - 1
        if kind == TITLE or self.rd.is_hint(block) or (kind > 0 and at_end):
            new_kind = PARAGRAPH
        else:
            new_kind = kind
        with self.rd.labelled(QCoreApplication.translate("Composer", "分段")):
            cur.beginEditBlock()
            if cur.hasSelection():
                cur.removeSelectedText()
            cur.insertBlock(self.rd.block_format(new_kind), QTextCharFormat())
            cur.endEditBlock()
        self.setTextCursor(cur)
        self.ensureCursorVisible()

    # ------------------------------------------------------------------ structure commands
    def demote(self) -> bool:
        return self.rd.shift_level(self.current_block_number(), +1)

    def promote(self) -> bool:
        return self.rd.shift_level(self.current_block_number(), -1)

    def set_current_level(self, kind: int) -> bool:
        """格式 → 正文 / 一级…四级标题 for the paragraph under the cursor."""
        cur = self.textCursor()
        return self.rd.set_level(cur.blockNumber(), kind)

    def move_current_section(self, direction: int) -> bool:
        n = self.rd.heading_at_or_before(self.current_block_number())
        if n is None:
            return False
        offset = self.textCursor().position() - self.rd.block(n).position()
        start_text = self.rd.block(n).text()
        moved = self.rd.sibling_move(n, direction)
        if moved:
            # Follow the moved heading.
            for h in self.rd.headings():
                if h.text == start_text and self._near(h.block, n, direction):
                    blk = self.rd.block(h.block)
                    cur = QTextCursor(blk)
                    cur.setPosition(blk.position() + min(max(offset, 0), blk.length() - 1))
                    self.setTextCursor(cur)
                    break
        return moved

    @staticmethod
    def _near(candidate: int, old: int, direction: int) -> bool:
        return candidate < old if direction < 0 else candidate > old

    # ------------------------------------------------------------------ inserting
    def insert_item(self, payload: dict) -> bool:
        """Insert a library item: a skeleton as headings + hints, anything else as text."""
        kind = str(payload.get("kind") or "")
        data = payload.get("data") or {}
        blocks = skeleton_blocks(payload) if kind == "skeleton" else []
        cur = self.textCursor()
        if blocks:
            self.rd.insert_report_blocks(
                cur, blocks, QCoreApplication.translate("Composer", "插入骨架")
            )
        else:
            text = str(payload.get("text") or data.get("text") or payload.get("title") or "")
            if not text:
                return False
            if "\n" in text.strip() and kind not in ("phrasing", "snippet"):
                if self.paste_text(text, label=QCoreApplication.translate("Composer", "插入范文")):
                    return True
            self.rd.insert_text(cur, text, QCoreApplication.translate("Composer", "插入语句"))
        self.setTextCursor(cur)
        self.setFocus()
        return True

    def paste_text(self, text: str, label: str | None = None) -> bool:
        """Insert text; typed numbering (一、（一）1.（1）) becomes headings via the importer.

        A pasted title goes into the report's title when that is still empty. Pasted headings
        keep their typed depth when they fit under the heading the cursor is in (（一） pasted
        under 一、 stays （一）); otherwise the shallowest pasted level becomes 一、.
        Typed placeholders (20XX年, XX所, X月X日) become 【slots】 in the same undo step."""
        from eduwriter.core.slots import replace_with_slots

        label = label or QCoreApplication.translate("Composer", "粘贴")
        try:
            text = replace_with_slots(text)
        except Exception:  # noqa: BLE001 - a paste must never fail for the slot pass
            pass
        cur = self.textCursor()
        here = self.rd.heading_at_or_before(cur.blockNumber())
        context = self.rd.levels()[here] if here is not None else None
        title, blocks = parse_pasted(text, context)
        if not any(b.kind == "heading" for b in blocks):
            self.rd.insert_text(cur, text, label)
            self.setTextCursor(cur)
            return True
        title_block = self.rd.doc.begin()
        with self.rd.edit(label) as c:
            if cur.hasSelection():
                cur.removeSelectedText()
            if title and self.rd.kind_of(title_block) == TITLE and not title_block.text().strip():
                c.setPosition(title_block.position())
                c.insertText(title, QTextCharFormat())
            elif title:
                blocks.insert(0, ReportBlock("paragraph", title))
            self.rd.insert_report_blocks(cur, blocks, label)
        self.setTextCursor(cur)
        return True

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt override
        from eduwriter.gui.editor.mime import ITEM_MIME

        if _local_files(source):
            return True
        return source.hasFormat(ITEM_MIME) or source.hasText() or source.hasHtml()

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        from eduwriter.gui.editor.mime import item_from_mime

        item = item_from_mime(source)
        if item is not None:
            self.insert_item(item)
            return
        if source.hasHtml():
            from PySide6.QtGui import QTextDocumentFragment

            text = QTextDocumentFragment.fromHtml(source.html()).toPlainText()
        else:
            text = source.text()
        if len(text) > MAX_PASTE_CHARS:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                self,
                QCoreApplication.translate("Composer", "粘贴"),
                QCoreApplication.translate(
                    "Composer",
                    "要粘贴的内容太长（{0} 万字），没有粘贴。\n整篇的范文请用“文件 → 导入范文”放进素材库。",
                ).format(len(text) // 10000),
            )
            return
        if text:
            self.paste_text(text)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        files = _local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.filesDropped.emit(files)
            return
        # Place the cursor where the item is dropped, then insert through our own path so the
        # drop is one named undo step.
        cur = self.cursorForPosition(event.position().toPoint())
        self.setTextCursor(cur)
        self.insertFromMimeData(event.mimeData())
        event.acceptProposedAction()

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt override
        """Copy with the computed numbers, as the text will print."""
        cur = self.textCursor()
        md = composer_mime()  # made in Python: see release_clipboard
        start = self.rd.doc.findBlock(cur.selectionStart())
        end = self.rd.doc.findBlock(cur.selectionEnd())
        if start == end:
            md.setText(cur.selectedText())
            return md
        lines: list[str] = []
        block = start
        while block.isValid():
            text = block.text()
            if block == start:
                text = text[cur.selectionStart() - block.position() :]
                if cur.selectionStart() == block.position():
                    text = (self.rd.marker_of(block.blockNumber()) or "") + text
            elif block == end:
                text = (self.rd.marker_of(block.blockNumber()) or "") + text[
                    : cur.selectionEnd() - block.position()
                ]
            else:
                text = (self.rd.marker_of(block.blockNumber()) or "") + text
            lines.append(text)
            if block == end:
                break
            block = block.next()
        md.setText("\n".join(lines))
        return md

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self.createStandardContextMenu(event.pos())
        # Route undo/redo through the report's undo stack.
        for action in menu.actions():
            if action.objectName() in ("edit-undo", "edit-redo"):
                menu.removeAction(action)
        undo = self.rd.undo_stack.createUndoAction(
            menu, QCoreApplication.translate("Composer", "撤销")
        )
        redo = self.rd.undo_stack.createRedoAction(
            menu, QCoreApplication.translate("Composer", "重做")
        )
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, undo)
        menu.insertAction(first, redo)
        if first is not None:
            menu.insertSeparator(first)
        extra = getattr(self, "extra_context_actions", None)
        if extra:
            menu.addSeparator()
            for action in extra:
                menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()


def _local_files(md: QMimeData | None) -> list[str]:
    if md is None or not md.hasUrls():
        return []
    return [u.toLocalFile() for u in md.urls() if u.isLocalFile()]
