"""Block-level writes of a structure edit, each touching only the blocks it names.

A section move writes the moved blocks and nothing else: the blocks it passes keep their text
and format (their numbers change, but numbers are painted from the levels, never stored), so
the cost of a move follows the size of the section, not the distance it travels. Rows are
``(kind, hint, text)`` as :meth:`ReportDocument._snapshot` gives them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCharFormat, QTextCursor

if TYPE_CHECKING:
    from eduwriter.gui.editor.report_model import ReportDocument

Row = tuple[int, bool, str]


def reformat_rows(rd: ReportDocument, cur: QTextCursor, start: int, rows: Sequence[Row]) -> None:
    """Give the blocks from ``start`` on the kinds of ``rows``, formatting only those that
    differ."""
    block = rd.block(start)
    for kind, hint, _text in rows:
        if rd.kind_of(block) != kind:
            cur.setPosition(block.position())
            cur.setBlockFormat(rd.block_format(kind, hint))
        block = block.next()


def insert_rows_before(
    rd: ReportDocument, cur: QTextCursor, dest: int, rows: Sequence[Row]
) -> None:
    """Insert ``rows`` as new blocks before block ``dest`` (``dest`` >= 1; the block count
    appends them at the end)."""
    prev = rd.block(dest - 1)
    cur.setPosition(prev.position() + prev.length() - 1)
    for kind, hint, text in rows:
        cur.insertBlock(rd.block_format(kind, hint), QTextCharFormat())
        cur.insertText(text, QTextCharFormat())


def remove_blocks(rd: ReportDocument, cur: QTextCursor, start: int, end: int) -> None:
    """Remove blocks [start, end) (``start`` >= 1) with the break before them."""
    prev, last = rd.block(start - 1), rd.block(end - 1)
    cur.setPosition(prev.position() + prev.length() - 1)
    cur.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    cur.removeSelectedText()
