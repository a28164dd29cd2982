"""文件 → 导入范文: import documents into the library in the background.

The dialog shows progress — the file count, the current file and the time left — with a cancel
button while ``ingest.import_files`` runs on its own thread, then a summary and the list of files
that failed with their messages. Files that worked are imported even when others fail; each file
is committed when it is done, so a cancel keeps the files finished before it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eduwriter.gui.messages import ui_message
from eduwriter.gui.models.library_items import library_total
from eduwriter.gui.workers import BackgroundJob, import_job
from eduwriter.library.progress import TimeLeft, format_duration

#: File types the importer reads.
IMPORT_SUFFIXES = (".txt", ".docx", ".md", ".markdown", ".html", ".htm")


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files as given plus the importable files inside given folders (recursively, sorted)."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in IMPORT_SUFFIXES
                and not p.name.startswith("~$")
            )
        else:
            found = [path]
        for p in found:
            key = str(p)
            if key not in seen:
                seen.add(key)
                out.append(key)
    return out


def _field(obj: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        if isinstance(obj, dict) and name in obj:
            return obj[name]
        if hasattr(obj, name):
            return getattr(obj, name)
    return default


def report_errors(report: Any) -> list[tuple[str, str]]:
    """``(file, message)`` for each file the import could not read."""
    errors = _field(report, "errors", "failed", default=[]) or []
    if isinstance(errors, dict):
        errors = list(errors.items())
    rows: list[tuple[str, str]] = []
    for err in errors:
        if isinstance(err, tuple | list) and len(err) >= 2:
            rows.append((str(err[0]), str(err[1])))
        else:
            rows.append(
                (
                    str(_field(err, "path", "file", default="")),
                    str(_field(err, "message", "error", default=err)),
                )
            )
    return rows


class ImportDialog(QDialog):
    """Progress, cancel and the per-file result of one import run.

    ``imported(report)`` is emitted when the run ends (also after a cancel: what was imported stays).
    """

    imported = Signal(object)

    def __init__(
        self,
        store: Any,
        paths: Iterable[str | os.PathLike[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入范文"))
        self.setModal(False)  # the writer can keep writing while files are imported
        self.resize(560, 360)
        self.paths = expand_paths(paths)
        self.report: Any = None
        self._store = store
        self._count_before: int | None = None
        self._time_left = TimeLeft()
        self.error_message = ""

        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, max(len(self.paths), 1))
        self.progress_bar.setValue(0)
        self.errors_view = QTreeWidget(self)
        self.errors_view.setHeaderLabels([self.tr("文件"), self.tr("问题")])
        self.errors_view.setRootIsDecorated(False)
        self.errors_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.errors_view.header().setStretchLastSection(True)
        self.errors_view.hide()
        self.buttons = QDialogButtonBox(self)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)

        lay = QVBoxLayout(self)
        lay.addWidget(self.status_label)
        lay.addWidget(self.progress_bar)
        lay.addWidget(self.errors_view, 1)
        lay.addStretch(0)
        lay.addWidget(self.buttons)

        self.job = BackgroundJob(import_job(store, self.paths), self)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)

    # -- running ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the import (the dialog should be shown by the caller)."""
        if not self.paths:
            self.status_label.setText(self.tr("没有可导入的文件（支持 .txt、.docx、.md、.html）。"))
            self._show_done()
            return
        self.status_label.setText(
            self.tr("正在导入 %1 个文件…").replace("%1", str(len(self.paths)))
        )
        self._count_before = self._library_total()
        self._time_left = TimeLeft()
        self.job.start()

    def _library_total(self) -> int | None:
        """The count the library pane shows (共 N 条), so the two numbers always agree."""
        try:
            return library_total(self._store)
        except Exception:  # noqa: BLE001 - only used for the summary line
            return None

    def cancel(self) -> None:
        if self.job.is_running():
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("正在取消…（已导入的文件会保留）"))
        else:
            self.reject()

    def is_running(self) -> bool:
        return self.job.is_running()

    def wait(self, msecs: int = 60000) -> bool:
        return self.job.wait(msecs)

    def _on_progress(self, done: int, total: int, name: str) -> None:
        if total > 1:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(max(done, 0), total))
        elif done < total:  # a phase without steps (extracting phrasings): busy indicator
            self.progress_bar.setRange(0, 0)
        if not name or self.job.is_cancelled():
            return
        shown = Path(name).name if ("/" in name or "\\" in name) else name
        if total > 1:
            english = self.tr("剩余") != "剩余"
            left = format_duration(self._time_left.seconds(done, total), english=english)
            self.status_label.setText(
                self.tr("正在导入（%1/%2）：%3\n剩余时间：%4")
                .replace("%1", str(min(done + 1, total)))
                .replace("%2", str(total))
                .replace("%3", shown)
                .replace("%4", left)
            )
        else:
            self.status_label.setText(self.tr("正在导入：%1").replace("%1", shown))

    def _on_finished(self, report: Any) -> None:
        self.report = report
        errors = report_errors(report)
        files_ok = _field(report, "files_ok", default=None)
        # after a cancel only the files finished before it were imported
        ok_files = len(files_ok) if files_ok is not None else len(self.paths) - len(errors)
        # Not the report's total_items: that counts sections too, the pane does not.
        total = self._library_total()
        cancelled = bool(_field(report, "cancelled", default=False)) or self.job.is_cancelled()
        parts = []
        if cancelled:
            parts.append(self.tr("导入已取消。"))
        parts.append(self.tr("成功导入 %1 个文件").replace("%1", str(max(ok_files, 0))))
        if isinstance(total, int) and total > 0:
            parts[-1] += self.tr("，素材库现有 %1 条").replace("%1", str(total))
            if self._count_before is not None and total > self._count_before:
                parts[-1] += self.tr("（增加 %1 条）").replace(
                    "%1", str(total - self._count_before)
                )
        parts[-1] += self.tr("。")
        if errors:
            parts.append(self.tr("%1 个文件未能导入：").replace("%1", str(len(errors))))
            self.errors_view.clear()
            for path, raw in errors:
                message = ui_message(raw)  # the English gloss in an English UI
                row = QTreeWidgetItem([Path(path).name or path, message])
                row.setToolTip(0, path)
                row.setToolTip(1, message)
                self.errors_view.addTopLevelItem(row)
            self.errors_view.show()
        # One sentence a line: joining them would run "(10 added).2 file(s)…" together.
        self.status_label.setText("\n".join(parts))
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        self._show_done()
        self.imported.emit(report)

    def _on_failed(self, message: str) -> None:
        self.error_message = message
        self.status_label.setText(self.tr("导入失败，资料库未改动：%1").replace("%1", message))
        self._show_done()

    def _show_done(self) -> None:
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)

    def reject(self) -> None:
        if self.job.is_running():  # Esc / window close while running = cancel, keep the dialog
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.job.is_running():
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)


def error_rows(dialog: ImportDialog) -> list[tuple[str, str]]:
    """The (file, message) rows the dialog shows (for tests and callers)."""
    view = dialog.errors_view
    return [
        (view.topLevelItem(i).text(0), view.topLevelItem(i).text(1))
        for i in range(view.topLevelItemCount())
    ]


__all__ = ["IMPORT_SUFFIXES", "ImportDialog", "error_rows", "expand_paths", "report_errors"]
