"""导出: choose format and file, export off the GUI thread, report warnings, offer to open.

The exporter (``eduwriter.export.export_report``) runs in a worker thread on a copy of the
report, so the window stays responsive and the report is never modified.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyle,
    QWidget,
)

from eduwriter.compose.report import Report
from eduwriter.gui.editor.report_model import ReportDocument
from eduwriter.gui.settings import Settings

FORMAT_SUFFIX = {"docx": ".docx", "md": ".md", "txt": ".txt"}
FORMAT_FILTER = {
    "docx": lambda: QCoreApplication.translate("Export", "Word 文档 (*.docx)"),
    "md": lambda: QCoreApplication.translate("Export", "Markdown (*.md)"),
    "txt": lambda: QCoreApplication.translate("Export", "纯文本 (*.txt)"),
}


class _Signals(QObject):
    finished = Signal(object)  # ExportResult
    failed = Signal(object)  # exception


class _ExportTask(QRunnable):
    def __init__(self, report: Report, path: str, opts: dict[str, Any]) -> None:
        super().__init__()
        self.report, self.path, self.opts = report, path, opts
        self.signals = _Signals()

    def run(self) -> None:  # worker thread
        try:
            from eduwriter.export import export_report

            result = export_report(self.report, self.path, **self.opts)
        except Exception as exc:  # noqa: BLE001 - delivered to the GUI thread
            self.signals.failed.emit(exc)
            return
        self.signals.finished.emit(result)


class ExportOptionsDialog(QDialog):
    """Format, optional template, font names, bold headings."""

    def __init__(self, opts: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Export", "导出"))
        self.setMinimumWidth(560)
        self.fmt = QComboBox(self)
        for code, label in (
            ("docx", QCoreApplication.translate("Export", "Word 文档 (.docx，公文版式)")),
            ("md", QCoreApplication.translate("Export", "Markdown (.md)")),
            ("txt", QCoreApplication.translate("Export", "纯文本 (.txt)")),
        ):
            self.fmt.addItem(label, code)
        self.fmt.setCurrentIndex(max(0, self.fmt.findData(opts.get("fmt", "docx"))))
        self.template = QLineEdit(str(opts.get("template") or ""), self)
        self.template.setPlaceholderText(
            QCoreApplication.translate("Export", "留空使用默认公文版式（GB/T 9704）")
        )
        browse = QPushButton(QCoreApplication.translate("Export", "选择…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.template, 1)
        row.addWidget(browse)
        self.fonts = QComboBox(self)
        self.fonts.addItem(
            QCoreApplication.translate("Export", "自动（本机有公文标准字体时用标准字体名）"),
            "auto",
        )
        self.fonts.addItem(
            QCoreApplication.translate("Export", "Windows 自带字体（仿宋、楷体、黑体）"),
            "installed",
        )
        self.fonts.addItem(
            QCoreApplication.translate("Export", "公文标准字体（仿宋_GB2312、方正小标宋简体）"),
            "strict",
        )
        self.fonts.setCurrentIndex(max(0, self.fonts.findData(opts.get("fonts", "auto"))))
        self.bold = QCheckBox(QCoreApplication.translate("Export", "二、三级标题加粗"), self)
        self.bold.setChecked(bool(opts.get("bold_headings")))
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("Export", "格式："), self.fmt)
        form.addRow(QCoreApplication.translate("Export", "单位模板："), row)
        form.addRow(QCoreApplication.translate("Export", "字体名称："), self.fonts)
        form.addRow("", self.bold)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("Export", "导出…")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("Export", "取消")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.fmt.currentIndexChanged.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        docx = self.fmt.currentData() == "docx"
        for w in (self.template, self.fonts, self.bold):
            w.setEnabled(docx)

    def _browse(self) -> None:
        path = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("Export", "选择单位模板"),
            self.template.text(),
            QCoreApplication.translate("Export", "Word 文档 (*.docx)"),
        )[0]
        if path:
            self.template.setText(path)

    def options(self) -> dict[str, Any]:
        return {
            "fmt": self.fmt.currentData(),
            "template": self.template.text().strip(),
            "fonts": self.fonts.currentData(),
            "bold_headings": self.bold.isChecked(),
        }


class ExportController(QObject):
    """The 导出 action and what happens after it."""

    status = Signal(str)
    #: An export finished (result) — tests and the status bar listen.
    exported = Signal(object)
    #: An export failed (exception).
    failed = Signal(object)

    def __init__(self, rd: ReportDocument, settings: Settings, window: QWidget) -> None:
        super().__init__(window)
        self.rd, self.settings, self.window = rd, settings, window
        self.action = QAction(QCoreApplication.translate("Export", "导出(&E)…"), window)
        self.action.setObjectName("actExport")
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.setIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))
        self.action.setToolTip(
            QCoreApplication.translate("Export", "导出为 Word 公文（.docx）、Markdown 或纯文本")
        )
        self.action.triggered.connect(lambda _c=False: self.ask_and_export())
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._tasks: list[_ExportTask] = []
        #: Ask before opening the result (False in tests).
        self.offer_open = True
        #: The report's own .md file ("" while unsaved): named in the suggestion, never
        #: overwritten by an export (the window sets it).
        self.source_path: Any = lambda: ""
        #: Opens 填写要素 when the writer would rather fill the slots first (the window sets it).
        self.fill_slots: Any = None

    def suggested_stem(self) -> str:
        """The saved file's name, else the report's title, else 未命名报告."""
        source = self.source_path() or ""
        if source:
            return Path(source).stem
        title = (self.rd.to_report().title or "").strip()
        return _safe_name(title) if title else QCoreApplication.translate("Export", "未命名报告")

    def confirm_unfilled(self) -> bool:
        """With unfilled 【slots】, say how many and where and ask; True to go on exporting.
        "先填写" opens 填写要素 (through ``fill_slots``, set by the window)."""
        from eduwriter.compose.slot_fill import describe_places, unfilled_places

        places = unfilled_places(self.rd.to_report())
        if not places:
            return True
        box = QMessageBox(self.window)
        box.setObjectName("unfilledQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("Export", "导出"))
        box.setText(
            QCoreApplication.translate(
                "Export", "报告中还有 {0} 处要素没有填写。仍要导出吗？"
            ).format(len(places))
        )
        box.setInformativeText("\n".join(describe_places(places, limit=6)))
        go = box.addButton(
            QCoreApplication.translate("Export", "仍要导出"), QMessageBox.ButtonRole.AcceptRole
        )
        fill = box.addButton(
            QCoreApplication.translate("Export", "先填写"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(fill)
        box.exec()
        box.deleteLater()
        if box.clickedButton() is go:
            return True
        if box.clickedButton() is fill and self.fill_slots is not None:
            self.fill_slots()
        return False

    def ask_and_export(self) -> bool:
        if not self.confirm_unfilled():
            return False
        dialog = ExportOptionsDialog(self.settings.export_options(), self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        opts = dialog.options()
        self.settings.set_export_options(opts)
        suffix = FORMAT_SUFFIX[opts["fmt"]]
        source = self.source_path() or ""
        folder = self.settings.value("export/last_dir", "") or (
            str(Path(source).parent) if source else self.settings.last_dir()
        )
        start = Path(folder) / (self.suggested_stem() + suffix)
        path = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("Export", "导出到"),
            str(start),
            FORMAT_FILTER[opts["fmt"]](),
        )[0]
        if not path:
            return False
        if not path.lower().endswith(suffix):
            path += suffix
        self.settings.set_value("export/last_dir", str(Path(path).parent))
        self.export_to(path, opts)
        return True

    def export_to(self, path: str, opts: dict[str, Any]) -> None:
        """Export the current report to ``path`` in the background."""
        kwargs = {
            "fmt": opts.get("fmt", "docx"),
            "template": opts.get("template") or None,
            "fonts": opts.get("fonts", "auto"),
            "bold_headings": bool(opts.get("bold_headings")),
            "source": self.source_path() or None,
        }
        task = _ExportTask(self.rd.to_report(), path, kwargs)
        task.setAutoDelete(False)
        task.signals.finished.connect(lambda res, t=task: self._done(t, res))
        task.signals.failed.connect(lambda exc, t=task: self._failed(t, exc, path, kwargs))
        self._tasks.append(task)
        self.action.setEnabled(False)
        self.status.emit(
            QCoreApplication.translate("Export", "正在导出 {0}…").format(Path(path).name)
        )
        self.pool.start(task)

    def _forget(self, task: _ExportTask) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        self.action.setEnabled(True)

    def _done(self, task: _ExportTask, result: Any) -> None:
        self._forget(task)
        if not (task.report.title or "").strip():
            result.warnings.insert(
                0,
                QCoreApplication.translate(
                    "Export", "报告没有标题：导出的文件没有公文标题，请在第一行输入标题后再导出。"
                ),
            )
        self.status.emit(QCoreApplication.translate("Export", "已导出：{0}").format(result.path))
        self.exported.emit(result)
        if not self.offer_open:
            return
        box = QMessageBox(self.window)
        box.setWindowTitle(QCoreApplication.translate("Export", "导出完成"))
        box.setIcon(QMessageBox.Icon.Warning if result.warnings else QMessageBox.Icon.Information)
        text = QCoreApplication.translate("Export", "已导出到：\n{0}").format(result.path)
        if result.fonts_expected:
            text += "\n\n" + QCoreApplication.translate("Export", "该文件使用字体：{0}").format(
                "、".join(result.fonts_expected)
            )
        box.setText(text)
        if result.warnings:
            box.setInformativeText(
                QCoreApplication.translate("Export", "请注意：")
                + "\n• "
                + "\n• ".join(result.warnings)
            )
        open_btn = box.addButton(
            QCoreApplication.translate("Export", "打开文件"), QMessageBox.ButtonRole.AcceptRole
        )
        folder_btn = box.addButton(
            QCoreApplication.translate("Export", "打开所在文件夹"),
            QMessageBox.ButtonRole.ActionRole,
        )
        box.addButton(
            QCoreApplication.translate("Export", "关闭"), QMessageBox.ButtonRole.RejectRole
        )
        box.exec()
        if box.clickedButton() is open_btn:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))
        elif box.clickedButton() is folder_btn:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(result.path).parent)))

    def _failed(self, task: _ExportTask, exc: Exception, path: str, kwargs: dict) -> None:
        self._forget(task)
        self.status.emit(QCoreApplication.translate("Export", "导出失败"))
        self.failed.emit(exc)
        if not self.offer_open:
            return
        from eduwriter.export import ExportError, TemplateError

        if isinstance(exc, TemplateError):
            answer = QMessageBox.question(
                self.window,
                QCoreApplication.translate("Export", "模板无法使用"),
                getattr(exc, "message_zh", str(exc))
                + "\n\n"
                + QCoreApplication.translate("Export", "改用默认公文版式导出吗？"),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.export_to(path, {**kwargs, "template": None})
            return
        if isinstance(exc, ExportError):
            text = exc.message_zh
            if exc.suggestion is not None:
                answer = QMessageBox.question(
                    self.window,
                    QCoreApplication.translate("Export", "导出失败"),
                    text
                    + "\n\n"
                    + QCoreApplication.translate("Export", "改存为 {0} 吗？").format(
                        Path(exc.suggestion).name
                    ),
                )
                if answer == QMessageBox.StandardButton.Yes:
                    self.export_to(str(exc.suggestion), kwargs)
                return
            QMessageBox.warning(self.window, QCoreApplication.translate("Export", "导出失败"), text)
            return
        QMessageBox.warning(
            self.window,
            QCoreApplication.translate("Export", "导出失败"),
            QCoreApplication.translate("Export", "导出时出错：{0}\n报告没有受影响。").format(exc),
        )

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)


def _safe_name(name: str) -> str:
    bad = '<>:"/\\|?*\n\r\t'
    cleaned = "".join("_" if ch in bad else ch for ch in name).strip(" .")
    return cleaned[:60] or "report"
