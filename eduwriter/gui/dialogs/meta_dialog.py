"""主送机关、附件说明、署名、成文日期 and the 版头/版记 fields: the blocks around the body.

They are not typed into the text: the exporter places them where GB/T 9704 wants them
(发文字号/签发人/密级/紧急程度 in the 版头, 主送机关 under the title, 附件说明 after the body,
署名 and 成文日期 at the end — sealed or not — and 抄送/印发 in the 版记 on the last page).
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from eduwriter.export.official import check_doc_number
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
        self.sealed = QCheckBox(
            QCoreApplication.translate(
                "MetaDialog", "加盖印章（署名居中压在日期之上，日期右空四字）"
            ),
            self,
        )
        self.sealed.setChecked(meta.sealed)
        self.doc_number = QLineEdit(meta.doc_number, self)
        self.doc_number.setPlaceholderText(
            QCoreApplication.translate("MetaDialog", "如：X教〔2026〕5号")
        )
        self.doc_number_note = QLabel(self)
        self.doc_number_note.setWordWrap(True)
        self.doc_number_note.setStyleSheet("color: #a60;")
        self.doc_number.textChanged.connect(self._check_doc_number)
        self.issuer = QLineEdit(meta.issuer, self)
        self.issuer.setPlaceholderText(
            QCoreApplication.translate("MetaDialog", "上行文填写，如：张三")
        )
        self.secrecy = QLineEdit(meta.secrecy, self)
        self.secrecy.setPlaceholderText(
            QCoreApplication.translate("MetaDialog", "如：秘密★1年（不涉密留空）")
        )
        self.urgency = QComboBox(self)
        self.urgency.setEditable(True)
        self.urgency.addItems(["", "特急", "加急"])
        self.urgency.setCurrentText(meta.urgency)
        self.copy_to = QLineEdit(meta.copy_to, self)
        self.copy_to.setPlaceholderText(
            QCoreApplication.translate("MetaDialog", "如：市政府办公室，市财政局")
        )
        self.printer = QLineEdit(meta.printer, self)
        self.printer.setPlaceholderText(
            QCoreApplication.translate("MetaDialog", "如：XX市教育局办公室")
        )
        self.print_date = QLineEdit(meta.print_date, self)
        self.print_date.setPlaceholderText(official_date(_dt.date.today()))
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("MetaDialog", "发文字号："), self.doc_number)
        form.addRow("", self.doc_number_note)
        form.addRow(QCoreApplication.translate("MetaDialog", "签发人："), self.issuer)
        form.addRow(QCoreApplication.translate("MetaDialog", "密级："), self.secrecy)
        form.addRow(QCoreApplication.translate("MetaDialog", "紧急程度："), self.urgency)
        form.addRow(QCoreApplication.translate("MetaDialog", "主送机关："), self.recipient)
        form.addRow(QCoreApplication.translate("MetaDialog", "附件："), self.attachments)
        form.addRow(QCoreApplication.translate("MetaDialog", "署名："), self.signer)
        form.addRow(QCoreApplication.translate("MetaDialog", "成文日期："), row)
        form.addRow("", self.sealed)
        form.addRow(QCoreApplication.translate("MetaDialog", "抄送："), self.copy_to)
        form.addRow(QCoreApplication.translate("MetaDialog", "印发机关："), self.printer)
        form.addRow(QCoreApplication.translate("MetaDialog", "印发日期："), self.print_date)
        form.addRow(note)
        self._check_doc_number()
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

    def _check_doc_number(self) -> None:
        """Show how the 发文字号 will be written, or what is wrong with it."""
        _fixed, notes = check_doc_number(self.doc_number.text())
        self.doc_number_note.setText(" ".join(notes))
        self.doc_number_note.setVisible(bool(notes))

    def meta(self) -> ReportMeta:
        lines = self.attachments.toPlainText().splitlines()
        number, _ = check_doc_number(self.doc_number.text())
        return ReportMeta(
            recipient=self.recipient.text().strip(),
            attachments=[ln.strip() for ln in lines if ln.strip()],
            signer=self.signer.text().strip(),
            date=self.date.text().strip(),
            doc_number=number,
            issuer=self.issuer.text().strip(),
            secrecy=self.secrecy.text().strip(),
            urgency=self.urgency.currentText().strip(),
            copy_to=self.copy_to.text().strip(),
            printer=self.printer.text().strip(),
            print_date=self.print_date.text().strip(),
            sealed=self.sealed.isChecked(),
        )

    def accept(self) -> None:
        self.rd.set_meta(self.meta())
        super().accept()
