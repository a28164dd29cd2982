"""Drag-and-drop payload for library items (library pane -> composer).

The payload is a small dict ``{"id", "kind", "text", "title", "data"}`` serialised as JSON under
:data:`ITEM_MIME`; the plain-text flavour carries the item text so a drop into any text field
(or another program) still gets the words.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData

ITEM_MIME = "application/x-eduwriter-item"

_KEYS = ("id", "kind", "text", "title", "data")


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
