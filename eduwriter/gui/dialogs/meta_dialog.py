"""主送机关、附件说明、署名、成文日期: the official-document blocks around the body.

They are not typed into the text: the exporter places them where GB/T 9704 wants them
(主送机关 under the title, 附件说明 after the body, 署名 and 成文日期 at the end).
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from eduwriter.compose.report import ReportMeta
from eduwriter.gui.editor.report_model import ReportDocument


def official_date(day: _dt.date) -> str:
    """2026年11月22日: Arabic numerals without leading zeros (GB/T 9704 §7.3.5)."""
    return f"{day.year}年{day.month}月{day.day}日"


class MetaDialog(QDialog):
    """Edit the report's ReportMeta; OK applies it as one undoable step."""

    def __init__(self, rd: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rd = rd
        self.setWindowTitle(QCoreApplication.translate("MetaDialog", "主送、附件与落款"))
        self.setMinimumWidth(480)
        meta = rd.meta
        self.recipient = QLineEdit(meta.recipient, self)
        self.recipient.setPlaceholderText(
            QCoreApplication.translate("MetaDialog", "如：各区（县）教育局，局属各学校")
        )
        self.attachments = QPlainTextEdit("\n".join(meta.attachments), self)
        self.attachments.setPlaceholderText(
            QCoreApplication.translate("MetaDialog", "每行一个附件名称，如：2026年工作任务分解表")
        )
        self.attachments.setFixedHeight(80)
        self.signer = QLineEdit(meta.signer, self)
        self.signer.setPlaceholderText(QCoreApplication.translate("MetaDialog", "如：XX市教育局"))
        self.date = QLineEdit(meta.date, self)
        self.date.setPlaceholderText(official_date(_dt.date.today()))
        today = QPushButton(QCoreApplication.translate("MetaDialog", "今天"), self)
        today.clicked.connect(lambda: self.date.setText(official_date(_dt.date.today())))
        row = QHBoxLayout()
        row.addWidget(self.date, 1)
        row.addWidget(today)
        note = QLabel(
            QCoreApplication.translate(
                "MetaDialog", "留空的项目不出现在导出的公文中。导出时按公文格式自动排版。"
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("MetaDialog", "主送机关："), self.recipient)
        form.addRow(QCoreApplication.translate("MetaDialog", "附件："), self.attachments)
        form.addRow(QCoreApplication.translate("MetaDialog", "署名："), self.signer)
        form.addRow(QCoreApplication.translate("MetaDialog", "成文日期："), row)
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("MetaDialog", "确定")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("MetaDialog", "取消")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def meta(self) -> ReportMeta:
        lines = self.attachments.toPlainText().splitlines()
        return ReportMeta(
            recipient=self.recipient.text().strip(),
            attachments=[ln.strip() for ln in lines if ln.strip()],
            signer=self.signer.text().strip(),
            date=self.date.text().strip(),
        )

    def accept(self) -> None:
        self.rd.set_meta(self.meta())
        super().accept()
