"""Text that arrives in the composer as structure: typed-numbered pastes and skeletons.

``parse_pasted`` reads typed numbers (一、 （一） 1. （1）) with the importer and returns report
blocks with levels instead (the composer computes the numbers); ``skeleton_blocks`` turns a
skeleton from the library into headings with greyed hint paragraphs.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from eduwriter.compose.report import ReportBlock
from eduwriter.gui.editor.report_model import split_run_in


def skeleton_blocks(payload: dict) -> list[ReportBlock]:
    """Headings with greyed hints from a skeleton payload (``data["parts"]``)."""
    data = payload.get("data") or {}
    parts = data.get("parts") or []
    out: list[ReportBlock] = []
    for part in parts:
        if isinstance(part, dict):
            level, heading = part.get("level", 1), str(part.get("heading") or "").strip()
            hint, role = str(part.get("hint") or "").strip(), str(part.get("role") or "")
        else:
            level, heading = part.level, part.heading.strip()
            hint, role = part.hint.strip(), part.role
        if not heading:
            continue
        if len(hint) > 40:
            hint = hint[:40] + "…"
        if hint.startswith("【"):
            text = hint
        elif hint:
            text = QCoreApplication.translate("Composer", "【在此概述{0}，如：{1}】").format(
                heading, hint
            )
        else:
            text = QCoreApplication.translate("Composer", "【在此概述{0}…】").format(heading)
        if heading == role and role in ("开头", "结尾"):
            # An opening/closing paragraph, not a numbered section.
            out.append(ReportBlock("paragraph", text, hint=True))
            continue
        out.append(ReportBlock("heading", heading, max(1, min(int(level or 1), 4))))
        out.append(ReportBlock("paragraph", text, hint=True))
    if not out and payload.get("text"):
        return outline_blocks(str(payload["text"]))
    return out


def parse_pasted(text: str, context_level: int | None = None) -> tuple[str, list[ReportBlock]]:
    """(title, blocks) of typed-numbered text, numbers removed, using the importer."""
    try:
        from eduwriter.core.importer import parse_outline
    except ImportError:  # the importer is not installed in this build
        return "", []
    try:
        doc = parse_outline(text)
    except Exception:  # noqa: BLE001 - a paste must never crash the editor
        return "", []
    heads = [b for b in doc.blocks if b.kind == "heading" and b.level > 0]
    # The depth the typed markers stand for (（一） is level 2 wherever it appears).
    typed = [_marker_level(b.marker) for b in heads]
    fits = bool(heads) and all(typed) and context_level is not None
    fits = fits and 0 < context_level < min(t for t in typed if t)
    levels = iter(typed if fits else [b.level for b in heads])
    top = 1 if fits or not heads else min(b.level for b in heads)
    blocks: list[ReportBlock] = []
    for b in doc.blocks:
        if b.kind == "heading" and b.level > 0:
            head, body = split_run_in(b.text)
            level = next(levels) - (0 if fits else top - 1)
            blocks.append(ReportBlock("heading", head, max(1, min(level, 4)), body))
        elif b.text.strip():
            blocks.append(ReportBlock("paragraph", b.text.strip()))
    return (doc.title or "").strip(), blocks


def _marker_level(marker: str) -> int:
    if not marker:
        return 0
    from eduwriter.compose.markdown_io import split_marker

    level, _rest = split_marker(marker + "标题")
    return level or 0


def outline_blocks(text: str) -> list[ReportBlock]:
    """Typed-numbered text -> report blocks (a title becomes the first paragraph)."""
    title, blocks = parse_pasted(text)
    return ([ReportBlock("paragraph", title)] if title else []) + blocks
