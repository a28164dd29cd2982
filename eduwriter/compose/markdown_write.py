"""Writing a report as our Markdown file (numbers written out, metadata as front matter)."""

from __future__ import annotations

from pathlib import Path

from eduwriter.compose.markdown_syntax import (
    HINT_MARK,
    META_ORDER,
    PLAIN_MARK,
    escape_inline,
    escape_para,
    one_line,
    split_marker,
)
from eduwriter.compose.render import RenderedBlock, render
from eduwriter.compose.report import Report
from eduwriter.core.atomic import atomic_write_text
from eduwriter.core.outline import match_marker


def blocks_to_markdown(blocks: list[RenderedBlock], report: Report) -> str:
    """Markdown for rendered blocks (the front matter comes from ``report.meta``)."""
    lines: list[str] = []
    meta = report.meta
    if not meta.is_empty():
        lines.append("---")
        for key, attr in META_ORDER[:1]:
            if getattr(meta, attr).strip():
                lines.append(f"{key}: {one_line(getattr(meta, attr))}")
        attachments = [one_line(a) for a in meta.attachments if a.strip()]
        if attachments:
            lines.append("附件:")
            lines.extend(f"  - {a}" for a in attachments)
        for key, attr in META_ORDER[1:]:
            if getattr(meta, attr).strip():
                lines.append(f"{key}: {one_line(getattr(meta, attr))}")
        if meta.sealed:
            lines.append("盖章: 是")
        lines.append("---")
        lines.append("")
    if _needs_plain_mark(blocks):
        lines.append(PLAIN_MARK)
        lines.append("")
    for blk in blocks:
        if blk.role == "title":
            lines.append(f"# {_no_closing_hashes(escape_inline(one_line(blk.text)))}")
        elif blk.role == "heading":
            head = escape_inline(one_line(blk.heading_line))
            if not blk.body:
                head = _no_closing_hashes(head)
            if blk.body:
                lines.append(f"**{head}**{escape_inline(one_line(blk.body))}")
            else:
                lines.append(f"{'#' * (blk.level + 1)} {head}")
        elif blk.role == "paragraph":
            text = one_line(blk.text)
            if blk.hint:
                lines.append(HINT_MARK)
                lines.append(f"> {escape_para(text)}")
            elif text:
                lines.append(escape_para(text))
            else:
                continue
        else:
            # recipient / attachments / signer / date live in the front matter
            continue
        lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def _no_closing_hashes(text: str) -> str:
    """Escape a final ``#`` so a reader does not take it for an ATX closing sequence
    ("C# 课程 #" stays whole)."""
    return text[:-1] + "\\#" if text.endswith("#") else text


def _looks_numbered(text: str) -> bool:
    """A paragraph the reader could take for a heading with a typed number."""
    if split_marker(text)[0] is not None:
        return True
    return match_marker(text) is not None


def _needs_plain_mark(blocks: list[RenderedBlock]) -> bool:
    paragraphs = [b for b in blocks if b.role == "paragraph" and not b.hint and b.text.strip()]
    if not paragraphs:
        return False
    if not any(b.role == "heading" for b in blocks):
        return True
    return any(_looks_numbered(one_line(b.text)) for b in paragraphs)


def report_to_markdown(report: Report) -> str:
    """The report as our Markdown file text (numbers written, metadata as front matter)."""
    return blocks_to_markdown(render(report), report)


def write_report(report: Report, path: str | Path) -> Path:
    """Save the report as Markdown (UTF-8) atomically. Returns the path written."""
    return atomic_write_text(path, report_to_markdown(report))
