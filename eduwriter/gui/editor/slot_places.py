"""【Slots】 in the composer's document: where each occurrence is, filling them, moving between them.

Positions are document positions (``QTextCursor.position()``); the slot pattern, the sentence
around a slot and which names may be linked come from :mod:`eduwriter.compose.slot_fill`,
the same functions the exporter and the command line count with.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor

from eduwriter.compose.slot_fill import sentence_around, slot_spans
from eduwriter.gui.editor.report_model import ReportDocument, split_run_in


@dataclass(frozen=True, slots=True)
class DocSlot:
    """One 【slot】 occurrence in the document."""

    name: str
    start: int  # document position of 【
    end: int  # document position after 】
    block: int  # block number
    where: str  # the heading it is under, with its number (一、总体要求); "" before any
    context: str  # the sentence around it

    @property
    def label(self) -> str:
        return f"【{self.name}】"


def document_slots(rd: ReportDocument) -> list[DocSlot]:
    """Every slot outside hint paragraphs, in document order."""
    out: list[DocSlot] = []
    markers = rd.markers()
    where = ""
    block = rd.doc.begin()
    while block.isValid():
        n = block.blockNumber()
        text = block.text()
        if n < len(markers) and markers[n]:
            where = f"{markers[n]}{split_run_in(text)[0]}"
        if not rd.is_hint(block):
            pos = block.position()
            for start, end, name in slot_spans(text):
                context = sentence_around(text, start, end)
                out.append(DocSlot(name, pos + start, pos + end, n, where, context))
        block = block.next()
    return out


def slot_at(rd: ReportDocument, position: int, inside: bool = False) -> DocSlot | None:
    """The slot whose span holds ``position`` (its edges included unless ``inside``)."""
    block = rd.doc.findBlock(position)
    if not block.isValid() or rd.is_hint(block):
        return None
    offset = position - block.position()
    for start, end, name in slot_spans(block.text()):
        if (start < offset < end) if inside else (start <= offset <= end):
            pos = block.position()
            return DocSlot(name, pos + start, pos + end, block.blockNumber(), "", "")
    return None


def neighbour_slot(rd: ReportDocument, position: int, backward: bool = False) -> DocSlot | None:
    """The next unfilled slot starting at or after ``position`` (pass the selection's end), or
    the previous one ending at or before it (pass the selection's start), wrapping round the
    document; None when there is none."""
    slots = document_slots(rd)
    if not slots:
        return None
    if backward:
        before = [s for s in slots if s.end <= position]
        return before[-1] if before else slots[-1]
    after = [s for s in slots if s.start >= position]
    return after[0] if after else slots[0]


def select(cur: QTextCursor, slot: DocSlot) -> None:
    """Select ``slot`` whole with ``cur`` (typing then replaces it)."""
    cur.setPosition(slot.start)
    cur.setPosition(slot.end, QTextCursor.MoveMode.KeepAnchor)


def fill_places(rd: ReportDocument, fills: list[tuple[DocSlot, str]]) -> int:
    """Replace each given slot by its value in one undo step (empty values are skipped).
    Returns the number of slots filled."""
    todo = sorted(((s, v) for s, v in fills if v), key=lambda sv: sv[0].start, reverse=True)
    if not todo:
        return 0
    with rd.edit(QCoreApplication.translate("ReportDocument", "填写要素")) as cur:
        for slot, value in todo:
            cur.setPosition(slot.start)
            cur.setPosition(slot.end, QTextCursor.MoveMode.KeepAnchor)
            cur.insertText(value)
    return len(todo)
