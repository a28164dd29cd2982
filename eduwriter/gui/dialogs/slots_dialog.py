"""填写要素: every unfilled 【slot】 of the report in document order, each with the sentence
around it and a field of its own.

Every occurrence is its own slot: four 【数量】 are four numbers. A named slot (【单位】, 【地区】,
【年份】…) that occurs more than once gets a box "各处填同一内容" that links its fields: the first
one's value then fills every occurrence. Bare counts, dates and 【待填】 are never linked (see
:func:`eduwriter.compose.slot_fill.is_linkable`). Filling is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from eduwriter.compose.slot_fill import is_linkable
from eduwriter.gui.editor.report_model import ReportDocument
from eduwriter.gui.editor.slot_places import DocSlot, document_slots, fill_places

#: Example values shown as placeholders, by the slot's kind.
_EXAMPLES = {
    "年份": "2026",
    "日期": "11月22日",
    "地区": "XX市XX区",
    "单位": "XX市第一中学",
    "数量": "120",
    "文号": "〔2026〕1号",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SlotsDialog", text)


class SlotsDialog(QDialog):
    """The 填写要素 form over a :class:`ReportDocument`."""

    def __init__(self, rd: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rd = rd
        self.setWindowTitle(_tr("填写要素"))
        self.setMinimumWidth(560)
        self.places: list[DocSlot] = document_slots(rd)
        self.edits: list[QLineEdit] = []
        self.links: dict[str, QCheckBox] = {}
        intro = QLabel(
            _tr("报告中还有 {0} 处要素没有填写，按在文中的先后列出。留空的保持不变。").format(
                len(self.places)
            ),
            self,
        )
        intro.setWordWrap(True)
        inner = QWidget(self)
        grid = QGridLayout(inner)
        grid.setColumnStretch(1, 1)
        counts: dict[str, int] = {}
        for p in self.places:
            counts[p.name] = counts.get(p.name, 0) + 1
        row = 0
        for i, place in enumerate(self.places):
            if place.name not in self.links and counts[place.name] > 1 and is_linkable(place.name):
                box = QCheckBox(
                    _tr("各处的【{0}】填同一内容（共 {1} 处）").format(
                        place.name, counts[place.name]
                    ),
                    inner,
                )
                box.setObjectName(f"link:{place.name}")
                box.toggled.connect(lambda _on, name=place.name: self._sync_links(name))
                self.links[place.name] = box
                grid.addWidget(box, row, 0, 1, 2)
                row += 1
            label = QLabel(place.label, inner)
            edit = QLineEdit(inner)
            edit.setObjectName(f"slot:{i}")
            if place.name in _EXAMPLES:
                edit.setPlaceholderText(_tr("如：{0}").format(_EXAMPLES[place.name]))
            edit.textChanged.connect(lambda _t, name=place.name: self._sync_links(name))
            where = f"{place.where} · " if place.where else ""
            context = QLabel(where + place.context, inner)
            context.setObjectName(f"context:{i}")
            context.setWordWrap(True)
            context.setStyleSheet("color: #555;")
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(context, row + 1, 1)
            row += 2
            self.edits.append(edit)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("填入报告"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(scroll, 1)
        lay.addWidget(buttons)
        self.resize(640, min(720, 140 + 64 * len(self.places)))
        self.filled = 0

    def _sync_links(self, name: str) -> None:
        """While linked, the later fields of ``name`` show the first one's value, read-only."""
        box = self.links.get(name)
        if box is None:
            return
        rows = [i for i, p in enumerate(self.places) if p.name == name]
        first = self.edits[rows[0]]
        for i in rows[1:]:
            edit = self.edits[i]
            edit.setReadOnly(box.isChecked())
            edit.setEnabled(not box.isChecked())
            if box.isChecked() and edit.text() != first.text():
                edit.blockSignals(True)
                edit.setText(first.text())
                edit.blockSignals(False)

    def has_slots(self) -> bool:
        return bool(self.places)

    def set_value(self, index: int, value: str) -> None:
        """Type ``value`` into the field of the ``index``-th slot (document order)."""
        self.edits[index].setText(value)

    def link(self, name: str, on: bool = True) -> None:
        self.links[name].setChecked(on)

    def values(self) -> list[tuple[DocSlot, str]]:
        return [(p, e.text().strip()) for p, e in zip(self.places, self.edits, strict=True)]

    def accept(self) -> None:
        self.filled = fill_places(self.rd, self.values())
        super().accept()
