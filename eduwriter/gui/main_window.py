"""The main window: library (left), composer (centre), outline (right), menus and status bar.

All cross-widget wiring happens here, in :meth:`MainWindow._wire`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QProcess, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from eduwriter.gui.editor.composer import Composer
from eduwriter.gui.editor.report_model import ReportDocument
from eduwriter.gui.files import REPORT_SUFFIXES, FileController
from eduwriter.gui.panes.outline_view import OutlineView
from eduwriter.gui.settings import Settings
from eduwriter.gui.signals import protect_bool_refcounts
from eduwriter.gui.window_actions import (
    build_actions,
    build_menus,
    build_toolbar,
    shortcut_rows,
)
from eduwriter.gui.workers import BackgroundJob, open_store_job

if TYPE_CHECKING:
    from eduwriter.gui.panes.library_pane import LibraryPane
    from eduwriter.library.store import LibraryStore

IMPORT_SUFFIXES = (".txt", ".docx", ".html", ".htm", ".md", ".markdown")


class MainWindow(QMainWindow):
    """One report window."""

    #: Emitted once the window has been shown and its event loop runs (benchmarks, app.py).
    ready = Signal()

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        protect_bool_refcounts()
        super().__init__(parent)
        self.settings = settings or Settings()
        self.rd = ReportDocument(self)
        self.store: LibraryStore | None = None
        self.library: LibraryPane | None = None
        self.store_loader: BackgroundJob | None = None
        self._pending_imports: list[str] = []
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.resize(1400, 900)

        self.composer = Composer(self.rd, self)
        self.composer.setAccessibleName(QCoreApplication.translate("MainWindow", "正文编辑区"))
        from eduwriter.gui.panes.find_bar import FindBar

        centre = QWidget(self)
        centre_lay = QVBoxLayout(centre)
        centre_lay.setContentsMargins(0, 0, 0, 0)
        centre_lay.setSpacing(0)
        centre_lay.addWidget(self.composer, 1)
        self.find_bar = FindBar(self.composer, centre)
        centre_lay.addWidget(self.find_bar)
        self.setCentralWidget(centre)
        self.outline = OutlineView(self.rd, self)
        self.outline.setAccessibleName(QCoreApplication.translate("MainWindow", "大纲"))
        self.outline_dock = self._dock(
            QCoreApplication.translate("MainWindow", "大纲"), "outlineDock", self.outline
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.outline_dock)
        self.library_placeholder = QLabel(
            QCoreApplication.translate("MainWindow", "正在打开素材库…"), self
        )
        self.library_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.library_placeholder.setWordWrap(True)
        self.library_dock = self._dock(
            QCoreApplication.translate("MainWindow", "素材库"),
            "libraryDock",
            self.library_placeholder,
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.resizeDocks(
            [self.library_dock, self.outline_dock], [380, 260], Qt.Orientation.Horizontal
        )

        self.files = FileController(self.rd, self.settings, self)
        from eduwriter.gui.autosave import Autosaver

        self.autosaver = Autosaver(
            self.rd.to_report, self.rd.is_modified, lambda: self.files.path, self
        )
        from eduwriter.gui.editor.autocomplete import Autocompleter

        self.autocomplete = Autocompleter(self.composer, self)
        self.autocomplete.enabled = self.settings.autocomplete_enabled()
        from eduwriter.gui.dialogs.export_action import ExportController

        self.exporter = ExportController(self.rd, self.settings, self)
        self.exporter.source_path = lambda: self.files.path
        self.exporter.fill_slots = self.fill_slots
        from eduwriter.gui.dialogs.packs import PackController

        self.packs = PackController(self)

        self._build_status_bar()
        build_actions(self)
        build_menus(self)
        build_toolbar(self)
        self._wire()
        from eduwriter.gui.panes.check_pane import install as install_check_pane

        self.check_pane = install_check_pane(self)  # 检查 dock (F7), guards the export
        from eduwriter.gui.team_sync import install as install_team

        self.team = install_team(self)  # 设置/共享素材库 menus, background sync, status
        self._restore_layout()
        self._update_title()
        self._update_counts()

    # ------------------------------------------------------------------ construction
    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        return dock

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("charCount")
        self.slots_label = QLabel(self)
        self.slots_label.setObjectName("slotCount")
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.slots_label)
        bar.addPermanentWidget(self.count_label)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(300)
        self._count_timer.timeout.connect(self._update_counts)

    def _wire(self) -> None:
        rd = self.rd
        rd.contentChanged.connect(self._count_timer.start)
        rd.contentChanged.connect(self.autosaver.touch)
        rd.modifiedChanged.connect(self._update_title)
        rd.structureChanged.connect(self._count_timer.start)
        rd.refused.connect(self._refused)
        self.files.pathChanged.connect(self._update_title)
        self.files.recentChanged.connect(self._fill_recent)
        self.composer.currentBlockChanged.connect(self.outline.follow_block)
        self.outline.headingActivated.connect(self.composer.go_to_block)
        self.outline.dropHint.connect(self._show_drop_hint)
        self.composer.filesDropped.connect(self.open_or_import)
        self.composer.selectionChanged.connect(self._count_timer.start)
        self.exporter.status.connect(self._show_status)
        try:
            from eduwriter.gui import crash

            crash.register_flush(self.autosaver.flush_now)
        except ImportError:  # pragma: no cover - packaging module missing
            pass

    # ------------------------------------------------------------------ library
    def open_library(self, path: Path | None, quiet: bool = False) -> BackgroundJob:
        """Open the library off the GUI thread (building it from the bundled samples on first
        start, with progress in the status bar); the pane replaces the placeholder when ready.
        ``quiet``: no message box about a damaged library that was set aside (benchmarks)."""
        job = BackgroundJob(open_store_job(path), self)
        job.progress.connect(self.set_library_progress)
        job.failed.connect(self.library_failed)
        job.finished.connect(lambda store: self._library_opened(store, quiet))
        self.store_loader = job
        job.start()
        return job

    def _library_opened(self, store: LibraryStore, quiet: bool) -> None:
        self.set_library_progress(0, 0, "")
        self.attach_store(store)
        moved = getattr(store, "recovered_from", None)
        if moved is not None and not quiet:
            QMessageBox.warning(
                self,
                QCoreApplication.translate("App", "素材库"),
                QCoreApplication.translate(
                    "App",
                    "素材库文件已损坏，已改名保存为：\n{0}\n\n已新建素材库，内置范文会重新导入。",
                ).format(moved),
            )

    def attach_store(self, store: LibraryStore) -> None:
        """Put the library pane in the left dock once the store is open."""
        from eduwriter.gui.panes.library_pane import LibraryPane  # loaded with the library

        self.store = store
        pane = LibraryPane(store, self)
        pane.insertRequested.connect(self.composer.insert_item)
        # New imports and snippets become suggestions too.
        pane.libraryChanged.connect(self._reload_suggestions)
        self.library = pane
        old = self.library_dock.widget()
        self.library_dock.setWidget(pane)
        if old is not None and old is not pane:
            old.deleteLater()
        # Wide enough for a typical item name (about 24 characters) in this screen's font.
        em = pane.fontMetrics().horizontalAdvance("中")
        want = 26 * em + pane.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        if self.library_dock.width() < want:
            self.resizeDocks([self.library_dock], [want], Qt.Orientation.Horizontal)
        self.autocomplete.attach_store(store)
        self.packs.attach_store(store)
        self.team.attach_store(store)
        pending, self._pending_imports = self._pending_imports, []
        if pending:
            self.import_paths(pending)

    def _library_pane(self) -> LibraryPane | None:
        """The library pane; while the library is not open, None and a word in the status bar.
        (The one place that handles "the library is not open yet".)"""
        if self.library is None:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "素材库还没有打开，请稍候。"), 5000
            )
        return self.library

    def library_failed(self, message: str) -> None:
        self.progress.hide()
        self.library_placeholder.setText(
            QCoreApplication.translate("MainWindow", "素材库无法打开：{0}").format(message)
        )
        QMessageBox.warning(
            self,
            QCoreApplication.translate("MainWindow", "素材库"),
            QCoreApplication.translate(
                "MainWindow", "素材库无法打开：{0}\n\n仍可编辑和保存报告。"
            ).format(message),
        )

    def restore_recovered(self, report: Any, original: str) -> None:
        """Show a report recovered after a crash; it stays "unsaved" until the writer saves."""
        self.rd.set_report(report)
        self.files.path = original if original and Path(original).exists() else ""
        self.rd.undo_stack.resetClean()
        self._update_title()
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "已恢复自动保存的报告，请记得保存。"), 10000
        )

    def _reload_suggestions(self) -> None:
        if self.store is not None:
            self.autocomplete.attach_store(self.store)

    def set_library_progress(self, done: int, total: int, label: str) -> None:
        if total <= 0 or done >= total:
            self.progress.hide()
            return
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setFormat(QCoreApplication.translate("MainWindow", "正在建立素材库 %v/%m"))
        self.progress.setToolTip(label)
        self.progress.show()

    def insert_selected_item(self) -> None:
        pane = self._library_pane()
        if pane is not None:
            pane.insert_item(pane.current_item())

    def add_snippet(self) -> None:
        text = self.composer.textCursor().selectedText().replace("\u2029", "\n").strip()
        if not text:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "请先选中要加入“我的素材”的文字。"), 5000
            )
            return
        pane = self._library_pane()
        if pane is not None:
            pane.add_snippet_from_text(text)

    def import_files(self) -> None:
        pane = self._library_pane()
        if pane is not None:
            pane.ask_import_files()

    def import_folder(self) -> None:
        pane = self._library_pane()
        if pane is not None:
            pane.ask_import_folder()

    def import_paths(self, paths: list[str]) -> None:
        if self.library is None and self.store is None:
            # The library is still opening (e.g. files given on the command line): import then.
            self._pending_imports.extend(paths)
            return
        pane = self._library_pane()
        if pane is not None:
            pane.import_documents(paths)

    # ------------------------------------------------------------------ commands
    def fill_slots(self) -> None:
        from eduwriter.gui.dialogs.slots_dialog import SlotsDialog

        dialog = SlotsDialog(self.rd, self)
        if not dialog.has_slots():
            QMessageBox.information(
                self,
                QCoreApplication.translate("MainWindow", "填写要素"),
                QCoreApplication.translate("MainWindow", "报告中没有待填写的【要素】。"),
            )
            dialog.deleteLater()
            return
        dialog.open()
        self._slots_dialog = dialog

    def show_preview(self) -> None:
        from eduwriter.gui.panes.preview import PreviewDialog

        old = getattr(self, "_preview_dialog", None)
        if old is not None and old.isVisible():
            old.raise_()
            old.activateWindow()
            return
        dialog = PreviewDialog(self.rd, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.composer.currentBlockChanged.connect(dialog.follow_block)
        dialog.follow_block(self.composer.current_block_number())
        dialog.show()
        self._preview_dialog = dialog

    def edit_meta(self) -> None:
        from eduwriter.gui.dialogs.meta_dialog import MetaDialog

        dialog = MetaDialog(self.rd, self)
        dialog.open()
        self._meta_dialog = dialog

    def move_section(self, direction: int) -> None:
        if self.outline.hasFocus():
            self.outline.move_selected(direction)
        else:
            self.composer.move_current_section(direction)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        return shortcut_rows(self)

    def show_shortcuts(self) -> None:
        import html as _html

        rows = "".join(
            f"<tr><td style='padding:2px 14px 2px 0'><b>{_html.escape(k)}</b></td>"
            f"<td>{_html.escape(v)}</td></tr>"
            for k, v in self.shortcut_rows()
        )
        box = QMessageBox(self)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "快捷键一览"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<table>{rows}</table>")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()
        self._keys_box = box

    def show_about(self) -> None:
        try:
            from eduwriter.gui.dialogs.about import show_about
        except ImportError:  # pragma: no cover - packaging module missing
            QMessageBox.about(self, "EduWriter", "EduWriter 教育公文写作助手")
            return
        show_about(self)

    def set_language(self, code: str) -> None:
        """Remember the UI language; offer to restart now (the report is saved or kept)."""
        if code == self.settings.language:
            return
        self.settings.language = code
        self.settings.sync()
        from eduwriter.gui.i18n import install_translator

        install_translator(code)  # dialogs opened from now on already use it
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "界面语言"))
        box.setText(
            QCoreApplication.translate(
                "MainWindow", "界面语言已更改，重新启动 EduWriter 后全部生效。现在重新启动吗？"
            )
        )
        now = box.addButton(
            QCoreApplication.translate("MainWindow", "立即重新启动"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QCoreApplication.translate("MainWindow", "稍后"), QMessageBox.ButtonRole.RejectRole
        )
        box.exec()
        if box.clickedButton() is now:
            self.restart()

    def restart(self) -> bool:
        """Close (asking about unsaved changes) and start EduWriter again with this report."""
        if not self.files.maybe_save():
            return False
        extra = [self.files.path] if self.files.path else []  # the language is in the settings
        self.rd.mark_saved()  # already saved or discarded above
        if not self.start_another_window(extra):
            return False
        self.close()
        return True

    def start_another_window(self, files: list[str] | None = None) -> bool:
        """Start a new EduWriter process (its own window), opening ``files``."""
        if getattr(sys, "frozen", False):
            program, args = sys.executable, []
        else:
            program, args = sys.executable, ["-m", "eduwriter"]
        args += ["gui", *(files or [])]
        return bool(QProcess.startDetached(program, args))

    def _toggle_autocomplete(self, on: bool) -> None:
        self.autocomplete.enabled = on
        self.settings.set_autocomplete_enabled(on)

    # ------------------------------------------------------------------ status and title
    def _undo_tip(self, text: str) -> None:
        tip = QCoreApplication.translate("MainWindow", "撤销") + (f"：{text}" if text else "")
        self.act_undo.setToolTip(tip)
        self.act_undo.setStatusTip(tip)

    def _redo_tip(self, text: str) -> None:
        tip = QCoreApplication.translate("MainWindow", "重做") + (f"：{text}" if text else "")
        self.act_redo.setToolTip(tip)
        self.act_redo.setStatusTip(tip)

    def _refused(self, text: str) -> None:
        """A structure command could not be done: beep and say why."""
        QApplication.beep()
        self.statusBar().showMessage(text, 8000)

    def _show_drop_hint(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _update_counts(self) -> None:
        text = QCoreApplication.translate("MainWindow", "字数：{0}").format(self.rd.char_count())
        selected = self.composer.textCursor().selectedText()
        if selected:
            n_sel = sum(1 for ch in selected if not ch.isspace() and ch != "\u2029")
            text += QCoreApplication.translate("MainWindow", "（选中 {0}）").format(n_sel)
        self.count_label.setText(text)
        n = self.rd.unfilled_count()
        self.slots_label.setText(
            QCoreApplication.translate("MainWindow", "待填要素：{0}").format(n)
        )
        self.slots_label.setStyleSheet(
            "color: #a05a00; font-weight: bold;" if n else "color: #555;"
        )

    def _update_title(self, *_args: object) -> None:
        app_name = QCoreApplication.translate("MainWindow", "教育公文写作助手")
        # "[*]" shows as "*" while there are unsaved changes.
        self.setWindowTitle(f"{self.files.display_name()}[*] — EduWriter {app_name}")
        self.setWindowModified(self.rd.is_modified())

    def _fill_recent(self, paths: list[str]) -> None:
        self.recent_menu.clear()
        for p in paths:
            a = self.recent_menu.addAction(Path(p).name)
            a.setToolTip(p)
            a.setStatusTip(p)
            a.triggered.connect(lambda _c=False, p=p: self.files.open(p))
        self.recent_menu.setEnabled(bool(paths))

    # ------------------------------------------------------------------ layout, drops, close
    def _restore_layout(self) -> None:
        geo = self.settings.window_geometry()
        if geo is not None:
            self.restoreGeometry(geo)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def save_layout(self) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.open_or_import(paths)

    def open_or_import(self, paths: list[str]) -> None:
        """A dropped .md opens as the report; a .ewlib pack is merged into the library (after
        asking); other documents are imported as 范文."""
        packs = [p for p in paths if Path(p).suffix.lower() == ".ewlib"]
        if packs:
            self.packs.import_packs(packs)
            paths = [p for p in paths if p not in packs]
            if not paths:
                return
        reports = [p for p in paths if Path(p).suffix.lower() in REPORT_SUFFIXES]
        others = [p for p in paths if p not in reports]
        if len(reports) == 1 and not others:
            self.files.open(reports[0])
            return
        if reports and not others:
            self.files.open(reports[0])
            return
        self.import_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.files.maybe_save():
            event.ignore()
            return
        if self.library is not None and self.library.is_busy():
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("MainWindow", "正在导入"),
                QCoreApplication.translate(
                    "MainWindow", "范文还在导入中。现在退出会取消导入（已导入的保留）。确定退出吗？"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.save_layout()
        self.autosaver.close()
        if self.store_loader is not None:
            self.store_loader.cancel()  # a first-start build stops at the next file
        if self.library is not None:
            self.library.shutdown()
        self.autocomplete.shutdown()
        try:
            from eduwriter.gui import crash

            crash.unregister_flush(self.autosaver.flush_now)
        except ImportError:  # pragma: no cover
            pass
        event.accept()
