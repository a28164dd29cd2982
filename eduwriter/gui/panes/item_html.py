"""HTML of library items for the pane's preview: slots marked, search hits shaded.

``match_spans`` finds a query in a text literally or by pinyin (zdsx → 指导思想);
``render_text`` marks 【slots】 and hits; ``preview_html`` lays out one item (title, kind, 出自
lines, the text, a skeleton's numbered parts or a section's lines). No widgets here.
"""

from __future__ import annotations

import bisect
import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from eduwriter.compose.numbering import compute_markers
from eduwriter.core.slots import SLOT_RE
from eduwriter.gui.models.library_items import (
    ItemLike,
    field,
    genre_label,
    kind_label,
    merged_skeleton_label,
    section_lines,
)
from eduwriter.library import pinyin

if TYPE_CHECKING:
    from eduwriter.core.items import SourceRef
    from eduwriter.library.store import LibraryStore


_SLOT_STYLE = "background-color:#ffe9a8; color:#7a4b00; font-weight:bold;"
_HIT_STYLE = "background-color:#cfe3ff;"


def match_spans(text: str, query: str, limit: int = 50) -> list[tuple[int, int]]:
    """Where ``query`` matches ``text``: literally, else by pinyin initials (zdsx → 指导思想),
    else by full pinyin (zhidaosixiang). ``(start, end)`` character offsets."""
    q = query.strip()
    if not q or not text:
        return []
    low = text.casefold()
    if len(low) != len(text):
        low = text.lower()
    needle = q.casefold()
    spans: list[tuple[int, int]] = []
    start = low.find(needle)
    while start >= 0 and len(spans) < limit:
        spans.append((start, start + len(needle)))
        start = low.find(needle, start + len(needle))
    if spans or not pinyin.is_pinyin_query(q):
        return spans
    letters = q.replace(" ", "").replace("'", "").lower()
    initials = pinyin.to_initials(text)
    if len(initials) == len(text):
        start = initials.find(letters)
        while start >= 0 and len(spans) < limit:
            spans.append((start, start + len(letters)))
            start = initials.find(letters, start + len(letters))
    if spans:
        return spans
    offsets: list[int] = []
    joined: list[str] = []
    pos = 0
    for ch in text:
        readings = pinyin.readings(ch)
        piece = readings[0] if readings else ch.lower()
        offsets.append(pos)
        joined.append(piece)
        pos += len(piece)
    flat = "".join(joined)
    start = flat.find(letters)
    while start >= 0 and len(spans) < limit:
        first = bisect.bisect_right(offsets, start) - 1
        last = bisect.bisect_left(offsets, start + len(letters))
        spans.append((first, max(last, first + 1)))
        start = flat.find(letters, start + len(letters))
    return spans


def render_text(text: str, query: str = "") -> str:
    """HTML of ``text``: every 【slot】 marked, the words matching ``query`` shaded, escaped,
    line breaks kept."""
    n = len(text)
    slot = [False] * n
    for m in SLOT_RE.finditer(text):
        for i in range(m.start(), m.end()):
            slot[i] = True
    hit = [False] * n
    for start, end in match_spans(text, query) if query else ():
        for i in range(start, min(end, n)):
            hit[i] = True
    out: list[str] = []
    i = 0
    while i < n:
        j = i
        while j < n and slot[j] == slot[i] and hit[j] == hit[i]:
            j += 1
        chunk = html.escape(text[i:j])
        style = (_SLOT_STYLE if slot[i] else "") + (_HIT_STYLE if hit[i] and not slot[i] else "")
        if slot[i] and hit[i]:
            style += "text-decoration:underline;"
        out.append(f'<span style="{style}">{chunk}</span>' if style else chunk)
        i = j
    return "".join(out).replace("\n", "<br/>")


def source_line(src: SourceRef | dict[str, Any]) -> str:
    """``file · document · section › subsection`` for one SourceRef (or its JSON dict)."""
    parts = [str(field(src, "file", "") or ""), str(field(src, "document", "") or "")]
    section = field(src, "section", ()) or ()
    if section:
        parts.append(" › ".join(str(s) for s in section))
    return " · ".join(p for p in parts if p)


def origin_line(item: ItemLike, origin: dict[str, Any]) -> str:
    """单位素材库 · server · 第 N 版 · 由 X 修改, or for a personal copy 复制自单位素材库 …"""
    shared = field(item, "origin") == "shared"
    head = QCoreApplication.translate(
        "LibraryPane", "单位素材库（只读）" if shared else "复制自单位素材库"
    )
    parts = [head]
    if origin.get("server"):
        parts.append(str(origin["server"]))
    if not shared and origin.get("id"):
        parts.append(
            QCoreApplication.translate("LibraryPane", "条目 %1").replace("%1", str(origin["id"]))
        )
    if origin.get("version"):
        parts.append(
            QCoreApplication.translate("LibraryPane", "第 %1 版").replace(
                "%1", str(origin["version"])
            )
        )
    if origin.get("updated_by"):
        parts.append(
            QCoreApplication.translate("LibraryPane", "由 %1 修改").replace(
                "%1", str(origin["updated_by"])
            )
        )
    return " · ".join(parts)


