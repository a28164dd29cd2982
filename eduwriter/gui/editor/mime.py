"""Mime data of the GUI: library items dragged to the composer, and the composer's own copies.

The payload is a small dict ``{"id", "kind", "text", "title", "data"}`` serialised as JSON under
:data:`ITEM_MIME`; the plain-text flavour carries the item text so a drop into any text field
(or another program) still gets the words.
"""

from __future__ import annotations

import atexit
import json
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

ITEM_MIME = "application/x-eduwriter-item"


def _normalise(payload: dict[str, Any]) -> dict[str, Any]:
    out = {
        "id": str(payload.get("id") or ""),
        "kind": str(payload.get("kind") or ""),
        "text": str(payload.get("text") or ""),
        "title": str(payload.get("title") or ""),
        "data": payload.get("data") or {},
    }
    if not isinstance(out["data"], dict):
        out["data"] = {}
    return out


def item_to_mime(payload: dict[str, Any]) -> QMimeData:
    """Pack an item payload into QMimeData (JSON under ITEM_MIME, plus plain text)."""
    norm = _normalise(payload)
    md = QMimeData()
    raw = json.dumps(norm, ensure_ascii=False, default=str).encode("utf-8")
    md.setData(ITEM_MIME, QByteArray(raw))
    md.setText(norm["text"] or norm["title"])
    return md


def item_from_mime(md: QMimeData | None) -> dict[str, Any] | None:
    """Unpack an item payload; None when the mime data carries no (valid) item."""
    if md is None or not md.hasFormat(ITEM_MIME):
        return None
    try:
        data = json.loads(bytes(md.data(ITEM_MIME).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or not data.get("text") and not data.get("data"):
        return None
    return _normalise(data)


#: objectName of the mime data the composer makes for copy, cut and drag.
COMPOSER_MIME_NAME = "eduwriterComposerSelection"
_EXIT_HOOK: list[bool] = []


def composer_mime() -> QMimeData:
    """A new QMimeData for the composer's selection (see :func:`release_clipboard_at_exit`)."""
    _install_exit_hook()
    md = QMimeData()
    md.setObjectName(COMPOSER_MIME_NAME)
    return md


def release_clipboard() -> None:
    """Put the clipboard's text back as Qt's own data if it holds mime data made in Python.

    Qt deletes the clipboard's data when the application object goes away, which is after
    Python has shut down; deleting a QMimeData made in Python then crashes the process (a
    segfault at exit, rc 139, after a copy from the composer). ``QClipboard.setText`` swaps it
    for data made by Qt itself while Python still runs; the copied text stays on the clipboard.
    """
    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
        md = clipboard.mimeData(mode)
        if md is not None and md.objectName() == COMPOSER_MIME_NAME:
            clipboard.setText(md.text(), mode)


def _install_exit_hook() -> None:
    # atexit runs hooks last-in first-out: this one runs before PySide's own shutdown hook,
    # which was registered when PySide6 was imported.
    if not _EXIT_HOOK:
        atexit.register(release_clipboard)
        _EXIT_HOOK.append(True)
