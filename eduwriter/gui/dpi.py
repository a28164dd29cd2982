"""High-DPI setup. Call :func:`configure_high_dpi` *before* creating the ``QApplication``.

Qt 6 always scales by the screen's device pixel ratio (the Qt 5 attributes AA_EnableHighDpiScaling
and AA_UseHighDpiPixmaps are gone: they are on by default). What remains is the rounding policy
for fractional scale factors. Office laptops on Windows often run at 125 % or 150 %:

* ``PassThrough`` (Qt 6's default) uses 1.25 / 1.5 as they are, so text and widgets have the size
  Windows asks for and match the other programs on that screen;
* ``Round`` would turn 125 % into 100 % (too small) and 150 % into 200 % (too large).

We set ``PassThrough`` explicitly so that a different default in a future Qt, or a library, does
not silently change it. When the user sets ``QT_SCALE_FACTOR_ROUNDING_POLICY`` (or
``QT_SCALE_FACTOR``) we leave the policy alone: an escape hatch for unusual screens.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication


def configure_high_dpi() -> None:
    """Set the scale-factor rounding policy; must run before the QApplication exists."""
    if QGuiApplication.instance() is not None:
        return  # too late to change; Qt would only warn
    if os.environ.get("QT_SCALE_FACTOR_ROUNDING_POLICY"):
        return
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
