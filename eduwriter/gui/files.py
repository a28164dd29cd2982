"""New / open / save / save as of reports (.md), recent files, and "save changes?" on close.

Saving goes through ``markdown_io.write_report`` (temporary file + fsync + rename), so a crash
or a full disk never leaves a half-written report.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from eduwriter.compose.report import Report
from eduwriter.gui.editor.report_model import ReportDocument
from eduwriter.gui.settings import Settings

REPORT_SUFFIXES = (".md", ".markdown")


def read_report_file(path: str | Path) -> Report:
    from eduwriter.compose.markdown_io import read_report

    return read_report(path)


def write_report_file(report: Report, path: str | Path) -> Path:
    from eduwriter.compose.markdown_io import write_report

    return write_report(report, path)


class FileController(QObject):
    """File commands for one window. ``path`` is "" for a report that was never saved."""

    pathChanged = Signal(str)
    recentChanged = Signal(list)

    def __init__(self, rd: ReportDocument, settings: Settings, window: QWidget) -> None:
        super().__init__(window)
        self.rd = rd
        self.settings = settings
        self.window = window
        self.path = ""

    # ------------------------------------------------------------------ commands
    def new(self) -> bool:
        if not self.maybe_save():
            return False
        self.rd.set_report(Report())
        self._set_path("")
        return True

    def open(self, path: str | None = None) -> bool:
        if not self.maybe_save():
            return False
        if not path:
            path = QFileDialog.getOpenFileName(
                self.window,
                QCoreApplication.translate("Files", "打开报告"),
                self.settings.last_dir(),
                QCoreApplication.translate("Files", "报告 (*.md *.markdown);;所有文件 (*)"),
            )[0]
        if not path:
            return False
        return self.load(path)

    def load(self, path: str | Path) -> bool:
        """Open ``path`` without asking about the current report (used after maybe_save)."""
        try:
            report = read_report_file(path)
        except Exception as exc:  # noqa: BLE001 - any read error becomes a message
            self._error(
                QCoreApplication.translate("Files", "无法打开报告"),
                QCoreApplication.translate("Files", "无法打开 {0}：\n{1}").format(
                    Path(path).name, exc
                ),
            )
            self.settings.remove_recent_file(path)
            self.recentChanged.emit(self.settings.recent_files())
            return False
        self.rd.set_report(report)
        self._set_path(str(Path(path).resolve()))
        self._remember(path)
        return True

    def save(self) -> bool:
        if not self.path:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        suggested = self.path or str(
            Path(self.settings.last_dir())
            / f"{self.rd.to_report().title or QCoreApplication.translate('Files', '未命名报告')}.md"
        )
        path = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("Files", "另存为"),
            suggested,
            QCoreApplication.translate("Files", "报告 (*.md)"),
        )[0]
        if not path:
            return False
        if Path(path).suffix.lower() not in REPORT_SUFFIXES:
            path += ".md"
        return self._write(path)

    def _write(self, path: str) -> bool:
        try:
            write_report_file(self.rd.to_report(), path)
        except Exception as exc:  # noqa: BLE001 - disk full, permission, locked…
            self._error(
                QCoreApplication.translate("Files", "保存失败"),
                QCoreApplication.translate(
                    "Files", "无法保存到 {0}：\n{1}\n\n报告仍在窗口中，没有丢失。请换一个位置另存。"
                ).format(path, exc),
            )
            return False
        self.rd.mark_saved()
        self._set_path(str(Path(path).resolve()))
        self._remember(path)
        return True

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current content (saved, discarded, or unchanged)."""
        if not self.rd.is_modified():
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def ask_save_changes(self) -> str:
        """ "save", "discard" or "cancel"."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("Files", "保存更改？"))
        box.setText(
            QCoreApplication.translate("Files", "“{0}”有未保存的更改。是否保存？").format(
                self.display_name()
            )
        )
        save = box.addButton(
            QCoreApplication.translate("Files", "保存"), QMessageBox.ButtonRole.AcceptRole
        )
        discard = box.addButton(
            QCoreApplication.translate("Files", "不保存"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(
            QCoreApplication.translate("Files", "取消"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"

    # ------------------------------------------------------------------ helpers
    def display_name(self) -> str:
        return (
            Path(self.path).name if self.path else QCoreApplication.translate("Files", "未命名报告")
        )

    def _set_path(self, path: str) -> None:
        self.path = path
        self.pathChanged.emit(path)

    def _remember(self, path: str | Path) -> None:
        self.settings.set_last_dir(Path(path).resolve())
        self.recentChanged.emit(self.settings.add_recent_file(path))

    def _error(self, title: str, text: str) -> None:
        self.last_error = text
        QMessageBox.warning(self.window, title, text)

    last_error = ""
