"""The About dialog shows what a writer (or their support person) needs to know."""

from __future__ import annotations

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication

from eduwriter import __version__
from eduwriter.gui import identity
from eduwriter.gui.dialogs import about


def test_about_shows_name_version_qt_and_data_folder(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("EDUWRITER_DATA_DIR", str(tmp_path / "data"))
    dialog = about.AboutDialog()
    qtbot.addWidget(dialog)

    assert "教育公文写作助手" in dialog.title_label.text()
    assert f"EduWriter {__version__}" in dialog.title_label.text()
    details = dialog.details_label.text()
    assert qVersion() in details
    assert str(tmp_path / "data") in details
    assert str(tmp_path / "data" / "logs") in details
    assert "MIT" in dialog.license_label.text()
    assert "关于" in dialog.windowTitle()


def test_copy_version_info(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("EDUWRITER_DATA_DIR", str(tmp_path))
    dialog = about.AboutDialog()
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert __version__ in copied
    assert f"Qt: {qVersion()}" in copied
    assert dialog.copy_button.text() == "已复制"


def test_app_icon_is_bundled_and_loads(qapp) -> None:
    icon = identity.app_icon()
    assert not icon.isNull()
    pixmap = icon.pixmap(64, 64)
    assert pixmap.width() == 64
    # the red of the icon is really there (not a blank placeholder)
    color = pixmap.toImage().pixelColor(6, 32)
    assert color.red() > 150 and color.green() < 80