def preview_html(
    item: ItemLike, store: LibraryStore | None = None, query: str = "", detail: str = ""
) -> str:
    """The preview of one item: title, kind, 出自 lines, and the text with its slots marked and
    the words matching the search ``query`` shaded. ``detail`` (第 2 篇 · 5 部分 · file, as on the
    item's row) goes under the title."""
    kind = field(item, "kind", "")
    title = str(field(item, "title", "") or "")
    data = field(item, "data") or {}
    if kind == "skeleton" and isinstance(data, dict) and data.get("merged"):
        title = merged_skeleton_label(item)  # as in the tree
    text = str(field(item, "text", "") or "")
    meta = [kind_label(kind)]
    if field(item, "function") and kind != "skeleton":  # a skeleton's is an internal marker
        meta.append(str(field(item, "function")))
    if field(item, "genre"):
        meta.append(genre_label(str(field(item, "genre"))))
    tags = list(field(item, "tags") or [])
    if tags:
        meta.append("、".join(tags))
    if field(item, "favorite"):
        meta.append(QCoreApplication.translate("LibraryPane", "已收藏"))
    if detail:
        meta.append(detail)
    usage = field(item, "usage") or 0
    if usage:
        meta.append(
            QCoreApplication.translate("LibraryPane", "用过 %1 次").replace("%1", str(usage))
        )
    out = ['<div style="font-size:10.5pt;">']
    if title and kind != "phrasing":
        out.append(
            f'<p style="font-weight:bold; font-size:11.5pt; margin:0 0 4px 0;">{render_text(title, query)}</p>'
        )
    out.append(f'<p style="color:#777; margin:0 0 6px 0;">{html.escape(" · ".join(meta))}</p>')
    origin = data.get("shared_origin") if isinstance(data, dict) else None
    if isinstance(origin, dict):
        out.append(
            f'<p style="color:#1d4e89; margin:2px 0;">{html.escape(origin_line(item, origin))}</p>'
        )
    sources = list(field(item, "sources") or [])
    for src in sources[:3]:
        out.append(
            f'<p style="color:#555; margin:2px 0;">{html.escape(QCoreApplication.translate("LibraryPane", "出自："))}'
            f"{html.escape(source_line(src))}</p>"
        )
    if len(sources) > 3:
        more = QCoreApplication.translate("LibraryPane", "等 %1 处").replace(
            "%1", str(len(sources))
        )
        out.append(f'<p style="color:#555; margin:2px 0;">{html.escape(more)}</p>')
    data = field(item, "data") or {}
    parts = data.get("parts") if isinstance(data, dict) else None
    if kind == "skeleton" and parts:
        out.append(_skeleton_html(parts, data, query))
    elif kind in ("section", "document"):
        lines = section_lines(store, item)[1 if kind == "section" else 0 :]
        out.append(_section_html(lines, query))
    else:
        out.append(f'<p style="margin:6px 0 6px 0;">{render_text(text, query)}</p>')
    out.append("</div>")
    return "".join(out)


def _section_html(lines: list[tuple[bool, str]], query: str = "", limit: int = 6000) -> str:
    out: list[str] = []
    used = 0
    for is_heading, line in lines:
        if used > limit:
            out.append(
                f'<p style="color:#999;">{html.escape(QCoreApplication.translate("LibraryPane", "……（双击插入全文）"))}</p>'
            )
            break
        used += len(line)
        if is_heading:
            out.append(
                f'<p style="margin:6px 0 2px 0; font-weight:bold;">{render_text(line, query)}</p>'
            )
        else:
            out.append(f'<p style="margin:0 0 4px 0;">{render_text(line, query)}</p>')
    return "".join(out)


def _skeleton_html(parts: list, data: dict, query: str = "") -> str:
    levels = [int(field(p, "level", 1) or 1) for p in parts]
    markers = compute_markers(levels)
    support = data.get("support") or []
    rows = []
    for i, (part, marker) in enumerate(zip(parts, markers, strict=False)):
        level = levels[i]
        heading_text = str(field(part, "heading", "") or field(part, "role", ""))
        heading = render_text(heading_text, query)
        role = str(field(part, "role", "") or "")
        hint = str(field(part, "hint", "") or "")
        extra = []
        if role and role not in heading_text:
            extra.append(html.escape(role))
        if i < len(support) and support[i]:
            extra.append(
                html.escape(
                    QCoreApplication.translate("LibraryPane", "%1 篇").replace(
                        "%1", str(support[i])
                    )
                )
            )
        indent = (max(level, 1) - 1) * 16
        line = f'<p style="margin:1px 0 1px {indent}px;">{html.escape(marker or "")}{heading}'
        if extra:
            joined = QCoreApplication.translate("LibraryPane", "，").join(extra)
            note = QCoreApplication.translate("LibraryPane", "（%1）").replace("%1", joined)
            line += f' <span style="color:#888;">{note}</span>'
        line += "</p>"
        if hint:
            line += f'<p style="margin:0 0 2px {indent + 16}px; color:#999;">{render_text(hint, query)}</p>'
        rows.append(line)
    return "".join(rows)
