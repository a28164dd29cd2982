"""The 仿宋 check: the best family for the composer, and a notice shown only once."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontDatabase

from eduwriter.gui.dialogs import font_check


def _settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_true_fangsong_is_preferred_over_near_matches() -> None:
    families = ["Arial", "Noto Serif CJK SC", "FangSong", "SimSun"]
    assert font_check.fangsong_family(families) == "FangSong"
    assert font_check.find_fangsong(families) == "FangSong"


def test_gb2312_face_wins_and_names_match_case_insensitively() -> None:
    assert font_check.fangsong_family(["仿宋", "fangsong_gb2312"]) == "fangsong_gb2312"


def test_near_match_when_no_fangsong() -> None:
    families = ["DejaVu Sans", "Noto Serif CJK SC"]
    assert font_check.find_fangsong(families) is None
    assert font_check.fangsong_family(families) == "Noto Serif CJK SC"
    assert font_check.has_fangsong_like(families)


def test_installed_family_is_really_installed(qapp) -> None:
    family = font_check.fangsong_family()
    assert family
    assert family in QFontDatabase.families()


def test_notice_is_shown_once_and_remembered(qtbot, tmp_path) -> None:
    settings = _settings(tmp_path)
    box = font_check.check_fonts_once(None, settings, families=["DejaVu Sans", "Liberation Serif"])
    assert box is not None
    qtbot.addWidget(box)
    assert box.isVisible()
    assert "仿宋" in box.text()
    assert "DOCX" in box.text()  # says that export still writes the right font names
    box.close()

    # a second start: the same settings file, nothing shown again
    again = font_check.check_fonts_once(
        None, _settings(tmp_path), families=["DejaVu Sans", "Liberation Serif"]
    )
    assert again is None


def test_no_notice_when_a_fangsong_like_font_exists(qtbot, tmp_path) -> None:
    settings = _settings(tmp_path)
    assert font_check.check_fonts_once(None, settings, families=["仿宋"]) is None
    assert font_check.check_fonts_once(None, settings, families=["Noto Serif CJK SC"]) is None
    # not marked as shown: if the font is removed later, the writer still hears about it once
    box = font_check.check_fonts_once(None, settings, families=["Arial"])
    assert box is not None
    qtbot.addWidget(box)


def test_advice_fits_the_platform() -> None:
    assert "Windows 自带“仿宋”" in font_check.missing_font_advice("win32")
    assert "fonts-noto-cjk" in font_check.missing_font_advice("linux")
    assert "华文仿宋" in font_check.missing_font_advice("darwin")


def test_accepts_the_apps_settings_object(qtbot, tmp_path) -> None:
    class AppSettings:  # the shape of eduwriter.gui.settings.Settings: a .qs QSettings
        def __init__(self) -> None:
            self.qs = _settings(tmp_path)

    box = font_check.check_fonts_once(None, AppSettings(), families=[])
    assert box is not None
    qtbot.addWidget(box)
    assert str(_settings(tmp_path).value(font_check.SETTINGS_KEY)).lower() == "true"
