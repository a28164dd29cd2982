"""Fresh document properties for the output (a template's old ones — its 2013 dates, author,
empty title, page counts — are not carried into the report)."""

from __future__ import annotations

import datetime as _dt
from xml.sax.saxutils import escape

_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def fresh_core_xml(title: str, now: _dt.datetime | None = None) -> bytes:
    """docProps/core.xml: the report's title, EduWriter as creator, created/modified now."""
    stamp = (now or _dt.datetime.now(_dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        _HEAD
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>EduWriter</dc:creator>"
        "<dc:language>zh-CN</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode("utf-8")


def fresh_app_xml() -> bytes:
    """docProps/app.xml naming EduWriter (no stale page/word counts, company or template)."""
    return (
        _HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>EduWriter</Application></Properties>'
    ).encode("utf-8")
