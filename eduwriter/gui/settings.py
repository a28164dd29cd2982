"""Settings (QSettings) and the user's data/cache folders, without globals.

``EDUWRITER_DATA_DIR`` moves everything the app writes (settings, library, recovery files,
translation cache) into one folder: tests and benchmarks use it to stay isolated.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

APP_NAME = "EduWriter"
ENV_DATA_DIR = "EDUWRITER_DATA_DIR"
MAX_RECENT = 10


def data_dir() -> Path:
    """The user data folder (library, recovery files); created on demand."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        path = Path(env)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """The user cache folder (built translations); created on demand."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        path = Path(env) / "cache"
    else:
        from platformdirs import user_cache_dir

        path = Path(user_cache_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def recovery_dir() -> Path:
    path = data_dir() / "recovery"
    path.mkdir(parents=True, exist_ok=True)
    return path


class Settings:
    """Typed access to the app's QSettings."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        if qsettings is None:
            env = os.environ.get(ENV_DATA_DIR)
            if env:
                Path(env).mkdir(parents=True, exist_ok=True)
                qsettings = QSettings(str(Path(env) / "settings.ini"), QSettings.Format.IniFormat)
            else:
                qsettings = QSettings(
                    QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME
                )
        self.qs = qsettings

    # generic ----------------------------------------------------------------------------
    def value(self, key: str, default: Any = None) -> Any:
        return self.qs.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self.qs.setValue(key, value)

    def sync(self) -> None:
        self.qs.sync()

    # language ---------------------------------------------------------------------------
    @property
    def language(self) -> str:
        """ "zh_CN" (default) or "en"."""
        lang = str(self.qs.value("ui/language", "zh_CN") or "zh_CN")
        return lang if lang in ("zh_CN", "en") else "zh_CN"

    @language.setter
    def language(self, lang: str) -> None:
        self.qs.setValue("ui/language", lang)

    # window layout ----------------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        value = self.qs.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self.qs.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qs.setValue("window/geometry", geometry)
        self.qs.setValue("window/state", state)

    # recent files -----------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.qs.value("files/recent", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in (value or []) if v]

    def add_recent_file(self, path: str | Path) -> list[str]:
        path = str(Path(path).resolve())
        items = [p for p in self.recent_files() if p != path]
        items.insert(0, path)
        items = items[:MAX_RECENT]
        self.qs.setValue("files/recent", items)
        return items

    def remove_recent_file(self, path: str | Path) -> None:
        path = str(path)
        self.qs.setValue("files/recent", [p for p in self.recent_files() if p != path])

    def last_dir(self) -> str:
        return str(self.qs.value("files/last_dir", "") or str(Path.home()))

    def set_last_dir(self, path: str | Path) -> None:
        p = Path(path)
        self.qs.setValue("files/last_dir", str(p if p.is_dir() else p.parent))

    # export -----------------------------------------------------------------------------
    def export_options(self) -> dict[str, Any]:
        return {
            "fmt": str(self.qs.value("export/format", "docx") or "docx"),
            "template": str(self.qs.value("export/template", "") or ""),
            "fonts": str(self.qs.value("export/fonts", "auto") or "auto"),
            "bold_headings": _as_bool(self.qs.value("export/bold_headings", False)),
        }

    def set_export_options(self, opts: dict[str, Any]) -> None:
        for key in ("format", "template", "fonts", "bold_headings"):
            src = "fmt" if key == "format" else key
            if src in opts:
                self.qs.setValue(f"export/{key}", opts[src])

    # composer ---------------------------------------------------------------------------
    def autocomplete_enabled(self) -> bool:
        return _as_bool(self.qs.value("composer/autocomplete", True))

    def set_autocomplete_enabled(self, on: bool) -> None:
        self.qs.setValue("composer/autocomplete", bool(on))


def _as_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes", "on")
    return bool(value)
