"""Undo steps of the report: each names what the writer did (输入、插入骨架、移动章节…)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextDocument, QUndoCommand

from eduwriter.compose.report import ReportMeta

if TYPE_CHECKING:
    from eduwriter.gui.editor.report_model import ReportDocument


class DocStep(QUndoCommand):
    """One undo step of the QTextDocument, named for the writer."""

    def __init__(self, doc: QTextDocument, label: str) -> None:
        super().__init__(label)
        self._doc = doc
        self._first = True

    def redo(self) -> None:
        if self._first:  # the edit has already happened
            self._first = False
            return
        self._doc.redo()

    def undo(self) -> None:
        self._doc.undo()


class MetaStep(QUndoCommand):
    """A change of 主送机关 / 附件 / 署名 / 成文日期 (not part of the text document)."""

    def __init__(self, rd: ReportDocument, old: ReportMeta, new: ReportMeta, label: str) -> None:
        super().__init__(label)
        self._rd, self._old, self._new = rd, old, new

    def redo(self) -> None:
        self._rd._apply_meta(self._new)

    def undo(self) -> None:
        self._rd._apply_meta(self._old)
