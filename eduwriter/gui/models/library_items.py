"""What a library item shows as: labels, ordinals (第 2 篇), details and the insert payload.

Qt-free apart from ``QCoreApplication.translate``; shared by the tree model, the search results
and the pane's preview. An item is the store's ``Item`` or its JSON dict (``field`` reads both).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypeAlias

from PySide6.QtCore import QCoreApplication, Qt

from eduwriter.core.genre import GENRES

if TYPE_CHECKING:
    from eduwriter.library.store import Item

#: A library item: the store's ``Item`` or its JSON form (packs, drag payloads).
ItemLike: TypeAlias = "Item | dict[str, Any]"

CTX = "LibraryModel"

#: Custom data roles.
ItemRole = Qt.ItemDataRole.UserRole + 1  # the store Item (item rows only)
NodeKindRole = Qt.ItemDataRole.UserRole + 2  # "top" | "group" | "folder" | "item"
NodeKeyRole = Qt.ItemDataRole.UserRole + 3  # stable key tuple of the node (for re-expanding)
FolderIdRole = Qt.ItemDataRole.UserRole + 4  # folder id of folder rows (None for 我的素材 itself)
DetailRole = Qt.ItemDataRole.UserRole + 5  # what tells an item row apart (第 2 篇 · 5 部分 · file)

TOP_KINDS = ("skeleton", "phrasing", "document", "snippet", "favorite")
#: Top nodes whose count comes from ``store.count(kind)``; 收藏 is counted when opened.
COUNTED_KINDS = ("skeleton", "phrasing", "document", "snippet")

#: Genre groups in the order the library lists them: every code the importer produces.
GENRE_ORDER = GENRES


#: Domains shown in the tree by default (the writer's own field and general government work);
#: items of any other domain are gathered under 其他领域 at the end of their top node.
SHOWN_DOMAINS = ("education", "government", "")


def item_domain(item: Any) -> str:
    """The domain an item was judged to belong to ('' when it has none, e.g. a snippet)."""
    data = field(item, "data") or {}
    return str(data.get("domain") or "") if isinstance(data, dict) else ""


def split_domain(items: list[Any]) -> tuple[list[Any], list[Any]]:
    """``(shown, others)``: education and general items, and the rest (其他领域)."""
    shown = [it for it in items if item_domain(it) in SHOWN_DOMAINS]
    return shown, [it for it in items if item_domain(it) not in SHOWN_DOMAINS]


def top_label(kind: str) -> str:
    return {
        "skeleton": QCoreApplication.translate("LibraryModel", "结构骨架"),
        "phrasing": QCoreApplication.translate("LibraryModel", "常用语句"),
        "document": QCoreApplication.translate("LibraryModel", "范文"),
        "snippet": QCoreApplication.translate("LibraryModel", "我的素材"),
        "favorite": QCoreApplication.translate("LibraryModel", "收藏"),
        "shared": QCoreApplication.translate("LibraryModel", "单位素材库"),
    }.get(kind, kind)


def genre_label(genre: str) -> str:
    """The name of a genre code (every code the importer produces; an unknown code as it is)."""
    return {
        "plan": QCoreApplication.translate("LibraryModel", "工作计划"),
        "scheme": QCoreApplication.translate("LibraryModel", "实施方案"),
        "summary": QCoreApplication.translate("LibraryModel", "工作总结"),
        "speech": QCoreApplication.translate("LibraryModel", "讲话稿"),
        "exemplary": QCoreApplication.translate("LibraryModel", "典型材料"),
        "notice": QCoreApplication.translate("LibraryModel", "通知"),
        "report": QCoreApplication.translate("LibraryModel", "报告"),
        "request": QCoreApplication.translate("LibraryModel", "请示"),
        "letter": QCoreApplication.translate("LibraryModel", "函"),
        "decision": QCoreApplication.translate("LibraryModel", "决定"),
        "article": QCoreApplication.translate("LibraryModel", "其他文稿"),
        "": QCoreApplication.translate("LibraryModel", "未分类"),
    }.get(genre or "", genre)


def kind_label(kind: str) -> str:
    return {
        "skeleton": QCoreApplication.translate("LibraryModel", "结构骨架"),
        "phrasing": QCoreApplication.translate("LibraryModel", "常用语句"),
        "document": QCoreApplication.translate("LibraryModel", "范文"),
        "section": QCoreApplication.translate("LibraryModel", "范文段落"),
        "snippet": QCoreApplication.translate("LibraryModel", "我的素材"),
    }.get(kind, kind)


def field(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def library_total(store: Any) -> int:
    """The number of items the pane counts (共 N 条): the kinds of ``COUNTED_KINDS``.

    Sections are part of their document and not counted; the import summary uses the same sum.
    """
    total = 0
    for kind in COUNTED_KINDS:
        try:
            total += int(store.count(kind))
        except Exception:  # noqa: BLE001 - a kind the store cannot count adds nothing
            pass
    return total


_MERGED_COUNT_RE = re.compile(r"[（(]\s*(\d+)\s*篇\s*[)）]")


class DocumentIndex:
    """Which document of its file an item is (第 2 篇 of 5), read once from ``store.documents()``.

    Several documents of one file often share a title (教育局工作计划); their skeletons and
    search hits are told apart by this ordinal. A document's own skeleton names only the file and
    document title, so it is matched to the document whose top-level headings its parts share.
    """

    def __init__(self, store: Any) -> None:
        self._doc: dict[Any, tuple[int, int]] = {}  # document id -> (ordinal, documents in file)
        self._by_title: dict[tuple[str, str], list[tuple[int, int, set[str]]]] = {}
        try:
            files = list(store.documents()) if store is not None else []
        except Exception:  # noqa: BLE001 - then labels carry no ordinals
            files = []
        for file_node in files:
            docs = list(getattr(file_node, "documents", []) or [])
            for ordinal, doc in enumerate(docs, 1):
                item = getattr(doc, "item", None)
                if item is None:
                    continue
                self._doc[field(item, "id")] = (ordinal, len(docs))
                heads = {
                    str(field(getattr(c, "item", None), "title", "") or "")
                    for c in getattr(doc, "children", []) or []
                }
                key = (str(getattr(file_node, "file", "") or ""), str(field(item, "title") or ""))
                self._by_title.setdefault(key, []).append((ordinal, len(docs), heads))

    def document_ordinal(self, item: Any) -> tuple[int, int] | None:
        return self._doc.get(field(item, "id"))

    def skeleton_ordinal(self, item: Any) -> tuple[int, int] | None:
        sources = field(item, "sources") or []
        if not sources:
            return None
        key = (
            str(field(sources[0], "file", "") or ""),
            str(field(sources[0], "document", "") or ""),
        )
        candidates = self._by_title.get(key) or []
        if not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0][:2]
        data = field(item, "data") or {}
        tops: set[str] = set()
        for part in (data.get("parts") or []) if isinstance(data, dict) else []:
            section = field(field(part, "source", {}) or {}, "section", ()) or ()
            if section:
                tops.add(str(section[0]))
        best = max(candidates, key=lambda c: len(c[2] & tops))
        return best[:2] if best[2] & tops else None


def item_detail(item: Any, index: DocumentIndex | None = None, with_file: bool = True) -> str:
    """What tells an item apart from others of the same title: for a document's skeleton its
    ordinal in the file, its number of parts and the file; for a document its ordinal."""
    kind = field(item, "kind")
    data = field(item, "data") or {}
    if not isinstance(data, dict):
        data = {}
    bits: list[str] = []
    if kind == "skeleton" and not data.get("merged"):
        ordinal = index.skeleton_ordinal(item) if index is not None else None
        if ordinal and ordinal[1] > 1:
            bits.append(_tr("第 %1 篇").replace("%1", str(ordinal[0])))
        parts = [p for p in data.get("parts") or [] if int(field(p, "level", 1) or 1) == 1]
        if parts:
            bits.append(_tr("%1 部分").replace("%1", str(len(parts))))
        sources = field(item, "sources") or []
        if with_file and sources and field(sources[0], "file"):
            bits.append(str(field(sources[0], "file")))
    elif kind == "document":
        ordinal = index.document_ordinal(item) if index is not None else None
        if ordinal and ordinal[1] > 1:
            bits.append(_tr("第 %1 篇").replace("%1", str(ordinal[0])))
        sources = field(item, "sources") or []
        if with_file and sources and field(sources[0], "file"):
            bits.append(str(field(sources[0], "file")))
    elif kind == "section":
        sources = field(item, "sources") or []
        if with_file and sources and field(sources[0], "document"):
            bits.append(str(field(sources[0], "document")))
    return " · ".join(bits)


def merged_skeleton_label(item: Any) -> str:
    """工作计划 · 通用骨架（6 篇综合）: a genre's skeleton merged from several documents;
    实施方案 · 通用骨架（按通用结构）: a form no sample has, offered from its canonical outline."""
    title = str(field(item, "title", "") or "")
    genre = field(item, "genre") or ""
    match = _MERGED_COUNT_RE.search(title)
    if not match and not field(item, "sources"):
        return genre_label(genre) + " · " + _tr("通用骨架（按通用结构）")
    if match:
        count = int(match.group(1))
    else:
        sources = field(item, "sources") or []
        count = len({(field(s, "file"), field(s, "document")) for s in sources})
    return (
        genre_label(genre) + " · " + _tr("通用骨架（%1 篇综合）").replace("%1", str(max(count, 1)))
    )


def item_label(item: Any, limit: int = 48, detail: str = "") -> str:
    """One line for a tree or result row: the title, or the start of the text, then ``detail``
    (see :func:`item_detail`) so that items sharing a title can be told apart.

    A genre's merged skeleton reads 工作计划 · 通用骨架（6 篇综合）.
    """
    data = field(item, "data") or {}
    if field(item, "kind") == "skeleton" and isinstance(data, dict) and data.get("merged"):
        text = merged_skeleton_label(item)
    else:
        text = (field(item, "title") or "").strip() or (field(item, "text") or "").strip()
        text = " ".join(text.split())
        if len(text) > limit:
            text = text[: limit - 1] + "…"
        if text and detail:
            text += " · " + detail
    mark = _tr("［单位］") if field(item, "origin") == "shared" else ""
    return ("★ " if field(item, "favorite") else "") + mark + (text or _tr("（空）"))


def section_lines(store: Any, item: Any, depth: int = 0) -> list[tuple[bool, str]]:
    """A document or section with everything under it as ``(is_heading, text)`` lines.

    A section's own ``text`` is only the body before its first sub-heading; inserting or previewing
    a section means the whole of it.
    """
    lines: list[tuple[bool, str]] = []
    kind = field(item, "kind")
    if kind == "section":
        lines.append((True, str(field(item, "title", "") or "")))
    body = str(field(item, "text", "") or "")
    if kind == "document":
        headings: set[str] = set()
        todo = [field(item, "id")]
        while todo and store is not None and len(headings) < 2000:
            try:
                children = store.children(todo.pop())
            except Exception:  # noqa: BLE001 - then the lines are shown without emphasis
                break
            headings.update(str(field(c, "title", "") or "") for c in children)
            todo.extend(field(c, "id") for c in children)
        return [(line in headings, line) for line in body.splitlines() if line.strip()]
    lines.extend((False, line) for line in body.splitlines() if line.strip())
    if store is not None and depth < 8:
        try:
            children = store.children(field(item, "id"))
        except Exception:  # noqa: BLE001 - a preview without sub-sections is still useful
            children = []
        for child in children:
            lines.extend(section_lines(store, child, depth + 1))
    return lines


def item_payload(item: Any, store: Any = None) -> dict[str, Any]:
    """The insert / drag payload of an item: id, kind, text, title, data.

    For a section (with ``store`` given) ``text`` is the whole section: its numbered heading,
    its body and its sub-sections, so the composer rebuilds the structure from it.
    """
    data = field(item, "data") or {}
    text = str(field(item, "text", "") or "")
    if field(item, "kind") == "section" and store is not None:
        text = "\n".join(line for _h, line in section_lines(store, item))
    return {
        "id": str(field(item, "id", "")),
        "kind": str(field(item, "kind", "")),
        "text": text,
        "title": str(field(item, "title", "") or ""),
        "data": dict(data) if isinstance(data, dict) else {},
    }
