"""The main window's actions, menus and toolbar.

``build_actions`` creates every QAction as a ``win.act_*`` attribute (tests and the shortcut list
read them there), ``build_menus`` and ``build_toolbar`` lay them out. Strings keep the window's
translation context ("MainWindow").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar

from eduwriter.gui.editor.report_format import PARAGRAPH, TITLE

if TYPE_CHECKING:
    from eduwriter.gui.main_window import MainWindow


def _act(
    win: MainWindow,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    icon: QStyle.StandardPixmap | None = None,
    tip: str = "",
    name: str = "",
) -> QAction:
    action = QAction(text, win)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        action.setIcon(win.style().standardIcon(icon))
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    if name:
        action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_actions(win: MainWindow) -> None:
    """Every QAction of the window, as ``win.act_*`` attributes."""
    sp = QStyle.StandardPixmap
    sk = QKeySequence.StandardKey
    f = win.files
    win.act_new = _act(
        win,
        QCoreApplication.translate("MainWindow", "新建(&N)"),
        f.new,
        sk.New,
        sp.SP_FileIcon,
        QCoreApplication.translate("MainWindow", "新建报告"),
        "actNew",
    )
    win.act_open = _act(
        win,
        QCoreApplication.translate("MainWindow", "打开(&O)…"),
        f.open,
        sk.Open,
        sp.SP_DialogOpenButton,
        QCoreApplication.translate("MainWindow", "打开报告 (.md)"),
        "actOpen",
    )
    win.act_save = _act(
        win,
        QCoreApplication.translate("MainWindow", "保存(&S)"),
        f.save,
        sk.Save,
        sp.SP_DialogSaveButton,
        QCoreApplication.translate("MainWindow", "保存报告"),
        "actSave",
    )
    win.act_save_as = _act(
        win,
        QCoreApplication.translate("MainWindow", "另存为(&A)…"),
        f.save_as,
        sk.SaveAs,
        name="actSaveAs",
    )
    win.act_import = _act(
        win,
        QCoreApplication.translate("MainWindow", "导入范文(&I)…"),
        win.import_files,
        None,
        None,
        QCoreApplication.translate("MainWindow", "导入 .txt/.docx/.md/.html 范文到素材库"),
    )
    win.act_import_pack = _act(
        win,
        QCoreApplication.translate("MainWindow", "导入素材包…"),
        lambda: win.packs.ask_import(),
        None,
        None,
        QCoreApplication.translate("MainWindow", "导入同事分享的素材包（.ewlib）"),
        "actImportPack",
    )
    win.act_export_pack = _act(
        win,
        QCoreApplication.translate("MainWindow", "导出我的素材…"),
        lambda: win.packs.ask_export(),
        None,
        None,
        QCoreApplication.translate("MainWindow", "把“我的素材”存成素材包（.ewlib）分享给同事"),
        "actExportPack",
    )
    win.act_import_folder = _act(
        win, QCoreApplication.translate("MainWindow", "导入文件夹…"), win.import_folder
    )
    win.act_quit = _act(
        win, QCoreApplication.translate("MainWindow", "退出(&Q)"), win.close, sk.Quit
    )
    # Fixed labels (the toolbar does not jump as the step name changes); the step being
    # undone/redone is in the tooltip and the status bar.
    stack = win.rd.undo_stack
    undo_label = QCoreApplication.translate("MainWindow", "撤销")
    redo_label = QCoreApplication.translate("MainWindow", "重做")
    win.act_undo = _act(win, undo_label, stack.undo, sk.Undo, sp.SP_ArrowBack, name="actUndo")
    win.act_redo = _act(win, redo_label, stack.redo, sk.Redo, sp.SP_ArrowForward, name="actRedo")
    win.act_undo.setEnabled(stack.canUndo())
    win.act_redo.setEnabled(stack.canRedo())
    stack.canUndoChanged.connect(win.act_undo.setEnabled)
    stack.canRedoChanged.connect(win.act_redo.setEnabled)
    stack.undoTextChanged.connect(win._undo_tip)
    stack.redoTextChanged.connect(win._redo_tip)
    c = win.composer
    win.act_cut = _act(win, QCoreApplication.translate("MainWindow", "剪切"), c.cut, sk.Cut)
    win.act_copy = _act(win, QCoreApplication.translate("MainWindow", "复制"), c.copy, sk.Copy)
    win.act_paste = _act(win, QCoreApplication.translate("MainWindow", "粘贴"), c.paste, sk.Paste)
    for a in (win.act_cut, win.act_copy, win.act_paste):
        a.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        c.addAction(a)
    win.act_find = _act(
        win,
        QCoreApplication.translate("MainWindow", "查找…"),
        lambda: win.find_bar.open_find(False),
        sk.Find,
        name="actFind",
    )
    win.act_replace = _act(
        win,
        QCoreApplication.translate("MainWindow", "替换…"),
        lambda: win.find_bar.open_find(True),
        "Ctrl+H",
        name="actReplace",
    )
    win.act_snippet = _act(
        win,
        QCoreApplication.translate("MainWindow", "加入我的素材…"),
        win.add_snippet,
        None,
        None,
        QCoreApplication.translate("MainWindow", "把选中的文字存入“我的素材”"),
    )
    win.act_slots = _act(
        win,
        QCoreApplication.translate("MainWindow", "填写要素(&F)…"),
        win.fill_slots,
        "Ctrl+Shift+F",
        sp.SP_FileDialogDetailedView,
        QCoreApplication.translate("MainWindow", "一次填写报告中的所有【要素】"),
        "actSlots",
    )
    win.act_meta = _act(
        win,
        QCoreApplication.translate("MainWindow", "主送、附件与落款…"),
        win.edit_meta,
        None,
        None,
        QCoreApplication.translate("MainWindow", "主送机关、附件说明、署名和成文日期"),
        "actMeta",
    )
    win.act_insert = _act(
        win,
        QCoreApplication.translate("MainWindow", "插入选中素材"),
        win.insert_selected_item,
        "Ctrl+Return",
        None,
        QCoreApplication.translate("MainWindow", "把素材库中选中的条目插入到光标处"),
    )
    win.act_levels: list[QAction] = []
    for kind, label, key in (
        (PARAGRAPH, QCoreApplication.translate("MainWindow", "正文"), "Ctrl+0"),
        (1, QCoreApplication.translate("MainWindow", "一级标题 一、"), "Ctrl+1"),
        (2, QCoreApplication.translate("MainWindow", "二级标题 （一）"), "Ctrl+2"),
        (3, QCoreApplication.translate("MainWindow", "三级标题 1."), "Ctrl+3"),
        (4, QCoreApplication.translate("MainWindow", "四级标题 （1）"), "Ctrl+4"),
        (TITLE, QCoreApplication.translate("MainWindow", "文档标题"), "Ctrl+T"),
    ):
        win.act_levels.append(_act(win, label, lambda k=kind: c.set_current_level(k), key))
    win.act_promote = _act(
        win,
        QCoreApplication.translate("MainWindow", "升级 (Shift+Tab)"),
        c.promote,
        None,
        sp.SP_ArrowLeft,
        QCoreApplication.translate("MainWindow", "标题升一级（Shift+Tab）"),
        "actPromote",
    )
    win.act_demote = _act(
        win,
        QCoreApplication.translate("MainWindow", "降级 (Tab)"),
        c.demote,
        None,
        sp.SP_ArrowRight,
        QCoreApplication.translate("MainWindow", "标题降一级（Tab）"),
        "actDemote",
    )
    win.act_up = _act(
        win,
        QCoreApplication.translate("MainWindow", "章节上移 (Alt+↑)"),
        lambda: win.move_section(-1),
        None,
        sp.SP_ArrowUp,
        QCoreApplication.translate("MainWindow", "把当前章节连同下级内容上移（Alt+↑）"),
        "actSectionUp",
    )
    win.act_down = _act(
        win,
        QCoreApplication.translate("MainWindow", "章节下移 (Alt+↓)"),
        lambda: win.move_section(1),
        None,
        sp.SP_ArrowDown,
        QCoreApplication.translate("MainWindow", "把当前章节连同下级内容下移（Alt+↓）"),
        "actSectionDown",
    )
    win.act_preview = _act(
        win,
        QCoreApplication.translate("MainWindow", "公文预览…"),
        win.show_preview,
        "F5",
        None,
        QCoreApplication.translate("MainWindow", "按导出的公文版式预览，包括主送机关和落款"),
        "actPreview",
    )
    win.act_autocomplete = QAction(QCoreApplication.translate("MainWindow", "输入时提示语句"), win)
    win.act_autocomplete.setCheckable(True)
    win.act_autocomplete.setChecked(win.autocomplete.enabled)
    win.act_autocomplete.toggled.connect(win._toggle_autocomplete)
    win.act_keys = _act(
        win,
        QCoreApplication.translate("MainWindow", "快捷键一览"),
        win.show_shortcuts,
        "F1",
        name="actShortcuts",
    )
    win.act_about = _act(
        win, QCoreApplication.translate("MainWindow", "关于 EduWriter"), win.show_about
    )
    win.lang_group = QActionGroup(win)
    win.act_lang: dict[str, QAction] = {}
    for code, label in (("zh_CN", "简体中文"), ("en", "English")):
        a = QAction(label, win)
        a.setCheckable(True)
        a.setChecked(win.settings.language == code)
        a.triggered.connect(lambda _c=False, code=code: win.set_language(code))
        win.lang_group.addAction(a)
        win.act_lang[code] = a


def build_menus(win: MainWindow) -> None:
    """The menu bar (and the composer's extra context-menu actions)."""
    mb = win.menuBar()
    m = mb.addMenu(QCoreApplication.translate("MainWindow", "文件(&F)"))
    m.addActions([win.act_new, win.act_open])
    win.recent_menu = QMenu(QCoreApplication.translate("MainWindow", "最近打开"), win)
    m.addMenu(win.recent_menu)
    m.addSeparator()
    m.addActions([win.act_save, win.act_save_as])
    m.addSeparator()
    m.addActions([win.act_import, win.act_import_folder])
    m.addActions([win.act_import_pack, win.act_export_pack])
    m.addAction(win.exporter.action)
    m.addSeparator()
    m.addAction(win.act_quit)
    win.file_menu = m
    win._fill_recent(win.settings.recent_files())

    m = mb.addMenu(QCoreApplication.translate("MainWindow", "编辑(&E)"))
    m.addActions([win.act_undo, win.act_redo])
    m.addSeparator()
    m.addActions([win.act_cut, win.act_copy, win.act_paste])
    m.addSeparator()
    m.addActions([win.act_find, win.act_replace])
    m.addSeparator()
    m.addActions([win.act_slots, win.act_meta, win.act_snippet])

    m = mb.addMenu(QCoreApplication.translate("MainWindow", "插入(&I)"))
    m.addAction(win.act_insert)
    m.addSeparator()
    m.addActions(win.act_levels[1:5])

    m = mb.addMenu(QCoreApplication.translate("MainWindow", "格式(&O)"))
    m.addAction(win.act_levels[-1])
    m.addActions(win.act_levels[:5])
    m.addSeparator()
    m.addActions([win.act_promote, win.act_demote])
    m.addSeparator()
    m.addActions([win.act_up, win.act_down])

    m = mb.addMenu(QCoreApplication.translate("MainWindow", "视图(&V)"))
    lib = win.library_dock.toggleViewAction()
    lib.setText(QCoreApplication.translate("MainWindow", "素材库"))
    out = win.outline_dock.toggleViewAction()
    out.setText(QCoreApplication.translate("MainWindow", "大纲"))
    m.addActions([lib, out])
    m.addSeparator()
    m.addAction(win.act_preview)
    m.addSeparator()
    m.addAction(win.act_autocomplete)
    lang = m.addMenu(QCoreApplication.translate("MainWindow", "界面语言"))
    lang.addActions(list(win.act_lang.values()))

    m = mb.addMenu(QCoreApplication.translate("MainWindow", "帮助(&H)"))
    m.addAction(win.act_keys)
    m.addAction(win.act_about)
    win.composer.extra_context_actions = [win.act_snippet, win.act_slots]


def build_toolbar(win: MainWindow) -> None:
    """The main toolbar with short labels for the structure commands."""
    tb = QToolBar(QCoreApplication.translate("MainWindow", "工具栏"), win)
    tb.setObjectName("mainToolbar")
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    tb.addActions([win.act_new, win.act_open, win.act_save])
    tb.addSeparator()
    tb.addActions([win.act_undo, win.act_redo])
    tb.addSeparator()
    for a, short in (
        (win.act_promote, QCoreApplication.translate("MainWindow", "升级")),
        (win.act_demote, QCoreApplication.translate("MainWindow", "降级")),
        (win.act_up, QCoreApplication.translate("MainWindow", "上移")),
        (win.act_down, QCoreApplication.translate("MainWindow", "下移")),
    ):
        tb.addAction(a)
        tb.widgetForAction(a).setText(short)
    tb.addSeparator()
    tb.addAction(win.act_slots)
    tb.addAction(win.exporter.action)
    win.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
    win.toolbar = tb


def _keys(*actions: QAction) -> str:
    """The actions' real shortcuts as the writer sees them ("Ctrl+F / Ctrl+H")."""
    native = QKeySequence.SequenceFormat.NativeText
    return " / ".join(a.shortcut().toString(native) for a in actions if not a.shortcut().isEmpty())


def shortcut_rows(win: MainWindow) -> list[tuple[str, str]]:
    """(keys, what they do) for 快捷键一览: commands show their QAction's real shortcut; keys the
    composer handles itself (Tab, Alt+↑, the autocomplete popup) are listed as typed."""
    return [
        (
            "Tab / Shift+Tab",
            QCoreApplication.translate("MainWindow", "标题降一级 / 升一级（编号自动更新）"),
        ),
        ("Alt+↑ / Alt+↓", QCoreApplication.translate("MainWindow", "章节连同下级内容上移 / 下移")),
        (
            _keys(*win.act_levels[1:5]),
            QCoreApplication.translate("MainWindow", "设为一级…四级标题（一、 （一） 1. （1））"),
        ),
        (
            _keys(win.act_levels[0], win.act_levels[-1]),
            QCoreApplication.translate("MainWindow", "设为正文 / 文档标题"),
        ),
        (_keys(win.act_insert), QCoreApplication.translate("MainWindow", "插入素材库中选中的条目")),
        (
            QCoreApplication.translate("MainWindow", "Tab 或 Enter / Esc"),
            QCoreApplication.translate("MainWindow", "接受 / 关闭输入提示"),
        ),
        (_keys(win.act_slots), QCoreApplication.translate("MainWindow", "填写要素")),
        (
            _keys(win.act_find, win.act_replace),
            QCoreApplication.translate("MainWindow", "查找 / 替换"),
        ),
        (_keys(win.act_preview), QCoreApplication.translate("MainWindow", "公文预览")),
        (_keys(win.exporter.action), QCoreApplication.translate("MainWindow", "导出")),
        (
            _keys(win.act_undo, win.act_redo),
            QCoreApplication.translate("MainWindow", "撤销 / 重做（包括插入和移动章节）"),
        ),
        (
            _keys(win.act_save),
            QCoreApplication.translate("MainWindow", "保存（每 30 秒另有自动保存）"),
        ),
    ]
