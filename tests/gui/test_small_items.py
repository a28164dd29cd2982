"""Issue 15, item 7: the library pane opens wide enough for names; the file dialog's dates
follow the UI language; phrasing categories are translated in English."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from eduwriter.gui import i18n


def test_library_pane_opens_wide_enough_for_item_names(window, store, qtbot):
    from PySide6.QtGui import QFont

    font = QFont(window.font())
    font.setPixelSize(18)  # a screen at 125-150 % or a larger system font
    window.setFont(font)
    window.resize(1600, 900)
    window.attach_store(store)
    pane = window.library
    qtbot.waitUntil(lambda: pane.isVisible(), timeout=3000)
    em = pane.fontMetrics().horizontalAdvance("中")
    # a typical phrasing or skeleton name (about 20 characters) fits without being cut
    assert em >= 17
    qtbot.waitUntil(lambda: window.library_dock.width() >= 24 * em, timeout=3000)
    assert window.centralWidget().width() >= 28 * em  # the page is not squeezed for it


@pytest.mark.parametrize("lang,expected", [("zh_CN", "2024/3/5"), ("en", "3/5/24")])
def test_file_dialog_dates_follow_the_ui_language(tmp_path, lang, expected):
    (tmp_path / "dir").mkdir()
    tmp_path = tmp_path / "dir"
    f = tmp_path / "报告.md"
    f.write_text("x", encoding="utf-8")
    os.utime(f, (1709640000, 1709640000))  # 2024-03-05 12:00 UTC
    code = textwrap.dedent(
        f"""
        import time
        from eduwriter.gui.i18n import use_time_locale
        assert use_time_locale({lang!r})
        from PySide6.QtWidgets import QApplication, QFileSystemModel
        app = QApplication([])
        model = QFileSystemModel()
        root = model.setRootPath({str(tmp_path)!r})
        for _ in range(200):
            app.processEvents()
            if model.rowCount(root):
                break
            time.sleep(0.02)
        print(model.data(model.index(0, 3, root)))
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "", "LANG": "C", "TZ": "UTC"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().startswith(expected), out.stdout


def test_use_time_locale_is_refused_once_the_application_exists(qapp):
    assert not i18n.use_time_locale("en")


def test_phrasing_categories_are_translated_in_english(qtbot, settings, store):
    from eduwriter.gui.models.library_model import LibraryModel

    assert i18n.install_translator("en")
    try:
        model = LibraryModel(store)
        top = model.top_index("phrasing")
        if model.canFetchMore(top):
            model.fetchMore(top)
        shown = " ".join(str(model.index(r, 0, top).data()) for r in range(model.rowCount(top)))
        assert "Opening" in shown and "Measures" in shown
        assert "开头" not in shown and "措施" not in shown
    finally:
        i18n.install_translator("zh_CN")
