"""The main window: library (left), composer (centre), outline (right), menus and status bar.

All cross-widget wiring happens here, in :meth:`MainWindow._wire`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QProcess, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from eduwriter.gui.composer import Composer
from eduwriter.gui.files import REPORT_SUFFIXES, FileController
from eduwriter.gui.outline_view import OutlineView
from eduwriter.gui.report_model import PARAGRAPH, TITLE, ReportDocument
from eduwriter.gui.settings import Settings
from eduwriter.gui.signals import SignalHub, protect_bool_refcounts

IMPORT_SUFFIXES = (".txt", ".docx", ".html", ".htm", ".md", ".markdown")


class MainWindow(QMainWindow):
    """One report window."""

    #: Emitted once the window has been shown and its event loop runs (benchmarks, app.py).
    ready = Signal()

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        protect_bool_refcounts()
        super().__init__(parent)
        self.settings = settings or Settings()
        self.hub = SignalHub(self)
        self.rd = ReportDocument(self)
        self.store: Any = None
        self.library: Any = None
        self._pending_imports: list[str] = []
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.resize(1400, 900)

        self.composer = Composer(self.rd, self)
        self.composer.setAccessibleName(QCoreApplication.translate("MainWindow", "正文编辑区"))
        from eduwriter.gui.find_bar import FindBar

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
        from eduwriter.gui.autocomplete import Autocompleter

        self.autocomplete = Autocompleter(self.composer, self)
        self.autocomplete.enabled = self.settings.autocomplete_enabled()
        from eduwriter.gui.export_action import ExportController

        self.exporter = ExportController(self.rd, self.settings, self)
        self.exporter.source_path = lambda: self.files.path
        from eduwriter.gui.packs import PackController

        self.packs = PackController(self)

        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._wire()
        from eduwriter.gui.check_pane import install as install_check_pane

        self.check_pane = install_check_pane(self)  # 检查 dock (F7), guards the export
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

    def _act(
        self,
        text: str,
        slot: Any,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: QStyle.StandardPixmap | None = None,
        tip: str = "",
        name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        if name:
            action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        sk = QKeySequence.StandardKey
        f = self.files
        self.act_new = self._act(
            QCoreApplication.translate("MainWindow", "新建(&N)"),
            f.new,
            sk.New,
            sp.SP_FileIcon,
            QCoreApplication.translate("MainWindow", "新建报告"),
            "actNew",
        )
        self.act_open = self._act(
            QCoreApplication.translate("MainWindow", "打开(&O)…"),
            f.open,
            sk.Open,
            sp.SP_DialogOpenButton,
            QCoreApplication.translate("MainWindow", "打开报告 (.md)"),
            "actOpen",
        )
        self.act_save = self._act(
            QCoreApplication.translate("MainWindow", "保存(&S)"),
            f.save,
            sk.Save,
            sp.SP_DialogSaveButton,
            QCoreApplication.translate("MainWindow", "保存报告"),
            "actSave",
        )
        self.act_save_as = self._act(
            QCoreApplication.translate("MainWindow", "另存为(&A)…"),
            f.save_as,
            sk.SaveAs,
            name="actSaveAs",
        )
        self.act_import = self._act(
            QCoreApplication.translate("MainWindow", "导入范文(&I)…"),
            self.import_files,
            None,
            None,
            QCoreApplication.translate("MainWindow", "导入 .txt/.docx/.md/.html 范文到素材库"),
        )
        self.act_import_pack = self._act(
            QCoreApplication.translate("MainWindow", "导入素材包…"),
            lambda: self.packs.ask_import(),
            None,
            None,
            QCoreApplication.translate("MainWindow", "导入同事分享的素材包（.ewlib）"),
            "actImportPack",
        )
        self.act_export_pack = self._act(
            QCoreApplication.translate("MainWindow", "导出我的素材…"),
            lambda: self.packs.ask_export(),
            None,
            None,
            QCoreApplication.translate("MainWindow", "把“我的素材”存成素材包（.ewlib）分享给同事"),
            "actExportPack",
        )
        self.act_import_folder = self._act(
            QCoreApplication.translate("MainWindow", "导入文件夹…"), self.import_folder
        )
        self.act_quit = self._act(
            QCoreApplication.translate("MainWindow", "退出(&Q)"), self.close, sk.Quit
        )
        # Fixed labels (the toolbar does not jump as the step name changes); the step being
        # undone/redone is in the tooltip and the status bar.
        stack = self.rd.undo_stack
        undo_label = QCoreApplication.translate("MainWindow", "撤销")
        redo_label = QCoreApplication.translate("MainWindow", "重做")
        self.act_undo = self._act(undo_label, stack.undo, sk.Undo, sp.SP_ArrowBack, name="actUndo")
        self.act_redo = self._act(
            redo_label, stack.redo, sk.Redo, sp.SP_ArrowForward, name="actRedo"
        )
        self.act_undo.setEnabled(stack.canUndo())
        self.act_redo.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(self.act_undo.setEnabled)
        stack.canRedoChanged.connect(self.act_redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_tip)
        stack.redoTextChanged.connect(self._redo_tip)
        c = self.composer
        self.act_cut = self._act(QCoreApplication.translate("MainWindow", "剪切"), c.cut, sk.Cut)
        self.act_copy = self._act(QCoreApplication.translate("MainWindow", "复制"), c.copy, sk.Copy)
        self.act_paste = self._act(
            QCoreApplication.translate("MainWindow", "粘贴"), c.paste, sk.Paste
        )
        for a in (self.act_cut, self.act_copy, self.act_paste):
            a.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            c.addAction(a)
        self.act_find = self._act(
            QCoreApplication.translate("MainWindow", "查找…"),
            lambda: self.find_bar.open_find(False),
            sk.Find,
            name="actFind",
        )
        self.act_replace = self._act(
            QCoreApplication.translate("MainWindow", "替换…"),
            lambda: self.find_bar.open_find(True),
            "Ctrl+H",
            name="actReplace",
        )
        self.act_snippet = self._act(
            QCoreApplication.translate("MainWindow", "加入我的素材…"),
            self.add_snippet,
            None,
            None,
            QCoreApplication.translate("MainWindow", "把选中的文字存入“我的素材”"),
        )
        self.act_slots = self._act(
            QCoreApplication.translate("MainWindow", "填写要素(&F)…"),
            self.fill_slots,
            "Ctrl+Shift+F",
            sp.SP_FileDialogDetailedView,
            QCoreApplication.translate("MainWindow", "一次填写报告中的所有【要素】"),
            "actSlots",
        )
        self.act_meta = self._act(
            QCoreApplication.translate("MainWindow", "主送、附件与落款…"),
            self.edit_meta,
            None,
            None,
            QCoreApplication.translate("MainWindow", "主送机关、附件说明、署名和成文日期"),
            "actMeta",
        )
        self.act_insert = self._act(
            QCoreApplication.translate("MainWindow", "插入选中素材"),
            self.insert_selected_item,
            "Ctrl+Return",
            None,
            QCoreApplication.translate("MainWindow", "把素材库中选中的条目插入到光标处"),
        )
        self.act_levels: list[QAction] = []
        for kind, label, key in (
            (PARAGRAPH, QCoreApplication.translate("MainWindow", "正文"), "Ctrl+0"),
            (1, QCoreApplication.translate("MainWindow", "一级标题 一、"), "Ctrl+1"),
            (2, QCoreApplication.translate("MainWindow", "二级标题 （一）"), "Ctrl+2"),
            (3, QCoreApplication.translate("MainWindow", "三级标题 1."), "Ctrl+3"),
            (4, QCoreApplication.translate("MainWindow", "四级标题 （1）"), "Ctrl+4"),
            (TITLE, QCoreApplication.translate("MainWindow", "文档标题"), "Ctrl+T"),
        ):
            self.act_levels.append(self._act(label, lambda k=kind: c.set_current_level(k), key))
        self.act_promote = self._act(
            QCoreApplication.translate("MainWindow", "升级 (Shift+Tab)"),
            c.promote,
            None,
            sp.SP_ArrowLeft,
            QCoreApplication.translate("MainWindow", "标题升一级（Shift+Tab）"),
            "actPromote",
        )
        self.act_demote = self._act(
            QCoreApplication.translate("MainWindow", "降级 (Tab)"),
            c.demote,
            None,
            sp.SP_ArrowRight,
            QCoreApplication.translate("MainWindow", "标题降一级（Tab）"),
            "actDemote",
        )
        self.act_up = self._act(
            QCoreApplication.translate("MainWindow", "章节上移 (Alt+↑)"),
            lambda: self.move_section(-1),
            None,
            sp.SP_ArrowUp,
            QCoreApplication.translate("MainWindow", "把当前章节连同下级内容上移（Alt+↑）"),
            "actSectionUp",
        )
        self.act_down = self._act(
            QCoreApplication.translate("MainWindow", "章节下移 (Alt+↓)"),
            lambda: self.move_section(1),
            None,
            sp.SP_ArrowDown,
            QCoreApplication.translate("MainWindow", "把当前章节连同下级内容下移（Alt+↓）"),
            "actSectionDown",
        )
        self.act_preview = self._act(
            QCoreApplication.translate("MainWindow", "公文预览…"),
            self.show_preview,
            "F5",
            None,
            QCoreApplication.translate("MainWindow", "按导出的公文版式预览，包括主送机关和落款"),
            "actPreview",
        )
        self.act_autocomplete = QAction(
            QCoreApplication.translate("MainWindow", "输入时提示语句"), self
        )
        self.act_autocomplete.setCheckable(True)
        self.act_autocomplete.setChecked(self.autocomplete.enabled)
        self.act_autocomplete.toggled.connect(self._toggle_autocomplete)
        self.act_keys = self._act(
            QCoreApplication.translate("MainWindow", "快捷键一览"),
            self.show_shortcuts,
            "F1",
            name="actShortcuts",
        )
        self.act_about = self._act(
            QCoreApplication.translate("MainWindow", "关于 EduWriter"), self.show_about
        )
        self.lang_group = QActionGroup(self)
        self.act_lang: dict[str, QAction] = {}
        for code, label in (("zh_CN", "简体中文"), ("en", "English")):
            a = QAction(label, self)
            a.setCheckable(True)
            a.setChecked(self.settings.language == code)
            a.triggered.connect(lambda _c=False, code=code: self.set_language(code))
            self.lang_group.addAction(a)
            self.act_lang[code] = a

    def _build_menus(self) -> None:
        mb = self.menuBar()
        m = mb.addMenu(QCoreApplication.translate("MainWindow", "文件(&F)"))
        m.addActions([self.act_new, self.act_open])
        self.recent_menu = QMenu(QCoreApplication.translate("MainWindow", "最近打开"), self)
        m.addMenu(self.recent_menu)
        m.addSeparator()
        m.addActions([self.act_save, self.act_save_as])
        m.addSeparator()
        m.addActions([self.act_import, self.act_import_folder])
        m.addActions([self.act_import_pack, self.act_export_pack])
        m.addAction(self.exporter.action)
        m.addSeparator()
        m.addAction(self.act_quit)
        self.file_menu = m
        self._fill_recent(self.settings.recent_files())

        m = mb.addMenu(QCoreApplication.translate("MainWindow", "编辑(&E)"))
        m.addActions([self.act_undo, self.act_redo])
        m.addSeparator()
        m.addActions([self.act_cut, self.act_copy, self.act_paste])
        m.addSeparator()
        m.addActions([self.act_find, self.act_replace])
        m.addSeparator()
        m.addActions([self.act_slots, self.act_meta, self.act_snippet])

        m = mb.addMenu(QCoreApplication.translate("MainWindow", "插入(&I)"))
        m.addAction(self.act_insert)
        m.addSeparator()
        m.addActions(self.act_levels[1:5])

        m = mb.addMenu(QCoreApplication.translate("MainWindow", "格式(&O)"))
        m.addAction(self.act_levels[-1])
        m.addActions(self.act_levels[:5])
        m.addSeparator()
        m.addActions([self.act_promote, self.act_demote])
        m.addSeparator()
        m.addActions([self.act_up, self.act_down])

        m = mb.addMenu(QCoreApplication.translate("MainWindow", "视图(&V)"))
        lib = self.library_dock.toggleViewAction()
        lib.setText(QCoreApplication.translate("MainWindow", "素材库"))
        out = self.outline_dock.toggleViewAction()
        out.setText(QCoreApplication.translate("MainWindow", "大纲"))
        m.addActions([lib, out])
        m.addSeparator()
        m.addAction(self.act_preview)
        m.addSeparator()
        m.addAction(self.act_autocomplete)
        lang = m.addMenu(QCoreApplication.translate("MainWindow", "界面语言"))
        lang.addActions(list(self.act_lang.values()))

        m = mb.addMenu(QCoreApplication.translate("MainWindow", "帮助(&H)"))
        m.addAction(self.act_keys)
        m.addAction(self.act_about)
        self.composer.extra_context_actions = [self.act_snippet, self.act_slots]

    def _build_toolbar(self) -> None:
        tb = QToolBar(QCoreApplication.translate("MainWindow", "工具栏"), self)
        tb.setObjectName("mainToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.addActions([self.act_new, self.act_open, self.act_save])
        tb.addSeparator()
        tb.addActions([self.act_undo, self.act_redo])
        tb.addSeparator()
        for a, short in (
            (self.act_promote, QCoreApplication.translate("MainWindow", "升级")),
            (self.act_demote, QCoreApplication.translate("MainWindow", "降级")),
            (self.act_up, QCoreApplication.translate("MainWindow", "上移")),
            (self.act_down, QCoreApplication.translate("MainWindow", "下移")),
        ):
            tb.addAction(a)
            tb.widgetForAction(a).setText(short)
        tb.addSeparator()
        tb.addAction(self.act_slots)
        tb.addAction(self.exporter.action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        self.toolbar = tb

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
        self.composer.filesDropped.connect(self.open_or_import)
        self.composer.selectionChanged.connect(self._count_timer.start)
        self.hub.insertItem.connect(self.composer.insert_item)
        self.hub.status.connect(self.statusBar().showMessage)
        self.hub.importRequested.connect(self.import_paths)
        self.hub.storeReady.connect(self.attach_store)
        self.exporter.status.connect(self._show_status)
        try:
            from eduwriter.gui import crash

            crash.register_flush(self.autosaver.flush_now)
        except ImportError:  # pragma: no cover - packaging module missing
            pass

    # ------------------------------------------------------------------ library
    def attach_store(self, store: Any) -> None:
        """Put the library pane in the left dock once the store is open."""
        from eduwriter.gui.library_pane import LibraryPane

        self.store = store
        pane = LibraryPane(store, self)
        pane.insertRequested.connect(self.hub.insertItem)
        self.library = pane
        old = self.library_dock.widget()
        self.library_dock.setWidget(pane)
        if old is not None and old is not pane:
            old.deleteLater()
        self.autocomplete.attach_store(store)
        self.packs.attach_store(store)
        pending, self._pending_imports = self._pending_imports, []
        if pending:
            self.import_paths(pending)
        if hasattr(pane, "libraryChanged"):
            # New imports and snippets become suggestions too.
            pane.libraryChanged.connect(self._reload_suggestions)

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
        if self.library is None:
            return
        item = self.library.current_item()
        if item is not None:
            payload = self.library.insert_item(item)
            if payload is None:
                return

    def add_snippet(self) -> None:
        text = self.composer.textCursor().selectedText().replace("\u2029", "\n").strip()
        if not text:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "请先选中要加入“我的素材”的文字。"), 5000
            )
            return
        if self.library is None:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "素材库还没有打开，请稍候。"), 5000
            )
            return
        self.library.add_snippet_from_text(text)

    def import_files(self) -> None:
        if self.library is not None:
            self.library.ask_import_files()

    def import_folder(self) -> None:
        if self.library is not None:
            self.library.ask_import_folder()

    def import_paths(self, paths: list[str]) -> None:
        if self.library is None and self.store is None:
            # The library is still opening (e.g. files given on the command line): import then.
            self._pending_imports.extend(paths)
            return
        if self.library is None:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "素材库还没有打开，请稍候再导入。"), 5000
            )
            return
        self.library.import_documents(paths)

    # ------------------------------------------------------------------ commands
    def fill_slots(self) -> None:
        from eduwriter.gui.slots_dialog import SlotsDialog

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
        from eduwriter.gui.preview import PreviewDialog

        dialog = PreviewDialog(self.rd, self)
        dialog.show()
        self._preview_dialog = dialog

    def edit_meta(self) -> None:
        from eduwriter.gui.meta_dialog import MetaDialog

        dialog = MetaDialog(self.rd, self)
        dialog.open()
        self._meta_dialog = dialog

    def move_section(self, direction: int) -> None:
        if self.outline.hasFocus():
            self.outline.move_selected(direction)
        else:
            self.composer.move_current_section(direction)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        return [
            (
                "Tab / Shift+Tab",
                QCoreApplication.translate("MainWindow", "标题降一级 / 升一级（编号自动更新）"),
            ),
            (
                "Alt+↑ / Alt+↓",
                QCoreApplication.translate("MainWindow", "章节连同下级内容上移 / 下移"),
            ),
            (
                "Ctrl+1 … Ctrl+4",
                QCoreApplication.translate(
                    "MainWindow", "设为一级…四级标题（一、 （一） 1. （1））"
                ),
            ),
            ("Ctrl+0 / Ctrl+T", QCoreApplication.translate("MainWindow", "设为正文 / 文档标题")),
            ("Ctrl+Enter", QCoreApplication.translate("MainWindow", "插入素材库中选中的条目")),
            (
                QCoreApplication.translate("MainWindow", "Tab 或 Enter / Esc"),
                QCoreApplication.translate("MainWindow", "接受 / 关闭输入提示"),
            ),
            ("Ctrl+Shift+F", QCoreApplication.translate("MainWindow", "填写要素")),
            ("Ctrl+F / Ctrl+H", QCoreApplication.translate("MainWindow", "查找 / 替换")),
            ("F5", QCoreApplication.translate("MainWindow", "公文预览")),
            ("Ctrl+E", QCoreApplication.translate("MainWindow", "导出")),
            (
                "Ctrl+Z / Ctrl+Y",
                QCoreApplication.translate("MainWindow", "撤销 / 重做（包括插入和移动章节）"),
            ),
            ("Ctrl+S", QCoreApplication.translate("MainWindow", "保存（每 30 秒另有自动保存）")),
        ]

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
            from eduwriter.gui.about import show_about
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
        if getattr(sys, "frozen", False):
            program, args = sys.executable, []
        else:
            program, args = sys.executable, ["-m", "eduwriter"]
        if self.files.path:
            args += ["gui", self.files.path]  # the language is already in the settings
        self.rd.mark_saved()  # already saved or discarded above
        if not QProcess.startDetached(program, args):
            return False
        self.close()
        return True

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
        busy = getattr(self.library, "is_busy", None)
        if callable(busy) and busy():
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
        if self.library is not None and hasattr(self.library, "shutdown"):
            self.library.shutdown()
        self.autocomplete.shutdown()
        try:
            from eduwriter.gui import crash

            crash.unregister_flush(self.autosaver.flush_now)
        except ImportError:  # pragma: no cover
            pass
        event.accept()
