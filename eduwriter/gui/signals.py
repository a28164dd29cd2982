"""One hub for the app's cross-widget signals, so the wiring lives in one place (main_window)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class SignalHub(QObject):
    """Signals that cross widget boundaries.

    * ``insertItem(dict)``: a library item to insert at the composer's cursor.
    * ``reportLoaded(str)``: a report was opened/created (path or "").
    * ``storeReady(object)``: the library store is open (and the built-in library exists).
    * ``status(str, int)``: a transient status-bar message with a timeout in ms.
    * ``importRequested(list)``: files dropped on the window to import as 范文.
    """

    insertItem = Signal(dict)
    reportLoaded = Signal(str)
    storeReady = Signal(object)
    status = Signal(str, int)
    importRequested = Signal(list)
