"""公文预览: the report as the exporter lays it out (title, 主送机关, numbered headings, body,
附件说明, 署名, 成文日期), from the same intermediate form as the DOCX (compose.render)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from eduwriter.gui.editor.report_model import ReportDocument


class PreviewDialog(QDialog):
    """A read-only page; refreshed each time it is opened."""

    def __init__(self, rd: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rd = rd
        self.setWindowTitle(QCoreApplication.translate("Preview", "公文预览"))
        self.resize(760, 900)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("preview")
        self.browser.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            QCoreApplication.translate("Preview", "关闭")
        )
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser, 1)
        lay.addWidget(buttons)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.refresh()

    def refresh(self) -> None:
        from eduwriter.compose.render import render_html

        bold = bool(getattr(self.parent(), "settings", None)) and bool(
            self.parent().settings.export_options().get("bold_headings")
        )
        self.browser.setHtml(render_html(self.rd.to_report(), bold_headings=bold))

    def text(self) -> str:
        return self.browser.toPlainText()
