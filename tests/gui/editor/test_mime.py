"""Drag payload of library items: what the composer reads back from a drop."""

from PySide6.QtCore import QByteArray, QMimeData

from eduwriter.gui.editor.mime import ITEM_MIME, item_from_mime, item_to_mime


def test_round_trip_keeps_text_slots_and_skeleton_parts():
    payload = {
        "id": "p1",
        "kind": "skeleton",
        "text": "一、指导思想\n【在此概述指导思想】",
        "title": "工作计划",
        "data": {"parts": [{"level": 1, "heading": "指导思想", "role": "指导思想"}]},
    }
    md = item_to_mime(payload)
    assert md.hasFormat(ITEM_MIME)
    back = item_from_mime(md)
    assert back == payload


def test_plain_text_flavour_carries_the_words():
    md = item_to_mime({"id": "x", "kind": "phrasing", "text": "凝心聚力、蹄疾步稳"})
    assert md.text() == "凝心聚力、蹄疾步稳"
    assert item_from_mime(md)["data"] == {}


def test_foreign_or_broken_mime_is_not_an_item():
    plain = QMimeData()
    plain.setText("随便一段文字")
    assert item_from_mime(plain) is None
    assert item_from_mime(None) is None
    broken = QMimeData()
    broken.setData(ITEM_MIME, QByteArray(b"\xff not json"))
    assert item_from_mime(broken) is None
