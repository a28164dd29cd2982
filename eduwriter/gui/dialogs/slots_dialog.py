"""填写要素: one form listing each slot of the report once; a value fills every occurrence.

Filling is one undo step (Ctrl+Z restores every 【slot】 at once).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from eduwriter.gui.editor.report_model import SLOT_RE, ReportDocument

#: Example values shown as placeholders, by the slot's kind.
_EXAMPLES = {
    "年份": "2026",
    "日期": "11月22日",
    "地区": "XX市XX区",
    "单位": "XX市第一中学",
    "数量": "120",
    "文号": "〔2026〕1号",
}


class SlotsDialog(QDialog):
    """The 填写要素 form over a :class:`ReportDocument`."""

    def __init__(self, rd: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rd = rd
        self.setWindowTitle(QCoreApplication.translate("SlotsDialog", "填写要素"))
        self.setMinimumWidth(420)
        self.names = rd.slot_names()
        counts = self._counts()
        self.edits: dict[str, QLineEdit] = {}
        intro = QLabel(
            QCoreApplication.translate(
                "SlotsDialog",
                "报告中共有 {0} 个要素。填写后，同名要素在全文各处一并替换；留空的保持不变。",
            ).format(len(self.names)),
            self,
        )
        intro.setWordWrap(True)
        inner = QWidget(self)
        form = QFormLayout(inner)
        for name in self.names:
            edit = QLineEdit(self)
            edit.setObjectName(f"slot:{name}")
            if name in _EXAMPLES:
                example = QCoreApplication.translate("SlotsDialog", "如：{0}")
                edit.setPlaceholderText(example.format(_EXAMPLES[name]))
            label = f"【{name}】" + (
                QCoreApplication.translate("SlotsDialog", "（{0} 处）").format(counts[name])
                if counts[name] > 1
                else ""
            )
            form.addRow(label, edit)
            self.edits[name] = edit
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("SlotsDialog", "填入报告")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("SlotsDialog", "取消")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(scroll, 1)
        lay.addWidget(buttons)
        self.filled = 0

    def _counts(self) -> dict[str, int]:
        counts = dict.fromkeys(self.names, 0)
        block = self.rd.doc.begin()
        while block.isValid():
            if not self.rd.is_hint(block):
                for m in SLOT_RE.finditer(block.text()):
                    if m.group(1) in counts:
                        counts[m.group(1)] += 1
            block = block.next()
        return counts

    def has_slots(self) -> bool:
        return bool(self.names)

    def set_value(self, name: str, value: str) -> None:
        self.edits[name].setText(value)

    def values(self) -> dict[str, str]:
        return {name: e.text().strip() for name, e in self.edits.items() if e.text().strip()}

    def accept(self) -> None:
        self.filled = self.rd.fill_slots(self.values())
        super().accept()
