"""The application's face to the desktop: icon, names, Windows taskbar identity.

Call :func:`apply_identity` right after creating the ``QApplication``.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication, QIcon

from eduwriter import APP_NAME, __version__
from eduwriter.resources_path import resources_dir

WINDOWS_APP_ID = "EduWriter.EduWriter"  # also used by the installer's shortcuts


def icon_path(suffix: str = ".png") -> str:
    """The bundled icon file (``.png`` for Qt, ``.ico`` for Windows)."""
    return str(resources_dir() / "icons" / f"eduwriter{suffix}")


def app_icon() -> QIcon:
    """The EduWriter icon (red square with a white 文)."""
    icon = QIcon()
    if sys.platform.startswith("win"):
        icon.addFile(icon_path(".ico"))
    icon.addFile(icon_path(".png"))
    return icon


def set_windows_app_user_model_id() -> bool:
    """Give the process its own taskbar identity on Windows (our icon, not Python's).

    Returns True when set; a no-op elsewhere.
    """
    if not sys.platform.startswith("win"):
        return False
    try:
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(WINDOWS_APP_ID)
        return True
    except (AttributeError, OSError):
        return False


def apply_identity(app: QGuiApplication) -> None:
    """Set the window icon, the application name (settings key) and version.

    No ``applicationDisplayName``: Qt would append it to every dialog title on Windows and X11.
    """
    set_windows_app_user_model_id()
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
