"""Is a 仿宋-like font installed? Pick the best one for the composer; tell the writer once if not.

Official documents set the body in 仿宋 (GB/T 9704). Windows ships 仿宋 (FangSong); many Linux
desktops have none, but Noto Serif CJK SC is a readable near match. The exported DOCX always names
the right fonts (仿宋_GB2312 / 仿宋), so a missing font only changes what the screen shows — the
message says so.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QMessageBox, QWidget

# True 仿宋 faces, best first (file names used by Windows, Office, macOS, Founder/方正).
FANGSONG_FAMILIES = (
    "仿宋_GB2312",
    "FangSong_GB2312",
    "仿宋",
    "FangSong",
    "方正仿宋_GBK",
    "FZFangSong-Z02S",
    "FZFangSong-Z02",
    "STFangsong",
    "华文仿宋",
)
# Serif CJK faces that read close enough to 仿宋 on screen.
NEAR_MATCH_FAMILIES = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "思源宋体",
    "Noto Serif SC",
    "AR PL UMing CN",
    "SimSun",
    "宋体",
    "STSong",
    "Songti SC",
)
SETTINGS_KEY = "fonts/fangsong_notice_shown"


def _installed(families: Iterable[str] | None) -> list[str]:
    return list(QFontDatabase.families() if families is None else families)


def _find(wanted: Iterable[str], installed: list[str]) -> str | None:
    by_lower = {name.lower(): name for name in installed}
    for name in wanted:
        found = by_lower.get(name.lower())
        if found:
            return found
    return None


def find_fangsong(families: Iterable[str] | None = None) -> str | None:
    """The installed true 仿宋 family, or None."""
    return _find(FANGSONG_FAMILIES, _installed(families))


def fangsong_family(families: Iterable[str] | None = None) -> str:
    """The best installed family for body text: 仿宋, else a near match, else the system font."""
    installed = _installed(families)
    found = _find(FANGSONG_FAMILIES, installed) or _find(NEAR_MATCH_FAMILIES, installed)
    if found:
        return found
    if families is None:
        return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    return ""


def has_fangsong_like(families: Iterable[str] | None = None) -> bool:
    """True when a 仿宋 face or a near match (e.g. Noto Serif CJK SC) is installed."""
    installed = _installed(families)
    return bool(_find(FANGSONG_FAMILIES, installed) or _find(NEAR_MATCH_FAMILIES, installed))


def missing_font_advice(platform: str | None = None) -> str:
    """What to do, for the writer's system (Chinese)."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        how = QCoreApplication.translate(
            "FontCheck",
            "Windows 自带“仿宋”字体：请在“设置 → 个性化 → 字体”中确认它没有被删除或隐藏；也可以安装单位统一使用的“仿宋_GB2312”字体。",
        )
    elif platform == "darwin":
        how = QCoreApplication.translate(
            "FontCheck", "macOS 自带“华文仿宋”（STFangsong）：请在“字体册”中启用它。"
        )
    else:
        how = QCoreApplication.translate(
            "FontCheck",
            "Linux 上请安装中文字体，例如：sudo apt install fonts-noto-cjk（Noto Serif CJK 与仿宋相近），或安装单位统一使用的“仿宋_GB2312”字体。",
        )
    head = QCoreApplication.translate(
        "FontCheck", "本机没有找到仿宋类字体，编辑区的正文暂时用其他字体显示。"
    )
    tail = QCoreApplication.translate(
        "FontCheck",
        "导出的 DOCX 仍按公文格式写入正确的字体名称（仿宋_GB2312 / 仿宋），在装有这些字体的电脑上打开时显示正常。",
    )
    return f"{head}\n\n{how}\n\n{tail}"


def _qsettings(settings: object | None) -> QSettings:
    if settings is None:
        from eduwriter.gui.settings import Settings

        return Settings().qs
    if isinstance(settings, QSettings):
        return settings
    qs = getattr(settings, "qs", None)
    if isinstance(qs, QSettings):
        return qs
    raise TypeError(f"expected QSettings or eduwriter.gui.settings.Settings, got {settings!r}")


def check_fonts_once(
    parent: QWidget | None,
    settings: object | None = None,
    families: Iterable[str] | None = None,
) -> QMessageBox | None:
    """If no 仿宋-like font is installed, say so once (remembered in the settings).

    Returns the (non-modal, already open) message box when it is shown, else None.
    ``settings`` is a QSettings or the app's Settings; ``families`` replaces the installed list
    (tests).
    """
    qs = _qsettings(settings)
    if has_fangsong_like(families):
        return None
    if str(qs.value(SETTINGS_KEY, "false")).lower() in ("true", "1"):
        return None
    qs.setValue(SETTINGS_KEY, True)
    qs.sync()
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("FontCheck", "缺少仿宋字体"))
    box.setText(missing_font_advice())
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box
