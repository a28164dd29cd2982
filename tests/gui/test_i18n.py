"""English works without Qt's tools: the .ts is compiled by our own .qm writer when needed."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QTranslator

from eduwriter.gui import i18n


def test_own_qm_writer_output_is_read_by_qt(tmp_path: Path, qapp):
    qm = i18n.write_qm(i18n.ts_path("en"), tmp_path / "en.qm")
    tr = QTranslator()
    assert tr.load(str(qm))
    assert tr.translate("MainWindow", "文件(&F)") == "&File"
    assert tr.translate("App", "恢复报告") == "Restore report"
    assert tr.translate("MainWindow", "不存在的字符串") == ""


def test_missing_bundled_qm_is_built_into_the_cache(tmp_path: Path, monkeypatch, isolated_data):
    ts_dir = tmp_path / "translations"
    ts_dir.mkdir()
    (ts_dir / "eduwriter_en.ts").write_bytes(i18n.ts_path("en").read_bytes())
    monkeypatch.setattr(i18n, "translations_dir", lambda: ts_dir)
    qm = i18n.qm_for("en")
    assert qm is not None and qm.exists()
    assert str(qm).startswith(str(isolated_data))


def test_every_english_string_is_translated():
    _lang, messages = i18n.read_ts(i18n.ts_path("en"))
    import xml.etree.ElementTree as ET

    total = len(list(ET.parse(i18n.ts_path("en")).getroot().iter("message")))
    assert len(messages) == total > 200


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _ui_texts(widget) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    out = [widget.windowTitle()]
    for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        text = w.text()
        # slot names and the sentences around them are the report's content
        if text and not text.startswith("【") and not w.objectName().startswith("context:"):
            out.append(re.sub(r"【[^【】]*】", "", text))
    return out


def test_every_dialog_of_the_window_speaks_english(qtbot, settings, demo_report, monkeypatch):
    from PySide6.QtWidgets import QMenu

    from eduwriter.gui.dialogs.export_action import ExportOptionsDialog
    from eduwriter.gui.dialogs.meta_dialog import MetaDialog
    from eduwriter.gui.dialogs.slots_dialog import SlotsDialog
    from eduwriter.gui.files import FileController
    from eduwriter.gui.main_window import MainWindow
    from eduwriter.gui.panes.preview import PreviewDialog

    monkeypatch.setattr(FileController, "ask_save_changes", lambda self: "discard")
    assert i18n.install_translator("en")
    try:
        win = MainWindow(settings)
        qtbot.addWidget(win)
        win.rd.set_report(demo_report)
        menus = [a.text() for a in win.menuBar().actions()]
        for menu in win.menuBar().findChildren(QMenu):
            menus += [a.text() for a in menu.actions() if a.text()]
        menus += [a.text() for a in win.toolbar.actions() if a.text()]
        # language names stay in their own language; heading labels show the marker (一、 …)
        allowed = ("简体中文", "一", "（")
        assert not [t for t in menus if _cjk(t) and not any(a in t for a in allowed)]
        dialogs = [
            SlotsDialog(win.rd, win),
            MetaDialog(win.rd, win),
            ExportOptionsDialog(settings.export_options(), win),
            PreviewDialog(win.rd, win),
        ]
        win.find_bar.open_find(True)
        dialogs.append(win.find_bar)
        win.outline.setCurrentItem(win.outline.items()[0])
        outline_menu = [a.text() for a in win.outline.context_menu().actions() if a.text()]
        assert outline_menu and not [t for t in outline_menu if _cjk(t)]
        win.act_keys.trigger()
        assert not _cjk(win._keys_box.text().replace("一、 （一）", ""))
        for dialog in dialogs:
            chinese = [t for t in _ui_texts(dialog) if _cjk(t)]
            assert not chinese, (type(dialog).__name__, chinese)
        # the status bar follows the report by itself
        qtbot.waitUntil(lambda: win.slots_label.text() == "Unfilled slots: 4", timeout=3000)
        assert win.count_label.text().startswith("Characters")
    finally:
        i18n.install_translator("zh_CN")


def _file_dialog_labels() -> list[str]:
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    try:
        return [label.text().replace("&", "") for label in dialog.findChildren(QLabel)]
    finally:
        dialog.deleteLater()


def test_qt_file_dialog_speaks_the_interface_language(qapp):
    try:
        assert i18n.install_translator("zh_CN")
        labels = _file_dialog_labels()
        assert "查找范围(L)：" in labels and "文件类型(T)：" in labels
        # our own (Chinese) strings still come back as written
        from PySide6.QtCore import QCoreApplication

        assert QCoreApplication.translate("Export", "导出失败") == "导出失败"
        assert not [t for t in labels if any("a" <= ch.lower() <= "z" for ch in t.split("(")[0])]
        assert i18n.install_translator("en")
        assert "Look in:" in _file_dialog_labels()
    finally:
        i18n.install_translator("zh_CN")


def _tr_strings():
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "scripts" / "tr_strings.py"
    spec = importlib.util.spec_from_file_location("tr_strings", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_string_scanner_sees_helpers_aliases_and_both_branches():
    scan = _tr_strings()
    found = scan.gui_strings()
    assert ("CheckPane", "检查结果") in found  # through the module's _tr helper
    assert ("LibraryModel", "（空）") in found  # _tr with a context constant
    assert ("LibraryPane", "单位素材库（只读）") in found  # a ... if ... else ... argument
    assert ("LibraryPane", "复制自单位素材库") in found
    assert len(found) > 400


def test_every_string_the_window_translates_has_an_english_translation():
    """Strings lupdate cannot see (helpers, tables) included: none may show Chinese in English."""
    scan = _tr_strings()
    have = scan.ts_messages(i18n.ts_path("en"))
    missing = sorted(k for k in scan.gui_strings() if not have.get(k))
    assert missing == []
