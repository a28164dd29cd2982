"""The Qt-side document of the report being written.

The text lives in a :class:`QTextDocument` (one text block per report block); each block's
format carries its kind in user properties: :data:`KIND_PROP` is ``-1`` for the title, ``0``
for a body paragraph and ``1..4`` for a heading level; :data:`HINT_PROP` marks a greyed
placeholder paragraph from a skeleton. Numbers (一、 （一） 1. （1）) are never part of the
text: :meth:`ReportDocument.markers` computes them from the levels.

Every change goes through the document's own undo machinery and is mirrored into one
:class:`QUndoStack` by :class:`~eduwriter.gui.editor.undo_steps.DocStep` commands named for what the writer did (输入、插入骨架、
移动章节、降级、填写要素、粘贴…), so undo/redo in the menu and Ctrl+Z agree and a section move
undoes in one step.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QUndoStack,
)

from eduwriter.compose.numbering import compute_markers
from eduwriter.compose.report import MAX_LEVEL, Report, ReportBlock, ReportMeta
from eduwriter.compose.slot_fill import count_unfilled
from eduwriter.gui.editor.block_edits import insert_rows_before, reformat_rows, remove_blocks
from eduwriter.gui.editor.report_format import (
    HINT_PROP,
    KIND_PROP,
    MARKER_SAMPLE,
    PARAGRAPH,
    TITLE,
    body_font,
    heading_font,
)
from eduwriter.gui.editor.undo_steps import DocStep, MetaStep

#: Where a run-in heading ends and its body begins: after the first sentence end.
_RUNIN_END = re.compile(r"[。！？]")


def split_run_in(text: str) -> tuple[str, str]:
    """(heading, run-in body) of a heading block: split after the first 。！？ if text follows."""
    m = _RUNIN_END.search(text)
    if m and text[m.end() :].strip():
        return text[: m.end()], text[m.end() :]
    return text, ""


@dataclass(slots=True)
class HeadingInfo:
    """One heading of the report as the outline shows it."""

    block: int  # block number in the document
    level: int
    text: str
    marker: str


class ReportDocument(QObject):
    """The report being written: text document + undo stack + structure helpers."""

    #: Headings were added, removed, moved or re-levelled (numbers may have changed).
    structureChanged = Signal()
    #: Any edit (debounce before doing heavy work).
    contentChanged = Signal()
    #: The "unsaved changes" state flipped.
    modifiedChanged = Signal(bool)
    #: 主送机关 / 附件 / 署名 / 成文日期 changed.
    metaChanged = Signal()
    #: A structure command was refused; the argument says why (for the status bar).
    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = QTextDocument(self)
        self.doc.setDefaultFont(body_font())
        self.doc.setDocumentMargin(24)
        # QTextDocument reports changes (contentsChange, which keeps the numbers current) only
        # once it has a layout; a composer gives it one, a document on its own needs it too.
        self.doc.documentLayout()
        self.undo_stack = QUndoStack(self)
        self.meta = ReportMeta()
        self._label: str | None = None
        self._levels: list[int] = []
        self._markers: list[str | None] = []
        self._dirty = True  # the levels changed: numbers to recompute, structureChanged to emit
        self._stale = True  # the cached levels are unknown: read every block again
        self._em = QFontMetricsF(body_font()).horizontalAdvance("中")
        self.doc.undoCommandAdded.connect(self._on_undo_added)
        self.doc.contentsChange.connect(self._on_contents_change)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.set_report(Report())

    # ------------------------------------------------------------------ formats
    @property
    def em(self) -> float:
        return self._em

    def marker_room(self, level: int) -> float:
        return QFontMetricsF(heading_font(level)).horizontalAdvance(MARKER_SAMPLE[level])

    def block_format(self, kind: int, hint: bool = False) -> QTextBlockFormat:
        """The block format of a title (-1), paragraph (0) or heading (1..4)."""
        fmt = QTextBlockFormat()
        fmt.setProperty(KIND_PROP, int(kind))
        # Stored as an int: reading a bool QVariant back through PySide6 6.12 leaks a reference
        # to Py_True/Py_False per call and crashes a long session ("bool_dealloc").
        fmt.setProperty(HINT_PROP, 1 if (hint and kind == PARAGRAPH) else 0)
        fmt.setLineHeight(150.0, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if kind == TITLE:
            fmt.setAlignment(_align_center())
            fmt.setTextIndent(0)
            fmt.setBottomMargin(self._em * 1.2)
        elif kind == PARAGRAPH:
            fmt.setTextIndent(2 * self._em)
            fmt.setBottomMargin(2)
        else:
            fmt.setTextIndent(2 * self._em + self.marker_room(kind))
            fmt.setTopMargin(self._em * (0.5 if kind <= 2 else 0.2))
            fmt.setBottomMargin(2)
        return fmt

    @staticmethod
    def kind_of(block: QTextBlock) -> int:
        return block.blockFormat().intProperty(KIND_PROP)

    @staticmethod
    def is_hint(block: QTextBlock) -> bool:
        return block.blockFormat().intProperty(HINT_PROP) == 1

    # ------------------------------------------------------------------ undo bridge
    @contextmanager
    def edit(self, label: str) -> Iterator[QTextCursor]:
        """One named, undoable edit: ``with rd.edit(QCoreApplication.translate("ReportDocument", "移动章节")) as cur: ...``."""
        cur = QTextCursor(self.doc)
        prev, self._label = self._label, label
        cur.beginEditBlock()
        try:
            yield cur
        finally:
            cur.endEditBlock()
            self._label = prev
        self._check_structure()

    @contextmanager
    def labelled(self, label: str) -> Iterator[None]:
        """Name the undo step of an edit made through another cursor (e.g. the composer's)."""
        prev, self._label = self._label, label
        try:
            yield
        finally:
            self._label = prev

    def _on_clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    def _on_undo_added(self) -> None:
        self.undo_stack.push(
            DocStep(self.doc, self._label or QCoreApplication.translate("ReportDocument", "输入"))
        )

    def _on_contents_change(self, pos: int, removed: int, added: int) -> None:
        if not self._stale:
            self._patch_levels(pos, added)
        self.contentChanged.emit()
        if self._dirty and self._label is None:
            self._check_structure()

    def _patch_levels(self, pos: int, added: int) -> None:
        """Update the cached levels from the blocks a change touched; the others keep theirs,
        shifted by the blocks added or removed (so typing or moving a section costs the
        blocks it touched, not the whole report). The structure changed when a level or the
        block count did."""
        old, last_block = self._levels, self.doc.lastBlock()
        first, last = self.doc.findBlock(pos), self.doc.findBlock(pos + max(added, 0))
        first = first if first.isValid() else last_block
        last = last if last.isValid() else last_block
        a, b = first.blockNumber(), last.blockNumber()
        tail = b + 1 - (self.doc.blockCount() - len(old))
        if not 0 <= a <= tail <= len(old) or a > b:
            self._dirty = self._stale = True
            return
        mid, block = [], first
        while block.isValid() and block.blockNumber() <= b:
            mid.append(self.kind_of(block))
            block = block.next()
        if tail != b + 1 or mid != old[a:tail]:
            self._levels = old[:a] + mid + old[tail:]
            self._dirty = True

    def _check_structure(self) -> None:
        if self._dirty:
            self._recompute()
            self.structureChanged.emit()

    def _recompute(self) -> None:
        if self._stale:
            levels: list[int] = []
            block = self.doc.begin()
            while block.isValid():
                levels.append(self.kind_of(block))
                block = block.next()
            self._levels, self._stale = levels, False
        levels = self._levels
        self._markers = compute_markers([lv if lv > 0 else None for lv in levels])
        self._dirty = False

    # ------------------------------------------------------------------ reading
    def markers(self) -> list[str | None]:
        """The computed number of each block (None for title/paragraphs)."""
        if self._dirty:
            self._recompute()
        return self._markers

    def levels(self) -> list[int]:
        if self._dirty:
            self._recompute()
        return self._levels

    def marker_of(self, block_number: int) -> str | None:
        markers = self.markers()
        return markers[block_number] if 0 <= block_number < len(markers) else None

    def block(self, number: int) -> QTextBlock:
        return self.doc.findBlockByNumber(number)

    def headings(self) -> list[HeadingInfo]:
        markers = self.markers()
        out: list[HeadingInfo] = []
        for n, level in enumerate(self.levels()):
            if level > 0:
                out.append(HeadingInfo(n, level, self.block(n).text(), markers[n] or ""))
        return out

    def section_range(self, block_number: int) -> tuple[int, int]:
        """Half-open block range of the section starting at heading ``block_number``."""
        levels = self.levels()
        level = levels[block_number]
        if level <= 0:
            raise ValueError("not a heading")
        end = block_number + 1
        while end < len(levels) and not (0 < levels[end] <= level):
            end += 1
        return block_number, end

    def heading_at_or_before(self, block_number: int) -> int | None:
        levels = self.levels()
        for n in range(min(block_number, len(levels) - 1), -1, -1):
            if levels[n] > 0:
                return n
        return None

    def visible_text(self, block: QTextBlock) -> str:
        """A block as it prints: with its number."""
        marker = self.marker_of(block.blockNumber()) or ""
        return marker + block.text()

    def to_report(self) -> Report:
        report = Report(meta=_copy_meta(self.meta))
        block = self.doc.begin()
        while block.isValid():
            kind, text = self.kind_of(block), _clean(block.text())
            if kind == TITLE:
                if not report.title:
                    report.title = text.strip()
                elif text.strip():
                    report.blocks.append(ReportBlock("paragraph", text.strip()))
            elif kind > 0:
                head, body = split_run_in(text.strip())
                report.blocks.append(ReportBlock("heading", head, min(kind, MAX_LEVEL), body))
            elif text.strip():
                report.blocks.append(
                    ReportBlock("paragraph", text.strip(), hint=self.is_hint(block))
                )
            block = block.next()
        return report

    def plain_text(self) -> str:
        """The report as it prints, numbers included (for the clipboard and counts)."""
        lines: list[str] = []
        block = self.doc.begin()
        while block.isValid():
            lines.append(self.visible_text(block))
            block = block.next()
        return "\n".join(lines)

    def char_count(self) -> int:
        """字数: characters of the title, headings (with numbers) and body, no hints or spaces."""
        total = 0
        markers = self.markers()
        block = self.doc.begin()
        while block.isValid():
            if not self.is_hint(block):
                text = block.text()
                total += len(text) - sum(1 for ch in text if ch.isspace())
                total += len(markers[block.blockNumber()] or "")
            block = block.next()
        return total

    def unfilled_count(self) -> int:
        """Unfilled slot occurrences: the count export and the command line give too."""
        return count_unfilled(self.to_report())

    # ------------------------------------------------------------------ loading
    def set_report(self, report: Report) -> None:
        """Replace the whole content (not undoable: the undo history starts here)."""
        self.meta = _copy_meta(report.meta)
        self._label = "load"
        self.doc.setUndoRedoEnabled(False)
        self.doc.clear()
        cur = QTextCursor(self.doc)
        cur.setBlockFormat(self.block_format(TITLE))
        cur.setBlockCharFormat(QTextCharFormat())
        cur.insertText(report.title, QTextCharFormat())
        for blk in report.blocks:
            self._insert_block_after(cur, blk)
        self.doc.setUndoRedoEnabled(True)
        self._label = None
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._dirty = self._stale = True
        self._check_structure()
        self.modifiedChanged.emit(False)

    def _report_block_kind(self, blk: ReportBlock) -> tuple[int, bool, str]:
        if blk.kind == "heading":
            return max(1, min(blk.level or 1, MAX_LEVEL)), False, blk.text + blk.body
        return PARAGRAPH, bool(blk.hint), blk.text

    def _insert_block_after(self, cur: QTextCursor, blk: ReportBlock) -> None:
        kind, hint, text = self._report_block_kind(blk)
        cur.insertBlock(self.block_format(kind, hint), QTextCharFormat())
        cur.insertText(text, QTextCharFormat())

    def set_meta(self, meta: ReportMeta) -> bool:
        """Change the official-document blocks (one undo step). False when nothing changed."""
        new = _copy_meta(meta)
        if new == self.meta:
            return False
        label = QCoreApplication.translate("ReportDocument", "主送、附件与落款")
        self.undo_stack.push(MetaStep(self, _copy_meta(self.meta), new, label))
        return True

    def _apply_meta(self, meta: ReportMeta) -> None:
        self.meta = _copy_meta(meta)
        self.metaChanged.emit()
        self.contentChanged.emit()

    def mark_saved(self) -> None:
        self.undo_stack.setClean()

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    # ------------------------------------------------------------------ structure edits
    def set_level(self, block_number: int, kind: int, label: str | None = None) -> bool:
        """Make block a heading of ``kind`` (1..4), a paragraph (0) or the title (-1)."""
        block = self.block(block_number)
        if not block.isValid():
            return False
        kind = max(TITLE, min(int(kind), MAX_LEVEL))
        if kind == TITLE and block_number != 0:
            return False  # the title is the first line of the report, and there is one
        if self.kind_of(block) == kind and not self.is_hint(block):
            return False
        with self.edit(label or QCoreApplication.translate("ReportDocument", "设置级别")) as cur:
            cur.setPosition(block.position())
            cur.setBlockFormat(self.block_format(kind))
        return True

    def shift_level(self, block_number: int, delta: int) -> bool:
        """Demote (+1) or promote (-1) a heading together with its sub-headings (as Word's
        outline does), so the section keeps its inner structure; numbers update at once.
        Refused (``refused`` is emitted with the reason) when a heading would go above 一级 or
        below 四级. One undo step."""
        kind = self.kind_of(self.block(block_number))
        if kind <= 0 or not delta:
            return False
        start, end = self.section_range(block_number)
        levels = self.levels()
        heads = [(n, levels[n]) for n in range(start, end) if levels[n] > 0]
        if any(level + delta < 1 for _n, level in heads):
            self.refused.emit(
                QCoreApplication.translate("ReportDocument", "已是一级标题，不能再升级。")
            )
            return False
        if any(level + delta > MAX_LEVEL for _n, level in heads):
            self.refused.emit(
                QCoreApplication.translate(
                    "ReportDocument", "不能降级：本节的下级标题会超过四级（（1））。"
                )
            )
            return False
        label = (
            QCoreApplication.translate("ReportDocument", "降级")
            if delta > 0
            else QCoreApplication.translate("ReportDocument", "升级")
        )
        with self.edit(label) as cur:
            for n, level in heads:
                block = self.block(n)
                cur.setPosition(block.position())
                cur.setBlockFormat(self.block_format(level + delta, self.is_hint(block)))
        return True

    def _snapshot(self, start: int, end: int) -> list[tuple[int, bool, str]]:
        out: list[tuple[int, bool, str]] = []
        block = self.block(start)
        while block.isValid() and block.blockNumber() < end:
            out.append((self.kind_of(block), self.is_hint(block), block.text()))
            block = block.next()
        return out

    def _replace_blocks(
        self, cur: QTextCursor, start: int, end: int, rows: Sequence[tuple[int, bool, str]]
    ) -> None:
        """Replace blocks [start, end) with ``rows`` (same count or not) inside an edit."""
        first, last = self.block(start), self.block(end - 1)
        cur.setPosition(first.position())
        cur.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cur.removeSelectedText()
        for i, (kind, hint, text) in enumerate(rows):
            if i:
                cur.insertBlock(self.block_format(kind, hint), QTextCharFormat())
            else:
                cur.setBlockFormat(self.block_format(kind, hint))
                cur.setBlockCharFormat(QTextCharFormat())
            cur.insertText(text, QTextCharFormat())

    def closing_start(self) -> int:
        """First block of the report's closing part (a skeleton's 结尾 and the like: hint
        paragraphs at the very end that are not a section's own first hint); the block count
        when there is none. Moves keep it last."""
        levels, n = self.levels(), self.doc.blockCount()
        while n - 1 > 1 and levels[n - 1] == 0 and levels[n - 2] == 0:
            if not self.is_hint(self.block(n - 1)):
                break
            n -= 1
        return n

    def move_section(self, block_number: int, dest: int, new_level: int | None = None) -> bool:
        """Move the section starting at heading ``block_number`` so it starts before block
        ``dest`` (``dest`` may equal the block count: to the end). With ``new_level`` every
        heading of the section shifts so the moved heading gets that level. The closing part
        (:meth:`closing_start`) stays last."""
        start, end = self.section_range(block_number)
        closing = self.closing_start()
        end, dest = min(end, max(closing, start + 1)), min(dest, closing)
        count = self.doc.blockCount()
        dest = max(1, min(dest, count))  # never above the title
        level = self.levels()[block_number]
        delta = 0 if new_level is None else max(1, min(new_level, MAX_LEVEL)) - level
        if start <= dest <= end and delta == 0:
            return False
        if start < dest < end:
            return False  # into itself
        moved = self._snapshot(start, end)
        if delta:
            moved = [(max(1, min(k + delta, MAX_LEVEL)) if k > 0 else k, h, t) for k, h, t in moved]
        label = QCoreApplication.translate("ReportDocument", "移动章节")
        if start <= dest <= end:
            with self.edit(label) as cur:
                reformat_rows(self, cur, start, moved)
            return True
        # Only the moved blocks are written; the blocks in between keep their text and format
        # (their numbers change, and numbers are painted, not stored). Two document edits, so
        # the layout redoes only the blocks each one touches; one undo step for the writer.
        remove = partial(remove_blocks, self, start=start, end=end)
        insert = partial(insert_rows_before, self, dest=dest, rows=moved)
        prev, self._label = self._label, label
        self.undo_stack.beginMacro(label)
        try:
            for step in (insert, remove) if dest > end else (remove, insert):
                cur = QTextCursor(self.doc)
                cur.beginEditBlock()
                step(cur=cur)
                cur.endEditBlock()
        finally:
            self.undo_stack.endMacro()
            self._label = prev
        self._check_structure()
        return True

    def delete_section(self, block_number: int) -> bool:
        """Remove a heading with everything under it (one undo step)."""
        if block_number <= 0 or self.levels()[block_number] <= 0:
            return False
        start, end = self.section_range(block_number)
        prev, last = self.block(start - 1), self.block(end - 1)
        with self.edit(QCoreApplication.translate("ReportDocument", "删除章节")) as cur:
            cur.setPosition(prev.position() + prev.length() - 1)
            cur.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cur.removeSelectedText()
        return True

    def sibling_move(self, block_number: int, direction: int) -> bool:
        """Alt+Up (-1) / Alt+Down (+1): swap the section with its neighbour of the same level."""
        levels = self.levels()
        level = levels[block_number]
        if level <= 0:
            return False
        start, end = self.section_range(block_number)
        if direction > 0:
            if end >= len(levels) or levels[end] != level:
                return False
            _, next_end = self.section_range(end)
            return self.move_section(block_number, next_end)
        prev = start - 1
        while prev > 0 and not (0 < levels[prev] <= level):
            prev -= 1
        if prev <= 0 or levels[prev] != level:
            return False
        return self.move_section(block_number, prev)

    def insert_report_blocks(
        self, cur: QTextCursor, blocks: Sequence[ReportBlock], label: str
    ) -> int:
        """Insert blocks after the cursor's block (or in place of it when it is empty or a
        hint). Returns the block number of the first inserted block."""
        if not blocks:
            return -1
        here = cur.block()
        rows = [self._report_block_kind(b) for b in blocks]
        with self.edit(label) as c:
            if (not here.text().strip() or self.is_hint(here)) and self.kind_of(here) != TITLE:
                first = here.blockNumber()
                self._replace_blocks(c, first, first + 1, rows)
            else:
                first = here.blockNumber() + 1
                c.setPosition(here.position() + here.length() - 1)
                for kind, hint, text in rows:
                    c.insertBlock(self.block_format(kind, hint), QTextCharFormat())
                    c.insertText(text, QTextCharFormat())
            last = self.block(first + len(rows) - 1)
            cur.setPosition(last.position() + last.length() - 1)
        return first

    def insert_text(self, cur: QTextCursor, text: str, label: str) -> None:
        """Insert plain text at the cursor (a hint paragraph is replaced, not appended to)."""
        lines = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        lines = [ln for ln in lines if ln] or [""]
        with self.edit(label) as c:
            c.setPosition(cur.anchor())
            c.setPosition(cur.position(), QTextCursor.MoveMode.KeepAnchor)
            if self.is_hint(c.block()):
                blk = c.block()
                c.setPosition(blk.position())
                c.setPosition(blk.position() + blk.length() - 1, QTextCursor.MoveMode.KeepAnchor)
                c.setBlockFormat(self.block_format(PARAGRAPH))
            c.insertText(lines[0], QTextCharFormat())
            for line in lines[1:]:
                c.insertBlock(self.block_format(PARAGRAPH), QTextCharFormat())
                c.insertText(line, QTextCharFormat())
            cur.setPosition(c.position())

    def clear_hint(self, cur: QTextCursor) -> bool:
        """Turn the hint paragraph under the cursor into an empty body paragraph."""
        blk = cur.block()
        if not self.is_hint(blk):
            return False
        with self.edit(QCoreApplication.translate("ReportDocument", "输入")) as c:
            c.setPosition(blk.position())
            c.setPosition(blk.position() + blk.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            c.removeSelectedText()
            c.setBlockFormat(self.block_format(PARAGRAPH))
        cur.setPosition(blk.position())
        return True


def _clean(text: str) -> str:
    """Block text without the characters a QTextDocument may carry but a report must not:
    soft line breaks (U+2028), paragraph separators and object placeholders."""
    if "\u2028" in text or "\u2029" in text or "\ufffc" in text:
        text = text.replace("\u2028", "").replace("\u2029", "").replace("\ufffc", "")
    return text


def _copy_meta(meta: ReportMeta) -> ReportMeta:
    return dataclasses.replace(meta, attachments=list(meta.attachments))


def _align_center():
    from PySide6.QtCore import Qt

    return Qt.AlignmentFlag.AlignHCenter
