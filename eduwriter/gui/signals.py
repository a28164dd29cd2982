"""Signals across the window: no hub, by choice; and a guard for PySide6's ``emit``.

**No signal hub.** EduWriter has one window per process, and each pane is created by that
window: :class:`~eduwriter.gui.main_window.MainWindow` is the one place that connects them
(``MainWindow._wire`` for the composer, outline, files and autosave; ``attach_store`` for the
library pane once the library is open). Panes declare their own signals (``insertRequested``,
``libraryChanged``, ``headingActivated``…) and never look for each other. A hub in the style of
novelWriter's ``SHARED`` pays off when many panes and several projects must meet without
knowing each other; here it only added a second name for each signal: of the four signals the
old hub declared, three were never emitted. So every connection is a direct, greppable
``pane.signal.connect(other.slot)`` in the main window.
"""

from __future__ import annotations

import ctypes
import sys

_PROTECTED = False


def protect_bool_refcounts() -> None:
    """Work around a PySide6 6.12 bug on Python < 3.12: every ``Signal.emit()`` from Python
    drops one reference to ``True`` that it never took (and some calls do the same to ``None``), so after some thousands of emits
    (a few minutes of typing) CPython aborts with "bool_dealloc: deallocating True or False".

    The bools are never meant to be freed; giving them a huge reference count once makes the
    leak harmless. Python 3.12+ has immortal bools and needs nothing. Idempotent.
    """
    global _PROTECTED
    if _PROTECTED or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (True, False, None):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
    _PROTECTED = True
