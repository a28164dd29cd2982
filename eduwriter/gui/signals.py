"""One hub for the app's cross-widget signals, so the wiring lives in one place (main_window)."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal


class SignalHub(QObject):
    """Signals that cross widget boundaries.

    * ``insertItem(dict)``: a library item to insert at the composer's cursor.
    * ``storeReady(object)``: the library store is open (and the built-in library exists).
    * ``status(str, int)``: a transient status-bar message with a timeout in ms.
    * ``importRequested(list)``: files dropped on the window to import as 范文.
    """

    insertItem = Signal(dict)
    storeReady = Signal(object)
    status = Signal(str, int)
    importRequested = Signal(list)


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
