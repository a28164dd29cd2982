"""Highlighting in the composer: heading fonts, grey hints and yellow 【slots】."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

from eduwriter.compose.render import SLOT_RE
from eduwriter.gui.editor.report_format import (
    BODY_FAMILIES,
    HEI_FAMILIES,
    KAI_FAMILIES,
    TITLE,
    TITLE_FAMILIES,
    TITLE_POINT_SIZE,
)
from eduwriter.gui.editor.report_model import ReportDocument, split_run_in


class ReportHighlighter(QSyntaxHighlighter):
    """Heading fonts, grey hints and yellow slots, without touching the text's own formats."""

    def __init__(self, rd: ReportDocument) -> None:
        super().__init__(rd.doc)
        self._rd = rd
        self._slot = QTextCharFormat()
        self._slot.setBackground(QColor("#fff1b8"))
        self._slot.setForeground(QColor("#8a5a00"))
        self._hint = QTextCharFormat()
        self._hint.setForeground(QColor("#9a9a9a"))
        self._hint.setFontItalic(True)
        self._levels: dict[int, QTextCharFormat] = {}
        for kind, fams in ((1, HEI_FAMILIES), (2, KAI_FAMILIES)):
            fmt = QTextCharFormat()
            fmt.setFontFamilies(fams)
            self._levels[kind] = fmt
        for kind in (3, 4):
            fmt = QTextCharFormat()
            fmt.setFontFamilies(BODY_FAMILIES)
            fmt.setFontWeight(QFont.Weight.DemiBold)
            self._levels[kind] = fmt
        title = QTextCharFormat()
        title.setFontFamilies(TITLE_FAMILIES)
        title.setFontPointSize(TITLE_POINT_SIZE)
        title.setFontWeight(QFont.Weight.Bold)
        self._levels[TITLE] = title

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        block = self.currentBlock()
        kind = ReportDocument.kind_of(block)
        if ReportDocument.is_hint(block):
            self.setFormat(0, len(text), self._hint)
            return
        if kind in self._levels:
            head = split_run_in(text)[0] if kind > 0 else text
            self.setFormat(0, len(head), self._levels[kind])
        for m in SLOT_RE.finditer(text):
            fmt = QTextCharFormat(self._slot)
            if kind in self._levels and m.start() < (
                len(split_run_in(text)[0]) if kind > 0 else len(text)
            ):
                fmt.merge(self._levels[kind])
                fmt.setBackground(self._slot.background())
                fmt.setForeground(self._slot.foreground())
            self.setFormat(m.start(), m.end() - m.start(), fmt)
